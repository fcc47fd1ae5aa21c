package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The interaction an event is about (seed 002 L3200-3240): {@code mediaType} {@code chat} or {@code email},
 * {@code interactionSubtype} {@code InboundNew}, {@code Outbound}, {@code SMS}, {@code WhatsApp}, {@code FacebookPublic},
 * {@code FacebookPrivate}, {@code TwitterPublic} or {@code TwitterPrivate}; {@code selfUri} where it is read (opaque).
 */
public class InteractionEntity extends GenesysModel {

    private String id;
    private String mediaType;
    private String interactionSubtype;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String getInteractionSubtype() {
        return interactionSubtype;
    }

    public void setInteractionSubtype(String interactionSubtype) {
        this.interactionSubtype = interactionSubtype;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
