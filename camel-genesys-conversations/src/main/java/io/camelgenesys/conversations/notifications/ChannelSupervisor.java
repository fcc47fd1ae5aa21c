package io.camelgenesys.conversations.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import io.camelgenesys.core.notifications.GenesysNotificationsState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Genesys Cloud notification channel of a connection, as a state machine free of Camel, of HTTP and of the
 * WebSocket client: it is told what happened (a channel was created, a socket opened, a frame or a close arrived, a
 * subscription call answered) and decides what to do next, through the {@link Api} (the channel REST calls) and the
 * {@link Sockets} (WebSocket connections) it is given.
 * <p>
 * What it guarantees to its {@link Subscriber}s (one per consumer, each with its topics, all on the same channel):
 * <ul>
 * <li><b>one channel</b> carries the topics of every subscriber (Genesys allows a few channels per user and 1,000
 * topics per channel); adding a subscriber POSTs only its new topics, so a topic Genesys refuses fails that
 * subscriber alone ({@link TopicsRefusedException}); removing one PUTs the topics still used (DELETE when none);</li>
 * <li><b>renewal without a gap</b>: before the channel {@code expires} (by {@code renewBefore}) and when Genesys
 * announces {@value NotificationFrame#SOCKET_CLOSING_TOPIC}, a new channel is created, its socket opened and every
 * topic subscribed on it BEFORE the old socket is closed; an event both sockets deliver is delivered once
 * ({@link EventDeduplicator}); after a closing notice, the old socket must prove that it was still open once the new
 * channel was subscribed, else what Genesys published between its close and the new subscription may have reached
 * neither socket, and that is reported as a gap. Proof is a frame Genesys can only have written after the
 * subscription: the pong to a ping sent on the old socket once the new channel is subscribed, or an event both sockets
 * delivered (published while both channels had the topic). When Genesys closes the old socket before either arrived,
 * the decision waits until the new socket answered a ping, so that the copies of what the old one delivered have
 * arrived on the new one;</li>
 * <li><b>an abrupt drop</b> (a close without notice, an error, no frame for {@code heartbeatMissedLimit} heartbeat
 * intervals) makes a new channel with the topics, after the backoff of the connection's {@link RetryScheduler}
 * (unbounded); Genesys does not replay, so the time without a socket is reported as a gap ({@link Subscriber#onGap},
 * a WARN, {@link #gapCount()});</li>
 * <li>malformed frames and events on topics nobody subscribed are counted and logged, never fatal.</li>
 * </ul>
 * Every decision runs on one serial control executor (no lock around the state; REST and socket callbacks hop onto it);
 * only frames are handled on the thread that read them: parsed, de-duplicated and handed to the subscribers, whose
 * {@link Subscriber#onEvent} must return at once (a consumer queues the event for its own worker).
 */
public final class ChannelSupervisor {

    /** What {@code POST /api/v2/notifications/channels} answered. */
    public record ChannelInfo(String id, String connectUri, Instant expires) {
    }

    /** The channel REST calls (NotificationsApi of the SDK). */
    public interface Api {

        CompletableFuture<ChannelInfo> createChannel();

        /**
         * {@code POST .../subscriptions}: adds topics. Completes exceptionally with a {@link TopicsRefusedException}
         * when Genesys refused them (not retried); any other failure is retried.
         */
        CompletableFuture<Void> addTopics(String channelId, List<String> topics);

        /** {@code PUT .../subscriptions}: the channel's topics become exactly these (refusals as for add). */
        CompletableFuture<Void> replaceTopics(String channelId, List<String> topics);

        /** {@code DELETE .../subscriptions}: no topic any more. */
        CompletableFuture<Void> removeAllTopics(String channelId);
    }

    /** An open WebSocket. */
    public interface Socket {

        /** Sends a text frame (a ping); {@code false} when it could not. */
        boolean send(String text);

        /** Closes it (asynchronous); no {@link SocketEvents#onClosed} is expected to matter afterwards. */
        void close(String reason);
    }

    /** What a socket reports; called on the WebSocket client's threads. */
    public interface SocketEvents {

        void onText(String text);

        void onClosed(int code, String reason);
    }

    /** Opens WebSockets. */
    public interface Sockets {

        /** Completes when the socket is open; exceptionally when it could not be opened. */
        CompletableFuture<Socket> open(String connectUri, SocketEvents events);
    }

    /** One user of the channel (a consumer). Called on socket or control threads: return at once. */
    public interface Subscriber {

        /** An event on one of its topics. */
        void onEvent(NotificationFrame frame, int socket);

        /** The channel was without a socket from {@code since} to {@code until}: events of that time are lost. */
        default void onGap(Instant since, Instant until, long gaps) {
        }

        /** The channel's state changed; {@code error} says why it is not CONNECTED. */
        default void onStateChange(GenesysNotificationsState state, String error) {
        }

        /** Genesys refused this subscriber's topics on a new channel (they are no longer subscribed). */
        default void onRefused(TopicsRefusedException refusal) {
        }
    }

    /**
     * @param heartbeatIntervalMillis how often Genesys sends a heartbeat; a ping is sent after one silent interval
     * @param heartbeatMissedLimit    silent intervals after which the socket counts as dropped
     * @param renewBeforeMillis       how long before {@code expires} the channel is replaced
     * @param duplicateWindowMillis   how long an event one socket delivered makes the same event from another a
     *                                duplicate
     * @param maxTopics               the most topics on one channel (Genesys: 1,000)
     */
    public record Settings(long heartbeatIntervalMillis, int heartbeatMissedLimit, long renewBeforeMillis,
                           long duplicateWindowMillis, int maxTopics) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChannelSupervisor.class);
    /** How many event keys the de-duplication remembers. */
    static final int DEDUP_CAPACITY = 20_000;
    /** A replaced socket closes once it answered its drain ping and then went this long without an event... */
    static final long LINGER_QUIET_MILLIS = 1_000;
    /** ...or this long after it was replaced, whichever comes first. */
    static final long LINGER_MAX_MILLIS = 30_000;

    private final String name;
    private final Api api;
    private final Sockets sockets;
    private final Executor control;
    private final RetryScheduler retries;
    private final Settings settings;
    private final RetryScheduler.Retry connectRetry;
    private final RetryScheduler.Retry handoverRetry;
    private final RetryScheduler.Retry updateRetry;
    private final EventDeduplicator dedup;
    private final Supplier<Long> nanoClock;

    /** topic -> subscribers (confirmed or being added); read by socket threads. */
    private final Map<String, CopyOnWriteArrayList<Entry>> byTopic = new ConcurrentHashMap<>();
    private final Set<String> warnedUnknownTopics = ConcurrentHashMap.newKeySet();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unknownTopicEvents = new AtomicLong();
    private final AtomicLong channelsCreated = new AtomicLong();
    private final AtomicLong handovers = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();

    // ---- state: the control executor only (volatile where observers read it)
    private final Map<Subscriber, Entry> entries = new IdentityHashMap<>();
    private final Deque<Entry> pendingAdds = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> syncWaiters = new ArrayList<>();
    /** Replaced generations whose sockets still deliver what was published to them before (see closeWhenQuiet). */
    private final List<Generation> lingering = new ArrayList<>();
    private volatile Generation current;
    private Generation next;
    private int generations;
    private boolean connecting;
    private boolean updating;
    private boolean syncNeeded;
    private boolean closed;
    private boolean everConnected;
    private Instant gapSince;
    private String gapReason;
    private ScheduledFuture<?> renewal;
    private ScheduledFuture<?> watchdog;
    private volatile GenesysNotificationsState state = GenesysNotificationsState.DISCONNECTED;
    private volatile String lastError;
    private volatile Instant connectedSince;
    private volatile Instant lastGapUntil;

    /**
     * @param control runs every decision, one at a time (wrapped in a serial executor here)
     * @param retries the connection's retry scheduler (waits, timers)
     * @param policy  the waits between attempts (used unbounded: the channel comes back whatever it takes)
     */
    public ChannelSupervisor(String name, Api api, Sockets sockets, Executor control, RetryScheduler retries,
                             RetryPolicy policy, Settings settings) {
        this(name, api, sockets, control, retries, policy, settings, System::nanoTime);
    }

    ChannelSupervisor(String name, Api api, Sockets sockets, Executor control, RetryScheduler retries,
                      RetryPolicy policy, Settings settings, Supplier<Long> nanoClock) {
        this.name = name;
        this.api = api;
        this.sockets = sockets;
        this.control = new SerialExecutor(control, name);
        this.retries = retries;
        this.settings = settings;
        RetryPolicy unbounded = policy.unbounded();
        this.connectRetry = retries.start(unbounded, "The notification channel of " + name);
        this.handoverRetry = retries.start(unbounded, "The replacement of the notification channel of " + name);
        this.updateRetry = retries.start(unbounded, "The topics of the notification channel of " + name);
        this.dedup = new EventDeduplicator(DEDUP_CAPACITY, settings.duplicateWindowMillis());
        this.nanoClock = nanoClock;
    }

    /** One channel with its socket. */
    private final class Generation implements SocketEvents {
        final int n;
        final ChannelInfo channel;
        volatile Socket socket;
        volatile long lastFrameNanos;
        /** When it last delivered an event (heartbeats aside): a replaced socket is closed once it is quiet. */
        volatile long lastEventNanos;
        /** Closed by us (replaced, stopped): its close is not a drop. */
        volatile boolean retired;
        /** Its topics are subscribed: it delivers what Genesys publishes. */
        boolean subscribed;
        /** When Genesys announced that its socket closes ({@code null}: it did not). */
        volatile Instant closingAnnounced;
        /** When a new channel replaced it. */
        volatile Instant replacedAt;
        /** Pings sent on its socket, pongs received: Genesys answers pings in order. */
        volatile int pingsSent;
        volatile int pongs;
        /** The ping whose pong proves the socket was still open when the new channel was subscribed (0: none). */
        volatile int proofPing;
        /**
         * The ping sent on it when a new channel took over (0: none): Genesys writes its pong after every event it had
         * queued for this socket, and what it publishes after the takeover reaches the new channel too, so once the
         * pong arrived the socket has delivered all that only it had.
         */
        volatile int drainPing;
        /** An event it delivered was delivered by a newer channel too: it was open after that one was subscribed. */
        volatile boolean overlapped;
        /** What waits for the pong to a ping on this socket (control executor actions, by the ping's number). */
        final List<PongWaiter> pongWaiters = new CopyOnWriteArrayList<>();
        /** Closed by us (retire), not by Genesys. */
        volatile boolean closedByUs;
        /** Its socket reported its close: nothing more comes on it. */
        volatile boolean ended;
        /** Whether its replacement was checked for a gap (once). */
        boolean gapChecked;

        Generation(int n, ChannelInfo channel) {
            this.n = n;
            this.channel = channel;
            this.lastFrameNanos = nanoClock.get();
            this.lastEventNanos = lastFrameNanos;
        }

        @Override
        public void onText(String text) {
            lastFrameNanos = nanoClock.get();
            frame(this, text);
        }

        @Override
        public void onClosed(int code, String reason) {
            ended = true;
            // judged on the control executor, which replaces channels: on the socket's thread a close could be seen
            // between the takeover marking this socket replaced and recording the ping that must prove it open, and
            // was then taken as needing no proof (the gap came only once it had lingered LINGER_MAX_MILLIS)
            control.execute(() -> {
                if (!retired) {
                    dropped(this, "the socket closed (" + code + (reason == null || reason.isBlank() ? ""
                            : " " + reason) + ") without Genesys announcing it");
                } else if (!closedByUs && awaitsProof()) {
                    closedUnproven(this);
                }
            });
        }

        /** A replaced socket that Genesys announced closing, not yet proven open after the new subscription. */
        boolean awaitsProof() {
            return proofPing > 0 && pongs < proofPing && !overlapped;
        }

        /** A replaced socket that has not answered its drain ping yet: Genesys may still have events only for it. */
        boolean draining() {
            return drainPing > 0 && pongs < drainPing && !ended;
        }

        /** Sends a ping; returns its number (0: the socket is gone). */
        int ping() {
            Socket s = socket;
            if (s != null) {
                int n = ++pingsSent;
                s.send(NotificationFrame.PING);
                return n;
            }
            return 0;
        }

        /** A pong arrived (socket thread): runs on the control executor what waited for it. */
        void ponged() {
            int n = ++pongs;
            for (PongWaiter w : pongWaiters) {
                if (w.ping() <= n && pongWaiters.remove(w)) {
                    control.execute(w.action());
                }
            }
        }

        void retire(String why) {
            retired = true;
            closedByUs = true;
            Socket s = socket;
            if (s != null) {
                try {
                    s.close(why);
                } catch (RuntimeException e) {
                    LOG.debug("Closing the socket of channel {} failed: {}", label(channel.id()), e.toString());
                }
            }
        }
    }

    /** An action to run once the pong to ping number {@code ping} arrived. */
    private record PongWaiter(int ping, Runnable action) {
    }

    /** One subscriber and its topics. */
    private static final class Entry {
        final Subscriber subscriber;
        final List<String> topics;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        boolean confirmed;

        Entry(Subscriber subscriber, List<String> topics) {
            this.subscriber = subscriber;
            this.topics = topics;
        }
    }

    // ------------------------------------------------------------------------------------------------ subscribers

    /**
     * Adds a subscriber with its topics; the channel is created on the first.
     *
     * @return completes when Genesys accepted the topics on the channel; exceptionally with a
     *         {@link TopicsRefusedException} when it refused them (the subscriber is then forgotten), or an
     *         {@link IllegalArgumentException} when the channel would exceed its topics
     */
    public CompletableFuture<Void> subscribe(Subscriber subscriber, Collection<String> topics) {
        List<String> list = List.copyOf(new LinkedHashSet<>(topics));
        Entry e = new Entry(subscriber, list);
        control.execute(() -> {
            if (closed) {
                e.ready.completeExceptionally(new IllegalStateException("The notification channel of " + name
                                                                        + " is closed"));
                return;
            }
            Set<String> after = new LinkedHashSet<>(byTopic.keySet());
            after.addAll(list);
            if (after.size() > settings.maxTopics()) {
                e.ready.completeExceptionally(new IllegalArgumentException(
                        "A Genesys notification channel carries at most " + settings.maxTopics() + " topics; "
                        + list.size() + " more would make " + after.size() + " on the channel of " + name
                        + ": subscribe fewer topics (or use other credentials, which get their own channel)"));
                return;
            }
            entries.put(subscriber, e);
            for (String t : list) {
                byTopic.computeIfAbsent(t, k -> new CopyOnWriteArrayList<>()).add(e);
            }
            pendingAdds.add(e);
            subscriber.onStateChange(state, lastError);
            if (current == null && !connecting) {
                connect();
            } else {
                pump();
            }
        });
        return e.ready;
    }

    /**
     * Removes a subscriber; its topics that no other subscriber uses are unsubscribed.
     *
     * @return completes when Genesys has the remaining topics (at once when there is no channel)
     */
    public CompletableFuture<Void> unsubscribe(Subscriber subscriber) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        control.execute(() -> {
            Entry e = entries.get(subscriber);
            if (e == null) {
                done.complete(null);
                return;
            }
            boolean changed = forget(e);
            if (!e.ready.isDone()) {
                e.ready.cancel(false);
            }
            if (!changed || current == null || closed) {
                done.complete(null);
                return;
            }
            syncNeeded = true;
            syncWaiters.add(done);
            pump();
        });
        return done;
    }

    /**
     * Closes for good: timers cancelled, sockets closed, the channel's topics removed.
     *
     * @return completes when Genesys answered the removal (at once when there was no channel)
     */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        control.execute(() -> {
            if (closed) {
                done.complete(null);
                return;
            }
            closed = true;
            connectRetry.cancel();
            handoverRetry.cancel();
            updateRetry.cancel();
            cancel(renewal);
            cancel(watchdog);
            Generation c = current;
            if (next != null) {
                next.retire("closing");
                next = null;
            }
            lingering.forEach(g -> g.retire("closing"));
            lingering.clear();
            current = null;
            for (Entry e : entries.values()) {
                if (!e.ready.isDone()) {
                    e.ready.completeExceptionally(new IllegalStateException("The notification channel of " + name
                                                                            + " was closed"));
                }
            }
            syncWaiters.forEach(f -> f.complete(null));
            syncWaiters.clear();
            transition(GenesysNotificationsState.DISCONNECTED, null);
            if (c == null) {
                done.complete(null);
                return;
            }
            c.retire("closing");
            api.removeAllTopics(c.channel.id()).whenComplete((v, x) -> done.complete(null));
        });
        return done;
    }

    // ------------------------------------------------------------------------------------------------ connecting

    /** A new channel with every confirmed topic; on the control executor. */
    private void connect() {
        if (closed || connecting || current != null) {
            return;
        }
        connecting = true;
        transition(everConnected ? GenesysNotificationsState.RECONNECTING : GenesysNotificationsState.CONNECTING,
                lastError);
        establish("connect").whenCompleteAsync((gen, failure) -> {
            connecting = false;
            if (closed) {
                if (gen != null) {
                    gen.retire("closing");
                }
                return;
            }
            if (failure != null) {
                String why = describe(failure);
                lastError = why;
                transition(state, why);
                long delay = connectRetry.backoff(why, () -> control.execute(this::connect));
                LOG.warn("The Genesys notification channel of {} could not be set up: {}; trying again in {} ms", name,
                        why, delay);
                return;
            }
            connectRetry.reset();
            promote(gen);
        }, control);
    }

    /**
     * Creates a channel, opens its socket and subscribes the confirmed topics on it; the generation is not current
     * yet. On failure whatever was opened is closed.
     */
    private CompletableFuture<Generation> establish(String why) {
        CompletableFuture<Generation> result = new CompletableFuture<>();
        api.createChannel().whenCompleteAsync((channel, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            if (channel == null || channel.id() == null || channel.connectUri() == null) {
                result.completeExceptionally(new IllegalStateException(
                        "Genesys answered the channel creation without an id or connectUri"));
                return;
            }
            channelsCreated.incrementAndGet();
            Generation gen = new Generation(++generations, channel);
            LOG.debug("Channel {} created for {} ({}), expires {}", label(channel.id()), name, why, channel.expires());
            sockets.open(channel.connectUri(), gen).whenCompleteAsync((socket, openFailure) -> {
                if (openFailure != null) {
                    result.completeExceptionally(openFailure);
                    return;
                }
                gen.socket = socket;
                gen.lastFrameNanos = nanoClock.get();
                if (closed) {
                    gen.retire("closing");
                    result.completeExceptionally(new IllegalStateException("closed"));
                    return;
                }
                List<String> topics = confirmedTopics();
                CompletableFuture<Void> subscribed = topics.isEmpty() ? CompletableFuture.completedFuture(null)
                        : api.replaceTopics(channel.id(), topics);
                subscribed.whenCompleteAsync((v, subscribeFailure) -> {
                    if (subscribeFailure instanceof TopicsRefusedException refused
                        || subscribeFailure != null && subscribeFailure.getCause() instanceof TopicsRefusedException) {
                        TopicsRefusedException r = subscribeFailure instanceof TopicsRefusedException t ? t
                                : (TopicsRefusedException) subscribeFailure.getCause();
                        // topics accepted before are refused now (a permission withdrawn): their subscribers are
                        // told and forgotten, the others go on; the next attempt subscribes what is left
                        forgetRefused(r);
                        gen.retire("topics refused");
                        result.completeExceptionally(r);
                        return;
                    }
                    if (subscribeFailure != null) {
                        gen.retire("subscription failed");
                        result.completeExceptionally(subscribeFailure);
                        return;
                    }
                    gen.subscribed = true;
                    result.complete(gen);
                }, control);
            }, control);
        }, control);
        return result;
    }

    /** A subscribed generation becomes the current one (after a connect or a handover). */
    private void promote(Generation gen) {
        Generation old = current;
        current = gen;
        everConnected = true;
        lastError = null;
        connectedSince = Instant.now();
        scheduleRenewal(gen);
        scheduleWatchdog();
        if (old != null && old != gen) {
            // Not closed yet: Genesys may still have events for it, published before the new channel was subscribed
            // and not written yet (a burst); closing now would lose them. Its topics go first (it stops getting new
            // ones; those the new channel also delivers are duplicates), and it closes once it has been quiet.
            old.retired = true;
            old.replacedAt = Instant.now();
            // the pong to a ping sent now (the new channel is subscribed) comes after what Genesys queued for the old
            // socket: it is closed only after it (a time without events alone is no proof on a stalled machine, and
            // what only it had would be lost without a gap)
            old.ping();
            old.drainPing = old.pingsSent;
            if (old.closingAnnounced != null) {
                // Genesys closes an announced socket after its grace, and what it publishes between that close and
                // the new subscription reaches neither socket. The same pong proves the old socket was still open
                // then; without it, a gap is reported.
                old.proofPing = old.drainPing;
            }
            lingering.add(old);
            String replacedBy = "replaced by channel " + label(gen.channel.id());
            api.removeAllTopics(old.channel.id()).whenCompleteAsync((v, x) -> {
                if (x != null) {
                    LOG.debug("Removing the topics of the replaced channel {} failed: {}", label(old.channel.id()),
                            describe(x));
                }
                closeWhenQuiet(old, replacedBy, nanoClock.get());
            }, control);
        }
        if (gapSince != null) {
            Instant since = gapSince;
            gapSince = null;
            reportGap(since, Instant.now(), gapReason, gen);
        }
        transition(GenesysNotificationsState.CONNECTED, null);
        pump();
    }

    /** Tells the subscribers that events of {@code since..until} may be lost; on the control executor. */
    private void reportGap(Instant since, Instant until, String why, Generation resumedOn) {
        // counted once every subscriber was told (only the control executor writes the count): whoever sees the count
        // sees the subscribers' side of it too
        long n = gaps.get() + 1;
        for (Entry e : List.copyOf(entries.values())) {
            e.subscriber.onGap(since, until, n);
        }
        gaps.set(n);
        lastGapUntil = until;
        LOG.warn("Genesys notifications of {} resumed on channel {} after a gap from {} to {} ({} ms, {}): Genesys"
                 + " does not replay events, those published meanwhile are lost (gap {} of this channel)", name,
                label(resumedOn.channel.id()), since, until, Duration.between(since, until).toMillis(), why, n);
    }

    /**
     * Genesys closed a replaced, announced socket before it proved that it was open after the new subscription. An
     * event it delivered may still arrive on the new socket (the proof that both were open at once): the decision
     * waits for the new socket's answer to a ping sent now, which Genesys writes after everything it queued for that
     * socket before; without that answer (a silent new socket) it is taken after {@link #LINGER_QUIET_MILLIS}, the
     * quiet time after which a replaced socket is deemed to have delivered everything.
     */
    private void closedUnproven(Generation old) {
        String why = "Genesys closed the socket of announced channel " + label(old.channel.id()) + " before it proved"
                     + " it was open after the new channel's subscription (no pong to the ping sent then, no event"
                     + " delivered by both channels)";
        Generation now = current;
        int ping = now != null && now != old ? now.ping() : 0;
        if (ping == 0) {
            checkReplacementGap(old, why);
            return;
        }
        now.pongWaiters.add(new PongWaiter(ping, () -> checkReplacementGap(old, why)));
        retries.schedule(() -> control.execute(() -> checkReplacementGap(old, why)), LINGER_QUIET_MILLIS);
    }

    /**
     * A replaced socket Genesys had announced closing ended without proof that it was open when the new channel was
     * subscribed: Genesys may have closed it before, and what it published in between reached neither socket. The
     * gap runs from the announcement (the earliest the close can have been) to the replacement.
     */
    private void checkReplacementGap(Generation old, String why) {
        if (old.gapChecked || !old.awaitsProof()) {
            return;
        }
        old.gapChecked = true;
        lingering.remove(old);
        Generation now = current;
        reportGap(old.closingAnnounced, old.replacedAt, why, now != null ? now : old);
    }

    /**
     * Closes a replaced socket once it answered its drain ping (everything Genesys had queued only for it was
     * delivered) and no event arrived on it for {@link #LINGER_QUIET_MILLIS} (after its topics were removed, what it
     * still delivers was published before), at the latest {@link #LINGER_MAX_MILLIS} after.
     */
    private void closeWhenQuiet(Generation old, String why, long sinceNanos) {
        if (!lingering.contains(old)) {
            return; // closed meanwhile (the supervisor closed)
        }
        long now = nanoClock.get();
        long quietMillis = (now - Math.max(old.lastEventNanos, sinceNanos)) / 1_000_000;
        long lingeredMillis = (now - sinceNanos) / 1_000_000;
        if ((old.awaitsProof() || old.draining()) && !closed && lingeredMillis < LINGER_MAX_MILLIS) {
            // its pong is awaited: closing it now could lose what Genesys still has for it, or leave a gap unknown
            quietMillis = 0;
        }
        if (quietMillis >= LINGER_QUIET_MILLIS || lingeredMillis >= LINGER_MAX_MILLIS || closed) {
            if (!closed) {
                checkReplacementGap(old, "no pong from announced channel " + label(old.channel.id()) + " within "
                                         + lingeredMillis + " ms of the new channel's subscription");
            }
            lingering.remove(old);
            old.retire(why);
            return;
        }
        retries.schedule(() -> control.execute(() -> closeWhenQuiet(old, why, sinceNanos)),
                LINGER_QUIET_MILLIS - quietMillis);
    }

    private void scheduleRenewal(Generation gen) {
        cancel(renewal);
        renewal = null;
        Instant expires = gen.channel.expires();
        if (expires == null) {
            return;
        }
        long left = Duration.between(Instant.now(), expires).toMillis();
        long delay = left - settings.renewBeforeMillis();
        if (delay < 0) {
            // a channel shorter-lived than renewBefore: renew half-way
            delay = Math.max(0, left / 2);
        }
        renewal = retries.schedule(() -> control.execute(() -> {
            if (current == gen) {
                handover("channel " + label(gen.channel.id()) + " expires at " + expires);
            }
        }), delay);
    }

    /**
     * Replaces the current channel with a new one, subscribed before the old socket closes.
     */
    private void handover(String why) {
        if (closed || next != null || connecting || current == null) {
            return;
        }
        if (updating) {
            // a topic change is on its way to the current channel: replace it afterwards, with the change
            retries.schedule(() -> control.execute(() -> handover(why)), 50);
            return;
        }
        LOG.info("Replacing the Genesys notification channel of {}: {}", name, why);
        long startedNanos = nanoClock.get();
        Generation placeholder = new Generation(-1, new ChannelInfo("pending", "", null));
        next = placeholder;
        establish(why).whenCompleteAsync((gen, failure) -> {
            if (next != placeholder || closed) {
                if (gen != null) {
                    gen.retire("no longer needed");
                }
                return;
            }
            next = null;
            if (failure != null) {
                String reason = describe(failure);
                if (current == null) {
                    // the old socket is gone too: a plain reconnect from now on
                    lastError = reason;
                    connectRetry.backoff(reason, () -> control.execute(this::connect));
                    return;
                }
                long delay = handoverRetry.backoff(reason, () -> control.execute(() -> handover(why)));
                LOG.warn("A new notification channel for {} could not be set up ({}); the current one goes on, trying"
                         + " again in {} ms", name, reason, delay);
                return;
            }
            handoverRetry.reset();
            handovers.incrementAndGet();
            // after a closing notice, Genesys closes the old socket after its grace: what it publishes between the
            // end of the grace and this moment reaches neither socket, so how long it took is worth a line
            LOG.info("The notification channel of {} was replaced by channel {} in {} ms", name,
                    label(gen.channel.id()), (nanoClock.get() - startedNanos) / 1_000_000);
            promote(gen);
        }, control);
    }

    /** The socket of a generation dropped (a close without notice, an error, no heartbeat). */
    private void dropped(Generation gen, String why) {
        if (closed || gen.retired) {
            return;
        }
        gen.retire(why);
        if (gen != current) {
            return; // a replaced one, or a new one that failed while being set up (its attempt fails on its own)
        }
        drops.incrementAndGet();
        current = null;
        cancel(renewal);
        if (gapSince == null) {
            gapSince = Instant.now();
            gapReason = why;
        }
        lastError = "The notification socket of channel " + label(gen.channel.id()) + " dropped: " + why;
        LOG.warn("Genesys notifications of {}: {}; a new channel follows", name, lastError);
        transition(GenesysNotificationsState.RECONNECTING, lastError);
        if (next != null) {
            return; // a replacement is under way: it becomes current when it is ready
        }
        long delay = connectRetry.backoff(why, () -> control.execute(this::connect));
        if (delay < 0) {
            LOG.debug("No new notification channel for {}: the connection is closing", name);
        }
    }

    // ------------------------------------------------------------------------------------------------ frames

    /** A frame of a generation, on the socket's thread. */
    private void frame(Generation gen, String text) {
        NotificationFrame f;
        try {
            f = NotificationFrame.parse(text);
        } catch (IllegalArgumentException e) {
            long n = malformed.incrementAndGet();
            if (n == 1 || n % 100 == 0) {
                LOG.warn("Genesys notifications of {}: a frame on channel {} was ignored ({} so far): {}", name,
                        label(gen.channel.id()), n, e.getMessage());
            }
            return;
        }
        if (f.isHeartbeat()) {
            if ("pong".equals(f.eventBody().path("message").asText())) {
                gen.ponged();
            }
            return;
        }
        gen.lastEventNanos = nanoClock.get();
        if (f.isSocketClosing()) {
            if (gen.closingAnnounced == null) {
                gen.closingAnnounced = Instant.now();
            }
            LOG.info("Genesys announced that the socket of channel {} ({}) closes", label(gen.channel.id()), name);
            control.execute(() -> {
                if (gen == current) {
                    handover("Genesys announced that the socket closes");
                }
            });
            return;
        }
        int deliveredBy = dedup.deliveredBy(f.key(), gen.n, nanoClock.get());
        if (deliveredBy >= 0) {
            overlapped(gen, deliveredBy);
            return;
        }
        List<Entry> list = byTopic.get(f.topicName());
        if (list == null || list.isEmpty()) {
            unknownTopicEvents.incrementAndGet();
            if (warnedUnknownTopics.add(f.topicName()) && warnedUnknownTopics.size() < 1000) {
                LOG.warn("Genesys notifications of {}: an event on topic {}, which no consumer subscribed, was ignored",
                        name, f.topicName());
            }
            return;
        }
        events.incrementAndGet();
        for (Entry e : list) {
            try {
                e.subscriber.onEvent(f, gen.n);
            } catch (RuntimeException x) {
                LOG.warn("A subscriber of {} failed on an event of {}: {}", name, f.topicName(), x.toString());
            }
        }
    }

    /**
     * Two sockets delivered the same event: Genesys published it while both channels had the topic, so the older
     * socket was still open after the newer channel was subscribed (the proof an announced socket owes).
     */
    private void overlapped(Generation gen, int otherGeneration) {
        if (otherGeneration > gen.n) {
            gen.overlapped = true; // the socket thread's own generation: set before its close can be seen
            return;
        }
        control.execute(() -> {
            Generation now = current;
            if (now != null && now.n == otherGeneration) {
                now.overlapped = true; // the new channel is not promoted yet
            }
            for (Generation g : lingering) {
                if (g.n == otherGeneration) {
                    g.overlapped = true;
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ watchdog

    private void scheduleWatchdog() {
        if (watchdog != null || closed) {
            return;
        }
        long period = Math.max(50, settings.heartbeatIntervalMillis() / 2);
        watchdog = retries.schedule(() -> control.execute(this::checkHeartbeat), period);
    }

    private void checkHeartbeat() {
        watchdog = null;
        if (closed) {
            return;
        }
        long interval = settings.heartbeatIntervalMillis();
        for (Generation gen : new Generation[] { current, next }) {
            if (gen == null || gen.socket == null || gen.retired) {
                continue;
            }
            long silentMillis = (nanoClock.get() - gen.lastFrameNanos) / 1_000_000;
            if (silentMillis > interval * settings.heartbeatMissedLimit()) {
                dropped(gen, "no frame for " + silentMillis + " ms (a heartbeat is expected every " + interval
                             + " ms)");
            } else if (silentMillis > interval) {
                gen.ping();
            }
        }
        scheduleWatchdog();
    }

    // ------------------------------------------------------------------------------------------------ topics

    /** One subscription call at a time on the current channel: removals (PUT/DELETE), then adds (POST). */
    private void pump() {
        if (closed || current == null || next != null || updating || connecting) {
            return;
        }
        Generation gen = current;
        if (syncNeeded) {
            syncNeeded = false;
            updating = true;
            List<String> topics = confirmedTopics();
            List<CompletableFuture<Void>> waiters = new ArrayList<>(syncWaiters);
            syncWaiters.clear();
            CompletableFuture<Void> call = topics.isEmpty() ? api.removeAllTopics(gen.channel.id())
                    : api.replaceTopics(gen.channel.id(), topics);
            call.whenCompleteAsync((v, failure) -> {
                updating = false;
                TopicsRefusedException refused = refusal(failure);
                if (refused != null) {
                    forgetRefused(refused);
                    syncNeeded = true;
                } else if (failure != null) {
                    syncNeeded = true;
                    syncWaiters.addAll(waiters);
                    updateRetry.backoff(describe(failure), () -> control.execute(this::pump));
                    return;
                }
                updateRetry.reset();
                waiters.forEach(f -> f.complete(null));
                pump();
            }, control);
            return;
        }
        Entry e = pendingAdds.poll();
        if (e == null) {
            return;
        }
        Set<String> onChannel = new LinkedHashSet<>(confirmedTopics());
        List<String> added = e.topics.stream().filter(t -> !onChannel.contains(t)).toList();
        if (added.isEmpty()) {
            confirm(e);
            pump();
            return;
        }
        updating = true;
        api.addTopics(gen.channel.id(), added).whenCompleteAsync((v, failure) -> {
            updating = false;
            if (entries.get(e.subscriber) != e) {
                // removed meanwhile: its topics may have to go
                syncNeeded = true;
                pump();
                return;
            }
            TopicsRefusedException refused = refusal(failure);
            if (refused != null) {
                forget(e);
                e.ready.completeExceptionally(refused);
                pump();
                return;
            }
            if (failure != null) {
                pendingAdds.addFirst(e);
                updateRetry.backoff(describe(failure), () -> control.execute(this::pump));
                return;
            }
            updateRetry.reset();
            if (current != gen) {
                // added to a channel that was replaced meanwhile: add to the new one
                pendingAdds.addFirst(e);
            } else {
                confirm(e);
            }
            pump();
        }, control);
    }

    private void confirm(Entry e) {
        e.confirmed = true;
        e.ready.complete(null);
    }

    /** The topics of the confirmed subscribers. */
    private List<String> confirmedTopics() {
        Set<String> topics = new LinkedHashSet<>();
        for (Entry e : entries.values()) {
            if (e.confirmed) {
                topics.addAll(e.topics);
            }
        }
        return new ArrayList<>(topics);
    }

    /** Forgets a subscriber and its topics; whether a topic is left that nobody uses (the channel must change). */
    private boolean forget(Entry e) {
        entries.remove(e.subscriber);
        pendingAdds.remove(e);
        boolean unused = false;
        for (String t : e.topics) {
            CopyOnWriteArrayList<Entry> l = byTopic.get(t);
            if (l != null) {
                l.remove(e);
                if (l.isEmpty()) {
                    byTopic.remove(t);
                    unused = true;
                }
            }
        }
        return unused;
    }

    /** Forgets the confirmed subscribers of refused topics and tells them. */
    private void forgetRefused(TopicsRefusedException r) {
        LOG.error("Genesys refused topics of the notification channel of {}: {}", name, r.getMessage());
        for (Entry e : List.copyOf(entries.values())) {
            if (e.confirmed && e.topics.stream().anyMatch(r.getTopics()::contains)) {
                forget(e);
                e.subscriber.onRefused(r);
            }
        }
    }

    private static TopicsRefusedException refusal(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof TopicsRefusedException r) {
                return r;
            }
            t = t.getCause();
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ state

    private void transition(GenesysNotificationsState to, String error) {
        GenesysNotificationsState from = state;
        state = to;
        if (from == to && to == GenesysNotificationsState.CONNECTED) {
            return;
        }
        for (Entry e : List.copyOf(entries.values())) {
            try {
                e.subscriber.onStateChange(to, error);
            } catch (RuntimeException x) {
                LOG.debug("A subscriber of {} failed on a state change: {}", name, x.toString());
            }
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    /** A failure in one line, without the wrapping of futures. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    // ------------------------------------------------------------------------------------------------ observers

    public GenesysNotificationsState state() {
        return state;
    }

    /** Why the channel is not CONNECTED (never a credential), {@code null} when it is. */
    public String lastError() {
        return lastError;
    }

    /**
     * A channel's id as logs, health details and headers show it: its first characters only. The id is all a client
     * needs to connect to the channel's WebSocket (no token), so the whole id is never shown.
     */
    public static String label(String channelId) {
        return io.camelgenesys.core.auth.Secrets.label(channelId);
    }

    /** The current channel's id as {@link #label} shows it, {@code null} while there is none. */
    public String channelLabel() {
        Generation g = current;
        return g != null ? label(g.channel.id()) : null;
    }

    /** The current channel's whole id (never to be shown: see {@link #label}), {@code null} while there is none. */
    public String channelId() {
        Generation g = current;
        return g != null ? g.channel.id() : null;
    }

    /** When the current channel expires, {@code null} while there is none. */
    public Instant channelExpires() {
        Generation g = current;
        return g != null ? g.channel.expires() : null;
    }

    public Instant connectedSince() {
        return connectedSince;
    }

    /** The topics on the channel now (confirmed or being added). */
    public Set<String> topics() {
        return Set.copyOf(byTopic.keySet());
    }

    /** Events handed to subscribers. */
    public long eventCount() {
        return events.get();
    }

    public long duplicateCount() {
        return dedup.duplicates();
    }

    public long malformedFrameCount() {
        return malformed.get();
    }

    public long unknownTopicEventCount() {
        return unknownTopicEvents.get();
    }

    public long channelsCreated() {
        return channelsCreated.get();
    }

    /** Channels replaced without a gap (renewal, socket closing notice). */
    public long handoverCount() {
        return handovers.get();
    }

    /** Sockets that dropped abruptly. */
    public long dropCount() {
        return drops.get();
    }

    /** Times the channel was without a socket (each reported with a WARN and {@link Subscriber#onGap}). */
    public long gapCount() {
        return gaps.get();
    }

    public Instant lastGapUntil() {
        return lastGapUntil;
    }

    @Override
    public String toString() {
        return "ChannelSupervisor[" + name + ", " + state + "]";
    }
}
