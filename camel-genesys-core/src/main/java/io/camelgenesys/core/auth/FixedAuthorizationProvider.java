package io.camelgenesys.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * An {@code Authorization} value that never changes: a static access token ({@code accessToken} option) or Web
 * Services HTTP Basic credentials. It cannot be refreshed, so a 401 is final.
 */
public final class FixedAuthorizationProvider implements TokenProvider {

    private final String authorization;
    /** Made once and handed to every caller (no one completes it again): no future per request. */
    private final CompletableFuture<String> ready;
    private final String kind;
    private final String refusedHint;

    private FixedAuthorizationProvider(String authorization, String kind, String refusedHint) {
        this.authorization = authorization;
        this.ready = CompletableFuture.completedFuture(authorization);
        this.kind = kind;
        this.refusedHint = refusedHint;
    }

    public static FixedAuthorizationProvider bearer(String accessToken) {
        return new FixedAuthorizationProvider("Bearer " + accessToken, "static access token",
                "Genesys refused the static access token of the accessToken option, which cannot be refreshed: set a"
                                                                     + " valid accessToken, or clientId and clientSecret"
                                                                     + " so that tokens are obtained and renewed");
    }

    public static FixedAuthorizationProvider basic(String username, String password) {
        String pair = username + ":" + (password == null ? "" : password);
        return new FixedAuthorizationProvider(
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)), "basic credentials",
                "Genesys refused the HTTP Basic credentials: check the username and password options");
    }

    @Override
    public String refusedHint() {
        return refusedHint;
    }

    @Override
    public CompletableFuture<String> authorization() {
        return ready;
    }

    @Override
    public String currentAuthorization() {
        return authorization;
    }

    @Override
    public void invalidate(String authorization) {
        // nothing to refresh: the caller reports the 401
    }

    @Override
    public boolean canRefresh() {
        return false;
    }

    @Override
    public boolean hasValidToken() {
        return true;
    }

    @Override
    public Throwable lastFailure() {
        return null;
    }

    /** What the credential is, for error messages ("static access token", "basic credentials"). */
    public String kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "FixedAuthorizationProvider[" + kind + "]";
    }
}
