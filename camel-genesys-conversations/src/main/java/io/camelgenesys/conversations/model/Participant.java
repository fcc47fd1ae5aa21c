package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** A participant of a conversation (Participant of the SDK; seed 000 gives it a state, which the SDK keeps per communication, e.g. calls[].state). Fields this class does not declare are kept (GenesysModel). */
public class Participant extends GenesysModel {

    private String id;
    private String name;
    private String userId;
    private String purpose;

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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }
}
