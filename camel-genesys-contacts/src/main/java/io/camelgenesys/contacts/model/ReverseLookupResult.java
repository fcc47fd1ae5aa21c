package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** What reverseLookup found for a value (ReverseWhitepagesLookupResult of the Genesys Cloud SDK 262.0.0): at most 25 contacts. Fields this class does not declare are kept (GenesysModel). */
public class ReverseLookupResult extends GenesysModel {

    private List<ExternalContact> contacts;

    public List<ExternalContact> getContacts() {
        return contacts;
    }

    public void setContacts(List<ExternalContact> contacts) {
        this.contacts = contacts;
    }
}
