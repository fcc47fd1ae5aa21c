package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * One event of the Interactions webhook: {@code STARTED} (the interaction was created and queued) or
 * {@code FINISHED} (its processing was stopped), seed 002 L3245-3246.
 */
public class InteractionEvent extends GenesysModel {

    private String event;
    private InteractionEntity entity;

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public InteractionEntity getEntity() {
        return entity;
    }

    public void setEntity(InteractionEntity entity) {
        this.entity = entity;
    }
}
