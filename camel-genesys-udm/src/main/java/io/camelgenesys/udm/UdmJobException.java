package io.camelgenesys.udm;

import io.camelgenesys.udm.model.JobInfo;
import org.apache.camel.CamelException;

/**
 * createJob with {@code waitForCompletion}: the job will not complete, or not in time, or its progress could not be
 * read. {@link #isTimedOut()} says whether the deadline passed; a {@link #getCause() cause} means a poll failed (the
 * error Genesys answered, a malformed answer, retries used up); otherwise the job reached one of
 * {@code failedStatuses}. The job's last {@link JobInfo} (status, progress) is kept. The job itself is not cancelled: a route that gives
 * up on it calls {@code cancelJob} with {@link #getJobId()}.
 */
public class UdmJobException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final int jobId;
    private final String status;
    private final int progress;
    private final boolean timedOut;
    private final transient JobInfo jobInfo;

    public UdmJobException(String message, int jobId, String status, int progress, boolean timedOut, JobInfo jobInfo) {
        this(message, jobId, status, progress, timedOut, jobInfo, null);
    }

    /** A wait that ended because polling the job failed with {@code cause}. */
    public UdmJobException(String message, int jobId, String status, int progress, boolean timedOut, JobInfo jobInfo,
                           Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.status = status;
        this.progress = progress;
        this.timedOut = timedOut;
        this.jobInfo = jobInfo;
    }

    public int getJobId() {
        return jobId;
    }

    /** The job's status name when the wait ended. */
    public String getStatus() {
        return status;
    }

    /** The job's progress (0-100) when the wait ended. */
    public int getProgress() {
        return progress;
    }

    /**
     * {@code true} when waitTimeout passed; {@code false} when the job reached one of failedStatuses or a poll failed
     * (then {@link #getCause()} is that failure).
     */
    public boolean isTimedOut() {
        return timedOut;
    }

    /** The job as Genesys last answered it. */
    public JobInfo getJobInfo() {
        return jobInfo;
    }
}
