package io.camelgenesys.conversations.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** The event body of topic v2.users.{id}.conversations (ConversationEventTopicConversation of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class ConversationEventTopicConversation extends GenesysModel {

    private String id;
    private Integer maxParticipants;
    private List<ConversationEventTopicParticipant> participants;
    private String recordingState;
    private String address;
    private String externalTag;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Integer getMaxParticipants() {
        return maxParticipants;
    }

    public void setMaxParticipants(Integer maxParticipants) {
        this.maxParticipants = maxParticipants;
    }

    public List<ConversationEventTopicParticipant> getParticipants() {
        return participants;
    }

    public void setParticipants(List<ConversationEventTopicParticipant> participants) {
        this.participants = participants;
    }

    public String getRecordingState() {
        return recordingState;
    }

    public void setRecordingState(String recordingState) {
        this.recordingState = recordingState;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getExternalTag() {
        return externalTag;
    }

    public void setExternalTag(String externalTag) {
        this.externalTag = externalTag;
    }

}
