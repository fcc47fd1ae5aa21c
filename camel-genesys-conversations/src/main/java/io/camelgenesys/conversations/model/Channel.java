package io.camelgenesys.conversations.model;

import io.camelgenesys.core.json.GenesysModel;

/** A notification channel (Channel of the SDK): its id, the WebSocket URI to connect to, and when it expires (ISO-8601). Fields this class does not declare are kept (GenesysModel). */
public class Channel extends GenesysModel {

    private String connectUri;
    private String id;
    private String expires;

    public String getConnectUri() {
        return connectUri;
    }

    public void setConnectUri(String connectUri) {
        this.connectUri = connectUri;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getExpires() {
        return expires;
    }

    public void setExpires(String expires) {
        this.expires = expires;
    }

}
