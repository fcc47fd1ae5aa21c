package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A custom-field schema of contacts or organizations, one version of it (DataSchema of the Genesys Cloud SDK): its
 * fields are the {@code properties} of its {@link JsonSchemaDocument}. Versions are immutable: an update makes version
 * {@code n + 1}. Fields this class does not declare are kept (GenesysModel).
 */
public class DataSchema extends GenesysModel {

    private String id;
    private String name;
    private Integer version;
    private List<String> appliesTo;
    private Boolean enabled;
    private EntityRef createdBy;
    private String dateCreated;
    private JsonSchemaDocument jsonSchema;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public List<String> getAppliesTo() {
        return appliesTo;
    }

    public void setAppliesTo(List<String> appliesTo) {
        this.appliesTo = appliesTo;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public EntityRef getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(EntityRef createdBy) {
        this.createdBy = createdBy;
    }

    public String getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(String dateCreated) {
        this.dateCreated = dateCreated;
    }

    public JsonSchemaDocument getJsonSchema() {
        return jsonSchema;
    }

    public void setJsonSchema(JsonSchemaDocument jsonSchema) {
        this.jsonSchema = jsonSchema;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
