package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** Merges 2 to 25 contacts into a new one (MergeContactsRequest). Fields this class does not declare are kept (GenesysModel). */
public class MergeRequest extends GenesysModel {

    private List<String> contactIds;
    private ExternalContact valueOverride;

    public List<String> getContactIds() {
        return contactIds;
    }

    public void setContactIds(List<String> contactIds) {
        this.contactIds = contactIds;
    }

    public ExternalContact getValueOverride() {
        return valueOverride;
    }

    public void setValueOverride(ExternalContact valueOverride) {
        this.valueOverride = valueOverride;
    }
}
