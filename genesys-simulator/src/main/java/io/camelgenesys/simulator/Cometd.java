package io.camelgenesys.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.AbstractServerTransport;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.ServerSessionImpl;

/**
 * The CometD (Bayeux) server of the Multicloud notification APIs, and its test controls.
 * <p>
 * One {@link BayeuxServer} serves every mounted path; by default {@value #STATISTICS_NOTIFICATIONS}, where the
 * Statistics Notifications API lives (seed 002: {@code POST /notifications}, {@code /notifications/handshake},
 * {@code /connect}, {@code /subscribe}, ...). Every Bayeux HTTP request must carry a valid {@code x-api-key} (else
 * 403) and a valid Multicloud bearer token (else 401), checked per request, so a client whose token was rotated
 * must send the new one. Only the long-polling transport is offered.
 * <p>
 * The server is recreated on every {@link GenesysSimulator#start()}, so stopping and starting the simulator
 * behaves like a CometD server restart (clients get {@code 402::Unknown client} and must re-handshake); listeners
 * added here are carried over to the new server.
 */
public final class Cometd {

    /** The Bayeux URL path of the Statistics Notifications API. */
    public static final String STATISTICS_NOTIFICATIONS = "/statistics/v3/notifications";

    /** The cookie by which CometD tells its clients (browsers) apart; set by the first handshake's response. */
    public static final String BROWSER_COOKIE = "BAYEUX_BROWSER";

    /** How long a {@code /meta/connect} is held: short, so that tests and restarts are quick. */
    static final long TIMEOUT_MILLIS = 5_000;
    /** How long the server keeps a session whose client stopped connecting. */
    static final long MAX_INTERVAL_MILLIS = 5_000;

    private final CopyOnWriteArrayList<String> paths = new CopyOnWriteArrayList<>(List.of(STATISTICS_NOTIFICATIONS));
    private final List<BayeuxServer.BayeuxServerListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger rejectionsLeft = new AtomicInteger();
    private volatile int rejectionStatus;
    private volatile BayeuxServerImpl bayeux;
    private volatile LocalSession publisher;

    Cometd() {
    }

    /**
     * Publishes from the server to the subscribers of a channel.
     *
     * @param channel e.g. {@code /statistics/v3/updates}
     * @param data    the message {@code data}
     * @throws IllegalStateException when the simulator is not running
     */
    public void publish(String channel, Map<String, Object> data) {
        BayeuxServer server = requireStarted();
        ServerChannel target = server.createChannelIfAbsent(channel).getReference();
        target.publish(publisher, data, Promise.noop());
    }

    /**
     * Delivers to the subscribers of a channel whose browser cookie ({@value #BROWSER_COOKIE}) is {@code browserCookie}
     * only (to none when it is {@code null}).
     *
     * @return how many sessions it was delivered to
     * @throws IllegalStateException when the simulator is not running
     */
    public int deliverToBrowser(String channel, Map<String, Object> data, String browserCookie) {
        BayeuxServer server = requireStarted();
        ServerChannel target = server.getChannel(channel);
        if (target == null || browserCookie == null) {
            return 0;
        }
        int delivered = 0;
        for (ServerSession session : target.getSubscribers()) {
            if (session instanceof ServerSessionImpl impl && !impl.isLocalSession()
                    && browserCookie.equals(impl.getBrowserId())) {
                session.deliver(publisher, channel, data, Promise.noop());
                delivered++;
            }
        }
        return delivered;
    }

