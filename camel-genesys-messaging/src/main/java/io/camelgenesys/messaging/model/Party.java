package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A sender or recipient of a Digital Channels message: a phone number, an email address, a channel id.
 * {@code name} is the display name (email).
 */
public class Party extends GenesysModel {

    private String id;
    private String name;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
