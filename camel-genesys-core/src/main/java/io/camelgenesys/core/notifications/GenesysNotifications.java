package io.camelgenesys.core.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.camelgenesys.core.auth.Secrets;
import io.camelgenesys.core.auth.TokenProvider;
import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.transport.ClientTransport;
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
 * {@code /meta/disconnect}) is replaced by a new handshake, both through the connection's {@link RetryScheduler}
 * with the connection's {@code retryInitialDelay}/{@code retryMaxDelay} (0.5 s doubling to 30 s by default, with
 * jitter) and no limit on attempts or time ({@link RetryPolicy#unbounded()}): a session never gives up; HTTP 401
 * invalidates the token and obtains a new one before the next attempt; HTTP 403 is reported as an API key problem
 * and retried with the same backoff;</li>
 * <li>exposes its {@link GenesysNotificationsState state}, last error, last connect time and handshake count, and
 * notifies {@link GenesysNotificationsListener}s of state changes and of re-subscriptions after a re-handshake;
 * {@link GenesysNotificationsHealthCheck} reports it to Camel health;</li>
 * <li>lets a consumer that falls behind hold the next {@code /meta/connect} ({@link #addBackpressure}) so that the
 * server keeps what it has not delivered yet, at most {@value #MAX_CONNECT_HOLD_MILLIS} ms per poll.</li>
 * </ul>
 * A thin adapter over three parts free of Camel: {@link SessionSupervisor} (handshake, connect, re-handshake,
 * backoff and state), {@link ChannelRegistry} (subscriptions, re-subscription in each new session, fan-out) and
 * {@link BayeuxFailure} (what a failed reply means). This class owns the BayeuxClient and the token handling.
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

    /**
     * The longest a consumer that falls behind can hold one {@code /meta/connect} (see {@link #addBackpressure}):
     * well inside the server's session timeout (CometD's default {@code maxInterval} is 10 s), so that holding never
     * costs the session.
     */
    public static final long MAX_CONNECT_HOLD_MILLIS = 2000;

    /**
     * The largest Bayeux response accepted unless a user asks for more ({@link #acceptMessagesUpTo}): a burst of
     * statistics updates can be large.
     */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GenesysNotifications.class);
    private static final String ATTACHMENT_PREFIX = "genesys-notifications:";

    private final GenesysConnection connection;
    private final String path;
    private final String url;
    private final String attachmentKey;
    private final GenesysBayeuxTransport transport;
    private final Client client;
    private final ScheduledExecutorService scheduler;
    private final RetryScheduler retries;
    private final SessionSupervisor supervisor;
    private final ChannelRegistry registry;
    private final CopyOnWriteArrayList<GenesysNotificationsListener> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Supplier<CompletableFuture<Void>>> backpressure = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    // guarded by lock
    private int references;
    private boolean closed;

    GenesysNotifications(GenesysConnection connection, String path) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.path = normalizePath(path);
        String endpoint = stripTrailingSlash(connection.baseUrl()) + this.path;
        // what messages, logs and health show: a base URL's user info and query masked (Secrets.url); the client
        // connects to the URL as it is
        this.url = Secrets.url(endpoint);
        this.attachmentKey = ATTACHMENT_PREFIX + this.path;
        this.scheduler = connection.scheduler();
        this.retries = connection.retries();
        // a session and its channels must come back however long an outage lasts: the retry options' waits, unbounded
        RetryPolicy policy = connection.retryPolicy().unbounded();
        RetryScheduler.Retry sessionRetry = retries.start(policy, "The CometD session with " + url);
        Map<String, Object> options = new HashMap<>();
        options.put(ClientTransport.MAX_MESSAGE_SIZE_OPTION, DEFAULT_MAX_MESSAGE_SIZE);
        this.transport = new GenesysBayeuxTransport(options, connection.http().jetty(), connection.tokens(),
                connection.connectionHeaders());
        this.client = new Client(endpoint, scheduler, transport);
        this.client.setBackOffStrategy(new BackOff(sessionRetry));
        this.supervisor = new SessionSupervisor(url, new SupervisedSession(), retries, sessionRetry,
                this::fireStateChange);
        this.registry = new ChannelRegistry(url, new RegistrySubscriber(), retries, policy, new RegistryEvents());
        this.client.getChannel(Channel.META_HANDSHAKE).addListener(
                (ClientSessionChannel.MessageListener) (channel, message) -> onHandshake(message));
        this.client.getChannel(Channel.META_CONNECT).addListener(
                (ClientSessionChannel.MessageListener) (channel, message) -> onConnect(message));
        this.client.addExtension(new ConnectHold());
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
        synchronized (lock) {
            if (closed) {
                return false;
            }
            references++;
        }
        // the first user starts it: asynchronous, the handshake request waits for the token without blocking
        supervisor.start();
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
        if (isClosed()) {
            return CompletableFuture.failedFuture(new IllegalStateException(this + " is closed"));
        }
        return registry.subscribe(channel, listener);
    }

    /**
     * Removes a listener; when it was the channel's last, the channel is unsubscribed and forgotten.
     *
     * @return completes when the server confirmed the unsubscription (at once when nothing had to be sent)
     */
    public CompletableFuture<Void> unsubscribe(String channel, ClientSessionChannel.MessageListener listener) {
        return registry.unsubscribe(channel, listener);
    }

    /** The channels with at least one listener. */
    public Set<String> channels() {
        return registry.channels();
    }

    /** Whether the channel is subscribed and confirmed in the current CometD session. */
    public boolean isSubscribed(String channel) {
        return registry.isSubscribed(channel);
    }

    /**
     * Back-pressure for a consumer that hands messages to slower work: before each {@code /meta/connect} the session
     * asks every registered gate, and while a gate's future is not complete, the connect waits (at most
     * {@value #MAX_CONNECT_HOLD_MILLIS} ms), so the server keeps the messages it has not delivered yet instead of the
     * consumer buffering them. The gate is called on a CometD thread: it must return at once (an already completed
     * future when the consumer keeps up). The hold holds the whole session, so every consumer on it waits too.
     */
    public void addBackpressure(Supplier<CompletableFuture<Void>> gate) {
        backpressure.addIfAbsent(Objects.requireNonNull(gate, "gate"));
    }

    public void removeBackpressure(Supplier<CompletableFuture<Void>> gate) {
        backpressure.remove(gate);
    }

    /**
     * The largest Bayeux response the session accepts, in bytes: the session is shared, so it accepts the largest size
     * any of its users asked for ({@value #DEFAULT_MAX_MESSAGE_SIZE} until one asks). Takes effect with the next
     * response.
     */
    public void acceptMessagesUpTo(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("The largest CometD response must be a positive number of bytes: "
                                               + bytes);
        }
        transport.acceptMessagesUpTo(bytes);
    }

    /** The largest Bayeux response the session accepts, in bytes. */
    public int maxMessageSize() {
        return transport.getMaxMessageSize();
    }

    // ---------------------------------------------------------------------------------------------- meta listeners

    private void onHandshake(Message message) {
        if (!message.isSuccessful()) {
            onFailure("handshake", message);
            return;
        }
        SessionSupervisor.Handshake handshake = supervisor.handshakeSucceeded();
        if (handshake == null) {
            return;
        }
        if (handshake.again()) {
            // before the channels are subscribed again: no message of the new session has reached a listener yet
            fireListeners(l -> l.onNewSession(handshake.count()));
        }
        // the BayeuxClient dropped its client-side subscriptions when the old session was lost: subscribe again
        List<CompletableFuture<Void>> attempts = registry.resubscribeAll();
        if (handshake.again()) {
            connection.metrics().cometdRehandshake(path);
            LOG.info("New CometD session with {} (handshake {}); subscribing {} channel(s) again", url,
                    handshake.count(), attempts.size());
            CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new))
                    .whenComplete((v, x) -> fireResubscribed(handshake.count()));
        } else {
            LOG.debug("CometD handshake with {} succeeded", url);
        }
    }

    private void onConnect(Message message) {
        if (message.isSuccessful()) {
            supervisor.connected(client.isDisconnected());
        } else {
            onFailure("connect", message);
        }
    }

    /** A failed handshake or connect: record why, fix the token on 401; the BayeuxClient retries. */
    private void onFailure(String kind, Message message) {
        BayeuxFailure failure = BayeuxFailure.of(message);
        if (failure.tooLarge()) {
            // not a passing fault: the messages of that response are gone, and the next backlog may be as large
            LOG.warn("A CometD {} response from {} was larger than the {} bytes this session accepts, so the"
                     + " messages it carried were not delivered (genesys-stats reads the current values again)."
                     + " Raise the consumers' maxNotificationSize option above it (e.g."
                     + " camel.component.genesys-stats.maxNotificationSize), or keep the route from falling this far"
                     + " behind the update rate", kind, url, transport.getMaxMessageSize());
        }
        String description = switch (failure.kind()) {
            case TOKEN_REFUSED -> handleAuthStatus(401, kind);
            case FORBIDDEN -> handleAuthStatus(403, kind);
            default -> failure.explain(kind, url);
        };
        supervisor.failed(description, failure.kind() == BayeuxFailure.Kind.UNKNOWN_SESSION);
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
        // the transport has already invalidated the token the refused request carried (if still current)
        tokens.authorization().whenComplete((value, failure) -> {
            if (failure != null) {
                supervisor.error("Cannot obtain a new access token for the CometD session with " + url + ": "
                                 + BayeuxFailure.describe(GenesysErrors.unwrap(failure)));
            }
        });
        return "Genesys refused the access token on the CometD " + kind + " to " + url + " (HTTP 401); a new token"
               + " is requested and the " + kind + " retried";
    }

    // ---------------------------------------------------------------------------------------------- listeners

    private void fireStateChange(GenesysNotificationsState previous, GenesysNotificationsState current, String error) {
        for (GenesysNotificationsListener l : listeners) {
            try {
                l.onStateChange(previous, current, error);
            } catch (RuntimeException x) {
                LOG.warn("A notifications listener failed: {}", x.toString());
            }
        }
    }

    private void fireResubscribed(long count) {
        fireListeners(l -> l.onResubscribed(count));
    }

    private void fireListeners(Consumer<GenesysNotificationsListener> event) {
        if (isClosed()) {
            return;
        }
        for (GenesysNotificationsListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException x) {
                LOG.warn("A notifications listener failed: {}", x.toString());
            }
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
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            references = 0;
        }
        registry.close();
        supervisor.close();
        disconnect();
        listeners.clear();
        backpressure.clear();
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
            LOG.debug("The CometD disconnect from {} failed: {}", url, BayeuxFailure.describe(e));
            client.abort();
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
        return supervisor.state();
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
        return supervisor.lastError();
    }

    /** When the last {@code /meta/connect} succeeded (each long poll that returns), {@code null} before the first. */
    public Instant lastConnectedAt() {
        return supervisor.lastConnectedAt();
    }

    /** When the session last became {@link GenesysNotificationsState#CONNECTED}, {@code null} before the first time. */
    public Instant connectedSince() {
        return supervisor.connectedSince();
    }

    /** Successful handshakes: 1 after the first, +1 per re-handshake or new session. */
    public long handshakeCount() {
        return supervisor.handshakeCount();
    }

    /** Messages delivered to listeners (channel messages, not meta messages). */
    public long messageCount() {
        return registry.messageCount();
    }

    /** The Bayeux URL ({@code baseUrl + path}) as messages show it: user info and query masked. */
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

    // ---------------------------------------------------------------------------------------------- the client

    /** The BayeuxClient as the supervisor sees it. */
    private final class SupervisedSession implements SessionSupervisor.Session {

        @Override
        public void handshake() {
            client.handshake(null, null);
        }

        @Override
        public SessionSupervisor.Phase phase() {
            return switch (client.state()) {
                case DISCONNECTED -> SessionSupervisor.Phase.IDLE;
                case DISCONNECTING, TERMINATING -> SessionSupervisor.Phase.STOPPING;
                default -> SessionSupervisor.Phase.ACTIVE;
            };
        }
    }

    /** The BayeuxClient as the channel registry sees it. */
    private final class RegistrySubscriber implements ChannelRegistry.Subscriber {

        @Override
        public boolean isHandshook() {
            return client.isHandshook();
        }

        @Override
        public boolean has(String channel, ClientSessionChannel.MessageListener listener) {
            return client.getChannel(channel).getSubscribers().contains(listener);
        }

        @Override
        public void subscribe(String channel, ClientSessionChannel.MessageListener listener,
                              ClientSession.MessageListener reply) {
            ClientSessionChannel c = client.getChannel(channel);
            // CometD notifies every wildcard channel that matches a message (/a/b/*, /a/b/**, /a/**, /**) and, for
            // each one that does not exist, creates a channel object (locks, listener lists, an EnumMap) only to
            // release it again: per message. Created here once, they stay (a handful per channel prefix, no
            // listeners), and a message costs map look-ups instead.
            for (String wild : c.getChannelId().getWildIds()) {
                client.getChannel(wild);
            }
            c.subscribe(listener, reply);
        }

        @Override
        public boolean unsubscribe(String channel, ClientSessionChannel.MessageListener listener,
                                   ClientSession.MessageListener reply) {
            return client.getChannel(channel).unsubscribe(listener, reply);
        }

        @Override
        public void release(String channel) {
            client.getChannel(channel).release();
        }
    }

    /** What the channel registry reports: credentials problems, refusals and accepted subscriptions. */
    private final class RegistryEvents implements ChannelRegistry.Events {

        @Override
        public void subscribed(String channel) {
            supervisor.subscribed(channel);
        }

        @Override
        public void authFailed(BayeuxFailure failure) {
            handleAuthStatus(failure.kind() == BayeuxFailure.Kind.FORBIDDEN ? 403 : 401, "subscribe");
        }

        @Override
        public void refused(String channel, String error, String message, boolean wasConfirmed) {
            supervisor.refused(channel, message);
            if (!wasConfirmed) {
                return; // the subscribe() future reports it
            }
            for (GenesysNotificationsListener l : listeners) {
                try {
                    l.onSubscriptionRefused(channel, error);
                } catch (RuntimeException x) {
                    LOG.warn("A notifications listener failed: {}", x.toString());
                }
            }
        }
    }

    /** Holds an outgoing {@code /meta/connect} while a back-pressure gate says its consumer is behind. */
    private final class ConnectHold implements ClientSession.Extension {

        @Override
        public void outgoing(ClientSession session, Message.Mutable message, Promise<Boolean> promise) {
            if (backpressure.isEmpty() || !Channel.META_CONNECT.equals(message.getChannel())) {
                promise.succeed(true);
                return;
            }
            List<CompletableFuture<Void>> waiting = null; // created when a consumer is behind: rarely
            for (Supplier<CompletableFuture<Void>> gate : backpressure) {
                CompletableFuture<Void> f = gate.get();
                if (f != null && !f.isDone()) {
                    if (waiting == null) {
                        waiting = new ArrayList<>();
                    }
                    waiting.add(f);
                }
            }
            if (waiting == null) {
                promise.succeed(true);
                return;
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new));
            ScheduledFuture<?> timeout = retries.schedule(() -> all.complete(null), MAX_CONNECT_HOLD_MILLIS);
            LOG.debug("Holding the /meta/connect to {}: a consumer is behind", url);
            all.whenComplete((v, x) -> {
                if (timeout != null) {
                    timeout.cancel(false);
                }
                promise.succeed(true);
            });
        }
    }

    /**
     * The CometD client's own handshake and connect retries ask the session's {@link RetryScheduler.Retry} for their
     * waits (the client schedules them itself): one sequence, one formula, counted with the connection's retries.
     */
    private static final class BackOff implements BayeuxClient.BackOffStrategy {
        private final RetryScheduler.Retry retry;

        BackOff(RetryScheduler.Retry retry) {
            this.retry = retry;
        }

        @Override
        public long current() {
            return retry.currentDelay();
        }

        @Override
        public long next() {
            return retry.nextDelay(); // the sequence is unbounded: never NO_RETRY
        }

        @Override
        public void reset() {
            retry.reset();
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
                    supervisor.sessionEnded("The CometD session with " + url + " ended after a failed "
                                            + message.getChannel() + " (advice reconnect: none)");
                }
            });
        }

        @Override
        protected void processDisconnect(Message.Mutable disconnect) {
            super.processDisconnect(disconnect);
            supervisor.sessionEnded("The server ended the CometD session with " + url);
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
}
