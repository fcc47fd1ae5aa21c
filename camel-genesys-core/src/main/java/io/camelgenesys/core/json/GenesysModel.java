package io.camelgenesys.core.json;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * Base of every camel-genesys model: fields the model does not declare are kept and written back, so a
 * read-modify-write through a route never loses what Genesys added after this library was built.
 */
public abstract class GenesysModel {

    /** Created on first use: most models read from Genesys have no field the model does not declare. */
    private Map<String, Object> additionalProperties;

    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        if (additionalProperties == null) {
            additionalProperties = new LinkedHashMap<>();
        }
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        getAdditionalProperties().put(name, value);
    }
}
