package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** What reverseLookup found for a value: at most 25 contacts and organizations. Fields this class does not declare are kept (GenesysModel). */
public class ReverseLookupResult extends GenesysModel {

    private List<ExternalContact> contacts;
    private List<ExternalOrganization> externalOrganizations;

    public List<ExternalContact> getContacts() {
        return contacts;
    }

    public void setContacts(List<ExternalContact> contacts) {
        this.contacts = contacts;
    }

    public List<ExternalOrganization> getExternalOrganizations() {
        return externalOrganizations;
    }

    public void setExternalOrganizations(List<ExternalOrganization> externalOrganizations) {
        this.externalOrganizations = externalOrganizations;
    }
}
