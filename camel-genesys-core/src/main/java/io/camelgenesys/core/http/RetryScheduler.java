package io.camelgenesys.core.http;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry/backoff scheduler of camel-genesys, one per {@link GenesysConnection}
 * ({@link GenesysConnection#retries()}): every wait before trying something again is scheduled here, on the
 * connection's scheduler thread, under a {@link RetryPolicy} made of the {@code retry*} options. No thread sleeps.
 * <p>
 * A {@link Retry} is one sequence of attempts of one thing: an HTTP request, a token request, a CometD handshake, a
 * statistics subscription being re-created. After a failure the caller hands it the next attempt; it answers with
 * the wait it scheduled, or {@link RetryPolicy#NO_RETRY} when the policy is used up (the caller then reports the
 * failure it has):
 *
 * <pre>{@code
 * // a request: bounded by retryMaxAttempts and retryDeadline
 * Retry retry = connection.retries().start(RetryPolicy.of(config), request.describe());
 * ...on a 503:
 * if (retry.backoff("HTTP 503", () -> send(request)) == RetryPolicy.NO_RETRY) {
 *     fail(lastError);
 * }
 * ...on a 429: wait what Retry-After said (the backoff when it said nothing)
 * retry.after(RetryPolicy.parseRetryAfter(response.header("Retry-After"), Instant.now()), "429", () -> send(request));
 *
 * // something that must come back whatever it takes (a CometD session, a consumer's subscription): unbounded, the
 * // same initial and maximum delay; reset on success so that the next outage starts from the initial delay again
 * Retry recreate = connection.retries().start(RetryPolicy.of(config).unbounded(), "statistics subscription");
 * ...on failure:  recreate.backoff("the Statistics service is unavailable", this::createSubscription);
 * ...on success:  recreate.reset();
 * ...on stop:     recreate.cancel();
 *
 * // a client that schedules its own retries (CometD's BayeuxClient.BackOffStrategy): only the delays
 * long next = recreate.nextDelay();   // counts a failure, schedules nothing
 * }</pre>
 *
 * The waits are the one formula of {@link RetryPolicy#exponentialDelay} (initial x 2^failures, capped, less a
 * random 0-25 % so that clients do not retry in step); {@code Retry-After} (seconds or an HTTP date) replaces it for
 * 429s. The next attempt runs on the connection's single scheduler thread, so it must only start asynchronous work
 * (send a request, start a handshake), never block.
 * <p>
 * Camel's {@code BackOffTimer} (camel-util) and {@code Tasks} (camel-support) are not used: a {@code BackOffTimer}
 * task must answer "again or done" synchronously on the timer thread, while our attempts end later on an HTTP or
 * CometD callback (waiting for them there would block the scheduler); its delays come only from the {@code BackOff}
 * (no per-attempt {@code Retry-After}, no jitter) and its elapsed time counts only the waits, so
 * {@code retryDeadline} cannot be expressed. {@code Tasks}' foreground tasks block the calling thread and its
 * background tasks poll a synchronous predicate.
 */
public final class RetryScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RetryScheduler.class);

    private final ScheduledExecutorService scheduler;
    private final AtomicLong retries = new AtomicLong();

    public RetryScheduler(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts a sequence of attempts; the first attempt is the caller's own, only the ones after a failure go through
     * the returned {@link Retry}.
     *
     * @param policy the waits and limits (see {@link RetryPolicy#of} and {@link RetryPolicy#unbounded()})
     * @param what   what is retried, for log lines (no credential, no query string)
     */
    public Retry start(RetryPolicy policy, String what) {
        return new Retry(policy, () -> what, System.nanoTime());
    }

    /**
     * A sequence whose first attempt started at {@code startedNanos} ({@link System#nanoTime()}), created only when
     * that attempt failed: a request that succeeds at once costs no {@link Retry}. {@code what} is only called when a
     * log line needs it.
     */
    public Retry start(RetryPolicy policy, Supplier<String> what, long startedNanos) {
        return new Retry(policy, what, startedNanos);
    }

    /**
     * Runs {@code task} once after {@code delayMillis} on the connection's scheduler: a wait that is not a retry (a
     * periodic check, a short pause before looking at a state again, a timeout). Counted nowhere.
     *
     * @return the scheduled task, or {@code null} when the scheduler refused it (the connection is closing)
     */
    public ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        try {
            return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            return null;
        }
    }

    /** How many retries this scheduler has scheduled (every sequence of the connection, token requests included). */
    public long retryCount() {
        return retries.get();
    }

    /** One sequence of attempts of one thing under one policy. Thread-safe. */
    public final class Retry {

        private final RetryPolicy policy;
        private final Supplier<String> what;
        private volatile long startedNanos;
        private int failures;
        private long currentDelay;
        private ScheduledFuture<?> scheduled;
        private boolean cancelled;

        private Retry(RetryPolicy policy, Supplier<String> what, long startedNanos) {
            this.policy = policy;
            this.what = what;
            this.startedNanos = startedNanos;
        }

        /**
         * After a failure that backs off (a 5xx, an I/O error, a lost session): schedules {@code next} after the
         * exponential delay.
         *
         * @param  why  the failure, for the log line
         * @return      the wait in milliseconds, or {@link RetryPolicy#NO_RETRY} when retries are off, the attempts or
         *              the deadline are used up, the sequence was cancelled or the connection is closing
         */
        public long backoff(String why, Runnable next) {
            return schedule(-1, why, next);
        }

        /**
         * After a 429: schedules {@code next} after what {@code Retry-After} said, or the exponential delay when it
         * said nothing ({@code -1}). A wait that would pass the deadline is {@link RetryPolicy#NO_RETRY} at once.
         */
        public long after(long retryAfterMillis, String why, Runnable next) {
            return schedule(Math.max(-1, retryAfterMillis), why, next);
        }

        private long schedule(long retryAfterMillis, String why, Runnable next) {
            long delay;
            int attempt;
            synchronized (this) {
                if (cancelled) {
                    return RetryPolicy.NO_RETRY;
                }
                attempt = ++failures;
                delay = policy.delay(attempt, elapsedMillis(), retryAfterMillis);
                if (delay < 0) {
                    return RetryPolicy.NO_RETRY;
                }
                currentDelay = delay;
                try {
                    scheduled = scheduler.schedule(() -> {
                        synchronized (this) {
                            if (cancelled) {
                                return;
                            }
                            scheduled = null;
                        }
                        next.run();
                    }, delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closing) {
                    return RetryPolicy.NO_RETRY;
                }
            }
            retries.incrementAndGet();
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} got {}; attempt {} in {} ms", what.get(), why, attempt + 1, delay);
            }
            return delay;
        }

        /**
         * Counts a failure and returns the wait before the next attempt without scheduling anything, for a client
         * that schedules its own retries (CometD's {@code BayeuxClient.BackOffStrategy#next()}); the retry it makes
         * is counted in {@link RetryScheduler#retryCount()} all the same.
         *
         * @return the wait, or {@link RetryPolicy#NO_RETRY} when the policy is used up
         */
        public long nextDelay() {
            long delay;
            synchronized (this) {
                delay = policy.delay(++failures, elapsedMillis(), -1);
                currentDelay = Math.max(0, delay);
            }
            if (delay >= 0) {
                retries.incrementAndGet();
            }
            return delay;
        }

        /** The last wait this sequence chose, 0 before the first failure and after {@link #reset()}. */
        public synchronized long currentDelay() {
            return currentDelay;
        }

        /** A success: the next failure starts again from the initial delay and a new deadline. */
        public synchronized void reset() {
            failures = 0;
            currentDelay = 0;
            startedNanos = System.nanoTime();
        }

        /** Cancels a scheduled attempt; the sequence schedules nothing from now on (a consumer or session stopping). */
        public synchronized void cancel() {
            cancelled = true;
            if (scheduled != null) {
                scheduled.cancel(false);
                scheduled = null;
            }
        }

        /** How many attempts failed since the start or the last {@link #reset()}. */
        public synchronized int failures() {
            return failures;
        }

        /** Milliseconds since the start or the last {@link #reset()}. */
        public long elapsedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        }

        @Override
        public String toString() {
            return "Retry[" + what.get() + ", failures=" + failures() + ", " + policy + "]";
        }
    }
}
