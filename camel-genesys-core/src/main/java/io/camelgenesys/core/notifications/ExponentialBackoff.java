package io.camelgenesys.core.notifications;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.http.RetryPolicy;
import org.cometd.client.BayeuxClient;

/**
 * Capped exponential backoff with jitter ({@link RetryPolicy#exponentialDelay}): 0.5 s, 1 s, 2 s, ... up to 30 s by
 * default, each value reduced by a random 0-25 % so that many clients do not retry in step.
 * <p>
 * The ONE point through which the CometD session and the consumers built on it wait before trying again: the
 * BayeuxClient's own handshake and connect retries ask {@link #next()}, and every retry scheduled by
 * {@link GenesysNotifications} (a new handshake, a re-subscription) or by a consumer (re-creating or checking a
 * subscription) goes through {@link #schedule}. When core gets its one retry scheduler, only this class changes.
 */
public final class ExponentialBackoff implements BayeuxClient.BackOffStrategy {

    static final long DEFAULT_INITIAL_MILLIS = 500;
    static final long DEFAULT_MAX_MILLIS = 30_000;

    private final long initialMillis;
    private final long maxMillis;
    private int attempts;
    private long current;

    /**
     * @param initialMillis the first wait; must be positive
     * @param maxMillis     the longest wait; at least {@code initialMillis}
     */
    public ExponentialBackoff(long initialMillis, long maxMillis) {
        if (initialMillis <= 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("backoff must satisfy 0 < initial <= max");
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
    }

    /** The last value returned by {@link #next()}, 0 after {@link #reset()}. */
    @Override
    public synchronized long current() {
        return current;
    }

    /** The next wait: {@code initial * 2^failures} capped, with jitter; counts one more failure. */
    @Override
    public synchronized long next() {
        current = RetryPolicy.exponentialDelay(initialMillis, maxMillis, attempts++);
        return current;
    }

    /** After a success: the next wait is the initial one again. */
    @Override
    public synchronized void reset() {
        attempts = 0;
        current = 0;
    }

    /** How many waits were handed out since the last {@link #reset()}. */
    public synchronized int attempts() {
        return attempts;
    }

    long maxMillis() {
        return maxMillis;
    }

    /**
     * Runs {@code task} on {@code scheduler} after the {@link #next()} wait.
     *
     * @return the scheduled task, or {@code null} when the scheduler refused it (it is shutting down)
     */
    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Runnable task) {
        return schedule(scheduler, task, next());
    }

    /**
     * Runs {@code task} on {@code scheduler} after {@code delayMillis} (a wait that is not a backoff: a short pause
     * before looking at a state again).
     *
     * @return the scheduled task, or {@code null} when the scheduler refused it (it is shutting down)
     */
    public static ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Runnable task, long delayMillis) {
        try {
            return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }
}
