package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A contact field an import takes or leaves out (ContactImportField of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class ContactImportField extends GenesysModel {

    private String name;
    private Boolean included;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getIncluded() {
        return included;
    }

    public void setIncluded(Boolean included) {
        this.included = included;
    }
}
