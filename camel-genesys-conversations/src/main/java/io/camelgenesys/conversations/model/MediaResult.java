package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** One media link of a recording (MediaResult of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class MediaResult extends GenesysModel {

    private String mediaUri;

    public String getMediaUri() {
        return mediaUri;
    }

    public void setMediaUri(String mediaUri) {
        this.mediaUri = mediaUri;
    }
}
