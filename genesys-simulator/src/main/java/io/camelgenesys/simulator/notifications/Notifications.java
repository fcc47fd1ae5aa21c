package io.camelgenesys.simulator.notifications;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.conversations.CloudStore;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * Genesys Cloud notifications (issue 15), as tests see them ({@code sim.notifications()}): the channels of the
 * Notifications API, their subscriptions, their WebSockets, publishing events, the fault controls (close sockets with
 * or without the {@code v2.system.socket_closing} notice, drop them, expire channels, pause heartbeats) and the
 * counters that prove no event was lost or duplicated.
 * <p>
 * Threads and locks: one monitor (this object) guards channels, subscriptions, queues and counters, and is held only
 * briefly, never while writing to a socket. Every channel has a queue of outgoing messages (events, heartbeats,
 * pongs, notices, closes) drained by one task at a time on the simulator's delivery threads, which sends a message and
 * continues with the next when Jetty reports it written: one channel's messages keep their order, and no Jetty I/O
 * thread ever waits for a write or holds a lock of the simulator.
 */
public final class Notifications {

    /** The WebSocket path prefix of a channel's {@code connectUri}, as Genesys' streaming host has it. */
    public static final String SOCKET_PREFIX = "/channels/";

    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(1);
    /** SDK: "There is a limit of 20 channels per user/app combination." */
    static final int DEFAULT_CHANNEL_LIMIT = 20;
    /** Genesys: "Each WebSocket connection is limited to 1,000 topics." */
    static final int DEFAULT_TOPIC_LIMIT = 1000;

    static final String HEARTBEAT_TEXT = Json.writeString(metadata("WebSocket Heartbeat"));
    static final String PONG_TEXT = Json.writeString(metadata("pong"));
    private static final Duration SWEEP = Duration.ofMillis(100);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A notification channel: its subscriptions, its socket and its outgoing queue. */
    static final class Channel {
        final String id;
        final String clientId;
        final String token;
        Instant expires;
        long lastUsed;
        /** the subscriptions, as given (a combined topic stays one) */
        final Set<String> topics = new LinkedHashSet<>();
        /** the topic names they stand for, which events are matched against */
        final Set<String> expanded = new LinkedHashSet<>();
        ChannelSocket socket;
        /**
         * A socket whose upgrade was answered (101) but whose open Jetty has not reported yet: the client may already
         * have subscribed, and what is published meanwhile waits for it, as Genesys has the socket once it answers
         */
        ChannelSocket opening;
        final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
        boolean draining;
        int connections;
        long heartbeats;
        boolean removed;

        Channel(String id, String clientId, String token, Instant expires) {
            this.id = id;
            this.clientId = clientId;
            this.token = token;
            this.expires = expires;
            this.lastUsed = System.nanoTime();
        }
    }

    /** NOTICE: a {@code v2.system.socket_closing} notice, whose write starts the closing grace. */
    enum Kind { EVENT, HEARTBEAT, TEXT, NOTICE, CLOSE }

    /** One outgoing message; {@code target} null means the channel's socket when it is sent. */
    record Outgoing(Kind kind, String text, String topic, String correlationId, ChannelSocket target, int code,
            String reason) {
    }

    private final Topics topics = new Topics();
    private final DeliveryCounters counters = new DeliveryCounters();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    /** the simulator's port, for {@code connectUri} (set on start, kept after a stop) */
    private volatile int port;
    private final SocketEndpoint endpoint;
    private final NotificationsApi api;
    private final CloudEvents cloudEvents;

    private Duration heartbeatInterval = DEFAULT_HEARTBEAT;
    private boolean heartbeatsPaused;
    private boolean pongsPaused;
    private Duration lifetime = DEFAULT_LIFETIME;
    private Duration grace = DEFAULT_GRACE;
    private int channelLimit = DEFAULT_CHANNEL_LIMIT;
    private int topicLimit = DEFAULT_TOPIC_LIMIT;
    /** channels whose queue is being drained (including removed ones): awaitIdle waits for 0 */
    private int draining;
    /** while incomplete, a socket's open reaches its channel only once it completes (test control) */
    private CompletableFuture<?> openHold;
    /** while incomplete, each channel's drain waits before its next write, so what is published queues (test control) */
    private CompletableFuture<?> deliveryHold;
    /** while incomplete, a socket whose closing grace ran out is closed only once it completes (test control) */
    private CompletableFuture<?> closeHold;

