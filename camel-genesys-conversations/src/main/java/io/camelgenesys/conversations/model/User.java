package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** A Genesys Cloud user (User of the SDK); presence and routingStatus only when expanded. Fields this class does not declare are kept (GenesysModel). */
public class User extends GenesysModel {

    private String id;
    private String name;
    private String email;
    private String username;
    private String state;
    private Integer version;
    private UserPresence presence;
    private RoutingStatus routingStatus;
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public UserPresence getPresence() {
        return presence;
    }

    public void setPresence(UserPresence presence) {
        this.presence = presence;
    }

    public RoutingStatus getRoutingStatus() {
        return routingStatus;
    }

    public void setRoutingStatus(RoutingStatus routingStatus) {
        this.routingStatus = routingStatus;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
