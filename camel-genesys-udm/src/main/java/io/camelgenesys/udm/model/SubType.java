package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A sub-type (medium) of a data type (SubType, v3, seed 002 L11823-11879), e.g. chat or email of Interaction.
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class SubType extends GenesysModel {

    private String name;
    private String displayName;
    private String source;
    private String dataType;
    private Boolean enabled;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getDataType() {
        return dataType;
    }

    public void setDataType(String dataType) {
        this.dataType = dataType;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
