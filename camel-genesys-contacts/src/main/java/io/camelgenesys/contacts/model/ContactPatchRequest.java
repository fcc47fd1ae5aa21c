package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** The body of patch (ExternalContactsPatchRequest of the Genesys Cloud SDK): the changes to apply to one external contact. Fields this class does not declare are kept (GenesysModel). */
public class ContactPatchRequest extends GenesysModel {

    private List<ContactsPatchChange> changes;

    public List<ContactsPatchChange> getChanges() {
        return changes;
    }

    public void setChanges(List<ContactsPatchChange> changes) {
        this.changes = changes;
    }
}