    private ScheduledExecutorService scheduler;
    private ExecutorService delivery;
    private ScheduledFuture<?> heartbeatTask;

    /** @param cloud the Genesys Cloud users and conversations whose changes are published */
    public Notifications(CloudStore cloud) {
        this.endpoint = new SocketEndpoint(this);
        this.api = new NotificationsApi(this);
        this.cloudEvents = new CloudEvents(this);
        cloud.setChangeListener(cloudEvents);
    }

    // ---- wiring (the simulator calls these) ----------------------------------------------------------------------

    public void register(Routes routes) {
        api.register(routes);
    }

    /** The WebSocket side: mounted on the simulator's Jetty server. */
    public SocketEndpoint sockets() {
        return endpoint;
    }

    /** @param boundPort the port the simulator listens on */
    public synchronized void started(int boundPort) {
        this.port = boundPort;
        ThreadFactory threads = daemon("genesys-simulator-notifications");
        delivery = Executors.newFixedThreadPool(2, threads);
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("genesys-simulator-notifications-timer"));
        scheduler.scheduleWithFixedDelay(this::sweepExpired, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        scheduleHeartbeats();
    }

    /** The server stopped: its sockets are gone (channels and subscriptions stay, as a server restart keeps them). */
    public synchronized void stopped() {
        if (delivery == null) {
            return;
        }
        for (Channel c : channels.values()) {
            c.socket = null;
            abandonQueue(c);
        }
        delivery.shutdownNow();
        scheduler.shutdownNow();
        delivery = null;
        scheduler = null;
        heartbeatTask = null;
        draining = 0;
        notifyAll();
    }

