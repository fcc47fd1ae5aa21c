package io.camelgenesys.contacts.model;

import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** The relationship of a Genesys Cloud user to an external organization (Relationship, seed 003). Fields this class does not declare are kept (GenesysModel). */
public class Relationship extends GenesysModel {

    private String id;
    private Map<String, Object> user;
    private ExternalOrganization externalOrganization;
    private String relationship;
    private Map<String, Object> division;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Map<String, Object> getUser() {
        return user;
    }

    public void setUser(Map<String, Object> user) {
        this.user = user;
    }

    public ExternalOrganization getExternalOrganization() {
        return externalOrganization;
    }

    public void setExternalOrganization(ExternalOrganization externalOrganization) {
        this.externalOrganization = externalOrganization;
    }

    public String getRelationship() {
        return relationship;
    }

    public void setRelationship(String relationship) {
        this.relationship = relationship;
    }

    public Map<String, Object> getDivision() {
        return division;
    }

    public void setDivision(Map<String, Object> division) {
        this.division = division;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
