package io.camelgenesys.core.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysAuthException;
import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.GenesysRateLimitException;
import io.camelgenesys.core.GenesysStoppingException;
import io.camelgenesys.core.auth.FixedAuthorizationProvider;
import io.camelgenesys.core.auth.OAuthTokenProvider;
import io.camelgenesys.core.auth.Secrets;
import io.camelgenesys.core.auth.TokenProvider;
import io.camelgenesys.core.metrics.ConnectionMetrics;
import io.camelgenesys.core.metrics.GenesysMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that endpoints with the same platform, base URL and credentials share within a CamelContext: ONE
 * token, ONE rate limiter and ONE Jetty HTTP client (which CometD uses too). Genesys limits requests per token, so
 * throttling is only right when it is shared.
 * <p>
 * {@link #execute(GenesysRequest)} is the pipeline every REST call takes: wait for the rate limiter, add the
 * token, send; on 401 refresh the token once and replay once; on 429 pause the whole connection for Retry-After
 * and retry; on 502/503/504 or an I/O error retry idempotent requests with backoff. Waits are scheduled; no thread
 * sleeps.
 */
public final class GenesysConnection {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysConnection.class);

    private final String id;
    private final GenesysPlatform platform;
    private final String baseUrl;
    private final GenesysHttpClient http;
    private final TokenProvider tokens;
    private final RateLimiter rateLimiter;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final WorkerPool defaultWorkerPool;
    private final RetryScheduler retries;
    private final RetryPolicy retryPolicy;
    private final Map<String, String> connectionHeaders;
    private final CamelContext camelContext;
    private final Secrets secrets;
    private final StorageDownloads downloads;

    private final AtomicInteger references = new AtomicInteger();
    private final Map<String, AutoCloseable> attachments = new LinkedHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicInteger healthCheckUsers = new AtomicInteger();
    private volatile ConnectionMetrics metrics = ConnectionMetrics.NONE;
    /**
     * The status of the last response, plus {@link #ANSWERED} when it was a 5xx its request takes as an answer
     * ({@link GenesysRequest#answers}): one field, so that a reader never pairs one response's status with another's.
     */
    private volatile int lastStatus = -1;
    private static final int ANSWERED = 1000;
    /** Epoch milliseconds of the last answer or transport failure, 0 before any: no Instant per response. */
    private volatile long lastCallAtMillis;
    private volatile Throwable lastTransportFailure;
    private volatile GenesysAuthException lastAuthFailure;
    private volatile GenesysAuthException lastForbidden;

    GenesysConnection(CamelContext camelContext, String id, GenesysConfiguration config) {
        this.camelContext = camelContext;
        this.id = id;
        this.platform = config.getPlatform();
        this.baseUrl = config.apiBaseUrl();
        this.scheduler = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "GenesysConnection[" + id + "]");
        // routes continue here, never on the Jetty thread that read the response (see WorkerPool)
        this.workers = camelContext.getExecutorServiceManager().newThreadPool(this, "GenesysWorkers[" + id + "]",
                workerProfile(camelContext));
        this.defaultWorkerPool = new WorkerPool(workers, scheduler, "GenesysWorkers[" + id + "]");
        this.retries = new RetryScheduler(scheduler);
        this.retryPolicy = RetryPolicy.of(config);
        this.secrets = Secrets.of(config);
        this.http = new GenesysHttpClient(camelContext, config, id, secrets);
        this.tokens = tokenProvider(config, http, scheduler, retries, secrets);
        this.rateLimiter = new RateLimiter(config.getRateLimit(), config.getRateLimitPeriod(), scheduler);
        this.downloads = new StorageDownloads(this, http.jetty(), http.requestTimeoutMillis());
        Map<String, String> h = new LinkedHashMap<>();
        if (platform == GenesysPlatform.multicloud) {
            if (config.getApiKey() == null || config.getApiKey().isBlank()) {
                throw new IllegalArgumentException("The apiKey option is required for platform multicloud: Genesys"
                                                   + " expects it as x-api-key on every request");
            }
            h.put("x-api-key", config.getApiKey());
        }
        this.connectionHeaders = Map.copyOf(h);
    }

    private static TokenProvider tokenProvider(GenesysConfiguration c, GenesysHttpClient http,
                                               ScheduledExecutorService scheduler, RetryScheduler retries,
                                               Secrets secrets) {
        if (c.getAccessToken() != null && !c.getAccessToken().isBlank()) {
            return FixedAuthorizationProvider.bearer(c.getAccessToken());
        }
        if (c.getPlatform() == GenesysPlatform.webServices) {
            if (c.getUsername() == null || c.getPassword() == null) {
                throw new IllegalArgumentException("The username and password options are required for platform"
                                                   + " webServices (HTTP Basic authentication)");
            }
            return FixedAuthorizationProvider.basic(c.getUsername(), c.getPassword());
        }
        return new OAuthTokenProvider(c, http, scheduler, retries, secrets);
    }

    void start() throws Exception {
        http.start();
        metrics = GenesysMetrics.of(camelContext).connection(this);
    }

    void stop() {
        java.util.List<AutoCloseable> toClose;
        synchronized (attachments) {
            toClose = new java.util.ArrayList<>(attachments.values());
            attachments.clear();
        }
        {
            for (AutoCloseable a : toClose) {
                try {
                    a.close();
                } catch (Exception e) {
                    LOG.debug("Closing {} of {} failed: {}", a, id, e.getMessage());
                }
            }
        }
        rateLimiter.close();
        tokens.close();
        try {
            http.stop();
        } catch (Exception e) {
            LOG.debug("Stopping the HTTP client of {} failed: {}", id, e.getMessage());
        }
        camelContext.getExecutorServiceManager().shutdown(scheduler);
        camelContext.getExecutorServiceManager().shutdown(workers);
        ConnectionMetrics m = metrics;
        metrics = ConnectionMetrics.NONE;
        m.close();
    }

    int retain() {
        return references.incrementAndGet();
    }

    int releaseReference() {
        return references.decrementAndGet();
    }

    /**
     * Camel's default thread pool profile (its pool size, thread names, keep-alive) with an unbounded queue and no
     * caller-runs: the queue holds at most one continuation per exchange in flight, and a continuation must never
     * run on the Jetty thread that hands it over.
     */
    private static ThreadPoolProfile workerProfile(CamelContext camelContext) {
        ThreadPoolProfile profile = camelContext.getExecutorServiceManager().getDefaultThreadPoolProfile().clone();
        profile.setId("genesysWorkers");
        profile.setDefaultProfile(false);
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    /**
     * Sends a request through the connection's pipeline. Completes with the response for 2xx, 3xx and 4xx statuses
     * other than 401 and 429 (the caller decides what a 404 means), and for a 5xx the request
     * {@link GenesysRequest#answers(int) takes as an answer}; exceptionally with a {@link GenesysApiException}
     * otherwise.
     * <p>
     * It completes on a Jetty I/O thread or the connection's scheduler, which never wait for anything: whatever
     * depends on it directly must not block either (hand user code to a {@link #workerPool}). Any other thread may
     * wait for it, a route thread included, since completing it needs no worker thread.
     */
    public CompletableFuture<GenesysResponse> execute(GenesysRequest request) {
        CompletableFuture<GenesysResponse> result = new CompletableFuture<>();
        attempt(new Call(request, System.nanoTime(), result, null));
        return result;
    }

    /**
     * As {@link #execute(GenesysRequest)}, the response then mapped by {@code mapper} on the thread that completes the
     * call (the same thread and rules as a {@code thenApply} on that future), without a future and a stage in between:
     * the executor's path, once per call. Completes as that {@code thenApply} would: a failure of the call or of the
     * mapper wrapped in a {@link java.util.concurrent.CompletionException}.
     */
    public <T> CompletableFuture<T> execute(GenesysRequest request, ResponseMapper<T> mapper) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(new Call(request, System.nanoTime(), result, java.util.Objects.requireNonNull(mapper)));
        return result;
    }

    /** Maps the response of a call, see {@link #execute(GenesysRequest, ResponseMapper)}. */
    @FunctionalInterface
    public interface ResponseMapper<T> {
        T map(GenesysResponse response) throws Exception;
    }

    /**
     * Where routes continue after a call of this connection: {@code pool} (an endpoint's {@code workerPool}) or,
     * when {@code null}, the connection's own pool.
     */
    public WorkerPool workerPool(ExecutorService pool) {
        return pool == null || pool == workers ? defaultWorkerPool
                : new WorkerPool(pool, scheduler, "workerPool " + pool.getClass().getSimpleName() + " of " + id);
    }

    /**
     * One request on its way through the pipeline: its retry sequence, and whether the one 401 replay was used. It is
     * also the callback of each attempt's send (one object per request, not a lambda per attempt).
     */
    private final class Call implements java.util.function.BiConsumer<GenesysResponse, Throwable> {
        final GenesysRequest request;
        final long startedNanos;
        /** The caller's future: the response itself, or what {@link #mapper} made of it. */
        private final CompletableFuture<Object> result;
        private final ResponseMapper<?> mapper;
        private RetryScheduler.Retry retry;
        boolean replayedAfter401;
        String authorization;
        /** The metrics and send time of the attempt in flight (0 when metrics are off). */
        ConnectionMetrics attemptMetrics;
        long sentAt;
        /** What ended an earlier attempt without a response (it may have been applied), {@code null} when none did. */
        String attemptWithoutAnswer;

        @SuppressWarnings("unchecked")
        Call(GenesysRequest request, long startedNanos, CompletableFuture<?> result, ResponseMapper<?> mapper) {
            this.request = request;
            this.startedNanos = startedNanos;
            this.result = (CompletableFuture<Object>) result;
            this.mapper = mapper;
        }

        /** The pipeline's answer: the response, or what the mapper made of it. */
        void succeed(GenesysResponse response) {
            if (mapper == null) {
                result.complete(response);
                return;
            }
            Object mapped;
            try {
                mapped = mapper.map(response);
            } catch (Throwable e) {
                result.completeExceptionally(wrapped(e));
                return;
            }
            result.complete(mapped);
        }

        /** The call failed; with a mapper, wrapped as a {@code thenApply} stage would have it. */
        void fail(Throwable e) {
            result.completeExceptionally(mapper == null ? e : wrapped(e));
        }

        private static Throwable wrapped(Throwable e) {
            return e instanceof java.util.concurrent.CompletionException ? e
                    : new java.util.concurrent.CompletionException(e);
        }

        /**
         * Created at the first failure (most requests need none); retryDeadline counts from the first attempt. A
         * context that stops while a retry is scheduled fails the request at once.
         */
        RetryScheduler.Retry retry() {
            if (retry == null) {
                retry = retries.start(request.retryPolicy(), request::describe, startedNanos).onStopping(e -> {
                    failures.incrementAndGet();
                    fail(e);
                });
            }
            return retry;
        }

        /** The attempt in flight was answered (or failed): called once per attempt, on the Jetty thread. */
        @Override
        public void accept(GenesysResponse response, Throwable failure) {
            rateLimiter.release();
            ConnectionMetrics m = attemptMetrics;
            if (m.enabled()) {
                m.request(request.operation(), failure != null || response == null ? 0 : response.status(),
                        System.nanoTime() - sentAt);
            }
            handle(this, response, failure);
        }
    }

    private void attempt(Call call) {
        CompletableFuture<Void> slot = rateLimiter.acquire(latestStart(call));
        ConnectionMetrics m = metrics;
        if (!slot.isDone() && m.enabled()) {
            long waitingSince = System.nanoTime();
            slot.thenRun(() -> m.rateLimitWait(System.nanoTime() - waitingSince));
        }
        if (slot.isDone() && !slot.isCompletedExceptionally()) {
            CompletableFuture<String> auth = tokens.authorization();
            if (auth.isDone() && !auth.isCompletedExceptionally()) {
                // the common case, a free slot and a valid token: send now, no stage in between
                send(call, auth.join());
                return;
            }
            authorized(call, auth);
            return;
        }
        slot.whenComplete((ready, waitFailure) -> {
            if (waitFailure != null) {
                // released without a slot (the context is stopping, the connection closing): nothing to give back
                failures.incrementAndGet();
                call.fail(notSent(call, GenesysErrors.unwrap(waitFailure)));
                return;
            }
            authorized(call, tokens.authorization());
        });
    }

    /** Sends once the token is there; a slot is held, so a token failure gives it back. */
    private void authorized(Call call, CompletableFuture<String> auth) {
        auth.whenComplete((authorization, authFailure) -> {
            if (authFailure != null) {
                rateLimiter.release();
                failures.incrementAndGet();
                call.fail(notSent(call, GenesysErrors.unwrap(authFailure)));
                return;
            }
            send(call, authorization);
        });
    }

    /**
     * When the request must have started at the latest, as {@link System#nanoTime()}: its {@code retryDeadline} after
     * its first attempt ({@code Long.MAX_VALUE} when that is beyond any clock). A 429's pause that lasts longer fails
     * it at once (see {@link RateLimiter#acquire(long)}), as a {@code Retry-After} beyond the deadline fails the
     * request that got it.
     */
    private static long latestStart(Call call) {
        long deadline = TimeUnit.MILLISECONDS.toNanos(Math.max(0, call.request.retryPolicy().deadlineMillis()));
        long at = call.startedNanos + deadline;
        return deadline == Long.MAX_VALUE || ((call.startedNanos ^ at) & (deadline ^ at)) < 0 ? Long.MAX_VALUE : at;
    }

    /**
     * A stopping context's release names the request it stopped; a 429's pause that passes the request's deadline is
     * a {@link GenesysRateLimitException} naming it; any other failure is reported as it is.
     */
    private static Throwable notSent(Call call, Throwable cause) {
        if (cause instanceof GenesysStoppingException stopping) {
            return new GenesysStoppingException(call.request.describe() + " was not sent: " + stopping.getMessage(),
                    stopping.getCause());
        }
        if (cause instanceof RateLimiter.PausedTooLong paused) {
            GenesysApiException.Builder b = GenesysApiException.builder().httpStatus(429).operation(call.request.describe())
                    .bodyExcerpt("");
            return new GenesysRateLimitException("Genesys " + call.request.describe() + " was not sent: " + paused.getMessage()
                                                 + " for every request of the connection, and that passes its"
                                                 + " retryDeadline (" + call.request.retryPolicy().deadlineMillis()
                                                 + " ms from its first attempt)", b, paused.pauseLeftMillis());
        }
        return cause;
    }

    /**
     * The CamelContext is stopping: requests waiting for a rate-limit turn or a retry fail now with a
     * {@link GenesysStoppingException}, and none starts waiting any more, so Camel's graceful shutdown is not held up
     * by a wait that may last a whole rate-limit period. Requests that can be sent at once still are.
     */
    void stopping() {
        rateLimiter.stopping();
        retries.stopping();
    }

    private void send(Call call, String authorization) {
        call.authorization = authorization;
        requests.incrementAndGet();
        ConnectionMetrics m = metrics;
        call.attemptMetrics = m;
        call.sentAt = m.enabled() ? System.nanoTime() : 0;
        try {
            http.send(call.request, baseUrl, authorization, connectionHeaders, call);
        } catch (RuntimeException e) {
            // a request Jetty cannot even build (e.g. a malformed URL): no response will ever come
            rateLimiter.release();
            failures.incrementAndGet();
            call.fail(e);
        }
    }

    private void handle(Call call, GenesysResponse response, Throwable failure) {
        GenesysRequest req = call.request;
        lastCallAtMillis = System.currentTimeMillis();
        if (failure != null) {
            Throwable cause = GenesysErrors.unwrap(failure);
            lastTransportFailure = cause;
            lastStatus = 0;
            boolean neverSent = GenesysErrors.neverSent(cause);
            if (!neverSent) {
                // noted before the retry is scheduled, which may run (and answer) at once
                call.attemptWithoutAnswer = cause.getClass().getSimpleName();
            }
            // a request that could not even connect was not applied: sent again whatever its method
            if (!retryLater(call, "an I/O error (" + cause.getClass().getSimpleName() + ")", neverSent)) {
                fail(call, GenesysErrors.fromTransport(req, cause, !neverSent && !req.idempotent()));
            }
            return;
        }
        int status = response.status();
        if (status >= 400 && call.attemptWithoutAnswer != null) {
            response = response.afterAttemptWithoutAnswer(call.attemptWithoutAnswer);
        }
        lastStatus = status >= 500 && req.answers(status) ? status + ANSWERED : status;
        Integer remaining = response.rateLimitRemaining();
        if (remaining != null) {
            // the reset only matters with a remaining count: read (and boxed) only then
            rateLimiter.observed(remaining, response.intHeader("X-Rate-Limit-Reset", -1));
        }
        if (status == 401 && tokens.canRefresh() && !call.replayedAfter401) {
            // the token expired or was revoked early: one refresh, one replay (not a retry: no wait, no attempt counted)
            call.replayedAfter401 = true;
            tokens.invalidate(call.authorization);
            attempt(call);
            return;
        }
        if (status == 429) {
            rateLimited.incrementAndGet();
            long retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"), Instant.now());
            rateLimiter.pauseFor(retryAfter >= 0 ? retryAfter : 1000);
            if (call.retry().after(retryAfter, "429 Too Many Requests", () -> attempt(call)) < 0) {
                fail(call, GenesysErrors.fromResponse(req, response));
            }
            return;
        }
        if (status == 502 || status == 503 || status == 504) {
            // a Retry-After on it is waited as on a 429 (Genesys' Java SDK, ApiClient.Retry.shouldRetry, waits it for
            // 429/502/503/504 alike; the seeds say nothing of it), the backoff when it has none; unlike a 429 it does
            // not pause the connection's other requests
            long retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"), Instant.now());
            if (!(call.request.idempotent()
                  && call.retry().after(retryAfter, "HTTP " + status, () -> attempt(call)) >= 0)) {
                fail(call, GenesysErrors.fromResponse(req, response));
            }
            return;
        }
        lastTransportFailure = null;
        if (status == 401) {
            // final: the credentials cannot be refreshed, or a refresh and a replay did not help
            GenesysApiException e = GenesysErrors.fromResponse(req, response);
            GenesysAuthException refused = new GenesysAuthException(e.getMessage()
                                                                     + (call.replayedAfter401
                                                                             ? " again after a token refresh and one replay"
                                                                             : "")
                                                                     + ". " + tokens.refusedHint(),
                    GenesysErrors.describe(req, response), null);
            lastAuthFailure = refused;
            fail(call, refused);
            return;
        }
        if (status >= 500 && !req.answers(status)) {
            fail(call, GenesysErrors.fromResponse(req, response));
            return;
        }
        if (status == 403) {
            GenesysApiException.Builder b = GenesysErrors.describe(req, response);
            GenesysAuthException forbidden = (GenesysAuthException) GenesysErrors.fromResponse(req, response);
            if (GenesysErrors.isApiKeyRejection(status, b)) {
                lastAuthFailure = forbidden; // every call of the connection carries the same key
            } else {
                lastForbidden = forbidden; // this operation only: the token lacks a permission
            }
        } else if (status < 300) {
            // a success proves the credentials: what refused them before no longer holds
            lastAuthFailure = null;
        }
        call.succeed(response);
    }

    /**
     * Backs off before another attempt of an idempotent request, or of any request that was {@code neverSent};
     * {@code false} when it is not tried again.
     */
    private boolean retryLater(Call call, String why, boolean neverSent) {
        return (neverSent || call.request.idempotent()) && call.retry().backoff(why, () -> attempt(call)) >= 0;
    }

    private void fail(Call call, GenesysApiException e) {
        failures.incrementAndGet();
        call.fail(e);
    }

    /**
     * A resource shared by everything that uses this connection, such as one CometD session per notification path:
     * created by the factory on first use, closed when the connection closes.
     */
    @SuppressWarnings("unchecked")
    public <T extends AutoCloseable> T attachment(String key, java.util.function.Function<GenesysConnection, T> factory) {
        synchronized (attachments) {
            return (T) attachments.computeIfAbsent(key, k -> factory.apply(this));
        }
    }

    /** The attachments open now (a snapshot), e.g. the CometD sessions, for the dev console. */
    public java.util.List<AutoCloseable> attachments() {
        synchronized (attachments) {
            return java.util.List.copyOf(attachments.values());
        }
    }

    /** Removes (without closing) an attachment, e.g. when its last user stopped and closed it. */
    public void removeAttachment(String key, AutoCloseable attachment) {
        synchronized (attachments) {
            attachments.remove(key, attachment);
        }
    }

    /** Fails with a GenesysApiException unless the response is 2xx (for callers that accept no 4xx either). */
    public static GenesysResponse requireSuccess(GenesysRequest request, GenesysResponse response) throws GenesysApiException {
        if (response.status() >= 200 && response.status() < 300) {
            return response;
        }
        throw GenesysErrors.fromResponse(request, response);
    }

    public String id() {
        return id;
    }

    public GenesysPlatform platform() {
        return platform;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public GenesysHttpClient http() {
        return http;
    }

    /** Downloads from the storage hosts Genesys redirects to, without this connection's credentials. */
    public StorageDownloads downloads() {
        return downloads;
    }

    public TokenProvider tokens() {
        return tokens;
    }

    /** The credentials and tokens of this connection, to redact them from any text quoting Genesys or a URL. */
    public Secrets secrets() {
        return secrets;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Headers every request of this connection carries besides Authorization (Multicloud: x-api-key). */
    public Map<String, String> connectionHeaders() {
        return connectionHeaders;
    }

    public long requestCount() {
        return requests.get();
    }

    /**
     * Where this connection reports to Micrometer: {@link ConnectionMetrics#NONE} without Micrometer or a registry,
     * and before the connection started or after it stopped.
     */
    public ConnectionMetrics metrics() {
        return metrics;
    }

    /** Retries scheduled by this connection's {@link #retries()} (requests, tokens, CometD, consumers). */
    public long retryCount() {
        return retries.retryCount();
    }

    /** The one retry scheduler of this connection: HTTP requests, token requests, CometD and consumers use it. */
    public RetryScheduler retries() {
        return retries;
    }

    /**
     * The {@code retry*} options of the endpoint that opened this connection, for what belongs to the connection
     * rather than to one endpoint: its CometD sessions and the deletes it retries (both {@link RetryPolicy#unbounded()}).
     * Like the rate budget, they stay as first set.
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public long failureCount() {
        return failures.get();
    }

    /** How many responses were 429 Too Many Requests. */
    public long rateLimitedCount() {
        return rateLimited.get();
    }

    /**
     * A started producer whose component has {@code healthCheckProducerEnabled} uses this connection: its readiness
     * check is enabled while there is at least one.
     */
    public void addHealthCheckUser() {
        healthCheckUsers.incrementAndGet();
    }

    public void removeHealthCheckUser() {
        healthCheckUsers.decrementAndGet();
    }

    public int healthCheckUsers() {
        return healthCheckUsers.get();
    }

    /** The HTTP status of the last response, 0 when the last request got none, -1 before the first. */
    public int lastStatus() {
        int s = lastStatus;
        return s >= ANSWERED ? s - ANSWERED : s;
    }

    /**
     * Whether the last response ({@link #lastStatus()}) was a server error that says something against Genesys: a
     * 5xx, unless its request takes that status as an answer (UDM's bulk deletes answer 500 with the items they did
     * not delete).
     */
    public boolean lastStatusIsServerFault() {
        int s = lastStatus;
        return s >= 500 && s < ANSWERED;
    }

    public Instant lastCallAt() {
        long at = lastCallAtMillis;
        return at == 0 ? null : Instant.ofEpochMilli(at);
    }

    /**
     * Why Genesys last refused this connection's credentials for good (a 401 no refresh could fix, a 403 refusing the
     * API key), with a message naming the options to check; {@code null} when none, or a success came since.
     */
    public GenesysAuthException lastAuthFailure() {
        return lastAuthFailure;
    }

    /** The last 403 of a valid token lacking a permission for one operation; {@code null} when none. */
    public GenesysAuthException lastForbidden() {
        return lastForbidden;
    }

    /** The I/O failure of the last request, {@code null} when it got a response. */
    public Throwable lastTransportFailure() {
        return lastTransportFailure;
    }

    @Override
    public String toString() {
        return "GenesysConnection[" + id + "]";
    }
}
