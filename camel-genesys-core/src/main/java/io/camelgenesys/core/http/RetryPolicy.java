package io.camelgenesys.core.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

import io.camelgenesys.core.GenesysConfiguration;

/**
 * When a failed attempt is tried again, and after how long: the {@code retry*} options. 429 waits what
 * {@code Retry-After} says (seconds or an HTTP date); 502/503/504 wait their {@code Retry-After} too when they carry
 * one (as Genesys' Java SDK), else they and I/O errors back off exponentially with jitter, for idempotent requests
 * only. Both are bounded by the attempts and a total deadline. The waits are scheduled by
 * the connection's {@link RetryScheduler}; no thread sleeps.
 */
public final class RetryPolicy {

    /** The defaults of {@link GenesysConfiguration}. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(true, 5, 500, 30_000, 120_000);

    /** Never retries. */
    public static final RetryPolicy NONE = new RetryPolicy(false, 1, 0, 0, 0);

    /** Returned by the delay methods when the request must not be tried again. */
    public static final long NO_RETRY = -1;

    private final boolean enabled;
    private final int maxAttempts;
    private final long initialDelayMillis;
    private final long maxDelayMillis;
    private final long deadlineMillis;

    public RetryPolicy(boolean enabled, int maxAttempts, long initialDelayMillis, long maxDelayMillis, long deadlineMillis) {
        this.enabled = enabled;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialDelayMillis = Math.max(0, initialDelayMillis);
        this.maxDelayMillis = Math.max(this.initialDelayMillis, maxDelayMillis);
        this.deadlineMillis = deadlineMillis;
    }

    public static RetryPolicy of(GenesysConfiguration c) {
        return new RetryPolicy(c.isRetryEnabled(), c.getRetryMaxAttempts(), c.getRetryInitialDelay(), c.getRetryMaxDelay(),
                c.getRetryDeadline());
    }

    /**
     * The wait before retrying a 429.
     *
     * @param attempt          the attempt that failed, 1-based
     * @param elapsedMillis    time since the first attempt
     * @param retryAfterMillis what Retry-After said, or {@code -1}
     */
    public long delayAfterRateLimit(int attempt, long elapsedMillis, long retryAfterMillis) {
        long delay = retryAfterMillis >= 0 ? retryAfterMillis : backoff(attempt);
        return allowed(attempt, elapsedMillis, delay) ? delay : NO_RETRY;
    }

    /** The wait before retrying a 502/503/504 or an I/O error; {@link #NO_RETRY} for a non-idempotent request. */
    public long delayAfterServerError(int attempt, long elapsedMillis, boolean idempotent) {
        if (!idempotent) {
            return NO_RETRY;
        }
        long delay = backoff(attempt);
        return allowed(attempt, elapsedMillis, delay) ? delay : NO_RETRY;
    }

    /**
     * The wait before the attempt after {@code attempt}: what Retry-After said when it is not {@code -1}, else the
     * exponential backoff; {@link #NO_RETRY} when retries are off or the attempts or the deadline are used up.
     */
    public long delay(int attempt, long elapsedMillis, long retryAfterMillis) {
        return delayAfterRateLimit(attempt, elapsedMillis, retryAfterMillis);
    }

    /**
     * The same waits without a limit on attempts or time, for what must come back however long an outage lasts (a
     * CometD session, a consumer's subscription): {@code retryEnabled=false} turns off retrying requests, not
     * recovering a session. The first wait is at least 1 ms, so that it never spins.
     */
    public RetryPolicy unbounded() {
        return new RetryPolicy(true, Integer.MAX_VALUE, Math.max(1, initialDelayMillis), maxDelayMillis, Long.MAX_VALUE);
    }

    private boolean allowed(int attempt, long elapsedMillis, long delay) {
        return enabled && attempt < maxAttempts && fitsDeadline(elapsedMillis, delay);
    }

    /**
     * Whether a wait of {@code waitMillis} ends within the deadline, {@code elapsedMillis} after the first attempt;
     * compared without adding the two (a huge Retry-After added to the elapsed time overflowed and passed).
     */
    public boolean fitsDeadline(long elapsedMillis, long waitMillis) {
        return waitMillis <= deadlineMillis - Math.max(0, elapsedMillis);
    }

    /** Milliseconds from the first attempt after which no retry is started ({@code retryDeadline}). */
    public long deadlineMillis() {
        return deadlineMillis;
    }

    long backoff(int attempt) {
        return exponentialDelay(initialDelayMillis, maxDelayMillis, attempt - 1);
    }

    /**
     * The one backoff formula of camel-genesys (HTTP retries, CometD re-handshakes and re-subscriptions, consumers
     * re-creating what Genesys dropped): {@code initial * 2^failures}, capped at {@code max}, less a random 0-25 % so
     * that many clients do not retry in step.
     *
     * @param failures how many attempts failed before this wait, 0 for the first wait
     */
    public static long exponentialDelay(long initialMillis, long maxMillis, int failures) {
        long base = Math.min(Math.max(initialMillis, maxMillis), initialMillis << Math.min(20, Math.max(0, failures)));
        if (base <= 0) {
            return 0;
        }
        return Math.max(1, base - ThreadLocalRandom.current().nextLong(base / 4 + 1));
    }

    /**
     * The longest wait a {@code Retry-After} is read as (a year): a longer one (or one no clock can add, such as
     * {@code 1e300}) is read as this, so that the pause it sets and the deadline it is compared with stay in range.
     */
    public static final long MAX_RETRY_AFTER_MILLIS = 365L * 24 * 3600 * 1000;

    /**
     * Parses {@code Retry-After}: delta seconds or an HTTP date (RFC 7231 §7.1.3).
     *
     * @return milliseconds to wait (never negative, at most {@link #MAX_RETRY_AFTER_MILLIS}), or {@code -1} when absent
     *         or unreadable
     */
    public static long parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            if (Double.isNaN(seconds)) {
                return -1;
            }
            return Math.max(0, Math.min(MAX_RETRY_AFTER_MILLIS, Math.round(seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Math.min(MAX_RETRY_AFTER_MILLIS, at.toEpochMilli() - now.toEpochMilli()));
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public String toString() {
        return "RetryPolicy[enabled=" + enabled + ", maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelayMillis
               + "ms, maxDelay=" + maxDelayMillis + "ms, deadline=" + deadlineMillis + "ms]";
    }
}
