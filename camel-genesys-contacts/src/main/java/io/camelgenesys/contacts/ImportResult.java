package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code importContacts} reports: the import job, and with {@code waitForCompletion} its counts and every row
 * that failed with Genesys' reason (read from the job's import report on the storage host). Without
 * {@code waitForCompletion} only {@link #getJobId()} and {@link #getUploadId()} are set.
 */
public class ImportResult {

    private String jobId;
    private String uploadId;
    private String status;
    private boolean completed;
    private long rows;
    private Long successCount;
    private Long failureCount;
    private List<ImportRowFailure> failedRows = new ArrayList<>();

    /** The import job's id (also the CamelGenesysImportJobId header). */
    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    /** The CSV upload the job imported. */
    public String getUploadId() {
        return uploadId;
    }

    public void setUploadId(String uploadId) {
        this.uploadId = uploadId;
    }

    /** The job's last status, as Genesys named it ({@code null} when the wait was not asked for). */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** Whether the job finished (only with {@code waitForCompletion}). */
    public boolean isCompleted() {
        return completed;
    }

    public void setCompleted(boolean completed) {
        this.completed = completed;
    }

    /** How many data rows the uploaded CSV had (its lines after the header). */
    public long getRows() {
        return rows;
    }

    public void setRows(long rows) {
        this.rows = rows;
    }

    /** How many rows Genesys imported. */
    public Long getSuccessCount() {
        return successCount;
    }

    public void setSuccessCount(Long successCount) {
        this.successCount = successCount;
    }

    /** How many rows Genesys refused. */
    public Long getFailureCount() {
        return failureCount;
    }

    public void setFailureCount(Long failureCount) {
        this.failureCount = failureCount;
    }

    /** The refused rows, in file order, each with its line number, its values and Genesys' reason. */
    public List<ImportRowFailure> getFailedRows() {
        return failedRows;
    }

    public void setFailedRows(List<ImportRowFailure> failedRows) {
        this.failedRows = failedRows;
    }

    @Override
    public String toString() {
        return "ImportResult[job " + jobId + ", " + status + ", " + successCount + " imported, " + failureCount
               + " failed]";
    }
}
