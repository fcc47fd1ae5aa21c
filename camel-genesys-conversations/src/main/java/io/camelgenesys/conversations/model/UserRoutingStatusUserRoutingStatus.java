package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** The event body of topic v2.users.{id}.routingStatus (UserRoutingStatusUserRoutingStatus of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class UserRoutingStatusUserRoutingStatus extends GenesysModel {

    private String id;
    private UserRoutingStatusRoutingStatus routingStatus;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public UserRoutingStatusRoutingStatus getRoutingStatus() {
        return routingStatus;
    }

    public void setRoutingStatus(UserRoutingStatusRoutingStatus routingStatus) {
        this.routingStatus = routingStatus;
    }

}
