package io.camelgenesys.conversations.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** One topic of a channel (ChannelTopic of the SDK): the topic name as id; in answers its state (Permitted, Rejected) and why it was rejected. Fields this class does not declare are kept (GenesysModel). */
public class ChannelTopic extends GenesysModel {

    private String id;
    private String state;
    private String rejectionReason;
    private List<String> missingPermissions;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public void setRejectionReason(String rejectionReason) {
        this.rejectionReason = rejectionReason;
    }

    public List<String> getMissingPermissions() {
        return missingPermissions;
    }

    public void setMissingPermissions(List<String> missingPermissions) {
        this.missingPermissions = missingPermissions;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }

}
