package io.camelgenesys.core.auth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysAuthException;
import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysGrantType;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.GenesysHttpClient;
import io.camelgenesys.core.http.GenesysRequest;
import io.camelgenesys.core.http.GenesysResponse;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2 access tokens from a Genesys token endpoint: Genesys Cloud client credentials
 * ({@code POST https://login.{region}/oauth/token}) or Multicloud ({@code POST {baseUrl}/auth/v3/oauth/token} with
 * {@code x-api-key}; grants password, client_credentials, refresh_token, authorization_code). The client id and
 * secret always travel as HTTP Basic.
 * <p>
 * The token is cached and refreshed ahead of its expiry (a timer, so that a CometD session always finds a fresh
 * one); concurrent callers wait for one request (single flight). When the grant returned a refresh token, it is used
 * first; if Genesys refuses it, grants that can be repeated (password, client credentials) start over.
 */
public final class OAuthTokenProvider implements TokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenProvider.class);

    private final GenesysHttpClient http;
    private final String tokenUrl;
    private final Map<String, String> headers;
    private final GenesysGrantType grant;
    private final Map<String, String> grantForm;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final String description;
    private final String clientId;
    private final Secrets secrets;
    private final RetryScheduler retries;
    private final RetryPolicy retryPolicy;

    private volatile Token token;
    private volatile String refreshToken;
    private volatile String authorizationCode;
    private volatile Throwable lastFailure;
    private final AtomicReference<CompletableFuture<Token>> inflight = new AtomicReference<>();
    private final AtomicLong obtained = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile ScheduledFuture<?> proactive;
    private volatile boolean closed;
    /**
     * Test seam, null outside tests: runs as {@link #refresh()} starts, after the caller read the token and before it
     * looks at the request in flight, so that TokenRefreshRaceRouteTest can end a request in between.
     */
    volatile Runnable beforeRefresh;

    /**
     * @param ready the authorization as a completed future, made once per token and handed to every caller (no one
     *              completes it again): no future per request
     */
    private record Token(String authorization, long expiresAtNanos, long refreshAtNanos,
                         CompletableFuture<String> ready) {
        Token(String authorization, long expiresAtNanos, long refreshAtNanos) {
            this(authorization, expiresAtNanos, refreshAtNanos, CompletableFuture.completedFuture(authorization));
        }
    }

    /**
     * @param scheduler schedules the refresh ahead of expiry
     * @param retries   the connection's retry scheduler: a token request that gets an I/O error, a 5xx or a 429 is
     *                  tried again under the connection's {@code retry*} options
     * @param secrets   the connection's secrets: every access and refresh token obtained is added, so that no error
     *                  message or log line quoting a response shows it
     */
    public OAuthTokenProvider(GenesysConfiguration c, GenesysHttpClient http, ScheduledExecutorService scheduler,
                              RetryScheduler retries, Secrets secrets) {
        this(c, http, scheduler, retries, secrets, System::nanoTime);
    }

    OAuthTokenProvider(GenesysConfiguration c, GenesysHttpClient http, ScheduledExecutorService scheduler,
                       RetryScheduler retries, Secrets secrets, LongSupplier clock) {
        this.http = http;
        this.secrets = secrets;
        this.retries = retries;
        this.retryPolicy = RetryPolicy.of(c);
        this.scheduler = scheduler;
        this.clock = clock;
        this.grant = c.effectiveGrantType();
        boolean multicloud = c.getPlatform() == GenesysPlatform.multicloud;
        this.tokenUrl = c.authBaseUrl() + (multicloud ? "/auth/v3/oauth/token" : "/oauth/token");
        Map<String, String> h = new LinkedHashMap<>();
        if (c.getClientId() == null) {
            throw new IllegalArgumentException("The clientId option is required for OAuth on platform " + c.getPlatform()
                                               + " (or set accessToken to use a ready token)");
        }
        String pair = c.getClientId() + ":" + (c.getClientSecret() == null ? "" : c.getClientSecret());
        h.put("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        if (multicloud && c.getApiKey() != null) {
            h.put("x-api-key", c.getApiKey());
        }
        this.headers = Map.copyOf(h);
        Map<String, String> form = new LinkedHashMap<>();
        switch (grant) {
            case password -> {
                require(c.getUsername(), "username", "password");
                require(c.getPassword(), "password", "password");
                form.put("username", c.getUsername());
                form.put("password", c.getPassword());
            }
            case authorizationCode -> {
                require(c.getAuthorizationToken(), "authorizationToken", "authorizationCode");
                require(c.getRedirectUri(), "redirectUri", "authorizationCode");
                form.put("redirect_uri", c.getRedirectUri());
                this.authorizationCode = c.getAuthorizationToken();
            }
            case refreshToken -> require(c.getRefreshToken(), "refreshToken", "refreshToken");
            case clientCredentials -> require(c.getClientSecret(), "clientSecret", "clientCredentials");
            default -> throw new IllegalStateException("grant " + grant);
        }
        if (multicloud) {
            form.put("scope", "*");
        }
        this.grantForm = Map.copyOf(form);
        this.refreshToken = c.getRefreshToken();
        this.clientId = c.getClientId();
        this.description = (multicloud ? "Multicloud " : "Genesys Cloud ") + grant + " token for client " + c.getClientId();
    }

    private static void require(String value, String option, String grant) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + option + " option is required for the OAuth grant " + grant);
        }
    }

    @Override
    public CompletableFuture<String> authorization() {
        Token t = token;
        long now = clock.getAsLong();
        if (t != null && now < t.refreshAtNanos) {
            return t.ready;
        }
        if (t != null && now < t.expiresAtNanos) {
            refresh(); // due soon: refresh in the background, this caller still uses the valid token
            return t.ready;
        }
        return refresh().thenApply(Token::authorization);
    }

    @Override
    public String currentAuthorization() {
        Token t = token;
        return t != null && clock.getAsLong() < t.expiresAtNanos ? t.authorization : null;
    }

    @Override
    public void invalidate(String authorization) {
        Token t = token;
        if (t != null && t.authorization.equals(authorization)) {
            // only the token that failed is dropped; a newer one stays
            if (compareAndClear(t)) {
                LOG.debug("{}: access token refused by Genesys (401), a new one will be requested", description);
            }
        }
    }

    private synchronized boolean compareAndClear(Token t) {
        if (token == t) {
            token = null;
            return true;
        }
        return false;
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    @Override
    public String refusedHint() {
        // the token endpoint issued it, the API refuses it: they are not the same organization, or the client is off
        return "Genesys refused an access token its token endpoint had just issued: check that the token endpoint"
               + " (loginUrl, or region) and the API (baseUrl, or region) are the same Genesys organization and region,"
               + " and that the OAuth client " + clientId + " is active";
    }

    @Override
    public boolean hasValidToken() {
        return currentAuthorization() != null;
    }

    @Override
    public Throwable lastFailure() {
        return lastFailure;
    }

    @Override
    public long tokensObtained() {
        return obtained.get();
    }

    @Override
    public long tokenFailures() {
        return failures.get();
    }

    @Override
    public java.time.Instant tokenExpiresAt() {
        Token t = token;
        if (t == null) {
            return null;
        }
        long left = t.expiresAtNanos - clock.getAsLong();
        return java.time.Instant.now().plusNanos(left);
    }

    /** Starts a token request unless one is running; all callers get the same future. */
    private CompletableFuture<Token> refresh() {
        Runnable seam = beforeRefresh;
        if (seam != null) {
            seam.run();
        }
        while (true) {
            CompletableFuture<Token> running = inflight.get();
            if (running != null) {
                return running;
            }
            // the caller read the token before a request in flight ended (it sets the token, then clears inflight):
            // a token that is not due yet is the answer, not a second request to the token endpoint
            Token t = token;
            if (t != null && clock.getAsLong() < t.refreshAtNanos) {
                return CompletableFuture.completedFuture(t);
            }
            CompletableFuture<Token> mine = new CompletableFuture<>();
            if (inflight.compareAndSet(null, mine)) {
                // released, not left waiting, when the context stops while a retry of it is scheduled
                request(retries.start(retryPolicy, "The token request to " + Secrets.url(tokenUrl))
                        .onStopping(e -> fail(mine, e)), mine);
                return mine;
            }
        }
    }

    /**
     * One attempt. Whatever goes wrong ends in {@code result}: an exception thrown while building or sending the
     * request, or while reading the answer, would otherwise leave the single-flight future incomplete, and every
     * later caller would wait for it forever.
     */
    private void request(RetryScheduler.Retry retry, CompletableFuture<Token> result) {
        try {
            send(retry, result);
        } catch (RuntimeException e) {
            fail(result, unexpected(e));
        }
    }

    private void send(RetryScheduler.Retry retry, CompletableFuture<Token> result) {
        boolean useRefresh = refreshToken != null;
        GenesysGrantType sent = useRefresh ? GenesysGrantType.refreshToken : grant;
        if (sent == GenesysGrantType.authorizationCode && authorizationCode == null) {
            fail(result, new GenesysAuthException("Cannot renew the Genesys access token: the authorization code was"
                                                  + " exchanged once already and Genesys returned no refresh token;"
                                                  + " obtain a new authorization code and set the authorizationToken"
                                                  + " option (or use a grant that can be repeated)",
                    GenesysApiException.builder().operation("POST " + Secrets.url(tokenUrl)), null));
            return;
        }
        GenesysRequest req = tokenRequest(sent);
        http.send(req, tokenUrl, null, headers).whenComplete((resp, err) -> {
            try {
                answered(retry, result, useRefresh, sent, req, resp, err);
            } catch (RuntimeException e) {
                fail(result, unexpected(e));
            }
        });
    }

    private void answered(RetryScheduler.Retry retry, CompletableFuture<Token> result, boolean useRefresh,
                          GenesysGrantType sent, GenesysRequest req, GenesysResponse resp, Throwable err) {
        if (err != null) {
            Throwable cause = GenesysErrors.unwrap(err);
            if (closed || retry.backoff("an I/O error (" + cause.getClass().getSimpleName() + ")",
                    () -> request(retry, result)) < 0) {
                fail(result, asAuthFailure(GenesysErrors.fromTransport(req, cause)));
            }
            return;
        }
        int status = resp.status();
        if (status >= 200 && status < 300) {
            accept(req, resp, result);
        } else if (useRefresh && status == 400 && repeatable()) {
            // the refresh token expired or was revoked: the original grant can start over
            LOG.info("{}: the refresh token was refused, requesting a new token with the {} grant", description, grant);
            refreshToken = null;
            request(retry, result);
        } else if (status == 429) {
            long retryAfter = RetryPolicy.parseRetryAfter(resp.header("Retry-After"), java.time.Instant.now());
            if (closed || retry.after(retryAfter, "429 Too Many Requests", () -> request(retry, result)) < 0) {
                fail(result, refused(req, resp, sent));
            }
        } else if (status >= 500) {
            // a Retry-After on it is waited as on a 429 (the Java SDK's ApiClient.Retry does so for 502/503/504)
            long retryAfter = RetryPolicy.parseRetryAfter(resp.header("Retry-After"), java.time.Instant.now());
            if (closed || retry.after(retryAfter, "HTTP " + status, () -> request(retry, result)) < 0) {
                fail(result, refused(req, resp, sent));
            }
        } else {
            fail(result, refused(req, resp, sent));
        }
    }

    /** A failure that is not Genesys' answer (a token URL that cannot be sent to, a closed client). */
    private GenesysAuthException unexpected(RuntimeException e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + secrets.redact(e.getMessage()) : "");
        return new GenesysAuthException("Cannot request a Genesys access token from POST " + Secrets.url(tokenUrl) + " ("
                                        + what + "); check loginUrl/baseUrl", GenesysApiException.builder()
                                                .operation("POST " + Secrets.url(tokenUrl)),
                GenesysErrors.safeCause(e, secrets));
    }

    private boolean repeatable() {
        return grant == GenesysGrantType.password || grant == GenesysGrantType.clientCredentials;
    }

    private GenesysRequest tokenRequest(GenesysGrantType sent) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", sent.oauthName());
        if (sent == GenesysGrantType.refreshToken) {
            form.put("refresh_token", refreshToken);
        } else {
            form.putAll(grantForm);
            if (sent == GenesysGrantType.authorizationCode) {
                String code = authorizationCode;
                if (code == null) {
                    throw new IllegalStateException("the authorization code was already exchanged");
                }
                form.put("code", code);
            }
        }
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        // the absolute URL as the path, so that messages name the token endpoint (GenesysRequest.describe() masks it)
        return GenesysRequest.builder("POST", tokenUrl)
                .body(sb.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
                .idempotent(true)
                .confidential()
                .build();
    }

    private void accept(GenesysRequest req, GenesysResponse resp, CompletableFuture<Token> result) {
        JsonNode json;
        try {
            json = resp.json();
        } catch (IOException e) {
            fail(result, asAuthFailure(GenesysErrors.malformed(req, resp, e)));
            return;
        }
        String access = json == null ? null : json.path("access_token").asText(null);
        String newRefresh = json == null ? null : json.path("refresh_token").asText(null);
        // known before anything can quote them
        secrets.add(access);
        secrets.add(newRefresh);
        if (access == null || access.isEmpty()) {
            GenesysApiException.Builder b = GenesysErrors.describe(req, resp);
            fail(result, new GenesysAuthException("The Genesys token endpoint " + req.describe() + " answered HTTP "
                                                  + resp.status() + " without an access_token", b, null));
            return;
        }
        long lifetimeSeconds = json.path("expires_in").asLong(3600);
        if (newRefresh != null && !newRefresh.isEmpty()) {
            refreshToken = newRefresh;
        }
        authorizationCode = null; // single use
        long now = clock.getAsLong();
        long lifetime = TimeUnit.SECONDS.toNanos(Math.max(1, lifetimeSeconds));
        // refresh ahead: a tenth of the lifetime, at most a minute, so that in-flight requests never carry a dead token
        long ahead = Math.min(TimeUnit.SECONDS.toNanos(60), lifetime / 10);
        Token t = new Token("Bearer " + access, now + lifetime, now + lifetime - ahead);
        token = t;
        lastFailure = null;
        obtained.incrementAndGet();
        inflight.compareAndSet(result, null);
        LOG.debug("{}: obtained an access token valid for {} s", description, lifetimeSeconds);
        scheduleProactive(t);
        result.complete(t);
    }

    private void scheduleProactive(Token t) {
        ScheduledFuture<?> old = proactive;
        if (old != null) {
            old.cancel(false);
        }
        if (closed) {
            return;
        }
        long delay = Math.max(0, t.refreshAtNanos - clock.getAsLong());
        proactive = scheduler.schedule(() -> {
            if (!closed && token == t) {
                refresh().exceptionally(e -> null); // failure is recorded in lastFailure and seen by the next caller
            }
        }, delay, TimeUnit.NANOSECONDS);
    }

    private void fail(CompletableFuture<Token> result, Throwable e) {
        lastFailure = e;
        failures.incrementAndGet();
        inflight.compareAndSet(result, null);
        LOG.warn("{}: {}", description, e.getMessage());
        result.completeExceptionally(e);
    }

    /**
     * A token request that got no answer or one it cannot read, as the {@link GenesysAuthException} that
     * {@link TokenProvider#authorization()} promises for every failure to obtain a token, so that a route's
     * {@code onException(GenesysAuthException.class)} sees it (it was a plain GenesysApiException); same message,
     * details and cause.
     */
    private static GenesysAuthException asAuthFailure(GenesysApiException e) {
        GenesysApiException.Builder b = GenesysApiException.builder().httpStatus(e.getHttpStatus())
                .errorCode(e.getErrorCode()).errorMessage(e.getErrorMessage()).correlationId(e.getCorrelationId())
                .statusCode(e.getStatusCode()).detail(e.getDetail()).errors(e.getErrors()).bodyExcerpt(e.getBodyExcerpt())
                .operation(e.getOperation());
        return new GenesysAuthException(e.getMessage(), b, e.getCause());
    }

    private GenesysApiException refused(GenesysRequest req, GenesysResponse resp, GenesysGrantType sent) {
        GenesysApiException.Builder b = GenesysErrors.describe(req, resp);
        int status = resp.status();
        String said = b.errorMessage() != null ? " (" + b.errorMessage() + ")" : "";
        String hint;
        if (status == 403) {
            hint = "Genesys rejected the API key: check the apiKey option (sent as x-api-key)";
        } else if (status == 401 || "invalid_client".equals(b.errorCode()) || "unauthorized_client".equals(b.errorCode())) {
            hint = "Genesys rejected the client credentials: check clientId and clientSecret";
        } else if (status == 400 && ("invalid_grant".equals(b.errorCode()) || b.errorCode() == null)) {
            // RFC 6749's {"error":"invalid_grant"}, or Multicloud's documented 400 "Error as specified by standard
            // (username/password is wrong, for example)" in its {"status":{"code","message"}} shape, which has no
            // OAuth error code (seed 002 L943-949)
            hint = switch (sent) {
                case password -> "Genesys rejected the user credentials: check username and password";
                case refreshToken -> "Genesys refused the refresh token (expired or revoked): set a new refreshToken";
                case authorizationCode -> "Genesys refused the authorization code (already used, expired, or issued for"
                                          + " another redirectUri): obtain a new code";
                default -> "Genesys refused the grant: check clientId and clientSecret";
            };
        } else if (status == 429) {
            hint = "Genesys limits token requests and retryMaxAttempts/retryDeadline were used up: share one connection"
                   + " (same credentials) rather than requesting tokens from many";
        } else if (status >= 500) {
            hint = "the Genesys token endpoint failed" + (retryPolicy.enabled() ? " on every attempt (retryMaxAttempts"
                    + " " + retryPolicy.maxAttempts() + ")" : "");
        } else {
            hint = "the Genesys token endpoint failed";
        }
        String corr = b.correlationId() != null ? " [correlation id " + b.correlationId() + "]" : "";
        return new GenesysAuthException("Cannot obtain a Genesys access token from " + req.describe() + " (HTTP " + status
                                        + said + "): " + hint + corr, b, null);
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> p = proactive;
        if (p != null) {
            p.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "OAuthTokenProvider[" + description + "]";
    }
}
