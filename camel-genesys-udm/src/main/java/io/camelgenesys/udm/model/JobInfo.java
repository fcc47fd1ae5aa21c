package io.camelgenesys.udm.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A job, or one run of it (a history record, parentId = the job's id), as UDM answers it (JobInfo, seed 002
 * L9601-9647). The id is an integer (paths take it as text); fileSize is a long, since exports pass 2 GiB. fileName
 * lists a run's files comma-separated; progress is 0-100, and 100 is the documented completion signal (status names
 * are tenant data: read them with listJobStatuses).
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class JobInfo extends GenesysModel {

    private Integer id;
    private String type;
    private String source;
    private String title;
    private String fileSplitSize;
    private String fileName;
    private Long fileSize;
    private String status;
    private String createdDate;
    private String dateFrom;
    private String dateTo;
    private String description;
    private List<String> media;
    private Integer progress;
    private Integer parentId;
    private Boolean exportAttachments;

    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
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

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getFileSplitSize() {
        return fileSplitSize;
    }

    public void setFileSplitSize(String fileSplitSize) {
        this.fileSplitSize = fileSplitSize;
    }

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

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCreatedDate() {
        return createdDate;
    }

    public void setCreatedDate(String createdDate) {
        this.createdDate = createdDate;
    }

    public String getDateFrom() {
        return dateFrom;
    }

    public void setDateFrom(String dateFrom) {
        this.dateFrom = dateFrom;
    }

    public String getDateTo() {
        return dateTo;
    }

    public void setDateTo(String dateTo) {
        this.dateTo = dateTo;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getMedia() {
        return media;
    }

    public void setMedia(List<String> media) {
        this.media = media;
    }

    public Integer getProgress() {
        return progress;
    }

    public void setProgress(Integer progress) {
        this.progress = progress;
    }

    public Integer getParentId() {
        return parentId;
    }

    public void setParentId(Integer parentId) {
        this.parentId = parentId;
    }

    public Boolean getExportAttachments() {
        return exportAttachments;
    }

    public void setExportAttachments(Boolean exportAttachments) {
        this.exportAttachments = exportAttachments;
    }
}
