package io.camelgenesys.messaging.model;

import java.time.OffsetDateTime;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The {@code data} of a workitem to create (seed 002 L6752-6832): all optional; {@code receivedAt} is
 * ISO-8601 with an offset.
 */
public class InteractionData extends GenesysModel {

    private String externalId;
    private String parentInteractionId;
    private OffsetDateTime receivedAt;
    private Map<String, Object> userData;

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getParentInteractionId() {
        return parentInteractionId;
    }

    public void setParentInteractionId(String parentInteractionId) {
        this.parentInteractionId = parentInteractionId;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(OffsetDateTime receivedAt) {
        this.receivedAt = receivedAt;
    }

    public Map<String, Object> getUserData() {
        return userData;
    }

    public void setUserData(Map<String, Object> userData) {
        this.userData = userData;
    }
}
