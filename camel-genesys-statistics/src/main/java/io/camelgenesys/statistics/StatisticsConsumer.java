package io.camelgenesys.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.notifications.GenesysNotifications;
import io.camelgenesys.core.notifications.GenesysNotificationsListener;
import io.camelgenesys.core.notifications.GenesysNotificationsState;
import io.camelgenesys.core.operation.OperationResult;
import io.camelgenesys.statistics.model.Statistic;
import io.camelgenesys.statistics.model.StatisticData;
import io.camelgenesys.statistics.model.StatisticValue;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("genesys-stats:subscribe?statistics=...")}: one Genesys Statistics subscription, streamed from the
 * CometD channels {@code /statistics/v3/updates} and {@code /statistics/v3/service}.
 * <p>
 * Start: the shared CometD session of the connection ({@link GenesysNotifications#shared}) subscribes both channels,
 * then the subscription is created (so no update can arrive before a listener exists) and its values are emitted.
 * Updates are demultiplexed by subscriptionId: consumers sharing the session only see their own.
 * <p>
 * Recovery, so that the stream never silently stops:
 * <ul>
 * <li>ServiceStateChange UNAVAILABLE: Genesys dropped every subscription; health goes DOWN. AVAILABLE: the
 * subscription is created again and its values emitted.</li>
 * <li>A new CometD session (server restart, session loss, a handshake refused with 401 and retried with a new
 * token): once the channels are subscribed again the subscription is checked with getSubscriptionValues; its values
 * are emitted when it still exists, it is re-created when Genesys answers 404.</li>
 * <li>A failed create or check is retried with exponential backoff (retryInitialDelay doubling to retryMaxDelay, with jitter).</li>
 * </ul>
 * Every state change runs under one lock with a generation number, so an answer that belongs to an older state
 * (a create that returns after an outage began) is discarded (and its subscription deleted), never applied.
 * Exchanges are processed in order on one thread of the consumer, never on a CometD or HTTP client thread.
 * Stop deletes the subscription, waiting for it (bounded), so nothing is left on the server.
 */
public class StatisticsConsumer extends DefaultConsumer implements GenesysNotificationsListener {

    static final String UPDATES = "/statistics/v3/updates";
    static final String SERVICE = "/statistics/v3/service";
    private static final long STOP_TIMEOUT_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsConsumer.class);

    private final StatisticsEndpoint endpoint;
    private final List<Statistic> statistics;
    private final Map<String, Statistic> byId;
    private final ClientSessionChannel.MessageListener updatesListener = (channel, message) -> onUpdate(message);
    private final ClientSessionChannel.MessageListener serviceListener = (channel, message) -> onServiceState(message);

    private volatile GenesysNotifications notifications;
    private volatile ExecutorService delivery;

    private final Object lock = new Object();
    // guarded by lock
    private boolean running;
    private boolean channelsReady;
    private long generation;
    private String subscriptionId;
    private String pendingId;
    private List<StatisticValue> buffered;
    /** Completes once the answer of the request in flight has been handled (stale answers deleted included). */
    private CompletableFuture<Void> inFlight;
    private ScheduledFuture<?> retry;
    private int failures;
    private boolean serviceAvailable = true;
    private String lastError;
    private final List<CompletableFuture<?>> deletions = new ArrayList<>();
    private long created;

    StatisticsConsumer(StatisticsEndpoint endpoint, Processor processor, List<Statistic> statistics) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.statistics = List.copyOf(statistics);
        this.byId = StatisticsRequests.byId(statistics);
    }

    @Override
    public StatisticsEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        delivery = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "GenesysStatistics[" + name() + "]");
        synchronized (lock) {
            running = true;
            channelsReady = false;
            serviceAvailable = true;
            failures = 0;
            lastError = null;
        }
        notifications = GenesysNotifications.shared(endpoint.getConnection(), GenesysNotifications.STATISTICS_PATH);
        notifications.addListener(this);
        CompletableFuture<Void> updates = notifications.subscribe(UPDATES, updatesListener);
        CompletableFuture<Void> service = notifications.subscribe(SERVICE, serviceListener);
        // not awaited: the route starts while the handshake is under way; health reports progress
        CompletableFuture.allOf(updates, service).whenComplete((v, failure) -> {
            if (failure != null) {
                String m = "Cannot listen to the Statistics notifications: " + GenesysErrors.unwrap(failure).getMessage();
                synchronized (lock) {
                    if (!running) {
                        return; // stopped before the channels were subscribed
                    }
                    lastError = m;
                }
                LOG.warn(m);
                return;
            }
            synchronized (lock) {
                channelsReady = true;
            }
            createSubscription("start");
        });
        // as camel-kafka's consumer: resolve the "consumers" repository (health checks are optional), which reports
        // this consumer's own check as consumer:<routeId>
        HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(),
                "consumers", HealthCheckRepository.class);
        if (repository != null) {
            StatisticsConsumerHealthCheck check = new StatisticsConsumerHealthCheck(this, name());
            check.setCamelContext(endpoint.getCamelContext());
            check.setEnabled(!(endpoint.getComponent() instanceof StatisticsComponent c)
                             || c.isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    @Override
    protected void doStop() throws Exception {
        String live;
        CompletableFuture<Void> pending;
        synchronized (lock) {
            running = false;
            generation++;
            cancelRetry();
            live = subscriptionId;
            subscriptionId = null;
            pendingId = null;
            buffered = null;
            pending = inFlight;
        }
        if (notifications != null) {
            notifications.removeListener(this);
            notifications.unsubscribe(UPDATES, updatesListener);
            notifications.unsubscribe(SERVICE, serviceListener);
        }
        if (pending != null) {
            // a create under way: its answer is stale now and deletes what it created (see onCreated)
            await(pending);
        }
        if (live != null) {
            delete(live, "the consumer stopped");
        }
        List<CompletableFuture<?>> toAwait;
        synchronized (lock) {
            toAwait = new ArrayList<>(deletions);
            deletions.clear();
        }
        for (CompletableFuture<?> f : toAwait) {
            await(f);
        }
        if (notifications != null) {
            notifications.release();
            notifications = null;
        }
        if (delivery != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownGraceful(delivery);
            delivery = null;
        }
        super.doStop();
    }

    private static void await(CompletableFuture<?> f) {
        try {
            f.get(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the failure was logged where it happened
        }
    }

    // ------------------------------------------------------------------------------------------ the subscription

    private void createSubscription(String reason) {
        String operationId = UUID.randomUUID().toString();
        CompletableFuture<Void> settled = new CompletableFuture<>();
        long gen;
        CompletableFuture<OperationResult> f;
        synchronized (lock) {
            if (!running || !channelsReady || inFlight != null || subscriptionId != null || !serviceAvailable) {
                return;
            }
            cancelRetry();
            gen = generation;
            // Genesys fills the subscriptionId from the operationId: updates for it may arrive before the answer
            pendingId = operationId;
            buffered = new ArrayList<>();
            LOG.debug("Creating the statistics subscription {} ({}) for route {}", operationId, reason, name());
            f = endpoint.getExecutor().execute(endpoint.subscriptionCall(operationId, statistics));
            inFlight = settled;
        }
        f.whenComplete((result, failure) -> {
            try {
                onCreated(gen, operationId, result, failure);
            } finally {
                settled.complete(null);
            }
        });
    }

    private void onCreated(long gen, String operationId, OperationResult result, Throwable failure) {
        boolean stale;
        synchronized (lock) {
            inFlight = null;
            stale = gen != generation || !running;
            if (!stale) {
                pendingId = null;
                List<StatisticValue> early = buffered;
                buffered = null;
                if (failure == null) {
                    StatisticData data = (StatisticData) result.body();
                    String id = data != null && data.getSubscriptionId() != null ? data.getSubscriptionId() : operationId;
                    subscriptionId = id;
                    failures = 0;
                    lastError = null;
                    created++;
                    LOG.info("Statistics subscription {} created with {} statistic(s) for route {}", id,
                            statistics.size(), name());
                    warnPartial(id, result);
                    // queued under the lock, so that no update of the new subscription can overtake its values
                    if (endpoint.getConfiguration().isInitialValues()) {
                        deliver(id, data != null ? data.getStatistics() : List.of(), StatisticsConstants.INITIAL_VALUES);
                    }
                    // updates that arrived before the answer, under the operationId Genesys made the subscriptionId
                    if (early != null && !early.isEmpty() && id.equals(operationId)) {
                        deliver(id, early, StatisticsConstants.STATISTIC_UPDATE);
                    }
                }
            }
        }
        if (stale) {
            if (failure == null) {
                // created for a state that is gone (an outage began, or the consumer stopped): leave nothing behind
                StatisticData data = (StatisticData) result.body();
                delete(data != null && data.getSubscriptionId() != null ? data.getSubscriptionId() : operationId,
                        "it was created for a state that has passed");
            }
            resumeIfNeeded("a stale answer");
        } else if (failure != null) {
            if (outcomeUnknown(failure)) {
                // no answer, or one that cannot be read: Genesys may have opened it; the retry uses a new operationId
                delete(operationId, "its create got no readable answer");
            }
            failed("Creating the statistics subscription failed", failure, this::createSubscriptionRetry);
        }
    }

    /** A failure without an HTTP error status: the request may have been carried out. */
    private static boolean outcomeUnknown(Throwable failure) {
        Throwable cause = GenesysErrors.unwrap(failure);
        return !(cause instanceof GenesysApiException e) || e.getHttpStatus() == 0 || e.getHttpStatus() < 300;
    }

    /** Multicloud status.code 2: Genesys opened some of the statistics only; say which it refused, never silently. */
    private void warnPartial(String id, OperationResult result) {
        if (Integer.valueOf(2).equals(result.headers().get(StatisticsConstants.STATUS_CODE))) {
            LOG.warn("Statistics subscription {} of route {} opened some statistics only; Genesys refused: {}", id, name(),
                    result.headers().get(StatisticsConstants.ERRORS));
        }
    }

    private void createSubscriptionRetry() {
        createSubscription("retry");
    }

    /**
     * After a new CometD session: Genesys may or may not have kept the subscription. Read its values: they replace
     * the updates lost while there was no session; a 404 means it is gone, so create it again.
     */
    private void verifySubscription(String reason) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        String id;
        long gen;
        CompletableFuture<OperationResult> f;
        synchronized (lock) {
            if (!running || !channelsReady || inFlight != null || !serviceAvailable) {
                return;
            }
            id = subscriptionId;
            if (id != null) {
                cancelRetry();
                gen = generation;
                LOG.debug("Checking the statistics subscription {} ({})", id, reason);
                f = endpoint.getExecutor().execute(endpoint.subscriptionValuesCall(id));
                inFlight = settled;
            } else {
                gen = -1;
                f = null;
            }
        }
        if (f == null) {
            createSubscription(reason);
            return;
        }
        f.whenComplete((result, failure) -> {
            try {
                onVerified(gen, id, result, failure);
            } finally {
                settled.complete(null);
            }
        });
    }

    private void onVerified(long gen, String id, OperationResult result, Throwable failure) {
        Throwable cause = failure != null ? GenesysErrors.unwrap(failure) : null;
        boolean gone = cause instanceof GenesysApiException e && e.getHttpStatus() == 404;
        boolean stale;
        synchronized (lock) {
            inFlight = null;
            stale = gen != generation || !running || !id.equals(subscriptionId);
            if (!stale && failure == null) {
                failures = 0;
                lastError = null;
            }
            if (!stale && gone) {
                subscriptionId = null;
            }
        }
        if (stale) {
            resumeIfNeeded("a stale answer");
            return;
        }
        if (gone) {
            LOG.info("Statistics subscription {} is gone from Genesys (404); creating it again", id);
            createSubscription("the subscription was gone");
        } else if (failure != null) {
            failed("Checking the statistics subscription " + id + " failed", failure, this::verifyRetry);
        } else {
            LOG.info("Statistics subscription {} survived the new CometD session; emitting its current values", id);
            if (endpoint.getConfiguration().isInitialValues()) {
                StatisticData data = (StatisticData) result.body();
                synchronized (lock) {
                    if (id.equals(subscriptionId)) {
                        deliver(id, data != null ? data.getStatistics() : List.of(), StatisticsConstants.INITIAL_VALUES);
                    }
                }
            }
        }
    }

    private void verifyRetry() {
        verifySubscription("retry");
    }

    /** After a stale answer, whatever superseded it may have waited for the request to finish: carry on. */
    private void resumeIfNeeded(String reason) {
        boolean create;
        synchronized (lock) {
            create = running && channelsReady && serviceAvailable && inFlight == null && subscriptionId == null
                     && retry == null;
        }
        if (create) {
            createSubscription(reason);
        }
    }

    private void failed(String what, Throwable failure, Runnable again) {
        Throwable cause = GenesysErrors.unwrap(failure);
        long delay;
        int attempt;
        String message = what + ": " + cause.getMessage();
        synchronized (lock) {
            if (!running) {
                return;
            }
            lastError = message;
            delay = RetryPolicy.exponentialDelay(Math.max(1, endpoint.getConfiguration().getRetryInitialDelay()),
                    endpoint.getConfiguration().getRetryMaxDelay(), failures);
            attempt = ++failures;
            cancelRetry();
            try {
                retry = endpoint.getConnection().scheduler().schedule(() -> {
                    synchronized (lock) {
                        retry = null;
                    }
                    again.run();
                }, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                return; // the connection is closing
            }
        }
        if (attempt == 1) {
            LOG.warn("{}; retrying in {} ms", message, delay);
        } else {
            LOG.debug("{}; retrying in {} ms", message, delay);
        }
    }

    // guarded by lock
    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private void delete(String id, String reason) {
        LOG.debug("Deleting statistics subscription {}: {}", id, reason);
        CompletableFuture<OperationResult> f;
        try {
            f = endpoint.getExecutor().execute(endpoint.deleteSubscriptionCall(id));
        } catch (RuntimeException e) {
            LOG.warn("Cannot delete statistics subscription {}: {}", id, e.getMessage());
            return;
        }
        CompletableFuture<?> logged = f.whenComplete((r, failure) -> {
            if (failure != null) {
                LOG.warn("Deleting statistics subscription {} failed: {}", id, GenesysErrors.unwrap(failure).getMessage());
            } else {
                LOG.info("Statistics subscription {} deleted ({})", id, reason);
            }
        });
        synchronized (lock) {
            deletions.removeIf(CompletableFuture::isDone);
            deletions.add(logged);
        }
    }

    // ------------------------------------------------------------------------------------------ notifications

    private void onUpdate(Message message) {
        JsonNode list = payload(message).path("statistics");
        if (!list.isArray()) {
            LOG.debug("A StatisticUpdate without statistics was ignored");
            return;
        }
        List<StatisticValue> mine = new ArrayList<>();
        String id;
        synchronized (lock) {
            id = subscriptionId;
            String pending = pendingId;
            for (JsonNode node : list) {
                String sid = node.path("subscriptionId").asText(null);
                if (sid == null) {
                    continue;
                }
                if (sid.equals(id)) {
                    mine.add(toValue(node));
                } else if (sid.equals(pending) && buffered != null) {
                    buffered.add(toValue(node));
                }
            }
            if (!mine.isEmpty()) {
                deliver(id, mine, StatisticsConstants.STATISTIC_UPDATE);
            }
        }
    }

    private void onServiceState(Message message) {
        String state = payload(message).path("serviceState").asText("");
        if ("UNAVAILABLE".equals(state)) {
            String dropped;
            synchronized (lock) {
                if (!running) {
                    return;
                }
                serviceAvailable = false;
                generation++;
                dropped = subscriptionId;
                subscriptionId = null;
                pendingId = null;
                buffered = null;
                cancelRetry();
                lastError = "The Genesys Statistics service is UNAVAILABLE (it dropped every subscription)";
            }
            LOG.warn("The Genesys Statistics service is UNAVAILABLE: subscription {} was dropped; it is created again"
                     + " when the service is AVAILABLE", dropped);
            emitServiceState(state);
        } else if ("AVAILABLE".equals(state)) {
            boolean had;
            synchronized (lock) {
                if (!running) {
                    return;
                }
                serviceAvailable = true;
                had = subscriptionId != null;
            }
            LOG.info("The Genesys Statistics service is AVAILABLE");
            emitServiceState(state);
            // an AVAILABLE without the UNAVAILABLE (missed while the session was down) may still mean a drop
            if (had) {
                verifySubscription("service available");
            } else {
                createSubscription("service available");
            }
        } else {
            LOG.debug("Unknown Statistics service state '{}' ignored", state);
        }
    }

    private void emitServiceState(String state) {
        if (!endpoint.getConfiguration().isEmitServiceState()) {
            return;
        }
        submit(() -> {
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(state);
            exchange.getMessage().setHeader(StatisticsConstants.SERVICE_STATE, state);
            exchange.getMessage().setHeader(StatisticsConstants.EVENT_TYPE, StatisticsConstants.SERVICE_STATE_CHANGE);
            process(exchange);
        });
    }

    @Override
    public void onStateChange(GenesysNotificationsState previous, GenesysNotificationsState current, String error) {
        if (current != GenesysNotificationsState.CONNECTED) {
            LOG.debug("CometD session {} for route {}: {}", current, name(), error);
        }
    }

    @Override
    public void onResubscribed(long handshakeCount) {
        verifySubscription("new CometD session (handshake " + handshakeCount + ")");
    }

    @Override
    public void onSubscriptionRefused(String channel, String error) {
        if (UPDATES.equals(channel) || SERVICE.equals(channel)) {
            String m = "Genesys refused the re-subscription to " + channel + ": " + error;
            synchronized (lock) {
                lastError = m;
            }
            LOG.warn(m);
        }
    }

    /** The notification's {@code data}: Genesys wraps it as {@code {"name":..,"topic":..,"data":{..}}}. */
    private static JsonNode payload(Message message) {
        JsonNode data = GenesysJson.MAPPER.valueToTree(message.getDataAsMap());
        JsonNode inner = data.path("data");
        return inner.isObject() ? inner : data;
    }

    private static StatisticValue toValue(JsonNode node) {
        return GenesysJson.MAPPER.convertValue(node, StatisticValue.class);
    }

    // ------------------------------------------------------------------------------------------ delivery

    /** Queues the exchanges of these values on the consumer's thread (never blocks: callers may hold the lock). */
    private void deliver(String id, List<StatisticValue> values, String eventType) {
        List<StatisticValue> enriched = values.stream().map(this::enrich).toList();
        submit(() -> {
            if (endpoint.getConfiguration().isBatch()) {
                Exchange exchange = createExchange(false);
                exchange.getMessage().setBody(enriched);
                exchange.getMessage().setHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID, id);
                exchange.getMessage().setHeader(StatisticsConstants.EVENT_TYPE, eventType);
                enriched.stream().map(StatisticValue::getTimestamp).filter(t -> t != null).max(Long::compare)
                        .ifPresent(t -> exchange.getMessage().setHeader(StatisticsConstants.TIMESTAMP, t));
                process(exchange);
                return;
            }
            for (StatisticValue v : enriched) {
                Exchange exchange = createExchange(false);
                org.apache.camel.Message m = exchange.getMessage();
                m.setBody(v.getValue());
                m.setHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID, id);
                m.setHeader(StatisticsConstants.STATISTIC_ID, v.getStatisticId());
                m.setHeader(StatisticsConstants.VALUE_STATISTIC_NAME, v.getName());
                m.setHeader(StatisticsConstants.VALUE_OBJECT_TYPE, v.getObjectType());
                m.setHeader(StatisticsConstants.VALUE_OBJECT_ID, v.getObjectId());
                m.setHeader(StatisticsConstants.TIMESTAMP, v.getTimestamp());
                m.setHeader(StatisticsConstants.EVENT_TYPE, eventType);
                process(exchange);
            }
        });
    }

    /** Updates carry only ids: name and object come from what was subscribed. */
    private StatisticValue enrich(StatisticValue v) {
        Statistic s = v.getStatisticId() != null ? byId.get(v.getStatisticId()) : null;
        if (s != null) {
            if (v.getName() == null) {
                v.setName(s.getName());
            }
            if (v.getObjectType() == null) {
                v.setObjectType(s.getObjectType());
            }
            if (v.getObjectId() == null) {
                v.setObjectId(s.getObjectId());
            }
        }
        return v;
    }

    private void submit(Runnable task) {
        ExecutorService executor = delivery;
        if (executor == null) {
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Route {} is stopping: a statistics exchange was not emitted", name());
        }
    }

    /** In order, on the consumer's thread; a failure goes to the consumer's exception handler. */
    private void process(Exchange exchange) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Processing a Genesys statistics exchange failed", exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    /** The route id; under master: the delegate consumer has none, so the endpoint names it. */
    private String name() {
        return getRouteId() != null ? getRouteId() : endpoint.getEndpointBaseUri();
    }

    // ------------------------------------------------------------------------------------------ state for health

    /** What the health check reports. */
    record Status(boolean up, String message, String subscriptionId, boolean serviceAvailable,
                  GenesysNotificationsState cometd, long subscriptionsCreated) {
    }

    Status status() {
        GenesysNotifications n = notifications;
        GenesysNotificationsState cometd = n != null ? n.state() : GenesysNotificationsState.DISCONNECTED;
        synchronized (lock) {
            String message;
            boolean up = false;
            if (!running) {
                message = "The consumer is stopped";
            } else if (!serviceAvailable) {
                message = "The Genesys Statistics service is UNAVAILABLE; the subscription is created again when it is"
                          + " AVAILABLE";
            } else if (cometd != GenesysNotificationsState.CONNECTED) {
                message = "The CometD session is " + cometd
                          + (n != null && n.lastError() != null ? ": " + n.lastError() : "");
            } else if (subscriptionId == null) {
                message = "No statistics subscription yet" + (lastError != null ? ": " + lastError : "");
            } else {
                up = true;
                message = null;
            }
            return new Status(up, message, subscriptionId, serviceAvailable, cometd, created);
        }
    }

    /** The subscription live on Genesys, or null while there is none. */
    public String getSubscriptionId() {
        synchronized (lock) {
            return subscriptionId;
        }
    }

    GenesysNotifications notifications() {
        return notifications;
    }
}
