package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** A conversation (Conversation of the SDK): its participants are always included. Fields this class does not declare are kept (GenesysModel). */
public class Conversation extends GenesysModel {

    private String id;
    private String name;
    private String startTime;
    private String endTime;
    private java.util.List<Participant> participants;
    private String recordingState;
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

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public java.util.List<Participant> getParticipants() {
        return participants;
    }

    public void setParticipants(java.util.List<Participant> participants) {
        this.participants = participants;
    }

    public String getRecordingState() {
        return recordingState;
    }

    public void setRecordingState(String recordingState) {
        this.recordingState = recordingState;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
