package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * An export file as listFiles lists it (the items of GET /v10/file-metadatas, untyped in the seed; the fields
 * genesys-simulator/UDM.md gives): its name (the key to download and delete it), size in bytes (a long), content
 * type, the data type and source, and the job, run (historyId) and upload date it belongs to.
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class FileMetadata extends GenesysModel {

    private String name;
    private Long size;
    private String contentType;
    private String type;
    private String source;
    private String jobTitle;
    private Integer jobId;
    private Integer historyId;
    private String uploadDate;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getSize() {
        return size;
    }

    public void setSize(Long size) {
        this.size = size;
    }

    public String getContentType() {
        return contentType;
    }

    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public Integer getJobId() {
        return jobId;
    }

    public void setJobId(Integer jobId) {
        this.jobId = jobId;
    }

    public Integer getHistoryId() {
        return historyId;
    }

    public void setHistoryId(Integer historyId) {
        this.historyId = historyId;
    }

    public String getUploadDate() {
        return uploadDate;
    }

    public void setUploadDate(String uploadDate) {
        this.uploadDate = uploadDate;
    }
}
