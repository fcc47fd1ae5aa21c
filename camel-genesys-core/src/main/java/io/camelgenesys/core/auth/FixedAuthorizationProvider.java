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
    private final String kind;

    private FixedAuthorizationProvider(String authorization, String kind) {
        this.authorization = authorization;
        this.kind = kind;
    }

    public static FixedAuthorizationProvider bearer(String accessToken) {
        return new FixedAuthorizationProvider("Bearer " + accessToken, "static access token");
    }

    public static FixedAuthorizationProvider basic(String username, String password) {
        String pair = username + ":" + (password == null ? "" : password);
        return new FixedAuthorizationProvider(
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)), "basic credentials");
    }

    @Override
    public CompletableFuture<String> authorization() {
        return CompletableFuture.completedFuture(authorization);
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
