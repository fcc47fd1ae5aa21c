package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** The first rows of an uploaded CSV (CsvUploadPreviewResponse of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class CsvUploadPreview extends GenesysModel {

    private String uploadId;
    private List<String> headers;
    private List<List<String>> entries;

    public String getUploadId() {
        return uploadId;
    }

    public void setUploadId(String uploadId) {
        this.uploadId = uploadId;
    }

    public List<String> getHeaders() {
        return headers;
    }

    public void setHeaders(List<String> headers) {
        this.headers = headers;
    }

    public List<List<String>> getEntries() {
        return entries;
    }

    public void setEntries(List<List<String>> entries) {
        this.entries = entries;
    }
}
