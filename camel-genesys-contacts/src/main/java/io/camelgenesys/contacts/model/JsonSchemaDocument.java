package io.camelgenesys.contacts.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON schema of a {@link DataSchema} (JsonSchemaDocument of the Genesys Cloud SDK): each entry of
 * {@code properties} is a custom field, {@code {"allOf": [{"$ref": "#/definitions/<core type>"}], "title": ...,
 * "minLength": ..., ...}}, and {@code required} names the fields a contact must have. Not a GenesysModel because
 * {@code additionalProperties} is a JSON Schema keyword here; unknown members are kept all the same.
 */
public class JsonSchemaDocument {

    private final Map<String, Object> otherMembers = new LinkedHashMap<>();
    private String id;
    @JsonProperty("$schema")
    private String schema;
    private String title;
    private String description;
    private String type;
    private List<String> required;
    private Map<String, Object> properties;
    private Object additionalProperties;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    @JsonProperty("$schema")
    public String getSchema() {
        return schema;
    }

    @JsonProperty("$schema")
    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public List<String> getRequired() {
        return required;
    }

    public void setRequired(List<String> required) {
        this.required = required;
    }

    public Map<String, Object> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, Object> properties) {
        this.properties = properties;
    }

    public Object getAdditionalProperties() {
        return additionalProperties;
    }

    public void setAdditionalProperties(Object additionalProperties) {
        this.additionalProperties = additionalProperties;
    }

    /** What the document holds besides the fields above (e.g. {@code definitions}), kept and written back. */
    @JsonAnyGetter
    public Map<String, Object> otherMembers() {
        return otherMembers;
    }

    @JsonAnySetter
    public void setOtherMember(String name, Object value) {
        otherMembers.put(name, value);
    }
}
