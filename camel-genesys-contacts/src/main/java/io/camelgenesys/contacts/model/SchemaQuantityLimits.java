package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The quantitative limits on schemas of an organization (SchemaQuantityLimits of the Genesys Cloud SDK): name, title and
 * description lengths, schemas per organization, fields per schema and per organization. Fields this class does not
 * declare are kept (GenesysModel).
 */
public class SchemaQuantityLimits extends GenesysModel {

    private String id;
    private String name;
    private Integer minFieldNameCharacters;
    private Integer maxFieldNameCharacters;
    private Integer minFieldTitleCharacters;
    private Integer maxFieldTitleCharacters;
    private Integer minFieldDescriptionCharacters;
    private Integer maxFieldDescriptionCharacters;
    private Integer minSchemaNameCharacters;
    private Integer maxSchemaNameCharacters;
    private Integer minSchemaDescriptionCharacters;
    private Integer maxSchemaDescriptionCharacters;
    private Integer maxNumberOfSchemasPerOrg;
    private Integer maxNumberOfFieldsPerSchema;
    private Integer maxNumberOfFieldsPerOrg;
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

    public Integer getMinFieldNameCharacters() {
        return minFieldNameCharacters;
    }

    public void setMinFieldNameCharacters(Integer minFieldNameCharacters) {
        this.minFieldNameCharacters = minFieldNameCharacters;
    }

    public Integer getMaxFieldNameCharacters() {
        return maxFieldNameCharacters;
    }

    public void setMaxFieldNameCharacters(Integer maxFieldNameCharacters) {
        this.maxFieldNameCharacters = maxFieldNameCharacters;
    }

    public Integer getMinFieldTitleCharacters() {
        return minFieldTitleCharacters;
    }

    public void setMinFieldTitleCharacters(Integer minFieldTitleCharacters) {
        this.minFieldTitleCharacters = minFieldTitleCharacters;
    }

    public Integer getMaxFieldTitleCharacters() {
        return maxFieldTitleCharacters;
    }

    public void setMaxFieldTitleCharacters(Integer maxFieldTitleCharacters) {
        this.maxFieldTitleCharacters = maxFieldTitleCharacters;
    }

    public Integer getMinFieldDescriptionCharacters() {
        return minFieldDescriptionCharacters;
    }

    public void setMinFieldDescriptionCharacters(Integer minFieldDescriptionCharacters) {
        this.minFieldDescriptionCharacters = minFieldDescriptionCharacters;
    }

    public Integer getMaxFieldDescriptionCharacters() {
        return maxFieldDescriptionCharacters;
    }

    public void setMaxFieldDescriptionCharacters(Integer maxFieldDescriptionCharacters) {
        this.maxFieldDescriptionCharacters = maxFieldDescriptionCharacters;
    }

    public Integer getMinSchemaNameCharacters() {
        return minSchemaNameCharacters;
    }

    public void setMinSchemaNameCharacters(Integer minSchemaNameCharacters) {
        this.minSchemaNameCharacters = minSchemaNameCharacters;
    }

    public Integer getMaxSchemaNameCharacters() {
        return maxSchemaNameCharacters;
    }

    public void setMaxSchemaNameCharacters(Integer maxSchemaNameCharacters) {
        this.maxSchemaNameCharacters = maxSchemaNameCharacters;
    }

    public Integer getMinSchemaDescriptionCharacters() {
        return minSchemaDescriptionCharacters;
    }

    public void setMinSchemaDescriptionCharacters(Integer minSchemaDescriptionCharacters) {
        this.minSchemaDescriptionCharacters = minSchemaDescriptionCharacters;
    }

    public Integer getMaxSchemaDescriptionCharacters() {
        return maxSchemaDescriptionCharacters;
    }

    public void setMaxSchemaDescriptionCharacters(Integer maxSchemaDescriptionCharacters) {
        this.maxSchemaDescriptionCharacters = maxSchemaDescriptionCharacters;
    }

    public Integer getMaxNumberOfSchemasPerOrg() {
        return maxNumberOfSchemasPerOrg;
    }

    public void setMaxNumberOfSchemasPerOrg(Integer maxNumberOfSchemasPerOrg) {
        this.maxNumberOfSchemasPerOrg = maxNumberOfSchemasPerOrg;
    }

    public Integer getMaxNumberOfFieldsPerSchema() {
        return maxNumberOfFieldsPerSchema;
    }

    public void setMaxNumberOfFieldsPerSchema(Integer maxNumberOfFieldsPerSchema) {
        this.maxNumberOfFieldsPerSchema = maxNumberOfFieldsPerSchema;
    }

    public Integer getMaxNumberOfFieldsPerOrg() {
        return maxNumberOfFieldsPerOrg;
    }

    public void setMaxNumberOfFieldsPerOrg(Integer maxNumberOfFieldsPerOrg) {
        this.maxNumberOfFieldsPerOrg = maxNumberOfFieldsPerOrg;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
