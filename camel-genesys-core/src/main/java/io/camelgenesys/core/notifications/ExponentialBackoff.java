package io.camelgenesys.core.notifications;

import io.camelgenesys.core.http.RetryPolicy;
import org.cometd.client.BayeuxClient;

/**
 * Capped exponential backoff with jitter ({@link RetryPolicy#exponentialDelay}), used both by the BayeuxClient (handshake and connect retries) and by
 * {@link GenesysNotifications} for a new handshake after the server ended the session: 0.5 s, 1 s, 2 s, ... up to
 * 30 s, each value reduced by a random 0-25 % so that many clients do not retry in step.
 */
final class ExponentialBackoff implements BayeuxClient.BackOffStrategy {

    static final long DEFAULT_INITIAL_MILLIS = 500;
    static final long DEFAULT_MAX_MILLIS = 30_000;

    private final long initialMillis;
    private final long maxMillis;
    private int attempts;
    private long current;

    ExponentialBackoff(long initialMillis, long maxMillis) {
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

    @Override
    public synchronized long next() {
        current = RetryPolicy.exponentialDelay(initialMillis, maxMillis, attempts++);
        return current;
    }

    @Override
    public synchronized void reset() {
        attempts = 0;
        current = 0;
    }

    synchronized int attempts() {
        return attempts;
    }

    long maxMillis() {
        return maxMillis;
    }
}
