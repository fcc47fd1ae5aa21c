package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The body of POST .../openmedia/{openMediaService}/interactions.
 */
public class CreateInteractionRequest extends GenesysModel {

    private InteractionData data;

    public InteractionData getData() {
        return data;
    }

    public void setData(InteractionData data) {
        this.data = data;
    }
}
