package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A request for a CSV upload link (CsvUploadRequest of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class CsvUploadRequest extends GenesysModel {

    private String fileName;
    private Long fileSize;

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public Long getFileSize() {
        return fileSize;
    }

    public void setFileSize(Long fileSize) {
        this.fileSize = fileSize;
    }
}
