package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * One entry of a UDM lookup list such as the job statuses or the sources (KeyValueItem, v3, seed 002 L11758-11788):
 * v10 documents these answers as untyped.
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class KeyValueItem extends GenesysModel {

    private String label;
    private String value;

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
