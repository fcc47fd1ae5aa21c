package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** A user's presence from one source (UserPresence of the SDK); Genesys Cloud's own source is PURECLOUD. Fields this class does not declare are kept (GenesysModel). */
public class UserPresence extends GenesysModel {

    private String id;
    private String name;
    private String source;
    private String sourceId;
    private Boolean primary;
    private PresenceDefinition presenceDefinition;
    private String message;
    private String modifiedDate;
    private String selfUri;

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

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public Boolean getPrimary() {
        return primary;
    }

    public void setPrimary(Boolean primary) {
        this.primary = primary;
    }

    public PresenceDefinition getPresenceDefinition() {
        return presenceDefinition;
    }

    public void setPresenceDefinition(PresenceDefinition presenceDefinition) {
        this.presenceDefinition = presenceDefinition;
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

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
