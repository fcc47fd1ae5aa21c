package io.camelgenesys.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import io.camelgenesys.core.metrics.ConsumerMetrics;
import io.camelgenesys.core.metrics.GenesysMetrics;
import io.camelgenesys.core.notifications.GenesysNotifications;
import io.camelgenesys.core.notifications.GenesysNotificationsException;
import io.camelgenesys.core.notifications.GenesysNotificationsListener;
import io.camelgenesys.core.notifications.GenesysNotificationsState;
import io.camelgenesys.core.operation.OperationResult;
import io.camelgenesys.statistics.model.Statistic;
import io.camelgenesys.statistics.model.StatisticData;
import io.camelgenesys.statistics.model.StatisticValue;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.CaseInsensitiveMap;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("genesys-stats:subscribe?statistics=...")}: one Genesys Statistics subscription, streamed from the
 * CometD channels {@code /statistics/v3/updates} and {@code /statistics/v3/service}.
 * <p>
 * A thin Camel adapter over three parts free of Camel: the {@link SubscriptionManager} (create, check after a new
 * CometD session, re-create, delete, the delivery check), the {@link StatisticsDecoder} (notifications as plain maps to
 * values) and the {@link StatisticsStream} (per statistic only newer values, a bounded queue, back-pressure on the
 * CometD session). This class subscribes the channels on the connection's shared CometD session, turns deliveries
 * into exchanges, and reports health.
 * <p>
 * Exchanges are processed in order on the consumer's own thread, never on a CometD or HTTP client thread; its pool
 * has one thread and refuses rather than running a task on the caller (the stream keeps at most one drain queued).
 * Stop deletes the subscription, waiting for it (bounded); a delete Genesys refuses is retried while the connection
 * is open ({@link PendingDeletes}).
 */
public class StatisticsConsumer extends DefaultConsumer implements GenesysNotificationsListener {

