package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** A member of a queue (QueueMember of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class QueueMember extends GenesysModel {

    private String id;
    private String name;
    private User user;
    private Integer ringNumber;
    private Boolean joined;
    private String memberBy;
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

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }

    public Integer getRingNumber() {
        return ringNumber;
    }

    public void setRingNumber(Integer ringNumber) {
        this.ringNumber = ringNumber;
    }

    public Boolean getJoined() {
        return joined;
    }

    public void setJoined(Boolean joined) {
        this.joined = joined;
    }

    public String getMemberBy() {
        return memberBy;
    }

    public void setMemberBy(String memberBy) {
        this.memberBy = memberBy;
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
