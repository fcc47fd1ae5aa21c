package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** The presence a user is in (PresenceDefinition of the SDK): its id, and the system presence it stands for. Fields this class does not declare are kept (GenesysModel). */
public class PresenceDefinition extends GenesysModel {

    private String id;
    private String systemPresence;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getSystemPresence() {
        return systemPresence;
    }

    public void setSystemPresence(String systemPresence) {
        this.systemPresence = systemPresence;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
