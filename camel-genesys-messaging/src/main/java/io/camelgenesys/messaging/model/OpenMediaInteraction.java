package io.camelgenesys.messaging.model;

import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/**
 * An open media workitem (the seed gives {@code {object}}; these are the simulator's fields, seed 002
 * L6718-7256): {@code state} {@code Queued} or {@code Stopped}; times are ISO-8601 text as Genesys sends them.
 */
public class OpenMediaInteraction extends GenesysModel {

    private String id;
    private String openMediaService;
    private String externalId;
    private String parentInteractionId;
    private String receivedAt;
    private Map<String, Object> userData;
    private String state;
    private String createdAt;
    private String stoppedAt;
    private StopReason stopReason;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getOpenMediaService() {
        return openMediaService;
    }

    public void setOpenMediaService(String openMediaService) {
        this.openMediaService = openMediaService;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getParentInteractionId() {
        return parentInteractionId;
    }

    public void setParentInteractionId(String parentInteractionId) {
        this.parentInteractionId = parentInteractionId;
    }

    public String getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(String receivedAt) {
        this.receivedAt = receivedAt;
    }

    public Map<String, Object> getUserData() {
        return userData;
    }

    public void setUserData(Map<String, Object> userData) {
        this.userData = userData;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getStoppedAt() {
        return stoppedAt;
    }

    public void setStoppedAt(String stoppedAt) {
        this.stoppedAt = stoppedAt;
    }

    public StopReason getStopReason() {
        return stopReason;
    }

    public void setStopReason(StopReason stopReason) {
        this.stopReason = stopReason;
    }
}
