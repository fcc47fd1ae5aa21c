package io.camelgenesys.contacts.model;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** Enrich for external organizations (ExternalOrganizationEnrichRequest; action Insert, Update or Upsert). Fields this class does not declare are kept (GenesysModel). */
public class OrganizationEnrichRequest extends GenesysModel {

    private String id;
    private String action;
    private List<ContactIdentifier> matchingIdentifiers;
    private ExternalOrganization externalOrganization;
    private Map<String, Object> fieldRules;
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

    public ExternalOrganization getExternalOrganization() {
        return externalOrganization;
    }

    public void setExternalOrganization(ExternalOrganization externalOrganization) {
        this.externalOrganization = externalOrganization;
    }

    public Map<String, Object> getFieldRules() {
        return fieldRules;
    }

    public void setFieldRules(Map<String, Object> fieldRules) {
        this.fieldRules = fieldRules;
    }

    public Map<String, Object> getDivision() {
        return division;
    }

    public void setDivision(Map<String, Object> division) {
        this.division = division;
    }
}
