package io.camelgenesys.core;

/**
 * Genesys answered 429 Too Many Requests and no retry was left (attempts or deadline used up, or retries off).
 */
public class GenesysRateLimitException extends GenesysApiException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterMillis;

    public GenesysRateLimitException(String message, Builder b, long retryAfterMillis) {
        super(message, b, null);
        this.retryAfterMillis = retryAfterMillis;
    }

    /** How long Genesys asked to wait (Retry-After), in milliseconds; -1 when it did not say. */
    public long getRetryAfterMillis() {
        return retryAfterMillis;
    }
}
