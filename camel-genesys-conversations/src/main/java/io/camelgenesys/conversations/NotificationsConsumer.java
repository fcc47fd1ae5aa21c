package io.camelgenesys.conversations;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.camelgenesys.conversations.notifications.ChannelSupervisor;
import io.camelgenesys.conversations.notifications.NotificationFrame;
import io.camelgenesys.conversations.notifications.NotificationTopics;
import io.camelgenesys.conversations.notifications.SerialExecutor;
import io.camelgenesys.conversations.notifications.TopicsRefusedException;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.notifications.GenesysNotificationsState;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("genesys-notifications:v2.users.<id>.presence")}: the events of the endpoint's topics, from the
 * connection's one notification channel ({@link NotificationChannel}), each as an exchange.
 * <p>
 * A thin Camel adapter over the Camel-free {@link ChannelSupervisor}: this class adds its topics to the shared channel
 * at start and removes them (only those no other consumer uses) at stop, turns each event into an exchange, and
 * reports health. Events reach it on the WebSocket client's threads; they are queued in order for the endpoint's
 * worker pool ({@code workerPool}, else the connection's) and the route runs there, one event at a time per consumer,
 * never on a Jetty thread. Any number of consumers share the pool without a thread each.
 * <p>
 * Stopping the route (or the context) is graceful: Camel's shutdown strategy suspends this consumer (no new event is
 * taken), waits until the events already queued have run through the route ({@link ShutdownAware}, as for any
 * consumer's pending exchanges), then stops it. Stopping it at once would stop the route's processors under the queued
 * events, which then failed: Genesys does not replay a notification. While suspended, an event is not delivered: it is
 * counted and the count logged at resume.
 */
public class NotificationsConsumer extends DefaultConsumer
        implements ChannelSupervisor.Subscriber, ShutdownAware, Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationsConsumer.class);
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final NotificationsEndpoint endpoint;
    private final List<String> topics;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong notDeliveredWhileSuspended = new AtomicLong();
    /** Events not queued because maxPendingEvents were waiting; the first of a run of them. */
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicReference<Instant> overflowSince = new AtomicReference<>();

    private volatile NotificationChannel channel;
    private volatile SerialExecutor delivery;
    private volatile String refusal;
    private volatile boolean subscribed;
    private volatile long gaps;
    /** When the last gap began, until an event carries it; on the delivery sequence only after the hand-over. */
    private volatile Instant gapSince;

    NotificationsConsumer(NotificationsEndpoint endpoint, Processor processor, List<String> topics) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.topics = List.copyOf(topics);
    }

    @Override
    public NotificationsEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        refusal = null;
        subscribed = false;
        delivery = new SerialExecutor(endpoint.workers(),
                "genesys-notifications " + name());
        NotificationChannel c = NotificationChannel.shared(endpoint);
        channel = c;
        // not awaited: the route starts while the channel is set up; health reports progress, a refusal is an error
        CompletableFuture<Void> ready = c.supervisor().subscribe(this, topics);
        ready.whenComplete((v, failure) -> {
            if (failure == null) {
                subscribed = true;
                LOG.debug("Subscribed {} on the notification channel", topics);
                return;
            }
            Throwable cause = GenesysErrors.unwrap(failure);
            if (cause instanceof java.util.concurrent.CancellationException || !isRunAllowed()) {
                return; // stopped before it was confirmed
            }
            onRefused(cause instanceof TopicsRefusedException r ? r
                    : new TopicsRefusedException(topics, String.valueOf(cause.getMessage())));
        });
        HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(),
                "consumers", HealthCheckRepository.class);
        if (repository != null) {
            NotificationsConsumerHealthCheck check = new NotificationsConsumerHealthCheck(this, name());
            check.setCamelContext(endpoint.getCamelContext());
            check.setEnabled(!(endpoint.getComponent() instanceof NotificationsComponent nc)
                             || nc.isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    @Override
    protected void doStop() throws Exception {
        NotificationChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                // only this consumer's topics that no other consumer uses go
                c.supervisor().unsubscribe(this).get(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warn("Genesys did not confirm the removal of {} within {} ms; the channel drops them when it is"
                         + " replaced or expires", topics, STOP_TIMEOUT_MILLIS);
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.debug("Removing {} from the notification channel failed: {}", topics, e.getCause().toString());
            }
            c.release();
        }
        subscribed = false;
        super.doStop();
    }

    // ------------------------------------------------------------------------------------------------ shutdown

    @Override
    protected void doSuspend() throws Exception {
        // onEvent takes nothing more; what is queued still runs (the graceful shutdown waits for it)
        notDeliveredWhileSuspended.set(0);
    }

    @Override
    protected void doResume() throws Exception {
        long missed = notDeliveredWhileSuspended.getAndSet(0);
        if (missed > 0) {
            LOG.warn("genesys-notifications {}: {} event(s) arrived while the route was suspended and were not"
                     + " delivered (Genesys does not replay them)", name(), missed);
        }
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    /**
     * The events taken from the socket whose route has not completed: the graceful shutdown waits for them after it
     * stopped this consumer (no new event is queued then), so none is run after the route stopped, nor dropped.
     */
    @Override
    public int getPendingExchangesSize() {
        SerialExecutor d = delivery;
        return d != null ? d.outstanding() : 0;
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        SerialExecutor d = delivery;
        int left = d != null ? d.outstanding() : 0;
        if (forced && left > 0) {
            LOG.warn("genesys-notifications {}: the shutdown timeout passed with {} event(s) not yet through the"
                     + " route; they run on the worker pool while it lasts", name(), left);
        }
    }

    // ------------------------------------------------------------------------------------------------ events

    @Override
    public void onEvent(NotificationFrame frame, int socket) {
        if (!topics.contains(frame.topicName())) {
            return;
        }
        SerialExecutor d = delivery;
        if (d == null || !isRunAllowed()) {
            return;
        }
        if (isSuspendingOrSuspended()) {
            notDeliveredWhileSuspended.incrementAndGet();
            return;
        }
        Instant received = Instant.now();
        int max = endpoint.getConfiguration().getMaxPendingEvents();
        if (max > 0 && d.pending() >= max) {
            // bounded: a route slower than its topics must not take the heap; the loss is a gap for this consumer
            overflowSince.compareAndSet(null, received);
            long n = overflowed.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("genesys-notifications {}: {} events wait for the route (maxPendingEvents): an event of {} was"
                         + " not queued and is lost ({} so far); the next event delivered carries"
                         + " CamelGenesysNotificationGapSince", name(), max, frame.topicName(), n);
            }
            return;
        }
        Instant lostSince = overflowSince.getAndSet(null);
        String channelId = channelId();
        d.execute(() -> deliver(frame, received, channelId, lostSince));
    }

    @Override
    public void onGap(Instant since, Instant until, long count) {
        SerialExecutor d = delivery;
        if (d == null) {
            return;
        }
        // in the delivery sequence: the first event delivered after the gap carries it
        d.execute(() -> {
            gaps = count;
            if (gapSince == null) {
                gapSince = since;
            }
        });
    }

    @Override
    public void onRefused(TopicsRefusedException refused) {
        refusal = refused.getMessage();
        subscribed = false;
        // told on the connection's scheduler thread: the exception handler (with bridgeErrorHandler, the route's
        // error handler, which may write to a database) runs on the worker pool, in order with the events
        Runnable report = () -> getExceptionHandler().handleException("genesys-notifications " + name() + ": "
                                                                      + refused.getMessage() + ". The consumer"
                                                                      + " receives nothing until its route is restarted"
                                                                      + " with topics Genesys accepts", refused);
        SerialExecutor d = delivery;
        if (d != null) {
            d.execute(report);
        } else {
            report.run();
        }
    }

    /** Runs the route for one event, on a worker thread. */
    private void deliver(NotificationFrame frame, Instant received, String channelId, Instant lostSince) {
        Exchange exchange = createExchange(false);
        try {
            Message m = exchange.getMessage();
            NotificationTopics.Match match = NotificationTopics.match(frame.topicName());
            GenesysOutputType outputType = endpoint.getConfiguration().getOutputType();
            Class<?> model = match != null ? match.kind().model() : null;
            // a topic without a model: a Map in model form (Genesys adds topics faster than any library)
            m.setBody(GenesysJson.convert(frame.eventBody(),
                    outputType == GenesysOutputType.model && model == null ? GenesysOutputType.map : outputType, model));
            m.setHeader(NotificationsConstants.NOTIFICATION_TOPIC, frame.topicName());
            String entity = match != null ? match.entityId() : NotificationTopics.entityId(frame.topicName());
            if (entity != null) {
                m.setHeader(NotificationsConstants.NOTIFICATION_ENTITY_ID, entity);
            }
            if (frame.correlationId() != null) {
                m.setHeader(NotificationsConstants.NOTIFICATION_CORRELATION_ID, frame.correlationId());
            }
            if (frame.version() != null) {
                m.setHeader(NotificationsConstants.NOTIFICATION_VERSION, frame.version());
            }
            m.setHeader(NotificationsConstants.NOTIFICATION_TIME, received);
            if (channelId != null) {
                m.setHeader(NotificationsConstants.NOTIFICATION_CHANNEL_ID, channelId);
            }
            m.setHeader(NotificationsConstants.NOTIFICATION_GAPS, gaps);
            Instant since = gapSince;
            if (lostSince != null && (since == null || lostSince.isBefore(since))) {
                since = lostSince; // events of this consumer not queued (maxPendingEvents) before this one
            }
            if (since != null) {
                m.setHeader(NotificationsConstants.NOTIFICATION_GAP_SINCE, since);
                gapSince = null;
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            // a body that does not fit its model, or the route itself
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            failed.incrementAndGet();
            getExceptionHandler().handleException("Processing a Genesys notification of " + frame.topicName()
                                                  + " failed", exchange, exchange.getException());
        } else {
            delivered.incrementAndGet();
        }
        releaseExchange(exchange, false);
    }

    // ------------------------------------------------------------------------------------------------ state

    /** What the health check reports. */
    record Status(boolean up, String message, GenesysNotificationsState state, String channelId, Instant expires,
                  long gaps, long duplicates, long malformedFrames, long delivered, long failed, int pending,
                  long overflowed) {
    }

    Status status() {
        NotificationChannel c = channel;
        SerialExecutor d = delivery;
        int pending = d != null ? d.pending() : 0;
        if (c == null) {
            return new Status(false, "The consumer is stopped", GenesysNotificationsState.DISCONNECTED, null, null,
                    gaps, 0, 0, delivered.get(), failed.get(), pending, overflowed.get());
        }
        ChannelSupervisor s = c.supervisor();
        GenesysNotificationsState state = s.state();
        String message = null;
        boolean up = false;
        if (refusal != null) {
            message = refusal;
        } else if (state != GenesysNotificationsState.CONNECTED) {
            message = "The Genesys notification channel is " + state + (s.lastError() != null ? ": " + s.lastError()
                    : "");
        } else if (!subscribed) {
            message = "The topics " + topics + " are being subscribed";
        } else {
            up = true;
        }
        return new Status(up, message, state, s.channelLabel(), s.channelExpires(), s.gapCount(), s.duplicateCount(),
                s.malformedFrameCount(), delivered.get(), failed.get(), pending, overflowed.get());
    }

    /** Events lost because maxPendingEvents were waiting for the route. */
    public long getOverflowCount() {
        return overflowed.get();
    }

    /** Events not delivered during the current suspension. */
    long missedWhileSuspended() {
        return notDeliveredWhileSuspended.get();
    }

    /** The topics of this consumer. */
    public List<String> getTopics() {
        return topics;
    }

    /** Events whose route completed. */
    public long getDeliveredCount() {
        return delivered.get();
    }

    /** Gaps the channel had (each a time without socket whose events are lost). */
    public long getGapCount() {
        NotificationChannel c = channel;
        return c != null ? c.supervisor().gapCount() : gaps;
    }

    /** The channel's state. */
    public GenesysNotificationsState getState() {
        NotificationChannel c = channel;
        return c != null ? c.supervisor().state() : GenesysNotificationsState.DISCONNECTED;
    }

    ChannelSupervisor supervisor() {
        NotificationChannel c = channel;
        return c != null ? c.supervisor() : null;
    }

    private String channelId() {
        NotificationChannel c = channel;
        return c != null ? c.supervisor().channelLabel() : null;
    }

    private String name() {
        return getRouteId() != null ? getRouteId() : endpoint.getEndpointBaseUri();
    }

    @Override
    public String toString() {
        return "NotificationsConsumer[" + topics + "]";
    }
}
