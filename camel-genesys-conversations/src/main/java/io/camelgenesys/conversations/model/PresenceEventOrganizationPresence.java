package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** The presence definition in a presence event (PresenceEventOrganizationPresence of the SDK): its id and system presence (e.g. AVAILABLE, BUSY, AWAY, OFFLINE). Fields this class does not declare are kept (GenesysModel). */
public class PresenceEventOrganizationPresence extends GenesysModel {

    private String id;
    private String systemPresence;

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

}
