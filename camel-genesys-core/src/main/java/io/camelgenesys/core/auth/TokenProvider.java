package io.camelgenesys.core.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Gives the {@code Authorization} header value for requests to Genesys. One per {@code GenesysConnection}, so every
 * endpoint with the same credentials uses the same token.
 * <p>
 * Implementations cache their token, refresh it before it expires, and let concurrent callers wait for one refresh
 * (single flight). No implementation ever puts a credential or token into a log line, an exception message or
 * {@code toString()}.
 */
public interface TokenProvider extends AutoCloseable {

    /**
     * The header value to send ({@code Bearer …} or {@code Basic …}); completes exceptionally with a
     * GenesysAuthException whatever went wrong (credentials refused, a 5xx, a body that is not JSON, a timeout or a
     * dropped connection).
     */
    CompletableFuture<String> authorization();

    /**
     * The current header value without waiting, or {@code null} when there is none yet: for callers that cannot
     * wait, such as a CometD transport adding headers to a Bayeux request.
     */
    String currentAuthorization();

    /**
     * Genesys answered 401 to a request sent with this header value: forget it, so the next {@link #authorization()}
     * obtains a new one. A value other than the current one (already replaced) is ignored.
     */
    void invalidate(String authorization);

    /** Whether a new value can be obtained after {@link #invalidate}; a static token or Basic credentials cannot. */
    boolean canRefresh();

    /** Whether a token has been obtained and has not expired or been invalidated. */
    boolean hasValidToken();

    /** The last failure to obtain a token, cleared by the next success; {@code null} when none. */
    Throwable lastFailure();

    /**
     * What to check when Genesys refuses this provider's {@code Authorization} for good (a 401 that no refresh and
     * replay can fix), naming the options; never a credential.
     */
    default String refusedHint() {
        return "check the credentials";
    }

    /**
     * Access tokens obtained so far, the first one included (refreshes ahead of expiry, after a 401, ...); 0 for a
     * fixed token or Basic credentials. For the dev console and the {@code genesys.token.refreshes} meter.
     */
    default long tokensObtained() {
        return 0;
    }

    /** Token requests that failed for good (after their retries), each reported to its callers. */
    default long tokenFailures() {
        return 0;
    }

    /** When the current token expires, {@code null} when there is none or it does not expire (Basic, a fixed token). */
    default java.time.Instant tokenExpiresAt() {
        return null;
    }

    @Override
    default void close() {
    }
}