    /** Closes every socket (no notice), forgets channels, counters and test topics, restores the defaults. */
    public synchronized void reset() {
        for (Channel c : new ArrayList<>(channels.values())) {
            remove(c, 1000, "The simulator was reset");
        }
        channels.clear();
        counters.clear();
        topics.reset();
        heartbeatInterval = DEFAULT_HEARTBEAT;
        heartbeatsPaused = false;
        openHold = null;
        deliveryHold = null;
        closeHold = null;
        pongsPaused = false;
        lifetime = DEFAULT_LIFETIME;
        grace = DEFAULT_GRACE;
        channelLimit = DEFAULT_CHANNEL_LIMIT;
        topicLimit = DEFAULT_TOPIC_LIMIT;
        scheduleHeartbeats();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---- publishing ----------------------------------------------------------------------------------------------

    /**
     * Publishes an event: queued, in order, for every channel subscribed to the topic now.
     *
     * @param topic     the topic name, e.g. {@code v2.users.{id}.presence} with the id filled
     * @param eventBody a JsonNode, or anything Jackson turns into JSON (a Map)
     * @return the number of channels it was queued for (those without a socket count it as undelivered)
     */
    public int publish(String topic, Object eventBody) {
        Objects.requireNonNull(topic, "topic");
        String correlationId = UUID.randomUUID().toString();
        ObjectNode message = Json.object();
        message.put("topicName", topic);
        message.put("version", "2");
        message.set("eventBody", eventBody instanceof JsonNode node ? node : Json.mapper().valueToTree(eventBody));
        message.putObject("metadata").put("CorrelationId", correlationId);
        String text = Json.writeString(message);
        synchronized (this) {
            sweepExpired();
            counters.offered(topic);
            int queued = 0;
            for (Channel c : channels.values()) {
                if (c.expanded.contains(topic)) {
                    queued++;
                    DeliveryCounters.Count count = counters.of(c.id, topic);
                    count.published++;
                    if (c.socket == null && c.opening == null) {
                        count.undelivered++;
                    } else {
                        enqueue(c, new Outgoing(Kind.EVENT, text, topic, correlationId, null, 0, null));
                    }
                }
            }
            return queued;
        }
    }

    /** Makes a topic template subscribable (e.g. {@code v2.test.{id}.events}); events come from {@link #publish}. */
    public void defineTopic(String template, String description) {
        topics.define(template, description);
    }

    Topics topics() {
        return topics;
    }

    private static ObjectNode metadata(String message) {
        ObjectNode m = Json.object();
        m.put("topicName", "channel.metadata");
        m.putObject("eventBody").put("message", message);
        return m;
    }

    // ---- channels (the REST side calls these) -------------------------------------------------------------------

    /** Creates a channel for a client; over the limit, its least recently used one goes (unconnected first). */
    synchronized Channel create(String clientId, String token) {
        sweepExpired();
        List<Channel> mine = new ArrayList<>();
        channels.values().stream().filter(c -> c.clientId.equals(clientId)).forEach(mine::add);
        mine.sort(Comparator.<Channel, Boolean>comparing(c -> c.socket != null).thenComparingLong(c -> c.lastUsed));
        for (int i = 0; mine.size() - i >= channelLimit; i++) {
            remove(mine.get(i), 1000, "Channel removed: over " + channelLimit + " channels for this client");
        }
        Channel c = new Channel(newChannelId(), clientId, token, Instant.now().plus(lifetime));
        channels.put(c.id, c);
        return c;
    }

    private static String newChannelId() {
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        StringBuilder id = new StringBuilder("streaming-0-");
        for (int i = 0; i < 26; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** @return the channel if it exists, has not expired and belongs to the client */
    synchronized Optional<Channel> channel(String id, String clientId) {
        sweepExpired();
        Channel c = channels.get(id);
        if (c == null || (clientId != null && !c.clientId.equals(clientId))) {
            return Optional.empty();
        }
        c.lastUsed = System.nanoTime();
        return Optional.of(c);
    }

    synchronized List<Channel> channelsOf(String clientId) {
        sweepExpired();
        return channels.values().stream().filter(c -> c.clientId.equals(clientId)).toList();
    }

    synchronized ObjectNode describe(Channel c) {
        ObjectNode node = Json.object();
        node.put("connectUri", "ws://127.0.0.1:" + port + SOCKET_PREFIX + c.id);
        node.put("id", c.id);
        node.put("expires", Json.timestamp(c.expires));
        return node;
    }

    /**
     * Replaces ({@code replace}) or extends the channel's subscriptions and renews its lifetime.
     *
     * @return false when the result would exceed the topic limit (nothing changes)
     */
    synchronized boolean subscribe(Channel c, List<String> topicNames, boolean replace) {
        Set<String> next = new LinkedHashSet<>(replace ? List.of() : c.topics);
        next.addAll(topicNames);
        if (next.size() > topicLimit) {
            return false;
        }
        c.topics.clear();
        c.topics.addAll(next);
        c.expanded.clear();
        next.forEach(t -> c.expanded.addAll(Topics.expand(t)));
        c.expires = Instant.now().plus(lifetime);
        return true;
    }

    synchronized void unsubscribeAll(Channel c) {
        c.topics.clear();
        c.expanded.clear();
    }

    synchronized List<String> topicsOf(Channel c) {
        return List.copyOf(c.topics);
    }

    synchronized int topicLimit() {
        return topicLimit;
    }

    // ---- sockets (ChannelSocket calls these, on Jetty's threads) ------------------------------------------------

    /** @return whether a socket may connect to this channel now */
    synchronized boolean exists(String channelId) {
        sweepExpired();
        return channels.containsKey(channelId);
    }

    /** The upgrade to a channel's socket is being answered: from now on events wait for it (see Channel.opening). */
    synchronized void upgrading(String channelId, ChannelSocket socket) {
        Channel c = channels.get(channelId);
        if (c != null) {
            c.opening = socket;
        }
    }

    synchronized void opened(String channelId, ChannelSocket socket) {
        if (held(openHold, () -> opened(channelId, socket))) {
            return;
        }
        Channel c = channels.get(channelId);
        if (c != null && c.opening == socket) {
            c.opening = null;
        }
        if (c == null) {
            // expired between the upgrade and the open
            socket.close(1000, "Channel expired");
            return;
        }
        ChannelSocket previous = c.socket;
        c.socket = socket;
        c.connections++;
        c.lastUsed = System.nanoTime();
        if (previous != null) {
            // one socket per channel: the newer connection takes over
            enqueue(c, new Outgoing(Kind.CLOSE, null, null, null, previous, 1000,
                    "Another connection to this channel was opened"));
        }
        resumeDrain(c);
        notifyAll();
    }

    synchronized void closed(String channelId, ChannelSocket socket) {
        Channel c = channels.get(channelId);
        if (c != null && c.opening == socket) {
            // the upgrade failed or the socket closed before its open was reported: what waited for it is undelivered
            c.opening = null;
            resumeDrain(c);
        }
        if (c != null && c.socket == socket) {
            c.socket = null;
            c.lastUsed = System.nanoTime();
            notifyAll();
        }
    }

    /** A client text: {@code {"message":"ping"}} is answered by a pong on that socket; anything else is ignored. */
    void received(String channelId, ChannelSocket socket, String text) {
        boolean ping;
        try {
            ping = "ping".equals(Json.parse(text).path("message").asText());
        } catch (RuntimeException e) {
            ping = false;
        }
        if (ping) {
            synchronized (this) {
                Channel c = channels.get(channelId);
                if (c != null && !pongsPaused) {
                    enqueue(c, new Outgoing(Kind.TEXT, PONG_TEXT, null, null, socket, 0, null));
                }
            }
        }
    }

    // ---- delivery ------------------------------------------------------------------------------------------------

    /** Queues a message for a channel and starts its drain if none runs. Caller holds the monitor. */
    private void enqueue(Channel c, Outgoing o) {
        enqueue(c, o, false);
    }

    /** {@link #enqueue(Channel, Outgoing)}, {@code first}: ahead of what is queued (after the write under way). */
    private void enqueue(Channel c, Outgoing o, boolean first) {
        if (first) {
            c.queue.addFirst(o);
        } else {
            c.queue.add(o);
        }
        if (!c.draining && delivery != null) {
            c.draining = true;
            draining++;
            execute(c);
        } else if (delivery == null) {
            abandonQueue(c);
        }
    }

    /** Runs the next step of a channel's drain on a delivery thread. Caller holds the monitor. */
    private void execute(Channel c) {
        if (held(deliveryHold, () -> resumeHeld(c))) {
            return;
        }
        try {
            delivery.execute(() -> drain(c));
        } catch (RejectedExecutionException e) {
            // the simulator stopped: its sockets are gone
            abandonQueue(c);
        }
    }

    /** Whether a test control's hold is under way: the step then runs again once the hold completes. */
    private static boolean held(CompletableFuture<?> hold, Runnable again) {
        if (hold == null || hold.isDone()) {
            return false;
        }
        hold.whenComplete((v, x) -> again.run());
        return true;
    }

    /** A drain held by {@link #holdDeliveries} goes on, unless the simulator stopped or the channel went meanwhile. */
    private synchronized void resumeHeld(Channel c) {
        if (!c.draining) {
            return; // its queue was abandoned while held
        }
        if (delivery != null) {
            execute(c);
        } else {
            abandonQueue(c);
        }
    }

    /** Counts what is queued as undelivered and empties the queue. Caller holds the monitor. */
    private void abandonQueue(Channel c) {
        for (Outgoing o : c.queue) {
            if (o.kind() == Kind.EVENT) {
                counters.of(c.id, o.topic()).undelivered++;
            }
        }
        c.queue.clear();
        if (c.draining) {
            c.draining = false;
            draining--;
            notifyAll();
        }
    }

    private void drain(Channel c) {
        while (true) {
            Outgoing o;
            ChannelSocket target;
            synchronized (this) {
                o = c.queue.poll();
                if (o == null) {
                    if (c.draining) {
                        c.draining = false;
                        draining--;
                    }
                    notifyAll();
                    return;
                }
                target = o.target() != null ? o.target() : c.socket;
                if (target == null && o.target() == null && c.opening != null && !c.removed) {
                    // waits for the socket being opened (opened() or closed() resumes the drain)
                    c.queue.addFirst(o);
                    c.draining = false;
                    draining--;
                    notifyAll();
                    return;
                }
                if (target == null || !target.isOpen()) {
                    if (o.kind() == Kind.EVENT) {
                        counters.of(c.id, o.topic()).undelivered++;
                    }
                    continue;
                }
            }
            if (o.kind() == Kind.CLOSE) {
                target.close(o.code(), o.reason());
                continue;
            }
            Outgoing sending = o;
            // the write's completion (on whatever thread Jetty completes it) continues the drain on a delivery thread
            target.send(o.text(), Callback.from(() -> sent(c, sending, true), x -> sent(c, sending, false)));
            return;
        }
    }

    /** Starts the drain of what waited for a socket being opened. Caller holds the monitor. */
    private void resumeDrain(Channel c) {
        if (!c.queue.isEmpty() && !c.draining && delivery != null) {
            c.draining = true;
            draining++;
            execute(c);
        }
    }

    private synchronized void sent(Channel c, Outgoing o, boolean written) {
        if (o.kind() == Kind.EVENT) {
            if (written) {
                counters.delivered(c.id, o.topic(), o.correlationId());
            } else {
                counters.of(c.id, o.topic()).undelivered++;
            }
        } else if (o.kind() == Kind.HEARTBEAT && written) {
            c.heartbeats++;
        } else if (o.kind() == Kind.NOTICE) {
            // the grace runs from when the client can have read the notice, as Genesys' "one minute prior"
            scheduleClose(c, o.target());
        }
        if (delivery != null) {
            execute(c);
        } else {
            abandonQueue(c);
        }
    }

    // ---- heartbeats and expiry -----------------------------------------------------------------------------------

    private synchronized void scheduleHeartbeats() {
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
            heartbeatTask = null;
        }
        if (scheduler != null && !heartbeatInterval.isZero()) {
            long ms = heartbeatInterval.toMillis();
            heartbeatTask = scheduler.scheduleAtFixedRate(this::heartbeat, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void heartbeat() {
        if (heartbeatsPaused) {
            return;
        }
        for (Channel c : channels.values()) {
            if (c.socket != null) {
                enqueue(c, new Outgoing(Kind.HEARTBEAT, HEARTBEAT_TEXT, null, null, null, 0, null));
            }
        }
    }

    private synchronized void sweepExpired() {
        Instant now = Instant.now();
        for (Channel c : new ArrayList<>(channels.values())) {
            if (!c.expires.isAfter(now)) {
                remove(c, 1000, "Channel expired");
            }
        }
    }

    /** Removes a channel with its subscriptions and closes its socket (after what is queued). */
    private void remove(Channel c, int code, String reason) {
        channels.remove(c.id);
        c.topics.clear();
        c.expanded.clear();
        c.removed = true;
        c.opening = null;
        if (c.socket != null) {
            enqueue(c, new Outgoing(Kind.CLOSE, null, null, null, c.socket, code, reason));
        } else {
            resumeDrain(c); // what waited for a socket being opened is undelivered
        }
        notifyAll();
    }

    // ---- test controls -------------------------------------------------------------------------------------------

    /** @return the ids of the live channels, in creation order */
    public synchronized Set<String> channelIds() {
        sweepExpired();
        return new LinkedHashSet<>(channels.keySet());
    }

    /** @return a channel's topics, in subscription order (empty when unknown) */
    public synchronized List<String> subscriptions(String channelId) {
        Channel c = channels.get(channelId);
        return c == null ? List.of() : List.copyOf(c.topics);
    }

    public synchronized boolean isConnected(String channelId) {
        Channel c = channels.get(channelId);
        return c != null && c.socket != null;
    }

    /** Waits until a socket is connected to the channel. */
    public synchronized boolean awaitConnected(String channelId, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!isConnected(channelId)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** @return the sockets accepted for the channel so far */
    public synchronized int connectionCount(String channelId) {
        Channel c = channels.get(channelId);
        return c == null ? 0 : c.connections;
    }

    /** @return the heartbeats written to the channel's sockets */
    public synchronized long heartbeatsSent(String channelId) {
        Channel c = channels.get(channelId);
        return c == null ? 0 : c.heartbeats;
    }

    /**
     * Closes every socket. With {@code notice}, each first gets {@code v2.system.socket_closing}, ahead of the events
     * queued for it, and keeps receiving events for the closing grace, counted from when the notice was written; then
     * it is closed after what is queued for it by then. Without, it is closed at once (after what is queued). Close
     * code 1000 either way (see {@link #closing}). Channels stay, with their subscriptions: what is published to a
     * channel after its socket closed and before one is connected to it again is not delivered (Genesys keeps no
     * backlog).
     */
    public synchronized void closeSockets(boolean notice) {
        channels.values().forEach(c -> closeSocket(c, notice));
    }

    /** {@link #closeSockets} for one channel; false when it has no socket. */
    public synchronized boolean closeSocket(String channelId, boolean notice) {
        Channel c = channels.get(channelId);
        return c != null && closeSocket(c, notice);
    }

    private boolean closeSocket(Channel c, boolean notice) {
        ChannelSocket socket = c.socket;
        if (socket == null) {
            return false;
        }
        if (!notice) {
            enqueue(c, closing(socket));
            return true;
        }
        // ahead of the queued events: Genesys announces the close "one minute prior", not after its backlog
        enqueue(c, new Outgoing(Kind.NOTICE, socketClosing(c), null, null, socket, 0, null), true);
        return true;
    }

    /**
     * The close of a socket Genesys closes: code 1000, a closing handshake. Jetty 12 ends the connection as soon as it
     * wrote a close frame with any code but 1000, 1005 or 3000+ (1001 included), without waiting for the client's: a
     * client still reading its backlog that then writes (a ping) meets a closed socket, and the reset discards what it
     * had not read, events counted delivered. With 1000 the connection stays until the client answered.
     */
    private static Outgoing closing(ChannelSocket socket) {
        return new Outgoing(Kind.CLOSE, null, null, null, socket, 1000, "The socket is closing");
    }

    /** After a notice was written (or failed): the socket closes once the grace has passed. Caller holds the monitor. */
    private void scheduleClose(Channel c, ChannelSocket socket) {
        if (grace.isZero() || scheduler == null) {
            graceOver(c, socket);
            return;
        }
        try {
            scheduler.schedule(() -> graceOver(c, socket), grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the simulator stopped: its sockets are gone
        }
    }

    /** The grace ran out: the close is queued after what is queued by then, or once {@link #holdSocketCloses} ends. */
    private synchronized void graceOver(Channel c, ChannelSocket socket) {
        if (held(closeHold, () -> graceOver(c, socket))) {
            return;
        }
        enqueue(c, closing(socket));
    }

    /**
     * The notice: a {@code SystemMessageSystemMessage} body, the model the Java SDK's socket-closing listener declares.
     * Its {@code systemTopicType} and {@code reason} enumerate values of other system topics only (no_longer_subscribed,
     * token_revoked, ...), so the notice carries neither.
     */
    private static String socketClosing(Channel c) {
        ObjectNode m = Json.object();
        m.put("topicName", "v2.system.socket_closing");
        m.put("version", "2");
        ObjectNode body = m.putObject("eventBody");
        String correlationId = UUID.randomUUID().toString();
        body.put("channelId", c.id);
        body.put("correlationId", correlationId);
        body.put("oauthClientId", c.clientId);
        body.put("message", "The WebSocket is closing: connect again to the channel, or create a new one");
        m.putObject("metadata").put("CorrelationId", correlationId);
        return Json.writeString(m);
    }

    /** Cuts every socket's connection: no notice, no close frame. Channels stay. */
    public void dropSockets() {
        List<ChannelSocket> sockets = new ArrayList<>();
        synchronized (this) {
            channels.values().stream().filter(c -> c.socket != null).forEach(c -> sockets.add(c.socket));
        }
        sockets.forEach(ChannelSocket::drop);
    }

    /** {@link #dropSockets} for one channel; false when it has no socket. */
    public boolean dropSocket(String channelId) {
        ChannelSocket socket;
        synchronized (this) {
            Channel c = channels.get(channelId);
            socket = c == null ? null : c.socket;
        }
        if (socket != null) {
            socket.drop();
        }
        return socket != null;
    }

    /** Expires a channel now: it goes with its subscriptions, its socket is closed (1000, no notice). */
    public synchronized boolean expire(String channelId) {
        Channel c = channels.get(channelId);
        if (c == null) {
            return false;
        }
        remove(c, 1000, "Channel expired");
        return true;
    }

    public synchronized void expireAll() {
        new ArrayList<>(channels.values()).forEach(c -> remove(c, 1000, "Channel expired"));
    }

    /** The lifetime of channels created or resubscribed from now on (default 24 h). */
    public synchronized void channelLifetime(Duration lifetime) {
        this.lifetime = positive(lifetime, "lifetime");
    }

    /** Heartbeat period (default 30 s); {@link Duration#ZERO} sends none. */
    public synchronized void heartbeatInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The heartbeat interval cannot be negative: " + interval);
        }
        this.heartbeatInterval = interval;
        scheduleHeartbeats();
    }

    /**
     * Stops answering pings ({@code true}) or answers them again: plays a socket whose close overtakes the pong a
     * client waits for (Genesys closing an announced socket before it answered a ping).
     */
    public synchronized void pausePongs(boolean paused) {
        this.pongsPaused = paused;
    }

    /**
     * Until {@code until} completes, a socket whose upgrade was answered reaches its channel late (Jetty reports the
     * open after the 101 answer is written, so a client may subscribe and events be published in between): plays
     * that window at will. Events published meanwhile wait for the socket, as with Genesys, which has the socket
     * once it answered the upgrade.
     */
    public synchronized void holdSocketOpens(CompletableFuture<?> until) {
        this.openHold = until;
    }

    /**
     * Until {@code until} completes, no socket is written to: each channel's drain finishes the write under way and
     * waits, so what is published and announced meanwhile queues up in the order the server keeps. Lets a test hold
     * a backlog that a fast machine would otherwise have written already.
     */
    public synchronized void holdDeliveries(CompletableFuture<?> until) {
        this.deliveryHold = until;
    }

    /**
     * Until {@code until} completes, a socket announced with {@code v2.system.socket_closing} stays open after its
     * grace ran out, and keeps receiving events; it closes once {@code until} completes (and the grace has passed). Lets
     * a test act on the notice, however long a loaded machine takes, before the socket closes.
     */
    public synchronized void holdSocketCloses(CompletableFuture<?> until) {
        this.closeHold = until;
    }

    public synchronized void pauseHeartbeats(boolean paused) {
        this.heartbeatsPaused = paused;
    }

    /** How long a socket keeps receiving events after its {@code socket_closing} notice (default 1 s). */
    public synchronized void socketClosingGrace(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("The grace cannot be negative: " + grace);
        }
        this.grace = grace;
    }

    /** Channels per OAuth client (default 20); creating one more removes the least recently used. */
    public synchronized void channelLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The channel limit must be at least 1: " + limit);
        }
        this.channelLimit = limit;
    }

    /** Topics per channel (default 1,000). */
    public synchronized void topicLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The topic limit must be at least 1: " + limit);
        }
        this.topicLimit = limit;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }

