package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A data type that can be exported (DataType, v3, seed 002 L11880-11925), e.g. Interaction.
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class DataType extends GenesysModel {

    private String name;
    private String source;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
