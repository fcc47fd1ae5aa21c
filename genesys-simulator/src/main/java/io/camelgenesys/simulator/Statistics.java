package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Multicloud CX Statistics service (seed 002, "Statistics overview", "Statistics API", "Statistics
 * Notifications API"): a catalogue of pre-configured statistics over a directory of objects, the subscriptions opened
 * through {@code POST /statistics/v3/subscriptions}, the values they carry, and the CometD notifications
 * ({@code StatisticUpdate} on {@value #UPDATES}, {@code ServiceStateChange} on {@value #SERVICE}).
 * <p>
 * Publishing is under the test's control by default ({@link #publishUpdates()}, {@link #setValue}); a generator
 * publishes on its own once {@link #setUpdateInterval(Duration)} is given a positive interval. {@link #outage(Duration)}
 * plays the documented outage: {@code UNAVAILABLE}, every subscription dropped, {@code AVAILABLE} later.
 * <p>
 * Notifications go to every CometD session subscribed to {@value #UPDATES}: the seed does not tie subscriptions to
 * sessions, and clients tell their subscriptions apart by {@code subscriptionId}. {@link #setSessionAffinity(boolean)}
 * plays a server that does tie them, by the CometD session's cookie, as the official clients expect (they share one
 * cookie jar between REST and CometD).
 * <p>
 * A facade over small parts, each with its own lock: the catalogue and values ({@link StatisticsCatalogue}), the
 * subscriptions ({@link StatisticsSubscriptions}), the publisher and its log ({@link StatisticsPublisher}, whose lock
 * sequences every change that publishes, so the order of {@link #published()} is the order clients see) and the
 * generator and outage timers ({@link StatisticsTimers}). REST reads take only a store's lock, never the publisher's.
 */
public final class Statistics {

    /** The base path of the Statistics API. */
    public static final String BASE_PATH = "/statistics/v3";
    /** The CometD channel of statistic value updates. */
    public static final String UPDATES = "/statistics/v3/updates";
    /** The CometD channel of service state changes. */
    public static final String SERVICE = "/statistics/v3/service";
    /** {@code name} of a value update notification. */
    public static final String STATISTIC_UPDATE = "StatisticUpdate";
    /** {@code name} of a service state notification. */
    public static final String SERVICE_STATE_CHANGE = "ServiceStateChange";
    /** The publication log keeps at most this many notifications (the oldest are forgotten first). */
    public static final int PUBLISHED_LOG_LIMIT = 100_000;

    /** The agent states the generator cycles {@code CurrentAgentState} through (Stat Server status names). */
    static final List<String> AGENT_STATES = List.of("WaitForNextCall", "CallInbound", "AfterCallWork",
            "NotReadyForNextCall");

    private static final Logger LOG = LoggerFactory.getLogger(Statistics.class);

    /** A notification as it was published, and when ({@link System#nanoTime()} just before the publish). */
    public record Publication(String channel, Map<String, Object> notification, long nanos) {
    }

    private final StatisticsCatalogue catalogue = new StatisticsCatalogue();
    private final StatisticsSubscriptions subscriptions = new StatisticsSubscriptions();
    private final StatisticsPublisher publisher;
    private final StatisticsTimers timers;

    // written under the publisher's sequencing lock
    private volatile boolean available = true;
    private volatile boolean running;

    Statistics(Cometd cometd) {
        this.publisher = new StatisticsPublisher(cometd);
        this.timers = new StatisticsTimers(this::tick, this::endOutage);
        // The statistics the seed's examples name, over the objects its examples use ("agent", "agent2").
        catalogue.define("CurrentAgentState", StatisticsCatalogue.Kind.AGENT_STATE, "Agent");
        catalogue.define("TimeInCurrentState", StatisticsCatalogue.Kind.GROWING, "Agent");
        catalogue.define("AverageHandlingTime", StatisticsCatalogue.Kind.AVERAGE, "Agent", "Queue");
        for (String agent : List.of("agent", "agent1", "agent2", "agent3")) {
            addObject("Agent", agent);
        }
        addObject("Queue", "queue1");
        addObject("Queue", "queue2");
    }

    // ---- catalogue -----------------------------------------------------------------------------------------------

    /**
     * Adds (or replaces) a pre-configured statistic, valued {@code {"value":N}} growing by one per update.
     *
     * @param name        the name clients open it by, e.g. {@code CurrentNumberWaitingCalls}
     * @param objectTypes the object types it applies to, e.g. {@code Queue}
     */
    public void defineStatistic(String name, String... objectTypes) {
        catalogue.define(name, StatisticsCatalogue.Kind.GROWING, objectTypes);
    }

    /** Adds an object (in Stat Server's terms) that statistics can be opened on, e.g. {@code ("Agent", "agent9")}. */
    public void addObject(String objectType, String objectId) {
        catalogue.addObject(objectType, objectId);
    }

    /** @return the names of the pre-configured statistics */
    public Set<String> statisticNames() {
        return catalogue.statisticNames();
    }

    /** @return object type → object ids of the directory */
    public Map<String, Set<String>> objects() {
        return catalogue.objects();
    }

    // ---- values --------------------------------------------------------------------------------------------------

    /**
     * Sets the current value of a pre-configured statistic on one object and publishes it at once to every
     * subscription that has it open (one {@code StatisticUpdate} per subscription).
     *
     * @param value a {@link Map}, a number, a string, ... (the seed types a value as an object whose structure is Stat
     *              Server's)
     * @throws IllegalArgumentException when the statistic or the object is unknown
     */
    public void setValue(String statisticName, String objectType, String objectId, Object value) {
        String problem = catalogue.checkOpenable(statisticName, objectType, objectId);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        StatisticsCatalogue.Key key = new StatisticsCatalogue.Key(statisticName, objectType, objectId);
        Object plain = plain(value);
        publisher.sequenced(() -> {
            catalogue.set(key, plain);
            for (StatisticsSubscriptions.Subscription subscription : subscriptions.all()) {
                List<StatisticsSubscriptions.OpenStatistic> matching = new ArrayList<>();
                for (StatisticsSubscriptions.OpenStatistic statistic : subscription.statistics().values()) {
                    if (key.equals(statistic.key())) {
                        matching.add(statistic);
                    }
                }
                if (!matching.isEmpty()) {
                    publishUpdate(subscription, matching);
                }
            }
        });
    }

    /**
     * Sets the value of one statistic of a subscription (e.g. one opened by {@code definition}) and publishes it.
     * For a statistic opened by name this is {@link #setValue} on its object.
     *
     * @throws IllegalArgumentException when the subscription or the statistic does not exist
     */
    public void setSubscriptionValue(String subscriptionId, String statisticId, Object value) {
        StatisticsSubscriptions.Subscription subscription = subscriptions.get(subscriptionId);
        StatisticsSubscriptions.OpenStatistic statistic = subscription == null ? null
                : subscription.statistics().get(statisticId);
        if (statistic == null) {
            throw new IllegalArgumentException("No statistic " + statisticId + " in subscription " + subscriptionId);
        }
        if (statistic.name != null) {
            setValue(statistic.name, statistic.objectType, statistic.objectId, value);
            return;
        }
        Object plain = plain(value);
        publisher.sequenced(() -> {
            subscriptions.setOwn(statistic, plain);
            publishUpdate(subscription, List.of(statistic));
        });
    }

    /**
     * @return the current value of a pre-configured statistic on an object (as a client would read it), or
     * {@code null} when the statistic or object is unknown
     */
    public Object value(String statisticName, String objectType, String objectId) {
        if (catalogue.checkOpenable(statisticName, objectType, objectId) != null) {
            return null;
        }
        return catalogue.current(new StatisticsCatalogue.Key(statisticName, objectType, objectId)).value();
    }

    /**
     * Moves every value of every live subscription on (as Stat Server would report changes) and publishes one
     * {@code StatisticUpdate} per subscription, with all its statistics. Nothing is published while the service is
     * unavailable or the simulator is stopped.
     *
     * @return how many notifications were published
     */
    public int publishUpdates() {
        return publisher.sequenced(() -> {
            List<StatisticsSubscriptions.Subscription> live = subscriptions.all();
            if (!available || !running || live.isEmpty()) {
                return 0;
            }
            long now = System.currentTimeMillis();
            Set<StatisticsCatalogue.Key> advanced = new LinkedHashSet<>();
            for (StatisticsSubscriptions.Subscription subscription : live) {
                for (StatisticsSubscriptions.OpenStatistic statistic : subscription.statistics().values()) {
                    StatisticsCatalogue.Key key = statistic.key();
                    if (key == null) {
                        subscriptions.advanceOwn(statistic, now);
                    } else {
                        advanced.add(key);
                    }
                }
            }
            catalogue.advance(advanced, now);
            int published = 0;
            for (StatisticsSubscriptions.Subscription subscription : live) {
                if (publishUpdate(subscription, subscription.statistics().values())) {
                    published++;
                }
            }
            return published;
        });
    }

    // ---- the generator and the service state ---------------------------------------------------------------------

    /**
     * Starts, changes or stops the generator: every {@code interval} it does {@link #publishUpdates()}.
     *
     * @param interval {@link Duration#ZERO} (the default) stops it, so that tests control publishing
     */
    public void setUpdateInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The update interval must not be negative: " + interval);
        }
        // under the sequencing lock: once this returns, a tick of the old generator can no longer publish
        publisher.sequenced(() -> timers.setInterval(interval));
    }

    /** @return the generator's interval; {@link Duration#ZERO} when it is off */
    public Duration updateInterval() {
        return timers.interval();
    }

    /**
     * The documented outage: publishes {@code ServiceStateChange} {@code UNAVAILABLE} on {@value #SERVICE}, drops every
     * subscription, answers the Statistics API with 503, and after {@code unavailableFor} publishes
     * {@code AVAILABLE} (on a scheduler; clients must then re-create their subscriptions). An outage during an outage
     * only moves its end.
     */
    public void outage(Duration unavailableFor) {
        Objects.requireNonNull(unavailableFor, "unavailableFor");
        if (unavailableFor.isNegative()) {
            throw new IllegalArgumentException("The outage duration must not be negative: " + unavailableFor);
        }
        publisher.sequenced(() -> {
            serviceUnavailable();
            timers.endOutageAfter(unavailableFor);
        });
    }

    /**
     * Makes the service unavailable until {@link #serviceAvailable()}: publishes {@code UNAVAILABLE} (when it was
     * available) and drops every subscription.
     */
    public void serviceUnavailable() {
        publisher.sequenced(() -> {
            timers.cancelOutageEnd();
            subscriptions.clear();
            if (available) {
                available = false;
                publishServiceState("UNAVAILABLE");
            }
        });
    }

    /** Ends an outage now: publishes {@code AVAILABLE} (when it was unavailable). */
    public void serviceAvailable() {
        publisher.sequenced(() -> {
            timers.cancelOutageEnd();
            if (!available) {
                available = true;
                publishServiceState("AVAILABLE");
            }
        });
    }

    /** @return whether the Statistics service is available (no outage in progress) */
    public boolean isAvailable() {
        return available;
    }

    // ---- session affinity ----------------------------------------------------------------------------------------

    /**
     * Ties each subscription to the CometD session whose browser cookie ({@value Cometd#BROWSER_COOKIE}, set by the
     * handshake) the creating {@code POST /statistics/v3/subscriptions} carried: its updates go only to the sessions
     * with that cookie, as a server that keeps subscriptions per CometD session does. A client that does not send its
     * CometD cookie with its REST calls then receives no update at all. Off by default (updates go to every session
     * subscribed to {@value #UPDATES}); {@link GenesysSimulator#reset()} turns it off.
     */
    public void setSessionAffinity(boolean on) {
        publisher.setSessionAffinity(on);
    }

    /** @return whether updates go only to the CometD session whose cookie created the subscription */
    public boolean sessionAffinity() {
        return publisher.sessionAffinity();
    }

    /**
     * Ties an open subscription to another CometD browser cookie (under session affinity its updates then go to that
     * cookie's sessions; {@code null}: to none), e.g. to play a server that lost track of the session.
     *
     * @throws IllegalArgumentException when the subscription is not open
     */
    public void bindToCookie(String subscriptionId, String browserCookie) {
        if (!subscriptions.rebind(subscriptionId, browserCookie)) {
            throw new IllegalArgumentException("No open subscription " + subscriptionId);
        }
    }

    /** @return the CometD browser cookie an open subscription is tied to ({@code null} when none or not open) */
    public String cookieOf(String subscriptionId) {
        StatisticsSubscriptions.Subscription s = subscriptions.get(subscriptionId);
        return s == null ? null : s.cookie();
    }

    // ---- what tests look at --------------------------------------------------------------------------------------

    /** @return how many subscriptions are open */
    public int subscriptionCount() {
        return subscriptions.count();
    }

    /** @return the ids of the open subscriptions, in the order they were opened */
    public Set<String> subscriptionIds() {
        return subscriptions.ids();
    }

    /** @return the statistic ids of an open subscription, in the order they were opened (empty when unknown) */
    public List<String> statisticIds(String subscriptionId) {
        StatisticsSubscriptions.Subscription subscription = subscriptions.get(subscriptionId);
        return subscription == null ? List.of() : List.copyOf(subscription.statistics().keySet());
    }

    /**
     * @return every notification published since start or the last {@link GenesysSimulator#reset()} (at most
     * {@value #PUBLISHED_LOG_LIMIT}), oldest first, exactly as sent:
     * {@code {"name":"StatisticUpdate","topic":"/statistics/v3/updates","data":{"statistics":[…]}}} or
     * {@code {"name":"ServiceStateChange","topic":"/statistics/v3/service","data":{"serviceState":…}}}
     */
    public List<Map<String, Object>> published() {
        return publisher.published();
    }

    /** @return like {@link #published()}, with each notification's channel and publish time */
    public List<Publication> publications() {
        return publisher.publications();
    }

    /**
     * Forgets the publication log ({@link #published()}, {@link #publications()}) and nothing else: a long run that
     * does not read it clears it now and then, so that the simulator's memory stays flat.
     */
    public void clearPublications() {
        publisher.clearLog();
    }

    /** @return {@link System#nanoTime()} just before the last update of this subscription was published; 0 if none */
    public long lastPublishNanos(String subscriptionId) {
        return subscriptions.lastPublishNanos(subscriptionId);
    }

    /**
     * Calls {@code listener} for every notification just before it is published, on the publishing thread (keep it
     * quick: it runs under the publisher's lock). For benchmarks that need each publish time. {@link
     * GenesysSimulator#reset()} removes the listeners.
     */
    public void addPublishListener(Consumer<Publication> listener) {
        publisher.addListener(listener);
    }

    public void removePublishListener(Consumer<Publication> listener) {
        publisher.removeListener(listener);
    }

    // ---- used by StatisticsApi -----------------------------------------------------------------------------------

    /** @return a description of why the statistic cannot be opened, or {@code null} when it can */
    String checkOpenable(String name, String objectType, String objectId) {
        return catalogue.checkOpenable(name, objectType, objectId);
    }

    /** @return the current value of a pre-configured statistic (the caller checked it is openable) */
    StatisticsCatalogue.Value peek(String name, String objectType, String objectId) {
        return catalogue.current(new StatisticsCatalogue.Key(name, objectType, objectId));
    }

    /**
     * Opens a subscription; returns {@code null} when one with that id is open already.
     *
     * @param cookie the CometD browser cookie the request carried, or {@code null}
     */
    StatisticsSubscriptions.Subscription open(String id, String operationId,
                                              List<StatisticsSubscriptions.OpenStatistic> statistics, String cookie) {
        return subscriptions.open(id, operationId, statistics, cookie);
    }

    StatisticsSubscriptions.Subscription subscription(String id) {
        return subscriptions.get(id);
    }

    /** @return whether a subscription was open */
    boolean close(String id) {
        return subscriptions.close(id);
    }

    /** @return the value a statistic of a subscription has now */
    StatisticsCatalogue.Value valueOf(StatisticsSubscriptions.OpenStatistic statistic) {
        return statistic.name == null ? subscriptions.own(statistic) : catalogue.current(statistic.key());
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /** The simulator started (or restarted): the generator and a pending outage end resume. */
    void started() {
        publisher.sequenced(() -> {
            running = true;
            timers.start();
        });
    }

    /** The simulator stopped: nothing is published; the scheduler thread ends. Settings and subscriptions are kept. */
    void stopped() {
        publisher.sequenced(() -> running = false);
        timers.stop();
    }

    /**
     * Clears subscriptions, values, the publication log and listeners; stops the generator; ends an outage; turns
     * session affinity off.
     */
    void reset() {
        publisher.sequenced(() -> {
            timers.reset();
            available = true;
            subscriptions.clear();
            catalogue.clearValues();
            publisher.reset();
        });
    }

    // ---- internals -----------------------------------------------------------------------------------------------

    /** One generator tick: publishes unless the generator was re-armed or stopped since it was scheduled. */
    private void tick(long epoch) {
        try {
            publisher.sequenced(() -> {
                if (timers.isGeneratorEpoch(epoch)) {
                    publishUpdates();
                }
            });
        } catch (RuntimeException e) {
            // A failed tick must not cancel the periodic task.
            LOG.warn("The statistics generator failed to publish", e);
        }
    }

    private void endOutage(long epoch) {
        publisher.sequenced(() -> {
            if (timers.isOutageEpoch(epoch)) {
                serviceAvailable();
            }
        });
    }

    /** Publishes one {@code StatisticUpdate} for these statistics of a subscription; under the sequencing lock. */
    private boolean publishUpdate(StatisticsSubscriptions.Subscription subscription,
                                  Iterable<StatisticsSubscriptions.OpenStatistic> statistics) {
        if (!available || !running) {
            return false;
        }
        List<Object> entries = new ArrayList<>();
        for (StatisticsSubscriptions.OpenStatistic statistic : statistics) {
            StatisticsCatalogue.Value value = valueOf(statistic);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("subscriptionId", subscription.id());
            entry.put("statisticId", statistic.statisticId);
            entry.put("value", value.value());
            entry.put("timestamp", value.timestamp());
            entries.add(java.util.Collections.unmodifiableMap(entry));
        }
        long nanos = publisher.publishUpdate(subscription, entries);
        if (nanos != 0) {
            subscriptions.published(subscription.id(), nanos);
        }
        return nanos != 0;
    }

    private void publishServiceState(String state) {
        if (running) {
            publisher.publishServiceState(state);
        }
    }

    /** Converts any value to plain JSON types (maps, lists, numbers, strings), which CometD can serialize. */
    private static Object plain(Object value) {
        if (value == null) {
            return null;
        }
        return Json.mapper().convertValue(value, Object.class);
    }
}
