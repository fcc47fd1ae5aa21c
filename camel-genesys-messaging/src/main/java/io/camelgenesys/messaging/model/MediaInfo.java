package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A media file of a channel, as {@code uploadMedia} and {@code deleteMedia} answer it (seed 002 L7618-7686).
 * {@code url} ({@code genesys://nexus/<mediaId>}) is a reference for message payloads, not a download link.
 */
public class MediaInfo extends GenesysModel {

    private String mediaId;
    private String url;
    private String filename;
    private String mimetype;
    private Long length;

    public String getMediaId() {
        return mediaId;
    }

    public void setMediaId(String mediaId) {
        this.mediaId = mediaId;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }

    public String getMimetype() {
        return mimetype;
    }

    public void setMimetype(String mimetype) {
        this.mimetype = mimetype;
    }

    public Long getLength() {
        return length;
    }

    public void setLength(Long length) {
        this.length = length;
    }
}
