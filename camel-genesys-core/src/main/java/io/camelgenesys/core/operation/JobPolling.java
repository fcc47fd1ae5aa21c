package io.camelgenesys.core.operation;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysJobWaitConfiguration;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;

/**
 * Waits for a Genesys job (a UDM export job, a contacts import job, a contacts export) without a thread waiting: the
 * job is read again with a poll call after each wait of the connection's {@link RetryScheduler} (the one retry
 * facility), the component's wait options (first delay, doubling with jitter up to a maximum, a deadline from the start). Each poll goes through the pipeline (token, rate
 * limit, retries of 429/5xx/dropped connections) and completes on a Jetty thread, which only decides and schedules
 * the next poll. What a job's state means is the caller's {@code judge}: job status names and completion signals
 * differ per API, and some are tenant data.
 * <p>
 * The future completes with the job's last JSON when the judge says {@link State#DONE}; otherwise it fails with a
 * {@link Ended} (failed, timed out, a poll the pipeline could not ride out, or the CamelContext stopping), which the
 * component turns into its own exception naming the job, since the job keeps running in Genesys.
 */
public final class JobPolling {

    /** What the judge reads in the job's JSON. */
    public enum State {
        /** finished: the wait completes with this JSON */
        DONE,
        /** will never finish: the wait fails at once */
        FAILED,
        /** poll again after the next wait */
        RUNNING
    }

    /** Why a wait ended without the job being done. */
    public enum Outcome {
        FAILED, TIMED_OUT, POLL_FAILED, STOPPING
    }

    /** A wait that ended without the job being done; {@link #last()} is the job's last JSON. */
    public static final class Ended extends RuntimeException {
        private final Outcome outcome;
        private final transient JsonNode last;
        private final long elapsedMillis;

        Ended(Outcome outcome, JsonNode last, long elapsedMillis, Throwable cause) {
            super(outcome + (cause == null ? "" : ": " + cause.getMessage()), cause, false, false);
            this.outcome = outcome;
            this.last = last;
            this.elapsedMillis = elapsedMillis;
        }

        public Outcome outcome() {
            return outcome;
        }

        public JsonNode last() {
            return last;
        }

        public long elapsedMillis() {
            return elapsedMillis;
        }
    }

    private JobPolling() {
    }

    /**
     * Starts waiting.
     *
     * @param context        the exchange's operation (its executor and connection)
     * @param pollDelayMillis the wait before the first poll; each later one doubles (with jitter)
     * @param pollMaxMillis   the longest wait between two polls
     * @param timeoutMillis   the longest wait in all, from now; the last poll is at the deadline at the latest
     * @param what            names the job in logs (e.g. {@code "import job 42"})
     * @param first           the job as created (judged first: a job may be done at once)
     * @param poll            a new call that reads the job (its output type is set to JSON here)
     * @param judge           the job's state in its JSON
     */
    public static CompletableFuture<JsonNode> await(OperationContext context, long pollDelayMillis, long pollMaxMillis,
                                                    long timeoutMillis, String what, JsonNode first,
                                                    Supplier<OperationCall> poll, Function<JsonNode, State> judge) {
        return new Wait(context, pollDelayMillis, pollMaxMillis, timeoutMillis, what, first, poll, judge).start();
    }

    /** Starts waiting with the component's job-wait options (its poll delays and {@code waitTimeout}). */
    public static CompletableFuture<JsonNode> await(OperationContext context, GenesysJobWaitConfiguration options, String what,
                                                    JsonNode first, Supplier<OperationCall> poll,
                                                    Function<JsonNode, State> judge) {
        return await(context, options.getWaitPollDelay(), options.getWaitPollMaxDelay(), options.getWaitTimeout(), what,
                first, poll, judge);
    }

    private static final class Wait {
        private final OperationContext context;
        private final Supplier<OperationCall> poll;
        private final Function<JsonNode, State> judge;
        private final long pollDelay;
        private final long pollMax;
        private final long timeout;
        private final RetryScheduler.Retry polls;
        private final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        private volatile JsonNode last;

        Wait(OperationContext context, long pollDelay, long pollMax, long timeout, String what, JsonNode first,
             Supplier<OperationCall> poll, Function<JsonNode, State> judge) {
            this.context = context;
            this.poll = poll;
            this.judge = judge;
            this.last = first;
            this.pollDelay = Math.max(1, pollDelay);
            this.pollMax = Math.max(this.pollDelay, pollMax);
            this.timeout = timeout;
            // the deadline is kept here (a poll is due at it at the latest), so the sequence itself is unbounded
            this.polls = context.executor().connection().retries()
                    .start(new RetryPolicy(true, Integer.MAX_VALUE, this.pollDelay, this.pollMax, Long.MAX_VALUE), what)
                    // a stopping CamelContext releases the exchange at once instead of holding its shutdown
                    .onStopping(stopping -> end(Outcome.STOPPING, stopping));
        }

        CompletableFuture<JsonNode> start() {
            decide();
            return result;
        }

        private void decide() {
            State state;
            try {
                state = judge.apply(last);
            } catch (RuntimeException e) {
                end(Outcome.POLL_FAILED, e);
                return;
            }
            switch (state) {
                case DONE -> {
                    polls.cancel();
                    result.complete(last);
                }
                case FAILED -> end(Outcome.FAILED, null);
                default -> {
                    long remaining = timeout - polls.elapsedMillis();
                    if (remaining <= 0) {
                        end(Outcome.TIMED_OUT, null);
                        return;
                    }
                    long next = Math.min(remaining, RetryPolicy.exponentialDelay(pollDelay, pollMax, polls.failures()));
                    if (polls.after(next, "waiting for the job", this::poll) == RetryPolicy.NO_RETRY) {
                        // not scheduled before the deadline: the context or the connection is stopping
                        end(Outcome.STOPPING, null);
                    }
                }
            }
        }

        private void poll() {
            OperationCall call;
            try {
                call = poll.get().outputType(GenesysOutputType.json);
            } catch (RuntimeException e) {
                end(Outcome.POLL_FAILED, e);
                return;
            }
            context.executor().execute(call).whenComplete((r, failure) -> {
                if (failure != null) {
                    end(Outcome.POLL_FAILED, GenesysErrors.unwrap(failure));
                    return;
                }
                if (r.body() instanceof JsonNode job) {
                    last = job;
                }
                decide();
            });
        }

        private void end(Outcome outcome, Throwable cause) {
            polls.cancel();
            result.completeExceptionally(new Ended(outcome, last, polls.elapsedMillis(), cause));
        }
    }
}
