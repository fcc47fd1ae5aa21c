package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** A user's routing status (RoutingStatus of the SDK): OFF_QUEUE, IDLE, INTERACTING, NOT_RESPONDING or COMMUNICATING. Fields this class does not declare are kept (GenesysModel). */
public class RoutingStatus extends GenesysModel {

    private String userId;
    private String status;
    private String startTime;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }
}
