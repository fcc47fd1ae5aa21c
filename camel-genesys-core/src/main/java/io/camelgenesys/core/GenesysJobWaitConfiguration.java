package io.camelgenesys.core;

import java.util.ArrayList;
import java.util.List;

import io.camelgenesys.core.operation.JobPolling;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The shared options plus those of a wait for a Genesys job through {@link JobPolling}, declared once: the
 * configuration class of a component whose operations wait for a job (genesys-contacts' import and exports,
 * genesys-udm's {@code createJob}) extends this one instead of {@link GenesysConfiguration}, as Camel shares option
 * sets between configurations by inheritance ({@code RemoteFileConfiguration extends GenericFileConfiguration}), so
 * the options keep their names in URIs, at component level ({@code camel.component.<scheme>.waitTimeout}) and in the
 * Spring Boot and Quarkus configuration. (Not a {@code @UriParams} field nested in the component's configuration:
 * Camel 4.14's camel-component-maven-plugin generates working configurers for one level of nesting only, the
 * endpoint's or component's configuration object.)
 * What a job status means stays the component's: one whose job statuses have known failure names sets
 * {@link #setFailedStatuses(String)} in its constructor (genesys-contacts: {@code Failed,Cancelled}).
 */
@UriParams
public class GenesysJobWaitConfiguration extends GenesysConfiguration {

    @UriParam(label = "producer", defaultValue = "false",
              description = "Wait for the job an operation starts to finish before the route continues (the"
                            + " component's page names the operations that start one), polling the job on the"
                            + " connection's scheduler (no thread waits) from waitPollDelay up to waitPollMaxDelay;"
                            + " the body is then the finished job's result. The exchange fails with the component's"
                            + " job exception, naming the job and its last status, when the job reaches one of"
                            + " failedStatuses or waitTimeout passes. Off: the body is the new job as soon as Genesys"
                            + " accepted it. Operations whose result only exists once the job is done (the"
                            + " genesys-contacts exports) always wait.")
    private boolean waitForCompletion = false;

    @UriParam(label = "producer", defaultValue = "3600000",
              description = "A job wait (waitForCompletion, and the operations that always wait): the longest wait"
                            + " for the job in milliseconds, from its creation; the exchange then fails with the"
                            + " component's job exception naming the job and its last status (the job itself keeps"
                            + " running in Genesys).")
    private long waitTimeout = 3_600_000;

    @UriParam(label = "producer", defaultValue = "1000",
              description = "A job wait: milliseconds before the first poll of the job; each later wait doubles (with"
                            + " jitter) up to waitPollMaxDelay.")
    private long waitPollDelay = 1_000;

    @UriParam(label = "producer", defaultValue = "30000",
              description = "A job wait: the longest wait between two polls of the job, in milliseconds.")
    private long waitPollMaxDelay = 30_000;

    @UriParam(label = "producer",
              description = "A job wait: the job status names that mean the job will never finish, comma separated"
                            + " (compared ignoring case); the exchange then fails at once with the component's job"
                            + " exception. The default is the component's: genesys-contacts Failed,Cancelled (the"
                            + " import and export job statuses); genesys-udm none, since its status names are tenant"
                            + " data: the names given are checked against listJobStatuses before the job is created,"
                            + " and when unset a failed job is waited for until waitTimeout.")
    private String failedStatuses;

    @Override
    public GenesysJobWaitConfiguration copy() {
        return (GenesysJobWaitConfiguration) super.copy();
    }

    @Override
    public void validate() {
        super.validate();
        if (waitTimeout <= 0 || waitPollDelay <= 0 || waitPollMaxDelay < waitPollDelay) {
            throw new IllegalArgumentException("waitTimeout and waitPollDelay must be more than 0 and waitPollMaxDelay"
                                               + " at least waitPollDelay, were " + waitTimeout + ", " + waitPollDelay
                                               + " and " + waitPollMaxDelay + " ms");
        }
    }

    /** {@link #getFailedStatuses()} as names, blanks dropped (none when unset). */
    public List<String> failedStatusNames() {
        List<String> names = new ArrayList<>();
        if (failedStatuses != null) {
            for (String s : failedStatuses.split(",")) {
                if (!s.isBlank()) {
                    names.add(s.strip());
                }
            }
        }
        return names;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public long getWaitPollDelay() {
        return waitPollDelay;
    }

    public void setWaitPollDelay(long waitPollDelay) {
        this.waitPollDelay = waitPollDelay;
    }

    public long getWaitPollMaxDelay() {
        return waitPollMaxDelay;
    }

    public void setWaitPollMaxDelay(long waitPollMaxDelay) {
        this.waitPollMaxDelay = waitPollMaxDelay;
    }

    public String getFailedStatuses() {
        return failedStatuses;
    }

    public void setFailedStatuses(String failedStatuses) {
        this.failedStatuses = failedStatuses;
    }
}
