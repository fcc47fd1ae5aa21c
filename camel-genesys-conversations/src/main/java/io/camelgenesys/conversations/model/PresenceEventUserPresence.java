package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** The event body of topic v2.users.{id}.presence (PresenceEventUserPresence of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class PresenceEventUserPresence extends GenesysModel {

    private String source;
    private PresenceEventOrganizationPresence presenceDefinition;
    private Boolean primary;
    private String message;
    private String modifiedDate;
    private PresenceEventOrganizationPresence futurePresenceDefinition;

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public PresenceEventOrganizationPresence getPresenceDefinition() {
        return presenceDefinition;
    }

    public void setPresenceDefinition(PresenceEventOrganizationPresence presenceDefinition) {
        this.presenceDefinition = presenceDefinition;
    }

    public Boolean getPrimary() {
        return primary;
    }

    public void setPrimary(Boolean primary) {
        this.primary = primary;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getModifiedDate() {
        return modifiedDate;
    }

    public void setModifiedDate(String modifiedDate) {
        this.modifiedDate = modifiedDate;
    }

    public PresenceEventOrganizationPresence getFuturePresenceDefinition() {
        return futurePresenceDefinition;
    }

    public void setFuturePresenceDefinition(PresenceEventOrganizationPresence futurePresenceDefinition) {
        this.futurePresenceDefinition = futurePresenceDefinition;
    }

}
