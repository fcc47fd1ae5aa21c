package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** Starts an import job with import settings (ContactImportJobRequest of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class ContactImportJobRequest extends GenesysModel {

    private String settingsId;
    private DivisionRef division;

    public String getSettingsId() {
        return settingsId;
    }

    public void setSettingsId(String settingsId) {
        this.settingsId = settingsId;
    }

    public DivisionRef getDivision() {
        return division;
    }

    public void setDivision(DivisionRef division) {
        this.division = division;
    }
}
