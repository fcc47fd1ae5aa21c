package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** The routing status in a routing status event (UserRoutingStatusRoutingStatus of the SDK): status (e.g. IDLE, INTERACTING, OFF_QUEUE) and since when. Fields this class does not declare are kept (GenesysModel). */
public class UserRoutingStatusRoutingStatus extends GenesysModel {

    private String status;
    private String startTime;

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
