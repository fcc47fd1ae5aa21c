package io.camelgenesys.messaging.model;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The {@code data} of a workitem update: properties of its user data added, changed and deleted (seed 002
 * L6967-7049).
 */
public class PropertyChanges extends GenesysModel {

    private Map<String, Object> addedProperties;
    private Map<String, Object> changedProperties;
    private List<String> deletedProperties;

    public Map<String, Object> getAddedProperties() {
        return addedProperties;
    }

    public void setAddedProperties(Map<String, Object> addedProperties) {
        this.addedProperties = addedProperties;
    }

    public Map<String, Object> getChangedProperties() {
        return changedProperties;
    }

    public void setChangedProperties(Map<String, Object> changedProperties) {
        this.changedProperties = changedProperties;
    }

    public List<String> getDeletedProperties() {
        return deletedProperties;
    }

    public void setDeletedProperties(List<String> deletedProperties) {
        this.deletedProperties = deletedProperties;
    }
}
