package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A Genesys Cloud external contact (ExternalContact in seed 003); unknown fields are kept. */
public class ExternalContact extends GenesysModel {

    private String id;
    private String firstName;
    private String lastName;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }
}
