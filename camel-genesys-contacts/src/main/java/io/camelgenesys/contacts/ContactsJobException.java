package io.camelgenesys.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelException;

/**
 * An import job ({@code importContacts} with {@code waitForCompletion}) or an export ({@code exportContacts} and the
 * other exports) that did not finish: it reached one of {@code failedStatuses} ({@link #isFailed()}), the wait passed
 * {@code waitTimeout} ({@link #isTimedOut()}), or reading the job failed in a way the retries did not ride out, or the
 * CamelContext stopped (then {@link #getCause()} says why). The job keeps running in Genesys unless it failed: its id
 * is here to find it again ({@code getImportJob}, {@code updateImportJob} to cancel it, {@code getContactsExport}).
 */
public class ContactsJobException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String jobId;
    private final String status;
    private final boolean failed;
    private final boolean timedOut;
    private final transient JsonNode job;

    public ContactsJobException(String message, String jobId, String status, boolean failed, boolean timedOut,
                                JsonNode job, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.status = status;
        this.failed = failed;
        this.timedOut = timedOut;
        this.job = job;
    }

    /** The import job id or export id. */
    public String getJobId() {
        return jobId;
    }

    /** The job's last status as Genesys named it. */
    public String getStatus() {
        return status;
    }

    /** The job reached one of {@code failedStatuses}. */
    public boolean isFailed() {
        return failed;
    }

    /** {@code waitTimeout} passed (the job keeps running). */
    public boolean isTimedOut() {
        return timedOut;
    }

    /** The job as Genesys last answered it. */
    public JsonNode getJob() {
        return job;
    }
}
