package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The body of POST .../interactions/{id}/stop (optional).
 */
public class StopInteractionRequest extends GenesysModel {

    private StopReason data;

    public StopReason getData() {
        return data;
    }

    public void setData(StopReason data) {
        this.data = data;
    }
}
