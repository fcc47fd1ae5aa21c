package io.camelgenesys.contacts.model;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A core type custom fields are built from ({@code text}, {@code integer}, {@code tag}, ...; Coretype of the Genesys
 * Cloud SDK): its built-in schema and the limits a schema author may set on a field of it. Fields this class does not
 * declare are kept (GenesysModel).
 */
public class Coretype extends GenesysModel {

    private String id;
    private String name;
    private Integer version;
    private String dateCreated;
    private Map<String, Object> schema;
    private Boolean current;
    private List<String> validationFields;
    private Map<String, Object> validationLimits;
    private List<String> itemValidationFields;
    private Map<String, Object> itemValidationLimits;
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

    public String getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(String dateCreated) {
        this.dateCreated = dateCreated;
    }

    public Map<String, Object> getSchema() {
        return schema;
    }

    public void setSchema(Map<String, Object> schema) {
        this.schema = schema;
    }

    public Boolean getCurrent() {
        return current;
    }

    public void setCurrent(Boolean current) {
        this.current = current;
    }

    public List<String> getValidationFields() {
        return validationFields;
    }

    public void setValidationFields(List<String> validationFields) {
        this.validationFields = validationFields;
    }

    public Map<String, Object> getValidationLimits() {
        return validationLimits;
    }

    public void setValidationLimits(Map<String, Object> validationLimits) {
        this.validationLimits = validationLimits;
    }

    public List<String> getItemValidationFields() {
        return itemValidationFields;
    }

    public void setItemValidationFields(List<String> itemValidationFields) {
        this.itemValidationFields = itemValidationFields;
    }

    public Map<String, Object> getItemValidationLimits() {
        return itemValidationLimits;
    }

    public void setItemValidationLimits(Map<String, Object> itemValidationLimits) {
        this.itemValidationLimits = itemValidationLimits;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