    // ---- counters ------------------------------------------------------------------------------------------------

    /** @return events queued for the channel on this topic (it was subscribed when they were published) */
    public synchronized long published(String channelId, String topic) {
        return counters.published(channelId, topic);
    }

    /** @return events written to the channel's socket on this topic */
    public synchronized long delivered(String channelId, String topic) {
        return counters.delivered(channelId, topic);
    }

    /** @return events of the channel on this topic that found no open socket */
    public synchronized long undelivered(String channelId, String topic) {
        return counters.undelivered(channelId, topic);
    }

    /** @return {@link #publish} calls for the topic, whatever the subscribers */
    public synchronized long published(String topic) {
        return counters.publishedTopic(topic);
    }

    /** @return events on the topic written to any channel's socket */
    public synchronized long delivered(String topic) {
        return counters.deliveredTopic(topic);
    }

    /**
     * @return the {@code metadata.CorrelationId} of the events written to the channel on the topic, in order (the
     *         latest 100,000)
     */
    public synchronized List<String> deliveredCorrelationIds(String channelId, String topic) {
        return counters.correlationIds(channelId, topic);
    }

    /** Waits until every channel's queue is drained. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (draining > 0) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** The state, for the admin surface. */
    public synchronized ObjectNode describe() {
        sweepExpired();
        ObjectNode node = Json.object();
        ArrayNode list = node.putArray("channels");
        for (Channel c : channels.values()) {
            ObjectNode ch = list.addObject();
            ch.put("id", c.id);
            ch.put("connected", c.socket != null);
            ArrayNode t = ch.putArray("topics");
            c.topics.forEach(t::add);
            ch.put("expires", Json.timestamp(c.expires));
            ch.put("connections", c.connections);
        }
        node.put("heartbeatIntervalMs", heartbeatInterval.toMillis());
        node.put("heartbeatsPaused", heartbeatsPaused);
        node.put("socketClosingGraceMs", grace.toMillis());
        node.put("channelLifetimeMs", lifetime.toMillis());
        node.put("channelLimit", channelLimit);
        node.put("topicLimit", topicLimit);
        return node;
    }

    /** The counters, for the admin surface. */
    public synchronized ObjectNode describeCounters() {
        return counters.describe();
    }
}
