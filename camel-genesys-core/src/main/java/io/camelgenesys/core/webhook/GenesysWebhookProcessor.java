package io.camelgenesys.core.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.camelgenesys.core.http.WorkerPool;
import io.camelgenesys.core.metrics.ConsumerMetrics;
import io.camelgenesys.core.metrics.GenesysMetrics;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one Genesys webhook request from the platform-http engine and answers it; the route runs on exchanges of
 * its own, on a worker pool. In order:
 * <ol>
 * <li>a body over {@code maxBodySize} is answered 413 before it is read whole (by its {@code Content-Length}, else at
 * the first byte past the limit), and the connection is closed;</li>
 * <li>no {@code X-Hub-Signature}: 401 (unless {@code signatureRequired=false}); a wrong one, computed over the exact
 * bytes received and compared in constant time: 403. Nothing was parsed, the route is not called, one WARN line is
 * logged without the secret, the signature or the body;</li>
 * <li>the component's {@link GenesysWebhookHandler} parses the verified bytes into events; a payload it cannot use is
 * answered 400 (redelivering it would not help), naming the problem ({@link #invalidPayload});</li>
 * <li>each event already processed (its key is in the {@code idempotentRepository}; in a repository given by the user,
 * which other instances share, its {@code #done} mark, added once its route succeeded) is acknowledged without calling
 * the route; one being processed right now here (a redelivery after a timeout) waits for that outcome; any other is
 * added to the repository and handed to the route on the worker pool, never on the engine's thread;</li>
 * <li>with {@code acknowledge=afterRoute} the answer waits for the route, at most {@code responseTimeout}: 200 with the
 * handler's answer when every event succeeded, 500 when one failed (its key is removed, so Genesys' redelivery runs
 * it again), 503 when one is still running (the route goes on; a redelivery gets its outcome). With
 * {@code acknowledge=immediately} the answer is 200 as soon as the events are handed over.</li>
 * </ol>
 * Whatever throws on the way, the caller is answered exactly once ({@link Reply}): a handler that throws an
 * {@code Error} (not an {@code Exception}, which is a 400 above) gets 500 "The webhook handler failed"; an idempotent
 * repository that throws anything on add, confirm or remove gets 500 "The idempotent repository failed"; a route that
 * throws an {@code Error} is a failed route (500); anything else 500 "The webhook could not be processed". Each is one
 * WARN line naming the throwable's class and where it was thrown, never its message (it may quote the body); the
 * event's key is forgotten, so that Genesys' redelivery runs it again.
 * A request whose body arrives once the processor is stopping (its route stopped) is answered 503 without running
 * anything of it, on the event loop least of all. No wait blocks a worker or scheduler thread. An unread Vert.x
 * request's body is read on the event loop, and
 * everything after it (signature, parsing, the first event's route, the answer) runs on one worker thread; a body the
 * engine hands over as a stream or bytes is read and checked on the engine's request thread, which then waits for the
 * answer as it does for any route on that engine. Each answer is counted in the {@code genesys.webhook.deliveries}
 * meter of the route when Micrometer is there ({@link ConsumerMetrics#webhookDelivery}). Used by {@link GenesysWebhookConsumer} (directly on platform-http) and, through
 * {@link GenesysWebhookEndpoint#createWebhookHandler}, by the {@code webhook:} meta-component.
 */
public class GenesysWebhookProcessor extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysWebhookProcessor.class);

    /** The optional Genesys trace header on webhook requests. */
    public static final String TRACE_HEADER = "X-B3-TraceId";

    /** The header the route's exchanges carry the trace id in. */
    public static final String TRACE_ID = "CamelGenesysTraceId";

    /** How many processed keys the default in-memory idempotent repository remembers. */
    public static final int DEFAULT_IDEMPOTENT_CACHE = 10_000;

    private static final Pattern SAFE_TRACE_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    /** How the route's exchanges are made and released (by the consumer, or for the webhook: meta-component). */
    public interface RouteExchanges {
        Exchange create(Exchange request);

        void release(Exchange exchange);
    }

    /** What the consumer's health check and the tests read. */
    public static final class Stats {
        final AtomicLong received = new AtomicLong();
        final AtomicLong processed = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong refusedSignature = new AtomicLong();
        final AtomicLong refusedSize = new AtomicLong();
        final AtomicLong refusedPayload = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong timedOut = new AtomicLong();
        final AtomicReference<Instant> lastRequestAt = new AtomicReference<>();
        final AtomicReference<String> lastRefusal = new AtomicReference<>();

        public long received() {
            return received.get();
        }

        /** Events the route processed successfully. */
        public long processed() {
            return processed.get();
        }

        /** Events acknowledged without calling the route: they were processed before. */
        public long duplicates() {
            return duplicates.get();
        }

        public long refusedSignature() {
            return refusedSignature.get();
        }

        public long refusedSize() {
            return refusedSize.get();
        }

        public long refusedPayload() {
            return refusedPayload.get();
        }

        /**
         * Events whose route failed or that the idempotent repository could not record or admit, and requests the
         * handler (or anything else here) failed on.
         */
        public long failed() {
            return failed.get();
        }

        /** Requests answered 503 because the route was still running. */
        public long timedOut() {
            return timedOut.get();
        }

        public Instant lastRequestAt() {
            return lastRequestAt.get();
        }

        /** Why the last refused request was refused, and when (no request content). */
        public String lastRefusal() {
            return lastRefusal.get();
        }
    }

    private final GenesysWebhookConfiguration configuration;
    private final GenesysWebhookHandler handler;
    private final AsyncProcessor route;
    private final RouteExchanges exchanges;
    private final CamelContext camelContext;
    private final String source;
    private final Endpoint endpoint;
    /** The route's meters, found at the first request (the route id comes with it); {@code null} until then. */
    private volatile ConsumerMetrics metrics;
    private final Stats stats = new Stats();
    /** The events being processed now, by key: a redelivery joins the outcome instead of running the route again. */
    private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    /** Every event handed to the route and not settled yet, keyed or not: a stop releases what they use after them. */
    private final Set<CompletableFuture<Boolean>> unsettled = ConcurrentHashMap.newKeySet();

    private IdempotentRepository repository;
    private boolean ownRepository;
    private ScheduledExecutorService scheduler;
    private ExecutorService ownPool;
    private WorkerPool workers;

    /**
     * @param endpoint      the Genesys endpoint (its base URI, without options, names it in log lines)
     * @param configuration its options; the webhook ones are validated here
     * @param handler       parses the payloads
     * @param route         the route's processor
     * @param exchanges     makes the route's exchanges
     */
    public GenesysWebhookProcessor(Endpoint endpoint, GenesysWebhookConfiguration configuration,
                                   GenesysWebhookHandler handler, Processor route, RouteExchanges exchanges) {
        if (configuration == null || handler == null || route == null || exchanges == null) {
            throw new IllegalArgumentException("configuration, handler, route and exchanges are required");
        }
        configuration.validateWebhook();
        if (configuration.getResponseTimeout() >= GenesysWebhookConfiguration.GENESYS_RESPONSE_LIMIT_MILLIS) {
            LOG.warn("{}: responseTimeout {} ms is not below Genesys' 10-second limit: Genesys gives up first and"
                     + " redelivers", URISupport.sanitizeUri(endpoint.getEndpointBaseUri()),
                    configuration.getResponseTimeout());
        }
        this.configuration = configuration;
        this.handler = handler;
        this.route = AsyncProcessorConverterHelper.convert(route);
        this.exchanges = exchanges;
        this.camelContext = endpoint.getCamelContext();
        this.source = URISupport.sanitizeUri(endpoint.getEndpointBaseUri());
        this.endpoint = endpoint;
    }

    public GenesysWebhookConfiguration getConfiguration() {
        return configuration;
    }

    public Stats stats() {
        return stats;
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String name = "GenesysWebhook[" + source + "]";
        scheduler = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, name + "-timeouts");
        if (scheduler instanceof ScheduledThreadPoolExecutor timers) {
            // one deadline per request, nearly always cancelled: drop it then rather than keep it queued for 8 s
            timers.setRemoveOnCancelPolicy(true);
        }
        ExecutorService pool = configuration.getWorkerPool();
        if (pool == null) {
            // Camel's default profile (pool size, naming, keep-alive) with an unbounded queue: a request waiting for
            // its route holds one task at most, and a task must never run on the engine's thread (caller-runs)
            ThreadPoolProfile profile = camelContext.getExecutorServiceManager().getDefaultThreadPoolProfile().clone();
            profile.setId("genesysWebhook");
            profile.setDefaultProfile(false);
            profile.setMaxQueueSize(Integer.MAX_VALUE);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            pool = camelContext.getExecutorServiceManager().newThreadPool(this, name, profile);
            ownPool = pool;
        }
        workers = WorkerPool.of(pool, scheduler, name);
        repository = null;
        ownRepository = false;
        if (configuration.isIdempotent()) {
            repository = configuration.getIdempotentRepository();
            ownRepository = repository == null;
            if (ownRepository) {
                repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_IDEMPOTENT_CACHE);
            }
            ServiceHelper.startService(repository);
        }
    }

    @Override
    protected void doStop() throws Exception {
        ConsumerMetrics m = metrics;
        metrics = null;
        if (m != null) {
            // the route's meters go with its consumer
            m.close();
        }
        IdempotentRepository ownRepo = ownRepository ? repository : null;
        ExecutorService pool = ownPool;
        ScheduledExecutorService timers = scheduler;
        ownPool = null;
        scheduler = null;
        // Camel stops a route's consumer first and then waits for the exchanges in its route: an event still running
        // there confirms (or forgets) its key, hands the request's next event over and may need its deadline, so what
        // it uses is released once it has settled (new requests are answered 503 meanwhile: isRunAllowed)
        Runnable release = () -> {
            try {
                if (ownRepo != null) {
                    ServiceHelper.stopService(ownRepo);
                }
                if (pool != null) {
                    camelContext.getExecutorServiceManager().shutdown(pool);
                }
                if (timers != null) {
                    camelContext.getExecutorServiceManager().shutdown(timers);
                }
            } catch (RuntimeException e) {
                LOG.debug("Genesys webhook {}: cannot release the pools or the repository ({})", source,
                        e.getClass().getName());
            }
        };
        CompletableFuture<?>[] unfinished = unsettled.toArray(CompletableFuture[]::new);
        if (unfinished.length == 0) {
            release.run();
        } else {
            LOG.debug("Genesys webhook {}: stopping with {} events still in the route; their pools and repository are"
                      + " released once they are done", source, unfinished.length);
            CompletableFuture.allOf(unfinished).whenComplete((v, t) -> release.run());
        }
        super.doStop();
    }

    // ------------------------------------------------------------------------------------------ a request

    @Override
    public boolean process(Exchange request, AsyncCallback callback) {
        Reply reply = new Reply(request, counted(request, callback));
        try {
            return receive(reply);
        } catch (Throwable t) {
            return escaped(reply, true, t);
        }
    }

    /** The callback, counting the answer in the route's meters first (never failing the answer when it cannot). */
    private AsyncCallback counted(Exchange request, AsyncCallback callback) {
        ConsumerMetrics m;
        try {
            m = metrics(request);
        } catch (RuntimeException e) {
            LOG.debug("Genesys webhook {}: no meters for this request ({})", source, e.getClass().getName());
            return callback;
        }
        if (!m.enabled()) {
            return callback;
        }
        return doneSync -> {
            try {
                // every answer sets its status; 200 is what platform-http answers otherwise
                Integer status = request.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                m.webhookDelivery(status != null ? status : 200);
            } catch (RuntimeException e) {
                LOG.debug("Genesys webhook {}: the answer is not counted ({})", source, e.getClass().getName());
            } finally {
                callback.done(doneSync);
            }
        };
    }

    private ConsumerMetrics metrics(Exchange exchange) {
        ConsumerMetrics m = metrics;
        if (m == null) {
            synchronized (this) {
                m = metrics;
                if (m == null) {
                    m = GenesysMetrics.of(exchange.getContext()).consumer(routeId(exchange));
                    metrics = m;
                }
            }
        }
        return m;
    }

    /**
     * The route of the request: the exchange's, as the endpoint's own consumer sets it; the {@code webhook:}
     * meta-component's platform-http consumers set none, so then the route whose consumer delegates to this endpoint.
     */
    private String routeId(Exchange exchange) {
        String id = exchange.getFromRouteId();
        if (id != null) {
            return id;
        }
        for (Route route : exchange.getContext().getRoutes()) {
            if (route.getEndpoint() == endpoint
                || route.getEndpoint() instanceof DelegateEndpoint d && d.getEndpoint() == endpoint) {
                return route.getRouteId();
            }
        }
        return null;
    }

    private boolean receive(Reply reply) {
        long started = System.nanoTime();
        Message in = reply.request.getMessage();
        stats.received.incrementAndGet();
        stats.lastRequestAt.set(Instant.now());
        if (!isRunAllowed()) {
            WebhookBodies.discardUnread(in);
            return reply.give(503, error(503, "The webhook is not running"), true);
        }
        String trace = safeTrace(in.getHeader(TRACE_HEADER, String.class));
        reply.trace = trace;
        int max = configuration.getMaxBodySize();
        long declared = WebhookBodies.contentLength(in);
        if (declared > max) {
            WebhookBodies.discardUnread(in);
            return tooLarge(reply, true, declared, trace);
        }
        String signature = in.getHeader(HubSignature.HEADER, String.class);
        boolean unsigned = signature == null || signature.isBlank();
        if (unsigned && configuration.isSignatureRequired()) {
            WebhookBodies.discardUnread(in);
            return refuseSignature(reply, true, 401, "Missing X-Hub-Signature header", trace);
        }
        if (WebhookBodies.isUnreadVertxRequest(in)) {
            // read on Vert.x' event loop without a thread waiting for it; the rest runs on the worker pool, where the
            // route then runs too (one hand-over for the whole request)
            WebhookBodies.readVertx(in, max, declared, scheduler, configuration.getResponseTimeout())
                    .whenComplete((body, failure) -> {
                        if (!isRunAllowed()) {
                            // stopped while the body arrived: its pool may be gone, and nothing of it is to run on
                            // this event-loop thread (nor the route, which was stopped); Genesys delivers it again
                            reply.give(503, error(503, "The webhook is not running"), false);
                            return;
                        }
                        onWorker(reply, () -> withBody(reply, false, body, failure, signature, started, trace));
                    });
            return false;
        }
        byte[] body = null;
        Throwable failure = null;
        try {
            body = WebhookBodies.read(in, max);
        } catch (Exception e) {
            failure = e;
        }
        return withBody(reply, true, body, failure, signature, started, trace);
    }

    /**
     * Runs a step of the request on the worker pool. Nothing waits for the task, so whatever it throws is handled here
     * (answered, logged), never left to the pool, which would drop it with the caller unanswered.
     */
    private void onWorker(Reply reply, Runnable step) {
        try {
            workers.execute(() -> {
                try {
                    step.run();
                } catch (Throwable t) {
                    escaped(reply, false, t);
                }
            });
        } catch (Throwable t) {
            escaped(reply, false, t);
        }
    }

    /**
     * A throwable no step handled: the caller is answered 500 (unless it was answered already) and one WARN line names
     * it (its class and where it was thrown, never its message, which may quote the body). Returns whether the answer
     * was given synchronously.
     */
    private boolean escaped(Reply reply, boolean sync, Throwable t) {
        if (t != reply.rethrown) {
            stats.failed.incrementAndGet();
            LOG.warn("Genesys webhook {}: the request failed ({}){}{}", source, describe(t), traceSuffix(reply.trace),
                    reply.isGiven() ? " after it was answered" : "; answering 500 so that Genesys delivers it again");
            reply.give(500, error(500, "The webhook could not be processed"), sync);
        }
        reply.rethrowIfFatal(t, sync);
        return reply.doneSync;
    }

    /** A throwable in a log line: its class and the place it was thrown, not its message (it may quote the body). */
    static String describe(Throwable t) {
        StackTraceElement[] at = t.getStackTrace();
        return t.getClass().getName() + (at.length > 0 ? " at " + at[0] : "");
    }

    /**
     * Everything after the body is read: on the engine's thread ({@code sync}), or on a worker thread after an
     * asynchronous read (the answer then always completes the callback asynchronously).
     */
    private boolean withBody(Reply reply, boolean sync, byte[] body, Throwable failure, String signature, long started,
                             String trace) {
        if (!isRunAllowed()) {
            // stopped meanwhile (a task queued on the pool before it was released): the route was stopped too
            return reply.give(503, error(503, "The webhook is not running"), sync);
        }
        if (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof WebhookBodies.TooLarge e) {
            return tooLarge(reply, sync, e.size(), trace);
        } else if (failure instanceof TimeoutException) {
            refused(408, "the body did not arrive within " + configuration.getResponseTimeout() + " ms", trace);
            return reply.give(408, error(408, "The request body did not arrive in time"), sync);
        } else if (failure != null) {
            // the client went away, or the engine could not hand over the body: nothing was routed
            LOG.warn("Genesys webhook {}: cannot read the request ({}){}; answering 400", source,
                    failure.getClass().getSimpleName(), traceSuffix(trace));
            return reply.give(400, error(400, "Cannot read the request"), sync);
        }
        boolean unsigned = signature == null || signature.isBlank();
        if (!unsigned && configuration.hasSecret() && !HubSignature.matches(configuration.getSecret(), body, signature)) {
            return refuseSignature(reply, sync, 403, "Invalid X-Hub-Signature", trace);
        }
        GenesysWebhookHandler.Payload payload;
        List<GenesysWebhookHandler.Event> events;
        try {
            payload = handler.parse(body, reply.request);
            // taken whole here: what the handler's list throws is the handler's, before any event is admitted
            events = List.copyOf(payload.events());
        } catch (Exception e) {
            // authentic but unusable; neither its content nor the parser's message (parsers quote the input) is logged
            // or answered, only what invalidPayload makes of it
            String reason = invalidPayload(e);
            stats.refusedPayload.incrementAndGet();
            refused(400, "its verified payload cannot be used: " + reason, trace);
            return reply.give(400, error(400, "Invalid payload: " + reason), sync);
        } catch (Throwable t) {
            // an Error (or a Throwable of its own) is the handler's fault, not the payload's: 500, and Genesys delivers
            // it again; nothing was admitted
            stats.failed.incrementAndGet();
            LOG.warn("Genesys webhook {}: the webhook handler failed ({}){}; answering 500 so that Genesys delivers it"
                     + " again", source, describe(t), traceSuffix(trace));
            reply.give(500, error(500, "The webhook handler failed"), sync);
            reply.rethrowIfFatal(t, sync);
            return sync;
        }

        List<Outcome> outcomes = new ArrayList<>(events.size());
        boolean done;
        try {
            for (GenesysWebhookHandler.Event event : events) {
                outcomes.add(admit(event, trace));
            }
            // the answer is arranged first (its deadline runs while the route does), then the events reach the route
            // one after the other, in their order; on a worker thread already, the first runs right here
            if (configuration.getAcknowledge() == WebhookAcknowledge.immediately) {
                done = reply.give(200, payload.answer() != null ? payload.answer() : "", sync);
            } else {
                done = awaitRoute(reply, sync, payload, outcomes, started, trace);
            }
        } catch (Throwable t) {
            // none reached the route: what was admitted is forgotten (the caller then gets 500 from escaped)
            for (Outcome o : outcomes) {
                if (o.event != null) {
                    settle(o, false, trace);
                }
            }
            throw t;
        }
        dispatchFrom(reply, outcomes, 0, trace, !sync);
        return done;
    }

    /** One event's way through: the outcome of the route (true when it succeeded), and what it left as its answer. */
    private static final class Outcome {
        final CompletableFuture<Boolean> done;
        /** The event to hand to the route, {@code null} when it is known already (a duplicate, or running). */
        final GenesysWebhookHandler.Event event;
        final String key;
        volatile Object routeBody;
        volatile Integer routeStatus;
        /** The 500 answer's text when it failed other than in the route ({@code null}: the route's). */
        volatile String failure;

        Outcome(CompletableFuture<Boolean> done, GenesysWebhookHandler.Event event, String key) {
            this.done = done;
            this.event = event;
            this.key = key;
        }
    }

    /** Recognizes a redelivery, or admits the event for the route. */
    private Outcome admit(GenesysWebhookHandler.Event event, String trace) {
        String key = repository != null ? event.key() : null;
        if (key == null) {
            return admitted(new Outcome(new CompletableFuture<>(), event, null));
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            LOG.debug("Genesys webhook {}: {} is being processed; this delivery waits for its outcome", source, key);
            return new Outcome(running, null, key);
        }
        boolean added = false;
        boolean processedBefore;
        String operation = "contains";
        try {
            // a key this processor did not add nor has in flight: with its own in-memory repository it was processed
            // here; in a repository given to it (shared by instances, surviving restarts) it may be another instance's
            // still running, or one left by an instance that stopped before it finished: there only the key's processed
            // mark says it was processed (Genesys does not deliver again what it got 2XX for, seed 002 L7273-7284)
            processedBefore = !ownRepository && repository.contains(processedKey(key));
            if (!processedBefore) {
                operation = "add";
                added = repository.add(key);
                operation = "contains";
                // the mark again: another instance may have finished it meanwhile
                processedBefore = !added && (ownRepository || repository.contains(processedKey(key)));
            }
        } catch (Throwable t) {
            // any Throwable: the event is answered 500 with the others of its request, which must not be left pending
            // (a VirtualMachineError is logged here, not rethrown: see Reply.rethrowIfFatal)
            inFlight.remove(key, mine);
            stats.failed.incrementAndGet();
            LOG.warn("Genesys webhook {}: the idempotent repository failed on {} ({}){}; the event is not processed"
                     + " now, and is answered 500 so that Genesys delivers it again", source, operation, describe(t),
                    traceSuffix(trace));
            if (added || "add".equals(operation)) {
                // it may have recorded the key before it failed (a key it had already is another's: left alone)
                forget(key, trace);
            }
            Outcome failed = new Outcome(CompletableFuture.completedFuture(false), null, key);
            failed.failure = REPOSITORY_FAILED;
            return failed;
        }
        if (processedBefore) {
            inFlight.remove(key, mine);
            stats.duplicates.incrementAndGet();
            LOG.debug("Genesys webhook {}: {} was processed before; acknowledged without calling the route", source, key);
            return new Outcome(CompletableFuture.completedFuture(true), null, key);
        }
        if (!added) {
            // never acknowledged unprocessed: at worst processed twice, by two instances at once
            LOG.info("Genesys webhook {}: {} is in the idempotent repository but not marked processed (another instance"
                     + " is processing it, or one stopped before it finished); processing it here", source, key);
        }
        return admitted(new Outcome(mine, event, key));
    }

    private Outcome admitted(Outcome outcome) {
        unsettled.add(outcome.done);
        return outcome;
    }

    /**
     * Hands the admitted events from {@code index} on to the route, each once the one before is done; {@code here}
     * when the calling thread is a worker thread that may run the route itself.
     */
    private void dispatchFrom(Reply reply, List<Outcome> outcomes, int index, String trace, boolean here) {
        int i = nextAdmitted(outcomes, index);
        if (i < 0) {
            return;
        }
        int next = nextAdmitted(outcomes, i + 1);
        // the last (usually the only) event needs no hand-over after it
        dispatch(reply, outcomes.get(i), trace, here,
                next < 0 ? null : () -> dispatchFrom(reply, outcomes, next, trace, true));
    }

    private static int nextAdmitted(List<Outcome> outcomes, int from) {
        for (int i = from; i < outcomes.size(); i++) {
            if (outcomes.get(i).event != null) {
                return i;
            }
        }
        return -1;
    }

    private void dispatch(Reply reply, Outcome outcome, String trace, boolean here, Runnable then) {
        GenesysWebhookHandler.Event event = outcome.event;
        Runnable run = () -> {
            // the route's end and a throw out of route.process may both come: the event is finished once
            AtomicBoolean over = new AtomicBoolean();
            Exchange exchange = null;
            try {
                // in the try: whatever fails here fails this event (500, its key forgotten), never leaves it pending
                exchange = exchanges.create(reply.request);
                Message message = exchange.getMessage();
                message.setBody(event.body());
                event.headers().forEach(message::setHeader);
                if (trace != null) {
                    message.setHeader(TRACE_ID, trace);
                }
                Exchange routed = exchange;
                route.process(exchange, doneSync -> after(routed, outcome, trace, then, over));
            } catch (Throwable t) {
                if (exchange != null && !over.get()) {
                    exchange.setException(t);
                    after(exchange, outcome, trace, then, over);
                } else if (exchange == null) {
                    LOG.warn("Genesys webhook {}: cannot create the route's exchange ({}){}", source, describe(t),
                            traceSuffix(trace));
                    stats.failed.incrementAndGet();
                    settle(outcome, false, trace);
                    handOver(then);
                } else {
                    LOG.warn("Genesys webhook {}: the route threw after it completed ({}){}", source, describe(t),
                            traceSuffix(trace));
                }
                // a worker task of ours, its event finished and the next one handed over: see Reply.rethrowIfFatal
                if (t instanceof VirtualMachineError e) {
                    reply.rethrown = e;
                    throw e;
                }
            }
        };
        if (here) {
            run.run();
        } else {
            workers.execute(run);
        }
    }

    private void after(Exchange exchange, Outcome outcome, String trace, Runnable then, AtomicBoolean over) {
        if (over.compareAndSet(false, true)) {
            try {
                finished(exchange, outcome, trace);
            } finally {
                handOver(then);
            }
        }
    }

    private void handOver(Runnable then) {
        if (then != null) {
            workers.execute(then);
        }
    }

    private void finished(Exchange exchange, Outcome outcome, String trace) {
        String key = outcome.key;
        boolean ok = false;
        try {
            Exception failure = exchange.getException();
            ok = failure == null && !exchange.isRollbackOnly() && !exchange.isRollbackOnlyLast();
            if (ok) {
                outcome.routeBody = exchange.getMessage().getBody();
                outcome.routeStatus = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                ok = key == null || confirmed(outcome, trace);
            } else if (failure == null) {
                LOG.warn("Genesys webhook {}: the route marked exchange {} rollback-only{}", source,
                        exchange.getExchangeId(), traceSuffix(trace));
            } else if (exchange.getExchangeExtension().isErrorHandlerHandledSet()) {
                // Camel's error handler has logged it already (unless told not to)
                LOG.debug("Genesys webhook {}: the route failed on exchange {} ({}){}", source,
                        exchange.getExchangeId(), failure.getClass().getName(), traceSuffix(trace));
            } else {
                LOG.warn("Genesys webhook {}: the route failed on exchange {}{}", source, exchange.getExchangeId(),
                        traceSuffix(trace), failure);
            }
        } catch (Throwable t) {
            ok = false;
            LOG.warn("Genesys webhook {}: cannot take the route's outcome ({}){}", source, describe(t),
                    traceSuffix(trace));
        } finally {
            (ok ? stats.processed : stats.failed).incrementAndGet();
            settle(outcome, ok, trace);
            try {
                exchanges.release(exchange);
            } catch (RuntimeException e) {
                LOG.debug("Genesys webhook {}: cannot release exchange {}", source, exchange.getExchangeId(), e);
            }
        }
    }

    /** Records a processed event; false (its key forgotten, one WARN line) when the repository cannot. */
    private boolean confirmed(Outcome outcome, String trace) {
        try {
            repository.confirm(outcome.key);
            if (!ownRepository) {
                // what another instance, or this one after a restart, recognizes as processed (see admit)
                repository.add(processedKey(outcome.key));
            }
            return true;
        } catch (Throwable t) {
            // the route ran, but nothing says so: answered 500 and forgotten, Genesys' redelivery runs it again
            // (a VirtualMachineError is logged here, not rethrown: see Reply.rethrowIfFatal)
            LOG.warn("Genesys webhook {}: the idempotent repository failed on confirm ({}){}; the event is answered 500"
                     + " so that Genesys delivers it again", source, describe(t), traceSuffix(trace));
            outcome.failure = REPOSITORY_FAILED;
            return false;
        }
    }

    /**
     * An event's end: a failed one's key is forgotten, so that Genesys' redelivery runs it again; then a redelivery
     * waiting for it and this request's answer get the outcome.
     */
    private void settle(Outcome outcome, boolean ok, String trace) {
        String key = outcome.key;
        if (!ok && key != null && !forget(key, trace)) {
            outcome.failure = REPOSITORY_FAILED;
        }
        if (key != null) {
            inFlight.remove(key, outcome.done);
        }
        unsettled.remove(outcome.done);
        outcome.done.complete(ok);
    }

    /**
     * The mark of a processed event in a repository given to the processor: the event's key is added when it is
     * admitted, this one once its route succeeded.
     */
    static String processedKey(String key) {
        return key + PROCESSED_SUFFIX;
    }

    /** Short: Camel's JDBC repository keeps keys of at most 100 characters. */
    static final String PROCESSED_SUFFIX = "#done";

    /** Removes a key from the repository; false (one WARN line) when the repository fails. */
    private boolean forget(String key, String trace) {
        try {
            repository.remove(key);
            return true;
        } catch (Throwable t) {
            LOG.warn("Genesys webhook {}: the idempotent repository failed on remove ({}){}; the event's key cannot be"
                     + " forgotten, so a redelivery may be acknowledged without calling the route", source,
                    describe(t), traceSuffix(trace));
            return false;
        }
    }

    /** Answers once every event is done (200, or 500 for a failure), or 503 at the deadline. */
    private boolean awaitRoute(Reply reply, boolean sync, GenesysWebhookHandler.Payload payload, List<Outcome> outcomes,
                               long started, String trace) {
        CompletableFuture<?>[] futures = outcomes.stream().map(o -> o.done).toArray(CompletableFuture[]::new);
        CompletableFuture<Void> all = CompletableFuture.allOf(futures);
        if (all.isDone()) {
            // every event was known already (duplicates) or refused by the repository: no route ran, no wait
            reply.give(() -> completeAnswer(reply.request, payload, outcomes), sync);
            return sync;
        }
        long left = configuration.getResponseTimeout() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        ScheduledFuture<?> deadline;
        try {
            deadline = scheduler.schedule(() -> reply.give(() -> {
                stats.timedOut.incrementAndGet();
                LOG.warn("Genesys webhook {}: the route has not finished after {} ms{}; answering 503 so that"
                         + " Genesys delivers it again (the route goes on, and the redelivery gets its outcome)",
                        source, configuration.getResponseTimeout(), traceSuffix(trace));
                respond(reply.request, 503, error(503, "Still processing; deliver it again later"));
            }, false), Math.max(0, left), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // stopping: no scheduler left; the route's end answers
            deadline = null;
        }
        ScheduledFuture<?> timer = deadline;
        all.whenComplete((v, t) -> {
            if (timer != null) {
                timer.cancel(false);
            }
            reply.give(() -> completeAnswer(reply.request, payload, outcomes), false);
        });
        return false;
    }

    private static void completeAnswer(Exchange request, GenesysWebhookHandler.Payload payload, List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (!Boolean.TRUE.equals(o.done.getNow(false))) {
                respond(request, 500, error(500, o.failure != null ? o.failure : "The webhook could not be processed"));
                return;
            }
        }
        if (payload.answer() != null || outcomes.size() != 1) {
            respond(request, 200, payload.answer() != null ? payload.answer() : "");
            return;
        }
        // the raw handler: what the route left is the answer
        Outcome only = outcomes.get(0);
        Message out = request.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, only.routeStatus != null ? only.routeStatus : 200);
        out.setBody(only.routeBody);
        request.setException(null);
    }

    // ------------------------------------------------------------------------------------------ answers

    private static final String REPOSITORY_FAILED = "The idempotent repository failed";

    /**
     * One request's answer and its callback, given once: the first path that answers (a refusal, the route's end, the
     * deadline, a failure anywhere) writes it and completes the callback; a later one finds it given and does nothing.
     */
    private final class Reply {
        final Exchange request;
        private final AsyncCallback callback;
        private final AtomicBoolean given = new AtomicBoolean();
        /** The Genesys trace id, once read. */
        volatile String trace;
        /** What the callback was completed with: true when process() had not returned yet. */
        volatile boolean doneSync;
        /** The VirtualMachineError rethrown once answered, so that no catch further up answers or logs it again. */
        volatile VirtualMachineError rethrown;

        Reply(Exchange request, AsyncCallback callback) {
            this.request = request;
            this.callback = callback;
        }

        boolean isGiven() {
            return given.get();
        }

        /** Answers status and JSON; {@code sync} when process() has not returned yet. Returns {@code sync}. */
        boolean give(int status, String json, boolean sync) {
            give(() -> respond(request, status, json), sync);
            return sync;
        }

        /** Writes the answer, unless one was given; should writing it fail, 500. The callback is completed once. */
        boolean give(Runnable write, boolean sync) {
            if (!given.compareAndSet(false, true)) {
                return false;
            }
            doneSync = sync;
            Throwable failure = null;
            try {
                write.run();
            } catch (Throwable t) {
                failure = t;
                try {
                    respond(request, 500, error(500, "The webhook could not be processed"));
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                }
            } finally {
                callback.done(sync);
            }
            if (failure != null) {
                LOG.warn("Genesys webhook {}: cannot write the answer ({}){}; answered 500", source, describe(failure),
                        traceSuffix(trace));
            }
            return true;
        }

        /**
         * A VirtualMachineError (out of memory, a stack overflow) is not ours to swallow: once the caller has its
         * answer, it goes on up a worker task of ours ({@code sync} false), to the pool's uncaught-exception handling
         * (the thread is replaced). Not on the engine's request thread: platform-http-vertx turns a throw out of
         * process() into an answer of its own (a bare 500 "Internal Server Error", over ours) and a stack trace. Nor
         * where the answer still waits for other events (the repository inside the route's completion callback) or in
         * a future's or the scheduler's task, which would leave them pending or drop it. There the WARN line that
         * names it is its record. Any other Error is a bug of the handler, the repository or the route: answered 500.
         */
        void rethrowIfFatal(Throwable t, boolean sync) {
            if (!sync && t instanceof VirtualMachineError e && given.get()) {
                rethrown = e;
                throw e;
            }
        }
    }

    private boolean tooLarge(Reply reply, boolean sync, long size, String trace) {
        stats.refusedSize.incrementAndGet();
        refused(413, "the body (" + size + " bytes or more) is over maxBodySize " + configuration.getMaxBodySize(), trace);
        return reply.give(413, error(413, "The request body is over the limit of " + configuration.getMaxBodySize()
                                          + " bytes"), sync);
    }

    private boolean refuseSignature(Reply reply, boolean sync, int status, String reason, String trace) {
        stats.refusedSignature.incrementAndGet();
        refused(status, reason, trace);
        return reply.give(status, error(status, reason), sync);
    }

    private void refused(int status, String reason, String trace) {
        stats.lastRefusal.set(Instant.now() + " " + status + " " + reason);
        LOG.warn("Genesys webhook {}: request refused ({}): {}{}", source, status, reason, traceSuffix(trace));
    }

    /**
     * The answer: status, JSON body. The request's headers are removed first, so that the engine echoes none of them
     * (the signature among them) back as response headers.
     */
    private static void respond(Exchange request, int status, String json) {
        Message message = request.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (!json.isEmpty()) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        message.setBody(json);
        request.setException(null);
        request.setRollbackOnly(false);
    }

    /** Genesys' error shape; fixed texts and {@link #invalidPayload} reasons only, nothing else from the request. */
    static String error(int status, String message) {
        return "{\"status\":{\"code\":" + status + ",\"message\":\""
               + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}}";
    }

    /**
     * What is wrong with a payload, in words that are safe to answer and log: an {@link GenesysWebhookHandler.InvalidPayload}'s
     * own text, where a parser stopped, or the JSON path of the field that did not fit (its names reduced to safe
     * characters); never an exception's message otherwise (Jackson's quote the input).
     */
    static String invalidPayload(Exception e) {
        if (e instanceof GenesysWebhookHandler.InvalidPayload) {
            return e.getMessage();
        }
        // a parser limit (nesting depth, a number's or a text's length) is neither a syntax error nor a field of the
        // wrong type, though it arrives wrapped like one: it is named, so that an operator knows what to change
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StreamConstraintsException limit) {
                return overLimit(limit);
            }
        }
        // a syntax error met while binding arrives wrapped in a JsonMappingException that gives the field's path
        Throwable syntax = e;
        while (syntax != null && !(syntax instanceof StreamReadException)) {
            syntax = syntax.getCause() == syntax ? null : syntax.getCause();
        }
        if (syntax instanceof StreamReadException read) {
            JsonLocation at = read.getLocation();
            return at == null || at.getLineNr() < 1 ? "the body is not well-formed JSON"
                    : "the body is not well-formed JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        if (e instanceof JsonMappingException bind) {
            String path = jsonPath(bind.getPath());
            if (e instanceof MismatchedInputException && path.isEmpty()) {
                return "the body is empty or not a JSON object";
            }
            return path.isEmpty() ? "the JSON does not have the expected shape"
                    : "the field " + path + " has the wrong type or value";
        }
        return "it cannot be read (" + e.getClass().getSimpleName() + ")";
    }

    private static final Pattern NESTING = Pattern.compile("Document nesting depth \\(\\d+\\) exceeds the maximum allowed"
                                                         + " \\((\\d+)\\b.*", Pattern.DOTALL);

    /**
     * A limit of Jackson's {@code StreamReadConstraints}: the nesting depth in words, any other by Jackson's own text
     * (only counts and the limit's name, never the input), reduced to safe characters.
     */
    private static String overLimit(StreamConstraintsException limit) {
        String text = limit.getOriginalMessage() == null ? "" : limit.getOriginalMessage();
        java.util.regex.Matcher nesting = NESTING.matcher(text);
        if (nesting.matches()) {
            return "the JSON nests deeper than the limit of " + nesting.group(1) + " levels";
        }
        StringBuilder safe = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> safe.append(c >= 32 && c < 127 && c != '"' && c != '\\' ? (char) c : '?'));
        return "the body is over a limit of the JSON parser: " + safe;
    }

    private static final int MAX_PATH = 120;

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : references == null ? List.<JsonMappingException.Reference> of()
                : references) {
            if (r.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                // a field name comes from the request: only letters, digits and _$- go into an answer or a log line
                r.getFieldName().codePoints().limit(40).forEach(c -> path.append(
                        c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-') ? (char) c : '?'));
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
            if (path.length() > MAX_PATH) {
                return path.substring(0, MAX_PATH) + "...";
            }
        }
        return path.toString();
    }

    /** The Genesys trace id, only when it cannot inject anything into a log line or a header. */
    private static String safeTrace(String trace) {
        return trace != null && SAFE_TRACE_ID.matcher(trace).matches() ? trace : null;
    }

    private static String traceSuffix(String trace) {
        return trace != null ? " (" + TRACE_HEADER + " " + trace + ")" : "";
    }

    @Override
    public String toString() {
        return "GenesysWebhookProcessor[" + source + "]";
    }
}
