package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A header to send with an upload to a pre-signed link (Header of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class UploadHeader extends GenesysModel {

    private String name;
    private String value;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
