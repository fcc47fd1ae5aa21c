package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The token store of both OAuth servers (Genesys Cloud and Multicloud CX) and its test controls.
 * <p>
 * Access tokens are random UUIDs, like the ones in the Multicloud documentation; each belongs to the platform that
 * issued it, so a Cloud token is refused on a Multicloud path and vice versa. Expiry uses the monotonic clock.
 * Refresh tokens do not expire (they are reused across refreshes, the Spring OAuth default the Multicloud
 * Authentication API is built on) until revoked. Authorization codes are single-use and live
 * {@value #CODE_LIFETIME_SECONDS} seconds ("short-lived" in the documentation; RFC 6749 recommends at most 10 minutes).
 */
public final class Tokens {

    static final long CODE_LIFETIME_SECONDS = 300;

    /** An issued access token. */
    record AccessToken(String value, Auth platform, String subject, long expiresAtNanos) {
        boolean expired(long now) {
            return now - expiresAtNanos >= 0;
        }
    }

    record RefreshToken(String value, String subject) {
    }

    record AuthorizationCode(String code, String username, String redirectUri, long expiresAtNanos) {
    }

    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsByGrant = new ConcurrentHashMap<>();
    private volatile String lastIssued;
    private volatile Duration lifetime;

    Tokens(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Invalidates every issued access token and refresh token: API calls with them answer 401. */
    public void revokeAll() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    /**
     * Invalidates one access token (its refresh token, if any, stays valid, so a client can recover by refreshing).
     *
     * @return whether the token was known
     */
    public boolean revoke(String accessToken) {
        return accessToken != null && accessTokens.remove(accessToken) != null;
    }

    /** @return how many POSTs reached any token endpoint, whatever the grant and the outcome */
    public int requestCount() {
        return requests.get();
    }

    /** @return how many token POSTs carried this {@code grant_type} (e.g. {@code client_credentials}) */
    public int requestCount(String grantType) {
        AtomicInteger count = requestsByGrant.get(grantType);
        return count == null ? 0 : count.get();
    }

    /** @return the most recently issued access token, or {@code null} */
    public String lastIssuedAccessToken() {
        return lastIssued;
    }

    /**
     * Issues an authorization code as {@code GET /auth/v3/oauth/authorize} would after a successful sign-in, so a test
     * can exercise the {@code authorization_code} grant without the redirect dance.
     *
     * @param username    the user the code stands for
     * @param redirectUri the redirect URI the token request must repeat
     * @return the single-use code
     */
    public String issueAuthorizationCode(String username, String redirectUri) {
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        codes.put(code, new AuthorizationCode(code, username, redirectUri,
                System.nanoTime() + Duration.ofSeconds(CODE_LIFETIME_SECONDS).toNanos()));
        return code;
    }

    /**
     * Issues an access token without an HTTP round trip, with the current lifetime.
     *
     * @param platform {@link Auth#CLOUD} or {@link Auth#MULTICLOUD}
     * @param subject  the user or client id the token acts for
     * @return the token value
     */
    public String issueAccessToken(Auth platform, String subject) {
        if (platform != Auth.CLOUD && platform != Auth.MULTICLOUD) {
            throw new IllegalArgumentException("Only CLOUD and MULTICLOUD issue bearer tokens, not " + platform);
        }
        return issue(platform, subject).value();
    }

    /** @return whether the token is currently accepted (issued, not expired, not revoked) */
    public boolean isValid(String accessToken) {
        AccessToken token = accessToken == null ? null : accessTokens.get(accessToken);
        return token != null && !token.expired(System.nanoTime());
    }

    AccessToken issue(Auth platform, String subject) {
        long now = System.nanoTime();
        purgeExpired(now);
        AccessToken token = new AccessToken(UUID.randomUUID().toString(), platform, subject, now + lifetime.toNanos());
        accessTokens.put(token.value(), token);
        lastIssued = token.value();
        return token;
    }

    /** Expired tokens are dropped lazily so that a long benchmark run does not accumulate them forever. */
    private void purgeExpired(long now) {
        if (accessTokens.size() > 1024) {
            accessTokens.values().removeIf(t -> t.expired(now));
        }
    }

    String issueRefreshToken(String subject) {
        RefreshToken token = new RefreshToken(UUID.randomUUID().toString(), subject);
        refreshTokens.put(token.value(), token);
        return token.value();
    }

    AccessToken find(String value) {
        return value == null ? null : accessTokens.get(value);
    }

    RefreshToken findRefreshToken(String value) {
        return value == null ? null : refreshTokens.get(value);
    }

    /** @return the code if it exists, has not expired and is redeemed now (codes are single-use), else {@code null} */
    AuthorizationCode redeem(String code) {
        AuthorizationCode found = code == null ? null : codes.remove(code);
        if (found == null || System.nanoTime() - found.expiresAtNanos() >= 0) {
            return null;
        }
        return found;
    }

    void recordRequest(String grantType) {
        requests.incrementAndGet();
        requestsByGrant.computeIfAbsent(grantType == null ? "" : grantType, g -> new AtomicInteger()).incrementAndGet();
    }

    Duration lifetime() {
        return lifetime;
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    void reset(Duration lifetime) {
        accessTokens.clear();
        refreshTokens.clear();
        codes.clear();
        requests.set(0);
        requestsByGrant.clear();
        lastIssued = null;
        this.lifetime = lifetime;
    }
}
