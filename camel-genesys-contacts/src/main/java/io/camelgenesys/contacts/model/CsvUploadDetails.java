package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** What Genesys found in an uploaded CSV (CsvUploadDetailsResponse of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class CsvUploadDetails extends GenesysModel {

    private String uploadId;
    private String fileName;
    private CsvValidationResult validationResult;

    public String getUploadId() {
        return uploadId;
    }

    public void setUploadId(String uploadId) {
        this.uploadId = uploadId;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public CsvValidationResult getValidationResult() {
        return validationResult;
    }

    public void setValidationResult(CsvValidationResult validationResult) {
        this.validationResult = validationResult;
    }
}
