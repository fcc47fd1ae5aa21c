package io.camelgenesys.contacts;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;

/**
 * The genesys-contacts operations: Genesys Cloud External Contacts ({@code /api/v2/externalcontacts}, seed 003).
 */
public enum ContactsOperation implements GenesysOperation {
    create(OperationSpec.post("/api/v2/externalcontacts/contacts").body(ExternalContact.class)
            .returns(ExternalContact.class)),
    get(OperationSpec.get("/api/v2/externalcontacts/contacts/{contactId}").query("expand")
            .returns(ExternalContact.class));

    private final OperationSpec spec;

    ContactsOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
