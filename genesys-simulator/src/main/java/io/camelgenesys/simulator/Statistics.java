package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 * sessions, and clients tell their subscriptions apart by {@code subscriptionId}. Thread-safe; state changes and
 * the publishing they cause happen under one lock, so the order of {@link #published()} is the order clients see.
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

    /** How the generator moves a value on. */
    enum Kind {
        /** {@code {"state":"WaitForNextCall"}}, cycling through {@link #AGENT_STATES}. */
        AGENT_STATE,
        /** {@code {"value":N}} growing by one per update (a time in seconds, a count). */
        GROWING,
        /** {@code {"value":N}} moving within a band (an average). */
        AVERAGE
    }

    /** A pre-configured statistic: its name and the object types it applies to. */
    record StatisticType(String name, Set<String> objectTypes, Kind kind) {
    }

    /** A notification as it was published, and when ({@link System#nanoTime()} just before the publish). */
    public record Publication(String channel, Map<String, Object> notification, long nanos) {
    }

    /** A value and the time (epoch millis) it was generated, as Stat Server stamps it. */
    record Value(Object value, long timestamp) {
    }

    record Key(String name, String objectType, String objectId) {
    }

    /** One statistic opened in a subscription: by {@code name} (shared value) or by {@code definition} (own value). */
    static final class OpenStatistic {
        final String statisticId;
        final String name;
        final String objectType;
        final String objectId;
        final Map<String, Object> definition;
        Value own;
        long generation;

        OpenStatistic(String statisticId, String name, String objectType, String objectId,
                Map<String, Object> definition) {
            this.statisticId = statisticId;
            this.name = name;
            this.objectType = objectType;
            this.objectId = objectId;
            this.definition = definition;
        }

        Key key() {
            return name == null ? null : new Key(name, objectType, objectId);
        }
    }

    record Subscription(String id, String operationId, Map<String, OpenStatistic> statistics) {
    }

    private final Cometd cometd;
    private final Object lock = new Object();

    // configuration (kept by reset)
    private final Map<String, StatisticType> catalogue = new LinkedHashMap<>();
    private final Map<String, Set<String>> objects = new LinkedHashMap<>();

    // state (cleared by reset)
    private final Map<Key, Value> values = new HashMap<>();
    private final Map<Key, Long> generations = new HashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Deque<Publication> log = new ArrayDeque<>();
    private final Map<String, Long> lastPublish = new HashMap<>();
    private final List<Consumer<Publication>> listeners = new CopyOnWriteArrayList<>();
    private boolean available = true;
    private Duration interval = Duration.ZERO;
    /** When the current outage ends ({@link System#nanoTime()}), or {@code null} when none is scheduled. */
    private Long outageEndsAt;

    private boolean running;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> generator;
    /** Bumped whenever the generator is re-armed, so that a tick already running for an old one does nothing. */
    private long generatorEpoch;
    /** The same for the scheduled end of an outage. */
    private long outageEpoch;
    private ScheduledFuture<?> outageEnd;

    Statistics(Cometd cometd) {
        this.cometd = cometd;
        // The statistics the seed's examples name, over the objects its examples use ("agent", "agent2").
        defineStatistic("CurrentAgentState", Kind.AGENT_STATE, "Agent");
        defineStatistic("TimeInCurrentState", Kind.GROWING, "Agent");
        defineStatistic("AverageHandlingTime", Kind.AVERAGE, "Agent", "Queue");
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
        defineStatistic(name, Kind.GROWING, objectTypes);
    }

    private void defineStatistic(String name, Kind kind, String... objectTypes) {
        Objects.requireNonNull(name, "name");
        if (objectTypes.length == 0) {
            throw new IllegalArgumentException("A statistic applies to at least one object type: " + name);
        }
        synchronized (lock) {
            catalogue.put(name, new StatisticType(name, Set.of(objectTypes), kind));
        }
    }

    /** Adds an object (in Stat Server's terms) that statistics can be opened on, e.g. {@code ("Agent", "agent9")}. */
    public void addObject(String objectType, String objectId) {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectId, "objectId");
        synchronized (lock) {
            objects.computeIfAbsent(objectType, t -> new LinkedHashSet<>()).add(objectId);
        }
    }

    /** @return the names of the pre-configured statistics */
    public Set<String> statisticNames() {
        synchronized (lock) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(catalogue.keySet()));
        }
    }

    /** @return object type → object ids of the directory */
    public Map<String, Set<String>> objects() {
        synchronized (lock) {
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            objects.forEach((type, ids) -> copy.put(type, Collections.unmodifiableSet(new LinkedHashSet<>(ids))));
            return copy;
        }
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
        synchronized (lock) {
            String problem = checkOpenable(statisticName, objectType, objectId);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            Key key = new Key(statisticName, objectType, objectId);
            values.put(key, new Value(plain(value), System.currentTimeMillis()));
            for (Subscription subscription : subscriptions.values()) {
                List<OpenStatistic> matching = new ArrayList<>();
                for (OpenStatistic statistic : subscription.statistics().values()) {
                    if (key.equals(statistic.key())) {
                        matching.add(statistic);
                    }
                }
                if (!matching.isEmpty()) {
                    publishUpdate(subscription, matching);
                }
            }
        }
    }

    /**
     * Sets the value of one statistic of a subscription (e.g. one opened by {@code definition}) and publishes it.
     * For a statistic opened by name this is {@link #setValue} on its object.
     *
     * @throws IllegalArgumentException when the subscription or the statistic does not exist
     */
    public void setSubscriptionValue(String subscriptionId, String statisticId, Object value) {
        synchronized (lock) {
            Subscription subscription = subscriptions.get(subscriptionId);
            OpenStatistic statistic = subscription == null ? null : subscription.statistics().get(statisticId);
            if (statistic == null) {
                throw new IllegalArgumentException("No statistic " + statisticId + " in subscription " + subscriptionId);
            }
            if (statistic.name != null) {
                setValue(statistic.name, statistic.objectType, statistic.objectId, value);
                return;
            }
            statistic.own = new Value(plain(value), System.currentTimeMillis());
            publishUpdate(subscription, List.of(statistic));
        }
    }

    /**
     * @return the current value of a pre-configured statistic on an object (as a client would read it), or
     * {@code null} when the statistic or object is unknown
     */
    public Object value(String statisticName, String objectType, String objectId) {
        synchronized (lock) {
            if (checkOpenable(statisticName, objectType, objectId) != null) {
                return null;
            }
            return current(new Key(statisticName, objectType, objectId)).value();
        }
    }

    /**
     * Moves every value of every live subscription on (as Stat Server would report changes) and publishes one
     * {@code StatisticUpdate} per subscription, with all its statistics. Nothing is published while the service is
     * unavailable or the simulator is stopped.
     *
     * @return how many notifications were published
     */
    public int publishUpdates() {
        synchronized (lock) {
            if (!available || !running || subscriptions.isEmpty()) {
                return 0;
            }
            long now = System.currentTimeMillis();
            Set<Key> advanced = new LinkedHashSet<>();
            for (Subscription subscription : subscriptions.values()) {
                for (OpenStatistic statistic : subscription.statistics().values()) {
                    Key key = statistic.key();
                    if (key == null) {
                        statistic.generation++;
                        statistic.own = new Value(generated(Kind.GROWING, statistic.generation), now);
                    } else if (advanced.add(key)) {
                        long generation = generations.merge(key, 1L, Long::sum);
                        values.put(key, new Value(generated(catalogue.get(key.name()).kind(), generation), now));
                    }
                }
            }
            int published = 0;
            for (Subscription subscription : subscriptions.values()) {
                if (publishUpdate(subscription, subscription.statistics().values())) {
                    published++;
                }
            }
            return published;
        }
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
        synchronized (lock) {
            this.interval = interval;
            armGenerator();
        }
    }

    /** @return the generator's interval; {@link Duration#ZERO} when it is off */
    public Duration updateInterval() {
        synchronized (lock) {
            return interval;
        }
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
        synchronized (lock) {
            serviceUnavailable();
            outageEndsAt = System.nanoTime() + unavailableFor.toNanos();
            armOutageEnd();
        }
    }

    /**
     * Makes the service unavailable until {@link #serviceAvailable()}: publishes {@code UNAVAILABLE} (when it was
     * available) and drops every subscription.
     */
    public void serviceUnavailable() {
        synchronized (lock) {
            cancelOutageEnd();
            subscriptions.clear();
            if (available) {
                available = false;
                publishServiceState("UNAVAILABLE");
            }
        }
    }

    /** Ends an outage now: publishes {@code AVAILABLE} (when it was unavailable). */
    public void serviceAvailable() {
        synchronized (lock) {
            cancelOutageEnd();
            if (!available) {
                available = true;
                publishServiceState("AVAILABLE");
            }
        }
    }

    /** @return whether the Statistics service is available (no outage in progress) */
    public boolean isAvailable() {
        synchronized (lock) {
            return available;
        }
    }

    // ---- what tests look at --------------------------------------------------------------------------------------

    /** @return how many subscriptions are open */
    public int subscriptionCount() {
        synchronized (lock) {
            return subscriptions.size();
        }
    }

    /** @return the ids of the open subscriptions, in the order they were opened */
    public Set<String> subscriptionIds() {
        synchronized (lock) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(subscriptions.keySet()));
        }
    }

    /** @return the statistic ids of an open subscription, in the order they were opened (empty when unknown) */
    public List<String> statisticIds(String subscriptionId) {
        synchronized (lock) {
            Subscription subscription = subscriptions.get(subscriptionId);
            return subscription == null ? List.of() : List.copyOf(subscription.statistics().keySet());
        }
    }

    /**
     * @return every notification published since start or the last {@link GenesysSimulator#reset()} (at most
     * {@value #PUBLISHED_LOG_LIMIT}), oldest first, exactly as sent:
     * {@code {"name":"StatisticUpdate","topic":"/statistics/v3/updates","data":{"statistics":[…]}}} or
     * {@code {"name":"ServiceStateChange","topic":"/statistics/v3/service","data":{"serviceState":…}}}
     */
    public List<Map<String, Object>> published() {
        synchronized (lock) {
            List<Map<String, Object>> notifications = new ArrayList<>(log.size());
            log.forEach(p -> notifications.add(p.notification()));
            return notifications;
        }
    }

    /** @return like {@link #published()}, with each notification's channel and publish time */
    public List<Publication> publications() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    /** @return {@link System#nanoTime()} just before the last update of this subscription was published; 0 if none */
    public long lastPublishNanos(String subscriptionId) {
        synchronized (lock) {
            return lastPublish.getOrDefault(subscriptionId, 0L);
        }
    }

    /**
     * Calls {@code listener} for every notification just before it is published, on the publishing thread (keep it
     * quick: it runs under the service's lock). For benchmarks that need each publish time. {@link
     * GenesysSimulator#reset()} removes the listeners.
     */
    public void addPublishListener(Consumer<Publication> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removePublishListener(Consumer<Publication> listener) {
        listeners.remove(listener);
    }

    // ---- used by StatisticsApi -----------------------------------------------------------------------------------

    /** @return a description of why the statistic cannot be opened, or {@code null} when it can */
    String checkOpenable(String name, String objectType, String objectId) {
        synchronized (lock) {
            if (name != null) {
                StatisticType type = catalogue.get(name);
                if (type == null) {
                    return "Statistic '" + name + "' is not configured";
                }
                if (!type.objectTypes().contains(objectType)) {
                    return "Statistic '" + name + "' does not apply to object type '" + objectType + "'";
                }
            }
            Set<String> ids = objects.get(objectType);
            if (ids == null || !ids.contains(objectId)) {
                return "Object '" + objectId + "' of type '" + objectType + "' does not exist";
            }
            return null;
        }
    }

    /** @return the current value of a pre-configured statistic (the caller checked it is openable) */
    Value peek(String name, String objectType, String objectId) {
        synchronized (lock) {
            return current(new Key(name, objectType, objectId));
        }
    }

    /** Opens a subscription; returns {@code null} when one with that id is open already. */
    Subscription open(String id, String operationId, List<OpenStatistic> statistics) {
        synchronized (lock) {
            if (subscriptions.containsKey(id)) {
                return null;
            }
            Map<String, OpenStatistic> byId = new LinkedHashMap<>();
            long now = System.currentTimeMillis();
            for (OpenStatistic statistic : statistics) {
                if (statistic.name == null) {
                    statistic.own = new Value(generated(Kind.GROWING, 0), now);
                }
                byId.put(statistic.statisticId, statistic);
            }
            Subscription subscription = new Subscription(id, operationId, Collections.unmodifiableMap(byId));
            subscriptions.put(id, subscription);
            return subscription;
        }
    }

    Subscription subscription(String id) {
        synchronized (lock) {
            return subscriptions.get(id);
        }
    }

    /** @return whether a subscription was open */
    boolean close(String id) {
        synchronized (lock) {
            lastPublish.remove(id);
            return subscriptions.remove(id) != null;
        }
    }

    /** @return the value a statistic of a subscription has now */
    Value valueOf(OpenStatistic statistic) {
        synchronized (lock) {
            return statistic.name == null ? statistic.own : current(statistic.key());
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /** The simulator started (or restarted): the generator and a pending outage end resume. */
    void started() {
        synchronized (lock) {
            running = true;
            armGenerator();
            armOutageEnd();
        }
    }

    /** The simulator stopped: nothing is published; the scheduler thread ends. Settings and subscriptions are kept. */
    void stopped() {
        ScheduledExecutorService stopping;
        synchronized (lock) {
            running = false;
            armGenerator();
            // The outage's end (outageEndsAt) is kept: started() schedules what remains of it.
            cancel(outageEnd);
            outageEnd = null;
            outageEpoch++;
            stopping = scheduler;
            scheduler = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    /** Clears subscriptions, values, the publication log and listeners; stops the generator; ends an outage. */
    void reset() {
        synchronized (lock) {
            interval = Duration.ZERO;
            armGenerator();
            cancelOutageEnd();
            available = true;
            subscriptions.clear();
            values.clear();
            generations.clear();
            log.clear();
            lastPublish.clear();
            listeners.clear();
        }
    }

    // ---- internals -----------------------------------------------------------------------------------------------

    private Value current(Key key) {
        return values.computeIfAbsent(key, k -> new Value(generated(catalogue.get(k.name()).kind(), 0),
                System.currentTimeMillis()));
    }

    /** The value of a statistic after {@code generation} updates: deterministic, so tests can predict it. */
    static Map<String, Object> generated(Kind kind, long generation) {
        Map<String, Object> value = new LinkedHashMap<>();
        switch (kind) {
            case AGENT_STATE -> value.put("state", AGENT_STATES.get((int) (generation % AGENT_STATES.size())));
            case GROWING -> value.put("value", generation);
            case AVERAGE -> value.put("value", 120 + generation % 60);
        }
        return Collections.unmodifiableMap(value);
    }

    /** Publishes one {@code StatisticUpdate} for these statistics of a subscription; the caller holds the lock. */
    private boolean publishUpdate(Subscription subscription, Iterable<OpenStatistic> statistics) {
        if (!available || !running) {
            return false;
        }
        List<Object> entries = new ArrayList<>();
        for (OpenStatistic statistic : statistics) {
            Value value = statistic.name == null ? statistic.own : current(statistic.key());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("subscriptionId", subscription.id());
            entry.put("statisticId", statistic.statisticId);
            entry.put("value", value.value());
            entry.put("timestamp", value.timestamp());
            entries.add(Collections.unmodifiableMap(entry));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("statistics", Collections.unmodifiableList(entries));
        long nanos = publish(UPDATES, notification(STATISTIC_UPDATE, UPDATES, data));
        if (nanos != 0) {
            lastPublish.put(subscription.id(), nanos);
        }
        return nanos != 0;
    }

    private void publishServiceState(String state) {
        if (!running) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serviceState", state);
        publish(SERVICE, notification(SERVICE_STATE_CHANGE, SERVICE, data));
    }

    private static Map<String, Object> notification(String name, String topic, Map<String, Object> data) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("name", name);
        notification.put("topic", topic);
        notification.put("data", Collections.unmodifiableMap(data));
        return Collections.unmodifiableMap(notification);
    }

    /** @return the publish time, or 0 when CometD is not running; the caller holds the lock */
    private long publish(String channel, Map<String, Object> notification) {
        long nanos = System.nanoTime();
        if (nanos == 0) {
            nanos = 1;
        }
        Publication publication = new Publication(channel, notification, nanos);
        for (Consumer<Publication> listener : listeners) {
            listener.accept(publication);
        }
        try {
            cometd.publish(channel, notification);
        } catch (IllegalStateException notRunning) {
            return 0;
        }
        if (log.size() == PUBLISHED_LOG_LIMIT) {
            log.removeFirst();
        }
        log.addLast(publication);
        return nanos;
    }

    /** Converts any value to plain JSON types (maps, lists, numbers, strings), which CometD can serialize. */
    private static Object plain(Object value) {
        if (value == null) {
            return null;
        }
        return Json.mapper().convertValue(value, Object.class);
    }

    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "genesys-simulator-statistics");
                thread.setDaemon(true);
                return thread;
            });
        }
        return scheduler;
    }

    private void armGenerator() {
        cancel(generator);
        generator = null;
        long epoch = ++generatorEpoch;
        if (!running || interval.isZero()) {
            return;
        }
        long nanos = interval.toNanos();
        generator = scheduler().scheduleAtFixedRate(() -> tick(epoch), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    private void tick(long epoch) {
        try {
            synchronized (lock) {
                // A tick that was waiting for the lock while the generator was stopped or changed must not publish.
                if (epoch == generatorEpoch) {
                    publishUpdates();
                }
            }
        } catch (RuntimeException e) {
            // A failed tick must not cancel the periodic task.
            LOG.warn("The statistics generator failed to publish", e);
        }
    }

    private void armOutageEnd() {
        cancel(outageEnd);
        outageEnd = null;
        long epoch = ++outageEpoch;
        if (!running || outageEndsAt == null) {
            return;
        }
        long delay = Math.max(0, outageEndsAt - System.nanoTime());
        outageEnd = scheduler().schedule(() -> endOutage(epoch), delay, TimeUnit.NANOSECONDS);
    }

    private void endOutage(long epoch) {
        synchronized (lock) {
            if (epoch == outageEpoch) {
                serviceAvailable();
            }
        }
    }

    private void cancelOutageEnd() {
        cancel(outageEnd);
        outageEnd = null;
        outageEpoch++;
        outageEndsAt = null;
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
