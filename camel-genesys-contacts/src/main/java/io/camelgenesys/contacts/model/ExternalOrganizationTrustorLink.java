package io.camelgenesys.contacts.model;

import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** What linkTrustor answers (ExternalOrganizationTrustorLink of the Genesys Cloud SDK): the organization, the trustor organization and when they were linked. Fields this class does not declare are kept (GenesysModel). */
public class ExternalOrganizationTrustorLink extends GenesysModel {

    private Map<String, Object> division;
    private String externalOrganizationId;
    private String trustorOrgId;
    private String dateCreated;
    private String externalOrganizationUri;

    public Map<String, Object> getDivision() {
        return division;
    }

    public void setDivision(Map<String, Object> division) {
        this.division = division;
    }

    public String getExternalOrganizationId() {
        return externalOrganizationId;
    }

    public void setExternalOrganizationId(String externalOrganizationId) {
        this.externalOrganizationId = externalOrganizationId;
    }

    public String getTrustorOrgId() {
        return trustorOrgId;
    }

    public void setTrustorOrgId(String trustorOrgId) {
        this.trustorOrgId = trustorOrgId;
    }

    public String getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(String dateCreated) {
        this.dateCreated = dateCreated;
    }

    public String getExternalOrganizationUri() {
        return externalOrganizationUri;
    }

    public void setExternalOrganizationUri(String externalOrganizationUri) {
        this.externalOrganizationUri = externalOrganizationUri;
    }
}
