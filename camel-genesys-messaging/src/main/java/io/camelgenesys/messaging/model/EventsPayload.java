package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * What the Interactions webhook POSTs (seed 002 L3180-3261): the events of one operation. Every field is
 * optional in the seed.
 */
public class EventsPayload extends GenesysModel {

    private String operationId;
    private EventsData data;

    public String getOperationId() {
        return operationId;
    }

    public void setOperationId(String operationId) {
        this.operationId = operationId;
    }

    public EventsData getData() {
        return data;
    }

    public void setData(EventsData data) {
        this.data = data;
    }
}
