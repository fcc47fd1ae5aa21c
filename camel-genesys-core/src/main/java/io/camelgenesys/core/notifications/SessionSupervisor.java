package io.camelgenesys.core.notifications;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one CometD session, as a state machine free of Camel and of the CometD client: it is told what
 * happened (a handshake or connect succeeded or failed, the server ended the session, the session closed) and decides
 * the {@link GenesysNotificationsState state}, the error to report, and when to handshake again. It never blocks; a
 * new handshake after the server ended the session waits the backoff of the session's {@link RetryScheduler.Retry}
 * (unbounded: a session keeps trying), the same sequence whose delays the CometD client asks for its own retries.
 * <p>
 * States: DISCONNECTED (not started) → CONNECTING (first handshake/connect under way) → CONNECTED (the last
 * {@code /meta/connect} succeeded) ⇄ RECONNECTING (was connected, recovering) → DISCONNECTED (closed, final).
 * Failures before the first connect keep it CONNECTING. A failure is logged once per distinct message (a long outage
 * with retries does not flood the log); the error is cleared on connect. A channel's refusal is logged once until that
 * channel is subscribed again (a successful connect does not reset it).
 */
final class SessionSupervisor {

    /** What the supervisor needs of the CometD client. */
    interface Session {

        /** Starts a handshake (asynchronous); throws {@link IllegalStateException} when the client cannot now. */
        void handshake();

        /** Where the client is. */
        Phase phase();
    }

    /** The client's phase, as far as starting a new handshake is concerned. */
    enum Phase {
        /** Disconnected: a handshake can start. */
        IDLE,
        /** Disconnecting or terminating: try again shortly. */
        STOPPING,
        /** Handshaking, handshaken or connected: nothing to do. */
        ACTIVE
    }

    /** Told of every state change, outside the supervisor's lock. */
    interface Observer {
        void onStateChange(GenesysNotificationsState previous, GenesysNotificationsState current, String error);
    }

