package io.camelgenesys.messaging.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The {@code data} of an {@link EventsPayload}.
 */
public class EventsData extends GenesysModel {

    private List<InteractionEvent> entities;

    public List<InteractionEvent> getEntities() {
        return entities;
    }

    public void setEntities(List<InteractionEvent> entities) {
        this.entities = entities;
    }
}
