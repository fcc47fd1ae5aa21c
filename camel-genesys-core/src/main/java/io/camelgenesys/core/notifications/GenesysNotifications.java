package io.camelgenesys.core.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.camelgenesys.core.auth.TokenProvider;
import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.RetryPolicy;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.ChannelId;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.transport.ClientTransport;
import org.eclipse.jetty.client.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CometD (Bayeux long-polling) session per {@link GenesysConnection} and notification path, shared by every
 * consumer that uses it: {@code GenesysNotifications.shared(connection, "/statistics/v3/notifications")}.
 * <p>
 * What it does for its users:
 * <ul>
 * <li>runs a {@link BayeuxClient} over the connection's Jetty client (one HTTP stack), at
 * {@code connection.baseUrl() + path};</li>
 * <li>puts {@code x-api-key} and the CURRENT {@code Authorization} on every Bayeux request, so a refreshed token is
 * used by the very next request; its cookies live in the connection's one cookie store, which the REST calls share</li>
 * <li>remembers subscriptions and subscribes them again from the {@code /meta/handshake} listener after every
 * successful re-handshake, exactly once per channel and session (one internal CometD listener per channel fans out
 * to the registered listeners, so nothing is delivered twice);</li>
 * <li>recovers: server-side session loss (402 unknown client / advice {@code reconnect: handshake}) re-handshakes
 * and re-subscribes; a failed handshake is retried, and a session the server ended ({@code reconnect: none},
 * {@code /meta/disconnect}) is replaced by a new handshake, both with capped exponential backoff (0.5 s doubling to
 * 30 s, with jitter); HTTP 401 invalidates the token and obtains a new one before the next attempt; HTTP 403 is
 * reported as an API key problem and retried with the same backoff;</li>
 * <li>exposes its {@link GenesysNotificationsState state}, last error, last connect time and handshake count, and
 * notifies {@link GenesysNotificationsListener}s of state changes and of re-subscriptions after a re-handshake;
 * {@link GenesysNotificationsHealthCheck} reports it to Camel health.</li>
 * </ul>
 * Nothing here blocks a Camel thread: waits are scheduled on the connection's scheduler, tokens are awaited
 * asynchronously. Only {@link #close()} waits (at most {@value #DISCONNECT_TIMEOUT_MILLIS} ms) so that the
 * {@code /meta/disconnect} reaches the server before the HTTP client stops. No credential or token ever appears in a
 * log line, an exception or {@link #toString()}.
 * <p>
 * Reference counted: each {@link #shared} must be paired with one {@link #release()}; the last release disconnects.
 * Closing the connection closes it too.
 */
public final class GenesysNotifications implements AutoCloseable {

    /** The Bayeux endpoint of the Multicloud Statistics notifications. */
    public static final String STATISTICS_PATH = "/statistics/v3/notifications";

    /** How long {@link #close()} waits for the server to confirm {@code /meta/disconnect}. */
    public static final long DISCONNECT_TIMEOUT_MILLIS = 2000;

    /** The largest Bayeux response accepted (a burst of statistics updates can be large). */
    static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GenesysNotifications.class);
    private static final String ATTACHMENT_PREFIX = "genesys-notifications:";

    private final GenesysConnection connection;
    private final String path;
    private final String url;
    private final String attachmentKey;
    private final ExponentialBackoff backoff;
    private final GenesysBayeuxTransport transport;
    private final Client client;
    private final ScheduledExecutorService scheduler;

    private final Object lock = new Object();
    /** channel name -> entry; guarded by {@link #lock}. */
    private final Map<String, ChannelEntry> channels = new LinkedHashMap<>();
    private final CopyOnWriteArrayList<GenesysNotificationsListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong handshakes = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();

    // guarded by lock
    private int references;
    private boolean started;
    private boolean closed;
    private boolean everHandshook;
    private boolean everConnected;
    private ScheduledFuture<?> restart;
    private GenesysNotificationsState state = GenesysNotificationsState.DISCONNECTED;
    private String lastLogged;

    private volatile String lastError;
    private volatile Instant lastConnectedAt;
    private volatile Instant connectedSince;

    GenesysNotifications(GenesysConnection connection, String path) {
        this(connection, path, ExponentialBackoff.DEFAULT_INITIAL_MILLIS, ExponentialBackoff.DEFAULT_MAX_MILLIS);
    }

    GenesysNotifications(GenesysConnection connection, String path, long initialBackoffMillis, long maxBackoffMillis) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.path = normalizePath(path);
        this.url = stripTrailingSlash(connection.baseUrl()) + this.path;
        this.attachmentKey = ATTACHMENT_PREFIX + this.path;
        this.scheduler = connection.scheduler();
        this.backoff = new ExponentialBackoff(initialBackoffMillis, maxBackoffMillis);
        Map<String, Object> options = new HashMap<>();
        options.put(ClientTransport.MAX_MESSAGE_SIZE_OPTION, MAX_MESSAGE_SIZE);
        this.transport = new GenesysBayeuxTransport(options, connection.http().jetty(), connection.tokens(),
                connection.connectionHeaders());
        this.client = new Client(url, scheduler, transport);
        this.client.setBackOffStrategy(backoff);
        this.client.getChannel(Channel.META_HANDSHAKE).addListener(
                (ClientSessionChannel.MessageListener) (channel, message) -> onHandshake(message));
        this.client.getChannel(Channel.META_CONNECT).addListener(
                (ClientSessionChannel.MessageListener) (channel, message) -> onConnect(message));
    }

    /**
     * The session of this connection and path, created on first use and started (handshake under way, not awaited)
     * by its first user. Pair every call with one {@link #release()}.
     *
     * @param connection the connection whose HTTP client, token and API key the session uses
     * @param path       the Bayeux path under the connection's base URL, e.g. {@link #STATISTICS_PATH}
     */
    public static GenesysNotifications shared(GenesysConnection connection, String path) {
        Objects.requireNonNull(connection, "connection");
        String p = normalizePath(path);
        String key = ATTACHMENT_PREFIX + p;
        while (true) {
            GenesysNotifications n = connection.attachment(key, c -> new GenesysNotifications(c, p));
            if (n.retain()) {
                return n;
            }
            // its last user released it concurrently: replace it
            connection.removeAttachment(key, n);
        }
    }

    private boolean retain() {
        String failedToStart = null;
        synchronized (lock) {
            if (closed) {
                return false;
            }
            references++;
            if (started) {
                return true;
            }
            started = true;
            // nobody can listen yet (the first user is still in shared()): no notification needed
            state = GenesysNotificationsState.CONNECTING;
            LOG.debug("Handshaking with {}", url);
            try {
                // asynchronous: queues the handshake, whose request waits for the token without blocking
                client.handshake(null, null);
            } catch (RuntimeException e) {
                failedToStart = "The CometD handshake could not start: " + describe(e);
            }
        }
        if (failedToStart != null) {
            sessionEnded(failedToStart); // try again with backoff
        }
        return true;
    }

    /** Gives back one {@link #shared} reference; the last one disconnects, closes and detaches the session. */
    public void release() {
        synchronized (lock) {
            if (closed || --references > 0) {
                return;
            }
        }
        close();
        // detach only here: when the connection closes its attachments, it clears them itself
        connection.removeAttachment(attachmentKey, this);
    }

    // ---------------------------------------------------------------------------------------------- subscriptions

    /**
     * Registers a listener on a channel. The channel is subscribed once per CometD session however many listeners
     * it has; the subscription is remembered and made again after every re-handshake.
     *
     * @return completes when the server confirmed the subscription (at once when the channel is already subscribed
     *         in the current session); completes exceptionally with a {@link GenesysNotificationsException} when the
     *         server refused it (the listener is then forgotten). While there is no session the future waits for the
     *         next successful handshake.
     */
    public CompletableFuture<Void> subscribe(String channel, ClientSessionChannel.MessageListener listener) {
        Objects.requireNonNull(listener, "listener");
        String name = validateChannel(channel);
        CompletableFuture<Void> ready;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(this + " is closed"));
            }
            ChannelEntry e = channels.computeIfAbsent(name, ChannelEntry::new);
            e.listeners.addIfAbsent(listener);
            if (e.ready == null && isSubscribedInCurrentSession(e)) {
                return CompletableFuture.completedFuture(null);
            }
            if (e.ready == null) {
                e.ready = new CompletableFuture<>();
            }
            ready = e.ready;
            ensureSubscribed(e);
        }
        return ready.copy();
    }

    /**
     * Removes a listener; when it was the channel's last, the channel is unsubscribed and forgotten.
     *
     * @return completes when the server confirmed the unsubscription (at once when nothing had to be sent)
     */
    public CompletableFuture<Void> unsubscribe(String channel, ClientSessionChannel.MessageListener listener) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        CompletableFuture<Void> abandoned;
        synchronized (lock) {
            ChannelEntry e = channels.get(channel);
            if (e == null || !e.listeners.remove(listener) || !e.listeners.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            channels.remove(channel);
            abandoned = e.ready;
            e.ready = null;
            Dispatcher d = e.dispatcher;
            e.dispatcher = null;
            ClientSessionChannel ch = client.getChannel(channel);
            if (d != null && !closed && client.isHandshook() && ch.getSubscribers().contains(d)) {
                boolean sent = ch.unsubscribe(d, reply -> result.complete(null));
                if (!sent) {
                    result.complete(null);
                }
            } else {
                result.complete(null);
            }
            ch.release(); // forget the client-side channel when nothing uses it any more
        }
        if (abandoned != null) {
            abandoned.cancel(false);
        }
        return result;
    }

    /** The channels with at least one listener. */
    public Set<String> channels() {
        synchronized (lock) {
            return Set.copyOf(channels.keySet());
        }
    }

    /** Whether the channel is subscribed and confirmed in the current CometD session. */
    public boolean isSubscribed(String channel) {
        synchronized (lock) {
            ChannelEntry e = channels.get(channel);
            return e != null && isSubscribedInCurrentSession(e);
        }
    }

    // guarded by lock
    private boolean isSubscribedInCurrentSession(ChannelEntry e) {
        Dispatcher d = e.dispatcher;
        return d != null && d.confirmed && client.isHandshook()
               && client.getChannel(e.channel).getSubscribers().contains(d);
    }

    /**
     * Subscribes the channel in the current session unless it is subscribed or being subscribed already. A fresh
     * internal listener per attempt means that a late reply or failure of an attempt from an older session can
     * never remove or duplicate the current subscription. Guarded by lock.
     *
     * @return the attempt (completes on the server's reply), or null when there is no session to subscribe in
     */
    private CompletableFuture<Void> ensureSubscribed(ChannelEntry e) {
        if (closed || !client.isHandshook()) {
            // the /meta/handshake listener subscribes it once there is a session
            return null;
        }
        ClientSessionChannel ch = client.getChannel(e.channel);
        if (e.dispatcher != null && ch.getSubscribers().contains(e.dispatcher)) {
            return e.attempt; // subscribed or being subscribed in this session
        }
        Dispatcher d = new Dispatcher(e);
        CompletableFuture<Void> attempt = new CompletableFuture<>();
        e.dispatcher = d;
        e.attempt = attempt;
        LOG.debug("Subscribing to {} on {}", e.channel, url);
        ch.subscribe(d, reply -> onSubscribeReply(e, d, attempt, reply));
        return attempt;
    }

    private void onSubscribeReply(ChannelEntry e, Dispatcher d, CompletableFuture<Void> attempt, Message reply) {
        CompletableFuture<Void> ready = null;
        String refusal = null;
        boolean wasConfirmed = false;
        boolean retry = false;
        synchronized (lock) {
            boolean current = !closed && channels.get(e.channel) == e && e.dispatcher == d;
            if (current) {
                if (reply.isSuccessful()) {
                    if (client.getChannel(e.channel).getSubscribers().contains(d)) {
                        d.confirmed = true;
                        e.retries = 0;
                        e.everConfirmed = true;
                        ready = e.ready;
                        e.ready = null;
                    }
                    // else: a late success from an older session; the handshake listener subscribes again
                } else if (isTransient(reply)) {
                    retry = true;
                } else {
                    refusal = bayeuxError(reply);
                    wasConfirmed = e.everConfirmed;
                    channels.remove(e.channel);
                    e.dispatcher = null;
                    ready = e.ready;
                    e.ready = null;
                }
            }
        }
        attempt.complete(null);
        if (refusal != null) {
            String message = "Genesys refused the subscription to " + e.channel + " on " + url + ": " + refusal;
            lastError = message;
            LOG.warn(message);
            if (ready != null) {
                ready.completeExceptionally(new GenesysNotificationsException(message));
            }
            if (wasConfirmed) {
                for (GenesysNotificationsListener l : listeners) {
                    try {
                        l.onSubscriptionRefused(e.channel, refusal);
                    } catch (RuntimeException x) {
                        LOG.warn("A notifications listener failed: {}", x.toString());
                    }
                }
            }
        } else if (ready != null) {
            LOG.debug("Subscribed to {} on {}", e.channel, url);
            ready.complete(null);
        }
        if (retry) {
            retrySubscribeLater(e, reply);
        }
    }

    /** No reply from the server, a lost session, or an HTTP error: try again (not a refusal of the channel). */
    private boolean isTransient(Message reply) {
        if (reply.get("failure") != null) {
            Integer http = httpCode(reply);
            if (http != null && (http == 401 || http == 403)) {
                handleAuthStatus(http, "subscribe");
            }
            return true;
        }
        int code = bayeuxCode(bayeuxError(reply));
        return code == 402 || !client.isHandshook();
    }

    private void retrySubscribeLater(ChannelEntry e, Message reply) {
        long delay;
        synchronized (lock) {
            if (closed || channels.get(e.channel) != e) {
                return;
            }
            delay = RetryPolicy.exponentialDelay(ExponentialBackoff.DEFAULT_INITIAL_MILLIS, backoff.maxMillis(),
                    e.retries++);
        }
        LOG.debug("The subscription to {} failed ({}); retrying in {} ms", e.channel, describeFailure(reply), delay);
        schedule(() -> {
            synchronized (lock) {
                if (!closed && channels.get(e.channel) == e) {
                    ensureSubscribed(e);
                }
            }
        }, delay);
    }

    // ---------------------------------------------------------------------------------------------- meta listeners

    private void onHandshake(Message message) {
        if (!message.isSuccessful()) {
            onFailure("handshake", message);
            return;
        }
        long count = handshakes.incrementAndGet();
        boolean rehandshake;
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            rehandshake = everHandshook;
            everHandshook = true;
            // the BayeuxClient dropped its client-side subscriptions when the old session was lost: subscribe again
            for (ChannelEntry e : new ArrayList<>(channels.values())) {
                CompletableFuture<Void> attempt = ensureSubscribed(e);
                if (attempt != null) {
                    attempts.add(attempt);
                }
            }
        }
        if (rehandshake) {
            LOG.info("New CometD session with {} (handshake {}); subscribing {} channel(s) again", url, count,
                    attempts.size());
            CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new))
                    .whenComplete((v, x) -> fireResubscribed(count));
        } else {
            LOG.debug("CometD handshake with {} succeeded", url);
        }
    }

    private void fireResubscribed(long count) {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        for (GenesysNotificationsListener l : listeners) {
            try {
                l.onResubscribed(count);
            } catch (RuntimeException x) {
                LOG.warn("A notifications listener failed: {}", x.toString());
            }
        }
    }

    private void onConnect(Message message) {
        if (message.isSuccessful()) {
            synchronized (lock) {
                if (closed || restart != null || client.isDisconnected()) {
                    // the reply to the held /meta/connect of a session the server just ended: not connected
                    return;
                }
            }
            lastConnectedAt = Instant.now();
            transition(GenesysNotificationsState.CONNECTED, null);
        } else {
            onFailure("connect", message);
        }
    }

    /** A failed handshake or connect: record why, fix the token on 401; the BayeuxClient retries. */
    private void onFailure(String kind, Message message) {
        Integer http = httpCode(message);
        String error = bayeuxError(message);
        int code = http != null ? http : bayeuxCode(error);
        Throwable exception = failureException(message);
        String description;
        if (code == 401) {
            description = handleAuthStatus(401, kind);
        } else if (code == 403) {
            description = handleAuthStatus(403, kind);
        } else if (code == 402) {
            description = "The CometD session with " + url + " is unknown to the server (402: expired, dropped or the"
                          + " server restarted); handshaking again";
        } else if (http != null) {
            description = "The CometD " + kind + " to " + url + " got HTTP " + http + "; retrying with backoff";
        } else if (exception != null) {
            description = "The CometD " + kind + " to " + url + " failed: " + describe(exception)
                          + "; retrying with backoff";
        } else if (error != null) {
            description = "The CometD " + kind + " to " + url + " was refused: " + error + "; retrying";
        } else {
            description = "The CometD " + kind + " to " + url + " failed; retrying";
        }
        GenesysNotificationsState next;
        synchronized (lock) {
            if (closed) {
                return;
            }
            next = everConnected ? GenesysNotificationsState.RECONNECTING : GenesysNotificationsState.CONNECTING;
        }
        log(code == 402 ? LogLevel.INFO : LogLevel.WARN, description);
        transition(next, description);
    }

    /**
     * 401: the token was refused (expired early or revoked): drop it and obtain a new one now, so the next attempt
     * (which awaits the token asynchronously) carries it. 403: the API key (or the token's permissions) was refused;
     * the description names the option to check.
     */
    private String handleAuthStatus(int status, String kind) {
        if (status == 403) {
            return "Genesys refused the CometD " + kind + " to " + url + " with HTTP 403 Forbidden: check the apiKey"
                   + " option (sent as x-api-key) and that this API key and OAuth client may use " + path
                   + "; retrying with backoff";
        }
        TokenProvider tokens = connection.tokens();
        if (!tokens.canRefresh()) {
            return "Genesys refused the access token on the CometD " + kind + " to " + url + " (HTTP 401), and it"
                   + " cannot be refreshed (a fixed accessToken or Basic credentials are configured); retrying with"
                   + " backoff";
        }
        tokens.invalidate(transport.lastAuthorization());
        tokens.authorization().whenComplete((value, failure) -> {
            if (failure != null) {
                String m = "Cannot obtain a new access token for the CometD session with " + url + ": "
                           + describe(GenesysErrors.unwrap(failure));
                lastError = m;
                log(LogLevel.WARN, m);
            }
        });
        return "Genesys refused the access token on the CometD " + kind + " to " + url + " (HTTP 401); a new token"
               + " is requested and the " + kind + " retried";
    }

    /**
     * The BayeuxClient gave up this session (the server ended it, or advised {@code reconnect: none}): schedule a
     * new handshake with backoff, unless one is pending or we are closing.
     */
    private void sessionEnded(String reason) {
        long delay;
        String error;
        GenesysNotificationsState next;
        synchronized (lock) {
            if (closed || restart != null) {
                return;
            }
            delay = backoff.next();
            restart = schedule(this::restartHandshake, delay);
            next = everConnected ? GenesysNotificationsState.RECONNECTING : GenesysNotificationsState.CONNECTING;
            error = state == GenesysNotificationsState.CONNECTED || lastError == null ? reason : lastError;
        }
        log(LogLevel.WARN, reason + "; a new handshake follows in " + delay + " ms");
        transition(next, error);
    }

    private void restartHandshake() {
        synchronized (lock) {
            restart = null;
            if (closed) {
                return;
            }
        }
        BayeuxClient.State s = client.state();
        switch (s) {
            case DISCONNECTED -> {
                try {
                    LOG.debug("Handshaking again with {}", url);
                    client.handshake(null, null);
                } catch (IllegalStateException e) {
                    retryRestartSoon();
                }
            }
            case DISCONNECTING, TERMINATING -> retryRestartSoon();
            default -> {
                // handshaking, handshaken or connected already: nothing to do
            }
        }
    }

    private void retryRestartSoon() {
        synchronized (lock) {
            if (!closed && restart == null) {
                restart = schedule(this::restartHandshake, 100);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- state

    private void transition(GenesysNotificationsState next, String error) {
        GenesysNotificationsState previous;
        String reported;
        synchronized (lock) {
            if (closed && next != GenesysNotificationsState.DISCONNECTED) {
                return;
            }
            if (next == GenesysNotificationsState.CONNECTED) {
                lastError = null;
                lastLogged = null;
                everConnected = true;
            } else if (error != null) {
                lastError = error;
            }
            previous = state;
            if (previous == next) {
                return;
            }
            state = next;
            if (next == GenesysNotificationsState.CONNECTED) {
                connectedSince = Instant.now();
            }
            reported = next == GenesysNotificationsState.CONNECTED ? null : lastError;
        }
        if (next == GenesysNotificationsState.CONNECTED) {
            LOG.info("CometD session with {} is CONNECTED", url);
        } else {
            LOG.debug("CometD session with {}: {} -> {}", url, previous, next);
        }
        for (GenesysNotificationsListener l : listeners) {
            try {
                l.onStateChange(previous, next, reported);
            } catch (RuntimeException x) {
                LOG.warn("A notifications listener failed: {}", x.toString());
            }
        }
    }

    private enum LogLevel {
        INFO,
        WARN
    }

    /** Logs a failure once per distinct message, so a long outage with retries does not flood the log. */
    private void log(LogLevel level, String message) {
        boolean repeat;
        synchronized (lock) {
            repeat = message.equals(lastLogged);
            lastLogged = message;
        }
        if (repeat) {
            LOG.debug(message);
        } else if (level == LogLevel.WARN) {
            LOG.warn(message);
        } else {
            LOG.info(message);
        }
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    /**
     * Disconnects (waits at most {@value #DISCONNECT_TIMEOUT_MILLIS} ms for the server's reply, then aborts),
     * cancels scheduled work and fails pending subscription futures. Idempotent. Called by the last
     * {@link #release()} and by the connection when it closes; users call {@link #release()} instead. A closed
     * session is never handed out again: {@link #shared} replaces it.
     */
    @Override
    public void close() {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            references = 0;
            if (restart != null) {
                restart.cancel(false);
                restart = null;
            }
            for (ChannelEntry e : channels.values()) {
                if (e.ready != null) {
                    pending.add(e.ready);
                }
            }
            channels.clear();
        }
        for (CompletableFuture<Void> f : pending) {
            f.completeExceptionally(new IllegalStateException(this + " was closed before the subscription completed"));
        }
        transition(GenesysNotificationsState.DISCONNECTED, null);
        disconnect();
        listeners.clear();
    }

    private void disconnect() {
        if (client.isDisconnected()) {
            return;
        }
        CompletableFuture<Void> replied = new CompletableFuture<>();
        try {
            client.disconnect(reply -> replied.complete(null));
            replied.get(DISCONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (!client.waitFor(500, BayeuxClient.State.DISCONNECTED)) {
                client.abort();
            }
            LOG.debug("Disconnected from {}", url);
        } catch (TimeoutException e) {
            LOG.debug("No reply to the CometD disconnect from {} within {} ms; aborting", url, DISCONNECT_TIMEOUT_MILLIS);
            client.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.abort();
        } catch (ExecutionException | RuntimeException e) {
            LOG.debug("The CometD disconnect from {} failed: {}", url, describe(e));
            client.abort();
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        try {
            return scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("A scheduled CometD task for {} failed: {}", url, describe(e));
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the connection is closing
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------- observers

    public void addListener(GenesysNotificationsListener listener) {
        listeners.addIfAbsent(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(GenesysNotificationsListener listener) {
        listeners.remove(listener);
    }

    public GenesysNotificationsState state() {
        synchronized (lock) {
            return state;
        }
    }

    public boolean isConnected() {
        return state() == GenesysNotificationsState.CONNECTED;
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Why the session is not connected (cleared on connect); never contains a credential. */
    public String lastError() {
        return lastError;
    }

    /** When the last {@code /meta/connect} succeeded (each long poll that returns), {@code null} before the first. */
    public Instant lastConnectedAt() {
        return lastConnectedAt;
    }

    /** When the session last became {@link GenesysNotificationsState#CONNECTED}, {@code null} before the first time. */
    public Instant connectedSince() {
        return connectedSince;
    }

    /** Successful handshakes: 1 after the first, +1 per re-handshake or new session. */
    public long handshakeCount() {
        return handshakes.get();
    }

    /** Messages delivered to listeners (channel messages, not meta messages). */
    public long messageCount() {
        return messages.get();
    }

    /** The Bayeux URL ({@code baseUrl + path}). */
    public String url() {
        return url;
    }

    public String path() {
        return path;
    }

    public GenesysConnection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return "GenesysNotifications[" + connection.id() + " " + url + " " + state() + "]";
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static final class ChannelEntry {
        final String channel;
        final CopyOnWriteArrayList<ClientSessionChannel.MessageListener> listeners = new CopyOnWriteArrayList<>();
        /** The internal listener of the current subscription attempt; messages through any other are dropped. */
        volatile Dispatcher dispatcher;
        CompletableFuture<Void> attempt;
        /** Completes for the subscribe() callers waiting for a confirmation. */
        CompletableFuture<Void> ready;
        int retries;
        boolean everConfirmed;

        ChannelEntry(String channel) {
            this.channel = channel;
        }
    }

    /** The one CometD listener of a channel in a session: fans each message out to the registered listeners. */
    private final class Dispatcher implements ClientSessionChannel.MessageListener {
        private final ChannelEntry entry;
        volatile boolean confirmed;

        Dispatcher(ChannelEntry entry) {
            this.entry = entry;
        }

        @Override
        public void onMessage(ClientSessionChannel channel, Message message) {
            if (entry.dispatcher != this) {
                return; // a leftover of an older attempt: the current one delivers
            }
            messages.incrementAndGet();
            for (ClientSessionChannel.MessageListener l : entry.listeners) {
                try {
                    l.onMessage(channel, message);
                } catch (RuntimeException e) {
                    LOG.warn("A listener of {} failed: {}", entry.channel, describe(e));
                }
            }
        }
    }

    /** The BayeuxClient, with hooks for the cases where it gives a session up. */
    private final class Client extends BayeuxClient {

        Client(String url, ScheduledExecutorService scheduler, ClientTransport transport) {
            super(url, scheduler, transport);
        }

        @Override
        protected void onTransportFailure(Message message, ClientTransport.FailureInfo failureInfo,
                                          ClientTransport.FailureHandler handler) {
            super.onTransportFailure(message, failureInfo, info -> {
                handler.handle(info);
                if (Message.RECONNECT_NONE_VALUE.equals(info.action)) {
                    sessionEnded("The CometD session with " + url + " ended after a failed " + message.getChannel()
                                 + " (advice reconnect: none)");
                }
            });
        }

        @Override
        protected void processDisconnect(Message.Mutable disconnect) {
            super.processDisconnect(disconnect);
            sessionEnded("The server ended the CometD session with " + url);
        }

        State state() {
            return getState();
        }

        @Override
        public String toString() {
            // the default prints the session id; keep it out of logs
            return "BayeuxClient[" + url + "]";
        }
    }

    static String normalizePath(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("The CometD path must not be empty (e.g. " + STATISTICS_PATH + ")");
        }
        String p = path.trim();
        if (p.startsWith("http://") || p.startsWith("https://")) {
            throw new IllegalArgumentException("The CometD path is relative to the connection's base URL, e.g. "
                                               + STATISTICS_PATH);
        }
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return stripTrailingSlash(p);
    }

    private static String stripTrailingSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String validateChannel(String channel) {
        if (channel == null || channel.isBlank() || !channel.startsWith("/")) {
            throw new IllegalArgumentException("A CometD channel starts with '/', e.g. /statistics/v3/updates: " + channel);
        }
        if (ChannelId.isMeta(channel)) {
            throw new IllegalArgumentException("Meta channels cannot be subscribed: " + channel);
        }
        return channel;
    }

    /**
     * The HTTP status of a failed Bayeux request: from the transport ({@code failure.httpCode}, a non-200 answer), or
     * from Jetty's {@link HttpResponseException}: the shared Jetty client turns a 401 without
     * {@code WWW-Authenticate} (which is how Genesys answers a bearer token it refuses) into that exception.
     */
    private static Integer httpCode(Message message) {
        Object failure = message.get("failure");
        if (failure instanceof Map<?, ?> map && map.get("httpCode") instanceof Number n) {
            return n.intValue();
        }
        Throwable t = failureException(message);
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof HttpResponseException e && e.getResponse() != null) {
                return e.getResponse().getStatus();
            }
        }
        return null;
    }

    private static Throwable failureException(Message message) {
        Object failure = message.get("failure");
        if (failure instanceof Map<?, ?> map && map.get("exception") instanceof Throwable t) {
            return t;
        }
        return message.get("exception") instanceof Throwable t ? t : null;
    }

    private static String bayeuxError(Message message) {
        Object error = message.get(Message.ERROR_FIELD);
        return error instanceof String s ? s : null;
    }

    /** The numeric code of a Bayeux error ({@code "402::Unknown client"} -> 402), or -1. */
    static int bayeuxCode(String error) {
        if (error == null) {
            return -1;
        }
        int colon = error.indexOf(':');
        String digits = colon < 0 ? error : error.substring(0, colon);
        try {
            return Integer.parseInt(digits.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String describeFailure(Message reply) {
        Integer http = httpCode(reply);
        if (http != null) {
            return "HTTP " + http;
        }
        Throwable t = failureException(reply);
        if (t != null) {
            return describe(t);
        }
        String error = bayeuxError(reply);
        return error != null ? error : "no reply";
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + m;
    }
}
