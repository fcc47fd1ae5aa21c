package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** One CSV column mapped to a contact field (CsvMappingEntry of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class CsvMappingEntry extends GenesysModel {

    private String sourceField;
    private String targetField;

    public String getSourceField() {
        return sourceField;
    }

    public void setSourceField(String sourceField) {
        this.sourceField = sourceField;
    }

    public String getTargetField() {
        return targetField;
    }

    public void setTargetField(String targetField) {
        this.targetField = targetField;
    }
}
