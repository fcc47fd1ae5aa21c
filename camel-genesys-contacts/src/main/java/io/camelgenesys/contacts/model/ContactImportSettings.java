package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** Contact import settings (ContactImportSettings of the SDK): how an import job matches and merges contacts. Fields this class does not declare are kept (GenesysModel). */
public class ContactImportSettings extends GenesysModel {

    private String id;
    private String name;
    private List<String> matchingCriteria;
    private Boolean mergeContacts;
    private String externalSourceId;
    private List<ContactImportField> importFields;
    private String dateCreated;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getMatchingCriteria() {
        return matchingCriteria;
    }

    public void setMatchingCriteria(List<String> matchingCriteria) {
        this.matchingCriteria = matchingCriteria;
    }

    public Boolean getMergeContacts() {
        return mergeContacts;
    }

    public void setMergeContacts(Boolean mergeContacts) {
        this.mergeContacts = mergeContacts;
    }

    public String getExternalSourceId() {
        return externalSourceId;
    }

    public void setExternalSourceId(String externalSourceId) {
        this.externalSourceId = externalSourceId;
    }

    public List<ContactImportField> getImportFields() {
        return importFields;
    }

    public void setImportFields(List<ContactImportField> importFields) {
        this.importFields = importFields;
    }

    public String getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(String dateCreated) {
        this.dateCreated = dateCreated;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
