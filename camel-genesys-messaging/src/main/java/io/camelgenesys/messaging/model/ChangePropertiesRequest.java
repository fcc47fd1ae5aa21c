package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The body of POST .../interactions/{id}/update (required).
 */
public class ChangePropertiesRequest extends GenesysModel {

    private PropertyChanges data;

    public PropertyChanges getData() {
        return data;
    }

    public void setData(PropertyChanges data) {
        this.data = data;
    }
}
