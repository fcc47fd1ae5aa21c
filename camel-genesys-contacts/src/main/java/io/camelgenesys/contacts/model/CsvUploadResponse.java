package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** Where to upload a CSV (CsvUploadResponse of the SDK): a pre-signed link and the headers to send with it. Fields this class does not declare are kept (GenesysModel). */
public class CsvUploadResponse extends GenesysModel {

    private String uploadId;
    private String uploadUrl;
    private List<UploadHeader> uploadHeaders;

    public String getUploadId() {
        return uploadId;
    }

    public void setUploadId(String uploadId) {
        this.uploadId = uploadId;
    }

    public String getUploadUrl() {
        return uploadUrl;
    }

    public void setUploadUrl(String uploadUrl) {
        this.uploadUrl = uploadUrl;
    }

    public List<UploadHeader> getUploadHeaders() {
        return uploadHeaders;
    }

    public void setUploadHeaders(List<UploadHeader> uploadHeaders) {
        this.uploadHeaders = uploadHeaders;
    }
}
