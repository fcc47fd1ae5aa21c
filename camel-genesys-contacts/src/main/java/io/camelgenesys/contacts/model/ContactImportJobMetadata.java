package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** An import job's file, counts and report links (ContactImportJobMetadata of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class ContactImportJobMetadata extends GenesysModel {

    private String fileName;
    private Long dryRunFailedCount;
    private Long dryRunSuccessCount;
    private String dryRunReportDownloadUrl;
    private Long importFailedCount;
    private Long importSuccessCount;
    private String importReportDownloadUrl;

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public Long getDryRunFailedCount() {
        return dryRunFailedCount;
    }

    public void setDryRunFailedCount(Long dryRunFailedCount) {
        this.dryRunFailedCount = dryRunFailedCount;
    }

    public Long getDryRunSuccessCount() {
        return dryRunSuccessCount;
    }

    public void setDryRunSuccessCount(Long dryRunSuccessCount) {
        this.dryRunSuccessCount = dryRunSuccessCount;
    }

    public String getDryRunReportDownloadUrl() {
        return dryRunReportDownloadUrl;
    }

    public void setDryRunReportDownloadUrl(String dryRunReportDownloadUrl) {
        this.dryRunReportDownloadUrl = dryRunReportDownloadUrl;
    }

    public Long getImportFailedCount() {
        return importFailedCount;
    }

    public void setImportFailedCount(Long importFailedCount) {
        this.importFailedCount = importFailedCount;
    }

    public Long getImportSuccessCount() {
        return importSuccessCount;
    }

    public void setImportSuccessCount(Long importSuccessCount) {
        this.importSuccessCount = importSuccessCount;
    }

    public String getImportReportDownloadUrl() {
        return importReportDownloadUrl;
    }

    public void setImportReportDownloadUrl(String importReportDownloadUrl) {
        this.importReportDownloadUrl = importReportDownloadUrl;
    }
}
