package io.camelgenesys.core.notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import io.camelgenesys.core.test.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelgenesys.core.notifications.GenesysNotificationsState.CONNECTED;
import static io.camelgenesys.core.notifications.GenesysNotificationsState.CONNECTING;
import static io.camelgenesys.core.notifications.GenesysNotificationsState.DISCONNECTED;
import static io.camelgenesys.core.notifications.GenesysNotificationsState.RECONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session state machine on its own: events in, state, errors and new handshakes out (a real scheduler, a
 * recording stand-in for the CometD client's two methods). Behaviour against a real CometD server is in
 * {@link GenesysNotificationsRouteTest}.
 */
class SessionSupervisorTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RetryScheduler retries = new RetryScheduler(scheduler);
    private final AtomicInteger handshakes = new AtomicInteger();
    private volatile SessionSupervisor.Phase phase = SessionSupervisor.Phase.IDLE;
    private volatile RuntimeException handshakeFailure;
    private final List<String> transitions = new CopyOnWriteArrayList<>();

    private final SessionSupervisor supervisor = new SessionSupervisor("http://genesys/notifications",
            new SessionSupervisor.Session() {
                @Override
                public void handshake() {
                    if (handshakeFailure != null) {
                        throw handshakeFailure;
                    }
                    handshakes.incrementAndGet();
                    phase = SessionSupervisor.Phase.ACTIVE;
                }

                @Override
                public SessionSupervisor.Phase phase() {
                    return phase;
                }
            }, retries, retries.start(new RetryPolicy(true, 1, 20, 40, 0).unbounded(), "a session"),
            (previous, current, error) -> transitions.add(previous + "->" + current + (error != null ? ": " + error : "")));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void startsOnceConnectsAndCountsHandshakes() {
        assertEquals(DISCONNECTED, supervisor.state());
        supervisor.start();
        supervisor.start();
        assertEquals(1, handshakes.get(), "one handshake however many users start it");
        assertEquals(CONNECTING, supervisor.state());
        assertTrue(transitions.isEmpty(), "nobody listens before the first start returns");

        SessionSupervisor.Handshake first = supervisor.handshakeSucceeded();
        assertEquals(new SessionSupervisor.Handshake(1, false), first);
        assertNull(supervisor.connectedSince());
        supervisor.connected(false);
        assertEquals(CONNECTED, supervisor.state());
        assertNotNull(supervisor.connectedSince());
        assertNotNull(supervisor.lastConnectedAt());
        assertEquals(List.of("CONNECTING->CONNECTED"), transitions);
        assertEquals(new SessionSupervisor.Handshake(2, true), supervisor.handshakeSucceeded(), "a re-handshake");
        assertEquals(2, supervisor.handshakeCount());
    }

    @Test
    void failuresBeforeTheFirstConnectKeepItConnectingAndAfterItMakeItReconnecting() {
        supervisor.start();
        supervisor.failed("The CometD handshake to x got HTTP 503; retrying with backoff", false);
        assertEquals(CONNECTING, supervisor.state());
        assertEquals("The CometD handshake to x got HTTP 503; retrying with backoff", supervisor.lastError());
        assertTrue(transitions.isEmpty(), "same state: no change reported");

        supervisor.handshakeSucceeded();
        supervisor.connected(false);
        assertNull(supervisor.lastError(), "cleared on connect");
        supervisor.failed("402: unknown session", true);
        assertEquals(RECONNECTING, supervisor.state());
        assertEquals("CONNECTED->RECONNECTING: 402: unknown session", transitions.get(transitions.size() - 1));
        supervisor.connected(false);
        assertEquals(CONNECTED, supervisor.state());
    }

    @Test
    void aSessionTheServerEndedIsHandshakenAgainAfterTheBackoffOnceTheClientIsIdle() throws Exception {
        supervisor.start();
        supervisor.handshakeSucceeded();
        supervisor.connected(false);
        phase = SessionSupervisor.Phase.STOPPING;

        supervisor.sessionEnded("The server ended the CometD session");
        supervisor.sessionEnded("a second report while one handshake is pending");
        assertEquals(RECONNECTING, supervisor.state());
        assertTrue(supervisor.isRestarting());
        assertEquals("The server ended the CometD session", supervisor.lastError());
        supervisor.connected(false);
        assertEquals(RECONNECTING, supervisor.state(), "the reply to the old session's held connect is not a connect");

        Thread.sleep(150);
        assertEquals(1, handshakes.get(), "not while the client is still stopping the old session");
        phase = SessionSupervisor.Phase.IDLE;
        await("a new handshake", () -> handshakes.get() == 2);
        await("nothing pending", () -> !supervisor.isRestarting());
        supervisor.handshakeSucceeded();
        supervisor.connected(false);
        assertEquals(CONNECTED, supervisor.state());
    }

    @Test
    void aClientThatIsAlreadyHandshakingIsLeftAlone() throws Exception {
        supervisor.start();
        supervisor.sessionEnded("ended");
        // the client handshook by itself meanwhile
        phase = SessionSupervisor.Phase.ACTIVE;
        await("the pending restart ran", () -> !supervisor.isRestarting());
        Thread.sleep(60);
        assertEquals(1, handshakes.get());
    }

    @Test
    void aHandshakeThatCannotStartIsRetried() throws Exception {
        handshakeFailure = new IllegalStateException("not now");
        supervisor.start();
        assertEquals(CONNECTING, supervisor.state());
        assertTrue(supervisor.lastError().contains("could not start: IllegalStateException: not now"),
                supervisor.lastError());
        handshakeFailure = null;
        await("the retried handshake", () -> handshakes.get() == 1);
    }

    @Test
    void closedIsFinal() throws Exception {
        supervisor.start();
        supervisor.handshakeSucceeded();
        supervisor.connected(false);
        supervisor.sessionEnded("ended");
        supervisor.close();
        supervisor.close();
        assertEquals(DISCONNECTED, supervisor.state());
        assertTrue(supervisor.isClosed());
        assertFalse(supervisor.isRestarting(), "the pending handshake was cancelled");
        phase = SessionSupervisor.Phase.IDLE;
        Thread.sleep(100);
        assertEquals(1, handshakes.get());
        assertNull(supervisor.handshakeSucceeded());
        supervisor.connected(false);
        supervisor.failed("late", false);
        assertEquals(DISCONNECTED, supervisor.state());
        assertEquals("RECONNECTING->DISCONNECTED: ended", transitions.get(transitions.size() - 1));
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, 5_000, condition);
    }
}
