package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** Starts an import job of an uploaded CSV (CsvJobRequest of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class CsvJobRequest extends GenesysModel {

    private String uploadId;
    private String settingsId;
    private DivisionRef division;

    public String getUploadId() {
        return uploadId;
    }

    public void setUploadId(String uploadId) {
        this.uploadId = uploadId;
    }

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
