package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** Claims or releases an identifier (IdentifierClaimRequest: operation Claim or Release). Fields this class does not declare are kept (GenesysModel). */
public class IdentifierClaimRequest extends GenesysModel {

    private String operation;
    private ContactIdentifier identifier;

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public ContactIdentifier getIdentifier() {
        return identifier;
    }

    public void setIdentifier(ContactIdentifier identifier) {
        this.identifier = identifier;
    }
}
