package io.camelgenesys.contacts.model;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** Enrich: find contacts by matchingIdentifiers and act on them (ContactEnrichRequest; action Insert, Update, Upsert or Merge). Fields this class does not declare are kept (GenesysModel). */
public class ContactEnrichRequest extends GenesysModel {

    private String id;
    private String action;
    private List<ContactIdentifier> matchingIdentifiers;
    private ExternalContact contact;
    private Map<String, Object> fieldRules;
    private Map<String, Object> options;
    private Map<String, Object> division;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public List<ContactIdentifier> getMatchingIdentifiers() {
        return matchingIdentifiers;
    }

    public void setMatchingIdentifiers(List<ContactIdentifier> matchingIdentifiers) {
        this.matchingIdentifiers = matchingIdentifiers;
    }

    public ExternalContact getContact() {
        return contact;
    }

    public void setContact(ExternalContact contact) {
        this.contact = contact;
    }

    public Map<String, Object> getFieldRules() {
        return fieldRules;
    }

    public void setFieldRules(Map<String, Object> fieldRules) {
        this.fieldRules = fieldRules;
    }

    public Map<String, Object> getOptions() {
        return options;
    }

    public void setOptions(Map<String, Object> options) {
        this.options = options;
    }

    public Map<String, Object> getDivision() {
        return division;
    }

    public void setDivision(Map<String, Object> division) {
        this.division = division;
    }
}