    /** A successful handshake: how many so far, and whether one had succeeded before (a re-handshake). */
    record Handshake(long count, boolean again) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionSupervisor.class);
    /** The pause before looking again when the client was still stopping the previous session. */
    static final long RESTART_RETRY_MILLIS = 100;

    private final String url;
    private final Session session;
    private final RetryScheduler retries;
    private final RetryScheduler.Retry retry;
    private final Observer observer;

    private final Object lock = new Object();
    // guarded by lock
    private boolean started;
    private boolean closed;
    private boolean everHandshook;
    private boolean everConnected;
    private long handshakes;
    /** A new handshake is scheduled: after the backoff, or {@link #soon} after the client finished stopping. */
    private boolean restarting;
    private ScheduledFuture<?> soon;
    private GenesysNotificationsState state = GenesysNotificationsState.DISCONNECTED;
    private String lastLogged;
    /**
     * channel -> the refusal last logged for it, until the channel is subscribed again: a refusal is a channel's
     * matter, not the session's, so a successful {@code /meta/connect} (which clears {@link #lastLogged}) does not
     * make a refusal that persists be warned about again on every long poll.
     */
    private final java.util.Map<String, String> refusalsLogged = new java.util.HashMap<>();

    private volatile String lastError;
    private volatile Instant lastConnectedAt;
    private volatile Instant connectedSince;

    /**
     * @param retries schedules the short pause of a client still stopping the previous session
     * @param retry   the session's retry sequence (unbounded), shared with the CometD client's own retries
     */
    SessionSupervisor(String url, Session session, RetryScheduler retries, RetryScheduler.Retry retry,
                      Observer observer) {
        this.url = url;
        this.session = session;
        this.retries = retries;
        this.retry = retry;
        this.observer = observer;
    }

    /** Starts the first handshake (once; later calls do nothing). Nobody listens yet: no state change is reported. */
    void start() {
        String failedToStart = null;
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            started = true;
            state = GenesysNotificationsState.CONNECTING;
            LOG.debug("Handshaking with {}", url);
            try {
                session.handshake();
            } catch (RuntimeException e) {
                failedToStart = "The CometD handshake could not start: " + BayeuxFailure.describe(e);
            }
        }
        if (failedToStart != null) {
            sessionEnded(failedToStart);
        }
    }

    /** A handshake succeeded; {@code null} when closed (nothing to do). */
    Handshake handshakeSucceeded() {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            boolean again = everHandshook;
            everHandshook = true;
            return new Handshake(++handshakes, again);
        }
    }

    /**
     * A {@code /meta/connect} succeeded.
     *
     * @param clientDisconnected whether the client is disconnected anyway (the reply to the held connect of a session
     *                           the server just ended): then it is not connected
     */
    void connected(boolean clientDisconnected) {
        synchronized (lock) {
            if (closed || restarting || clientDisconnected) {
                return;
            }
        }
        lastConnectedAt = Instant.now();
        transition(GenesysNotificationsState.CONNECTED, null);
    }

    /**
     * A handshake or connect failed; the client retries it itself. The state says whether the session had connected
     * before; the description becomes the error.
     *
     * @param quiet logged at INFO rather than WARN (an expected event, such as the server forgetting the session)
     */
    void failed(String description, boolean quiet) {
        GenesysNotificationsState next;
        synchronized (lock) {
            if (closed) {
                return;
            }
            next = everConnected ? GenesysNotificationsState.RECONNECTING : GenesysNotificationsState.CONNECTING;
        }
        log(!quiet, description);
        transition(next, description);
    }

    /** Records why the session is not working (e.g. no new token could be obtained) without a state change. */
    void error(String description) {
        lastError = description;
        log(true, description);
    }

    /**
     * The server refused a subscription to the channel: the error; WARN once for as long as the refusal persists
     * (DEBUG when repeated), and again only after the channel was subscribed ({@link #subscribed}) and is refused anew.
     */
    void refused(String channel, String message) {
        lastError = message;
        boolean repeat;
        synchronized (lock) {
            repeat = message.equals(refusalsLogged.put(channel, message));
        }
        if (repeat) {
            LOG.debug(message);
        } else {
            LOG.warn(message);
        }
    }

    /** The server accepted a subscription to the channel: a later refusal of it is warned about again. */
    void subscribed(String channel) {
        synchronized (lock) {
            refusalsLogged.remove(channel);
        }
    }

    /**
     * The client gave the session up (the server ended it, or advised {@code reconnect: none}, or the first handshake
     * could not start): a new handshake follows after the backoff, unless one is pending or the session is closed.
     */
    void sessionEnded(String reason) {
        long delay;
        String error;
        GenesysNotificationsState next;
        synchronized (lock) {
            if (closed || restarting) {
                return;
            }
            delay = retry.backoff(reason, guarded(this::restartHandshake));
            restarting = delay != RetryPolicy.NO_RETRY; // NO_RETRY: the connection is closing
            next = everConnected ? GenesysNotificationsState.RECONNECTING : GenesysNotificationsState.CONNECTING;
            error = state == GenesysNotificationsState.CONNECTED || lastError == null ? reason : lastError;
        }
        log(true, reason + (delay >= 0 ? "; a new handshake follows in " + delay + " ms" : ""));
        transition(next, error);
    }

    private void restartHandshake() {
        synchronized (lock) {
            restarting = false;
            soon = null;
            if (closed) {
                return;
            }
        }
        switch (session.phase()) {
            case IDLE -> {
                try {
                    LOG.debug("Handshaking again with {}", url);
                    session.handshake();
                } catch (IllegalStateException e) {
                    restartSoon();
                }
            }
            case STOPPING -> restartSoon();
            default -> {
                // handshaking, handshaken or connected already: nothing to do
            }
        }
    }

    /** Not a failure: the client is still stopping the old session; look again shortly, without backing off. */
    private void restartSoon() {
        synchronized (lock) {
            if (!closed && !restarting) {
                soon = retries.schedule(guarded(this::restartHandshake), RESTART_RETRY_MILLIS);
                restarting = soon != null;
            }
        }
    }

    /** Closes for good: no new handshake, state DISCONNECTED. Idempotent. */
    void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            retry.cancel();
            if (soon != null) {
                soon.cancel(false);
                soon = null;
            }
            restarting = false;
        }
        transition(GenesysNotificationsState.DISCONNECTED, null);
    }

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
        try {
            observer.onStateChange(previous, next, reported);
        } catch (RuntimeException x) {
            LOG.warn("A notifications listener failed: {}", x.toString());
        }
    }

    /** Logs a failure once per distinct message, so a long outage with retries does not flood the log. */
    private void log(boolean warn, String message) {
        boolean repeat;
        synchronized (lock) {
            repeat = message.equals(lastLogged);
            lastLogged = message;
        }
        if (repeat) {
            LOG.debug(message);
        } else if (warn) {
            LOG.warn(message);
        } else {
            LOG.info(message);
        }
    }

    /** A scheduled task whose failure is logged rather than lost in its future. */
    Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("A scheduled CometD task for {} failed: {}", url, BayeuxFailure.describe(e));
            }
        };
    }

    // ---------------------------------------------------------------------------------------------- observers

    GenesysNotificationsState state() {
        synchronized (lock) {
            return state;
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Whether a new handshake is scheduled (the session is between two). */
    boolean isRestarting() {
        synchronized (lock) {
            return restarting;
        }
    }

    String lastError() {
        return lastError;
    }

    Instant lastConnectedAt() {
        return lastConnectedAt;
    }

    Instant connectedSince() {
        return connectedSince;
    }

    long handshakeCount() {
        synchronized (lock) {
            return handshakes;
        }
    }
}