    static final String UPDATES = "/statistics/v3/updates";
    static final String SERVICE = "/statistics/v3/service";
    /** The most statistic values waiting for the route (back-pressure from half of it). */
    static final int MAX_PENDING_VALUES = 10_000;
    private static final long STOP_TIMEOUT_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsConsumer.class);

    private final StatisticsEndpoint endpoint;
    private final List<Statistic> statistics;
    private final Map<String, Statistic> byId;
    private final ClientSessionChannel.MessageListener updatesListener = (channel, message) -> onUpdate(message.getDataAsMap());
    private final ClientSessionChannel.MessageListener serviceListener = (channel, message) -> onServiceState(message.getDataAsMap());
    private final java.util.function.Supplier<CompletableFuture<Void>> gate = this::gate;

    private volatile GenesysNotifications notifications;
    private volatile ExecutorService delivery;
    private volatile StatisticsStream stream;
    private volatile SubscriptionManager manager;
    private volatile PendingDeletes pendingDeletes;
    private volatile ConsumerMetrics metrics = ConsumerMetrics.NONE;
    /** The backoff of subscribing each channel again after Genesys refused it. */
    private volatile Map<String, RetryScheduler.Retry> channelRetries;

    /**
     * Released when a route that went asynchronous completes; the consumer's one thread waits on it, so one exchange is
     * in the route at a time (in order). A route that completes synchronously never touches it.
     */
    private final Semaphore asyncDone = new Semaphore(0);
    private final AsyncCallback onDone = doneSync -> {
        if (!doneSync) {
            asyncDone.release();
        }
    };

    /** Header templates of the current subscription (statisticId -> headers); used on the delivery thread only. */
    private String templatesFor;
    private final Map<String, Template> templates = new LinkedHashMap<>();

    /** The headers every exchange of a statistic starts with, and what they were made of (compared without lookups). */
    private record Template(String name, String objectType, String objectId, String eventType,
                            CaseInsensitiveMap headers) {
        boolean fits(StatisticValue v, String event) {
            return java.util.Objects.equals(name, v.getName()) && java.util.Objects.equals(objectType, v.getObjectType())
                   && java.util.Objects.equals(objectId, v.getObjectId()) && java.util.Objects.equals(eventType, event);
        }
    }

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
        int maxSize = endpoint.getConfiguration().getMaxNotificationSize();
        if (maxSize <= 0) {
            throw new IllegalArgumentException("maxNotificationSize must be a positive number of bytes: " + maxSize);
        }
        super.doStart();
        asyncDone.drainPermits(); // a route forced to stop may have completed after its wait was interrupted
        // one thread; Abort, never CallerRuns: a task must never run the route on the CometD or HTTP thread that
        // offered it (the stream keeps at most one drain task queued, so the pool's queue never fills)
        ThreadPoolProfile profile = new ThreadPoolProfile("CamelGenesysStatistics");
        profile.setPoolSize(1);
        profile.setMaxPoolSize(1);
        profile.setMaxQueueSize(16);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        delivery = endpoint.getCamelContext().getExecutorServiceManager()
                .newThreadPool(this, "CamelGenesysStatistics[" + name() + "]", profile);
        StatisticsStream s = new StatisticsStream(delivery, this::deliver, MAX_PENDING_VALUES,
                () -> verify("values were dropped while the route was behind", false));
        stream = s;
        ConsumerMetrics meters = GenesysMetrics.of(endpoint.getCamelContext()).consumer(name());
        meters.statisticsValues(s::deliveredCount, s::staleDropped, s::overflowDropped);
        metrics = meters;
        pendingDeletes = PendingDeletes.of(endpoint.getConnection(), endpoint::deleteSubscriptionCall);
        // this endpoint's retry options, unbounded: the consumer re-creates its subscription for as long as it runs
        RetryPolicy policy = RetryPolicy.of(endpoint.getConfiguration()).unbounded();
        RetryScheduler retries = endpoint.getConnection().retries();
        channelRetries = Map.of(
                UPDATES, retries.start(policy, "The subscription to " + UPDATES + " of route " + name()),
                SERVICE, retries.start(policy, "The subscription to " + SERVICE + " of route " + name()));
        SubscriptionManager.Output output = new SubscriptionManager.Output() {
            @Override
            public void values(String subscriptionId, String eventType, List<StatisticValue> values, boolean restating) {
                s.offer(subscriptionId, eventType, values, restating);
            }

            @Override
            public void changes(String subscriptionId, String eventType, List<StatisticValue> values) {
                s.offerChanges(subscriptionId, eventType, values);
            }

            @Override
            public void serviceAvailable() {
                // the AVAILABLE notification was missed: the route learns it as if it had come, before the values
                emitServiceState(s, "AVAILABLE");
            }
        };
        SubscriptionManager m = new SubscriptionManager(name(), byId, new RestApi(), output,
                retries, policy,
                endpoint.getConfiguration().isInitialValues(), endpoint.getConfiguration().getDeliveryCheckInterval(),
                () -> notifications != null && notifications.isConnected(), pendingDeletes::add);
        manager = m;
        m.start();
        notifications = GenesysNotifications.shared(endpoint.getConnection(), GenesysNotifications.STATISTICS_PATH);
        notifications.acceptMessagesUpTo(maxSize);
        notifications.addListener(this);
        notifications.addBackpressure(gate);
        CompletableFuture<Void> updates = notifications.subscribe(UPDATES, updatesListener);
        CompletableFuture<Void> service = notifications.subscribe(SERVICE, serviceListener);
        // not awaited: the route starts while the handshake is under way; health reports progress
        // each channel's failure captured as it completes (null: subscribed), so none is read back with a join()
        updates.handle((x, e) -> e).thenAcceptBoth(service.handle((x, e) -> e), (updatesFailure, serviceFailure) -> {
            if (updatesFailure == null && serviceFailure == null) {
                channelsSubscribed(m);
                return;
            }
            boolean refused = false;
            Map<String, Throwable> failures = new java.util.LinkedHashMap<>();
            failures.put(UPDATES, updatesFailure);
            failures.put(SERVICE, serviceFailure);
            for (Map.Entry<String, Throwable> c : failures.entrySet()) {
                if (c.getValue() != null && GenesysErrors.unwrap(c.getValue()) instanceof GenesysNotificationsException e) {
                    // Genesys refused the channel: subscribed again with backoff; the subscription is created once
                    // both channels are subscribed (before, nothing of it could arrive)
                    refused = true;
                    m.refused(c.getKey(), e.getMessage() + ": nothing arrives on it; subscribing it again with backoff");
                    resubscribeLater(c.getKey());
                }
            }
            if (!refused) {
                m.channelsFailed("Cannot listen to the Statistics notifications: "
                                 + GenesysErrors.unwrap(updatesFailure != null ? updatesFailure : serviceFailure)
                                         .getMessage());
            }
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
        Map<String, RetryScheduler.Retry> retries = channelRetries;
        if (retries != null) {
            retries.values().forEach(RetryScheduler.Retry::cancel);
        }
        SubscriptionManager m = manager;
        GenesysNotifications n = notifications;
        if (n != null) {
            n.removeListener(this);
            n.removeBackpressure(gate);
            n.unsubscribe(UPDATES, updatesListener);
            n.unsubscribe(SERVICE, serviceListener);
        }
        if (m != null) {
            m.stop(STOP_TIMEOUT_MILLIS);
        }
        StatisticsStream s = stream;
        if (s != null) {
            s.close();
        }
        if (n != null) {
            n.release();
            notifications = null;
        }
        if (delivery != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownGraceful(delivery);
            delivery = null;
        }
        ConsumerMetrics meters = metrics;
        metrics = ConsumerMetrics.NONE;
        meters.close();
        super.doStop();
    }

    /** The handshake count when the session was last lost (CONNECTED to another state); CometD callback threads. */
    private volatile long handshakesAtLoss = -1;

    private void verify(String reason, boolean restating) {
        SubscriptionManager m = manager;
        if (m != null) {
            m.verify(reason, restating);
        }
    }

    private CompletableFuture<Void> gate() {
        StatisticsStream s = stream;
        return s != null ? s.gate() : null;
    }

    // ------------------------------------------------------------------------------------------ notifications

    private void onUpdate(Map<String, Object> message) {
        SubscriptionManager m = manager;
        if (m != null) {
            m.onUpdate(StatisticsDecoder.payload(message));
        }
    }

    private void onServiceState(Map<String, Object> message) {
        SubscriptionManager m = manager;
        StatisticsStream s = stream;
        if (m == null || s == null) {
            return;
        }
        String state = StatisticsDecoder.serviceState(StatisticsDecoder.payload(message));
        if ("UNAVAILABLE".equals(state)) {
            m.serviceUnavailable();
            s.recovered();
        } else if ("AVAILABLE".equals(state)) {
            // emitted before the re-created subscription's values
            emitServiceState(s, state);
            m.serviceAvailable();
            return;
        } else {
            LOG.debug("Unknown Statistics service state '{}' ignored", state);
            return;
        }
        emitServiceState(s, state);
    }

    private void emitServiceState(StatisticsStream s, String state) {
        if (endpoint.getConfiguration().isEmitServiceState()) {
            s.offerServiceState(state);
        }
    }

    @Override
    public void onStateChange(GenesysNotificationsState previous, GenesysNotificationsState current, String error) {
        GenesysNotifications n = notifications();
        long handshakes = n != null ? n.handshakeCount() : -1;
        if (previous == GenesysNotificationsState.CONNECTED && current != GenesysNotificationsState.CONNECTED) {
            handshakesAtLoss = handshakes;
        } else if (current == GenesysNotificationsState.CONNECTED && previous == GenesysNotificationsState.RECONNECTING
                   && handshakes == handshakesAtLoss) {
            // connected again in the same session: the answer of the /meta/connect that failed may have carried
            // updates the server will not send again (Bayeux has no acknowledgement unless both sides add one), so
            // the current values are read, as after a new session (onResubscribed), of which the stream lets through
            // what is newer and re-states once what did not change
            verify("the CometD connection was restored in the same session", true);
        }
        if (current != GenesysNotificationsState.CONNECTED) {
            LOG.debug("CometD session {} for route {}: {}", current, name(), error);
            StatisticsStream s = stream;
            if (previous == GenesysNotificationsState.CONNECTED && s != null) {
                // the session is lost: the values read after it may re-state what did not change
                s.recovered();
            }
        }
    }

    @Override
    public void onNewSession(long handshakeCount) {
        StatisticsStream s = stream;
        if (s != null) {
            // a session lost before its first connect never went through CONNECTED, so onStateChange did not mark
            // the recovery; any new session is one. Marked before the channels are subscribed again, not once they
            // are (onResubscribed): a live update of the new session may arrive before the subscribe reply, and the
            // values read then must not re-state it
            s.recovered();
        }
    }

    @Override
    public void onResubscribed(long handshakeCount) {
        // the values read now re-state (once) what did not change since the recovery began, unless a live update came
        verify("new CometD session (handshake " + handshakeCount + ")", true);
    }

    @Override
    public void onSubscriptionRefused(String channel, String error) {
        SubscriptionManager m = manager;
        if (m != null && (UPDATES.equals(channel) || SERVICE.equals(channel))) {
            // the session forgot the channel: nothing arrives on it until it is subscribed again
            m.refused(channel, "Genesys refused the re-subscription to " + channel + " (" + error + "): nothing"
                               + " arrives on it; subscribing it again with backoff");
            resubscribeLater(channel);
        }
    }

    /** Both channels are subscribed: the subscription can be made (once). */
    private void channelsSubscribed(SubscriptionManager m) {
        if (m.channelsReady()) {
            pendingDeletes.retryNow();
        }
    }

    /** Subscribes a channel Genesys refused again, after the channel's backoff (unbounded, while the consumer runs). */
    private void resubscribeLater(String channel) {
        Map<String, RetryScheduler.Retry> retries = channelRetries;
        RetryScheduler.Retry retry = retries != null ? retries.get(channel) : null;
        if (retry != null) {
            retry.backoff("Genesys refused the subscription to " + channel, () -> resubscribe(channel, retry));
        }
    }

    private void resubscribe(String channel, RetryScheduler.Retry retry) {
        GenesysNotifications n = notifications;
        SubscriptionManager m = manager;
        if (n == null || m == null || !isRunAllowed()) {
            return;
        }
        n.subscribe(channel, UPDATES.equals(channel) ? updatesListener : serviceListener).whenComplete((v, failure) -> {
            if (failure == null) {
                retry.reset();
                m.channelRestored(channel);
                if (n.isSubscribed(UPDATES) && n.isSubscribed(SERVICE)) {
                    channelsSubscribed(m); // refused when the consumer started: the subscription can be made now
                }
            } else if (GenesysErrors.unwrap(failure) instanceof GenesysNotificationsException refusal) {
                m.refused(channel, refusal.getMessage() + ": nothing arrives on it; subscribing it again with backoff");
                resubscribeLater(channel);
            }
            // else: the session closed (the consumer stops)
        });
    }

    // ------------------------------------------------------------------------------------------ delivery

    /** Runs the route for one delivery, on the consumer's thread, in order. */
    private void deliver(StatisticsStream.Delivery d) {
        if (d.serviceState() != null) {
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(d.serviceState());
            exchange.getMessage().setHeader(StatisticsConstants.SERVICE_STATE, d.serviceState());
            exchange.getMessage().setHeader(StatisticsConstants.EVENT_TYPE, StatisticsConstants.SERVICE_STATE_CHANGE);
            process(exchange);
            return;
        }
        if (endpoint.getConfiguration().isBatch()) {
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(d.values());
            exchange.getMessage().setHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID, d.subscriptionId());
            exchange.getMessage().setHeader(StatisticsConstants.EVENT_TYPE, d.eventType());
            d.values().stream().map(StatisticValue::getTimestamp).filter(t -> t != null).max(Long::compare)
                    .ifPresent(t -> exchange.getMessage().setHeader(StatisticsConstants.TIMESTAMP, t));
            process(exchange);
            return;
        }
        for (StatisticValue v : d.values()) {
            if (Thread.currentThread().isInterrupted()) {
                return; // stopping for good: what waits is dropped with the consumer
            }
            Exchange exchange = createExchange(false);
            org.apache.camel.Message m = exchange.getMessage();
            m.setBody(v.getValue());
            // the headers that do not change per value are copied from a sorted template (linear), not put one by one
            Map<String, Object> headers = new CaseInsensitiveMap(template(d.subscriptionId(), d.eventType(), v));
            if (v.getTimestamp() != null) {
                headers.put(StatisticsConstants.TIMESTAMP, v.getTimestamp());
            }
            m.setHeaders(headers);
            process(exchange);
        }
    }

    /** The subscription, statistic, object and event type headers of a value. */
    private Map<String, Object> template(String subscriptionId, String eventType, StatisticValue v) {
        if (!subscriptionId.equals(templatesFor)) {
            templates.clear();
            templatesFor = subscriptionId;
        }
        String key = v.getStatisticId() != null ? v.getStatisticId() : "";
        Template t = templates.get(key);
        if (t == null || !t.fits(v, eventType)) {
            CaseInsensitiveMap h = new CaseInsensitiveMap();
            h.put(StatisticsConstants.VALUE_SUBSCRIPTION_ID, subscriptionId);
            putIfSet(h, StatisticsConstants.STATISTIC_ID, v.getStatisticId());
            putIfSet(h, StatisticsConstants.VALUE_STATISTIC_NAME, v.getName());
            putIfSet(h, StatisticsConstants.VALUE_OBJECT_TYPE, v.getObjectType());
            putIfSet(h, StatisticsConstants.VALUE_OBJECT_ID, v.getObjectId());
            h.put(StatisticsConstants.EVENT_TYPE, eventType);
            t = new Template(v.getName(), v.getObjectType(), v.getObjectId(), eventType, h);
            templates.put(key, t);
        }
        return t.headers();
    }

    private static void putIfSet(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    /**
     * In order, on the consumer's thread; a failure goes to the consumer's exception handler. Through the route's
     * asynchronous processor, waiting only if it goes asynchronous (Camel's blocking {@code process} would look up
     * its await manager and make a latch and a callback for every exchange).
     */
    private void process(Exchange exchange) {
        try {
            if (!getAsyncProcessor().process(exchange, onDone)) {
                asyncDone.acquire();
            }
        } catch (InterruptedException e) {
            // stopping for good (the pool is shut down now) while the route still has the exchange: it is the route's
            // to finish, so it is neither changed nor released here
            Thread.currentThread().interrupt();
            getExceptionHandler().handleException("Stopped while a Genesys statistics exchange was still in the route",
                    exchange, e);
            return;
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

    // ------------------------------------------------------------------------------------------ REST

    /** The Statistics API calls of the subscription, through the endpoint's executor. */
    private final class RestApi implements SubscriptionManager.Api {

        @Override
        public CompletableFuture<SubscriptionManager.Created> create(String operationId) {
            return endpoint.getExecutor().execute(endpoint.subscriptionCall(operationId, statistics)).thenApply(r -> {
                StatisticData data = (StatisticData) r.body();
                Object refused = Integer.valueOf(2).equals(r.headers().get(StatisticsConstants.STATUS_CODE))
                        ? r.headers().get(StatisticsConstants.ERRORS) : null;
                return new SubscriptionManager.Created(data != null ? data.getSubscriptionId() : null,
                        data != null ? data.getStatistics() : List.of(), refused);
            });
        }

        @Override
        public CompletableFuture<List<StatisticValue>> read(String subscriptionId) {
            return endpoint.getExecutor().execute(endpoint.subscriptionValuesCall(subscriptionId))
                    .thenApply(StatisticsConsumer::values);
        }

        @Override
        public CompletableFuture<?> delete(String subscriptionId) {
            return endpoint.getExecutor().execute(endpoint.deleteSubscriptionCall(subscriptionId));
        }
    }

    private static List<StatisticValue> values(OperationResult r) {
        StatisticData data = (StatisticData) r.body();
        return data != null ? data.getStatistics() : List.of();
    }

    // ------------------------------------------------------------------------------------------ state for health

    /** What the health check reports. */
    record Status(boolean up, String message, String subscriptionId, boolean serviceAvailable,
                  GenesysNotificationsState cometd, long subscriptionsCreated, long staleDropped, long overflowDropped) {
    }

    Status status() {
        GenesysNotifications n = notifications;
        GenesysNotificationsState cometd = n != null ? n.state() : GenesysNotificationsState.DISCONNECTED;
        SubscriptionManager m = manager;
        StatisticsStream s = stream;
        long stale = s != null ? s.staleDropped() : 0;
        long overflow = s != null ? s.overflowDropped() : 0;
        if (m == null) {
            return new Status(false, "The consumer is stopped", null, true, cometd, 0, stale, overflow);
        }
        SubscriptionManager.Status ms = m.status();
        String message;
        boolean up = false;
        if (!ms.running()) {
            message = "The consumer is stopped";
        } else if (!ms.serviceAvailable()) {
            message = "The Genesys Statistics service is UNAVAILABLE; the subscription is created again when it is"
                      + " AVAILABLE";
        } else if (cometd != GenesysNotificationsState.CONNECTED) {
            message = "The CometD session is " + cometd + (n != null && n.lastError() != null ? ": " + n.lastError() : "");
        } else if (ms.channelProblem() != null) {
            message = ms.channelProblem();
        } else if (ms.deliveryProblem() != null) {
            message = ms.deliveryProblem();
        } else if (ms.subscriptionId() == null) {
            message = "No statistics subscription yet" + (ms.lastError() != null ? ": " + ms.lastError() : "");
        } else {
            up = true;
            message = null;
        }
        return new Status(up, message, ms.subscriptionId(), ms.serviceAvailable(), cometd, ms.subscriptionsCreated(),
                stale, overflow);
    }

    /** The subscription live on Genesys, or null while there is none. */
    public String getSubscriptionId() {
        SubscriptionManager m = manager;
        return m != null ? m.subscriptionId() : null;
    }

    /**
     * Values not delivered because their statistic had already been delivered with a newer (or the same) value, e.g.
     * current values re-read after a new CometD session that live updates had overtaken. For the dev console.
     */
    public long getStaleValuesDropped() {
        StatisticsStream s = stream;
        return s != null ? s.staleDropped() : 0;
    }

    /** Values dropped because the route was so far behind that the queue was full (current values were re-read). */
    public long getOverflowValuesDropped() {
        StatisticsStream s = stream;
        return s != null ? s.overflowDropped() : 0;
    }

    /** Values waiting for the route. */
    public int getPendingValues() {
        StatisticsStream s = stream;
        return s != null ? s.pending() : 0;
    }

    GenesysNotifications notifications() {
        return notifications;
    }

    PendingDeletes pendingDeletes() {
        return pendingDeletes;
    }
}
