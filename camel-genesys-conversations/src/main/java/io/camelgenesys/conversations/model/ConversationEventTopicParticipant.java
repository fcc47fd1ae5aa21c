package io.camelgenesys.conversations.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** A participant in a conversation event (the participant of ConversationEventTopicConversation in the SDK); its media (calls, chats, ...) are kept as they come. Fields this class does not declare are kept (GenesysModel). */
public class ConversationEventTopicParticipant extends GenesysModel {

    private String id;
    private String userId;
    private String queueId;
    private String name;
    private String purpose;
    private String address;
    private String connectedTime;
    private String endTime;
    private Boolean wrapupRequired;
    private List<Object> calls;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getQueueId() {
        return queueId;
    }

    public void setQueueId(String queueId) {
        this.queueId = queueId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getConnectedTime() {
        return connectedTime;
    }

    public void setConnectedTime(String connectedTime) {
        this.connectedTime = connectedTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public Boolean getWrapupRequired() {
        return wrapupRequired;
    }

    public void setWrapupRequired(Boolean wrapupRequired) {
        this.wrapupRequired = wrapupRequired;
    }

    public List<Object> getCalls() {
        return calls;
    }

    public void setCalls(List<Object> calls) {
        this.calls = calls;
    }

}