    /** @return the {@value #BROWSER_COOKIE} value of these {@code Cookie} header values, or {@code null} */
    static String browserCookie(List<String> cookieHeaders) {
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(BROWSER_COOKIE)) {
                    return pair.substring(eq + 1).trim();
                }
            }
        }
        return null;
    }

    /**
     * Removes every client session on the server side. Each client's pending {@code /meta/connect} returns at once;
     * its next one is answered {@code 402::Unknown client} with advice to handshake again.
     */
    public void dropAllSessions() {
        BayeuxServerImpl server = bayeux;
        if (server == null) {
            return;
        }
        for (ServerSession session : server.getSessions()) {
            if (session.isLocalSession() || !(session instanceof ServerSessionImpl impl)) {
                continue;
            }
            // Removed as "expired", not "disconnected": the reply to a disconnected session's /meta/connect carries
            // reconnect=none, which would make the client give up instead of handshaking again.
            server.removeServerSession(impl, true);
            // Resume the held /meta/connect now rather than at its timeout.
            impl.flush();
        }
    }

    /** @return how many client sessions exist (the simulator's own publishing session is not counted) */
    public int sessionCount() {
        BayeuxServer server = bayeux;
        if (server == null) {
            return 0;
        }
        return (int) server.getSessions().stream().filter(s -> !s.isLocalSession()).count();
    }

    /** @return how many client sessions are subscribed to exactly this channel */
    public int subscriberCount(String channel) {
        BayeuxServer server = bayeux;
        ServerChannel serverChannel = server == null ? null : server.getChannel(channel);
        if (serverChannel == null) {
            return 0;
        }
        return (int) serverChannel.getSubscribers().stream().filter(s -> !s.isLocalSession()).count();
    }

    /** @return how many handshakes succeeded since start or the last reset */
    public int handshakeCount() {
        return handshakes.get();
    }

    /**
     * Answers the next {@code n} handshake requests with {@code httpStatus} (and a Multicloud error body) without
     * processing them, e.g. {@code rejectHandshakes(1, 401)} to make a client refresh its token.
     */
    public void rejectHandshakes(int n, int httpStatus) {
        if (n < 0 || httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("rejectHandshakes(" + n + ", " + httpStatus + ")");
        }
        rejectionStatus = httpStatus;
        rejectionsLeft.set(n);
    }

    /** @return the running Bayeux server, for modules that need more than this class offers */
    public BayeuxServer bayeux() {
        return requireStarted();
    }

    /**
     * Adds a listener to the Bayeux server (now, and to the new one after a restart): a
     * {@link BayeuxServer.SubscriptionListener}, {@link BayeuxServer.SessionListener} or
     * {@link BayeuxServer.ChannelListener}.
     */
    public void addListener(BayeuxServer.BayeuxServerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        BayeuxServer server = bayeux;
        if (server != null) {
            server.addListener(listener);
        }
    }

    public void removeListener(BayeuxServer.BayeuxServerListener listener) {
        listeners.remove(listener);
        BayeuxServer server = bayeux;
        if (server != null) {
            server.removeListener(listener);
        }
    }

    /**
     * Calls {@code listener} with the session and the channel whenever a client subscribes, e.g. to publish the
     * current state to a new subscriber.
     *
     * @return the registered listener, for {@link #removeListener}
     */
    public BayeuxServer.SubscriptionListener onSubscribe(BiConsumer<ServerSession, String> listener) {
        BayeuxServer.SubscriptionListener subscription = new BayeuxServer.SubscriptionListener() {
            @Override
            public void subscribed(ServerSession session, ServerChannel channel, ServerMessage message) {
                if (!session.isLocalSession()) {
                    listener.accept(session, channel.getId());
                }
            }
        };
        addListener(subscription);
        return subscription;
    }

    /**
     * Serves the same Bayeux server at another path too (the path and its sub-paths), e.g. for another Multicloud
     * notification API. Takes effect immediately.
     */
    public void mount(String path) {
        String normalized = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!normalized.startsWith("/") || normalized.length() < 2) {
            throw new IllegalArgumentException("Not a mount path: " + path);
        }
        paths.addIfAbsent(normalized);
    }

    /** @return the mounted Bayeux paths */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    boolean isMounted(String path) {
        for (String mount : paths) {
            if (path.equals(mount) || path.startsWith(mount) && path.charAt(mount.length()) == '/') {
                return true;
            }
        }
        return false;
    }

    boolean hasPendingRejections() {
        return rejectionsLeft.get() > 0;
    }

    /** @return the status to reject a handshake with, or 0 when no rejection is pending */
    int takeRejection() {
        int left;
        do {
            left = rejectionsLeft.get();
            if (left <= 0) {
                return 0;
            }
        } while (!rejectionsLeft.compareAndSet(left, left - 1));
        return rejectionStatus;
    }

    /** A new Bayeux server for a new start, configured and carrying the registered listeners. */
    BayeuxServerImpl newBayeuxServer() {
        BayeuxServerImpl server = new BayeuxServerImpl();
        server.setOption(AbstractServerTransport.TIMEOUT_OPTION, TIMEOUT_MILLIS);
        server.setOption(AbstractServerTransport.INTERVAL_OPTION, 0L);
        server.setOption(AbstractServerTransport.MAX_INTERVAL_OPTION, MAX_INTERVAL_MILLIS);
        server.setOption(BayeuxServerImpl.ALLOWED_TRANSPORTS_OPTION, "long-polling");
        server.addListener(new BayeuxServer.SessionListener() {
            @Override
            public void sessionAdded(ServerSession session, ServerMessage message) {
                if (!session.isLocalSession()) {
                    handshakes.incrementAndGet();
                }
            }
        });
        listeners.forEach(server::addListener);
        return server;
    }

    /** Called once Jetty (and with it the CometD servlet, which starts the Bayeux server) has started. */
    void started(BayeuxServerImpl server) {
        LocalSession local = server.newLocalSession("simulator");
        local.handshake();
        this.publisher = local;
        this.bayeux = server;
    }

    void stopped() {
        bayeux = null;
        publisher = null;
    }

    void reset() {
        dropAllSessions();
        handshakes.set(0);
        rejectionsLeft.set(0);
    }

    private BayeuxServerImpl requireStarted() {
        BayeuxServerImpl server = bayeux;
        if (server == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return server;
    }
}
