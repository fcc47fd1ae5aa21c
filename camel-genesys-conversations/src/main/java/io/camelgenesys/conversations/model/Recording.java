package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** A recording's metadata (Recording of the SDK); mediaUris holds the pre-signed media links when a format was asked for. Fields this class does not declare are kept (GenesysModel). */
public class Recording extends GenesysModel {

    private String id;
    private String name;
    private String conversationId;
    private String startTime;
    private String endTime;
    private String media;
    private String fileState;
    private java.util.Map<String, MediaResult> mediaUris;
    private Integer outputDurationMs;
    private Integer outputSizeInBytes;
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

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
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

    public String getMedia() {
        return media;
    }

    public void setMedia(String media) {
        this.media = media;
    }

    public String getFileState() {
        return fileState;
    }

    public void setFileState(String fileState) {
        this.fileState = fileState;
    }

    public java.util.Map<String, MediaResult> getMediaUris() {
        return mediaUris;
    }

    public void setMediaUris(java.util.Map<String, MediaResult> mediaUris) {
        this.mediaUris = mediaUris;
    }

    public Integer getOutputDurationMs() {
        return outputDurationMs;
    }

    public void setOutputDurationMs(Integer outputDurationMs) {
        this.outputDurationMs = outputDurationMs;
    }

    public Integer getOutputSizeInBytes() {
        return outputSizeInBytes;
    }

    public void setOutputSizeInBytes(Integer outputSizeInBytes) {
        this.outputSizeInBytes = outputSizeInBytes;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
