package io.camelgenesys.core.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.cometd.bayeux.server.Authorizer;
import org.cometd.bayeux.server.ServerSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link GenesysNotifications} through Camel routes against the simulator's CometD server
 * ({@code /statistics/v3/notifications}), with the test-only consumer {@code genesys-cometd-test:<channel>}.
 */
class GenesysNotificationsRouteTest extends CamelTestSupport {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    private static final String UPDATES = "/statistics/v3/updates";
    private static final String SERVICE = "/statistics/v3/service";
    private static final String BAYEUX = "/statistics/v3/notifications/**";
    private static final String CONNECT = "/statistics/v3/notifications/connect";
    private static final String HANDSHAKE = "/statistics/v3/notifications/handshake";

    private int published;

    private static GenesysSimulator sim() {
        return SIM.simulator();
    }

    @BeforeEach
    void registerComponent() {
        if (context.hasComponent(TestCometdComponent.SCHEME) == null) {
            context.addComponent(TestCometdComponent.SCHEME, new TestCometdComponent());
        }
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void receivesPublishedMessagesWithApiKeyTokenAndSessionCookie() throws Exception {
        TestCometdConsumer consumer = route("r1", UPDATES, "mock:updates");
        consumer.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = consumer.notifications();
        assertEquals(1, sim().cometd().subscriberCount(UPDATES));

        publish(UPDATES, 5);
        MockEndpoint mock = getMockEndpoint("mock:updates");
        awaitReceived(mock, 5);
        assertEquals(List.of(1, 2, 3, 4, 5), sequence(mock));
        assertEquals(UPDATES, mock.getReceivedExchanges().get(0).getMessage().getHeader(TestCometdConsumer.CHANNEL_HEADER));

        await("CONNECTED", 5_000, n::isConnected);
        assertEquals(1, n.handshakeCount());
        assertNotNull(n.lastConnectedAt());
        assertEquals(n.url(), sim().baseUrl() + "/statistics/v3/notifications");
        // every Bayeux request (the message type is appended to the URL, as Genesys documents) carries both
        assertEquals("mc-api-key", sim().requests().lastHeader(HANDSHAKE, "x-api-key"));
        assertEquals("mc-api-key", sim().requests().lastHeader(CONNECT, "x-api-key"));
        assertEquals("mc-api-key", sim().requests().lastHeader("/statistics/v3/notifications/subscribe", "x-api-key"));
        String bearer = "Bearer " + sim().tokens().lastIssuedAccessToken();
        assertEquals(bearer, sim().requests().lastHeader(HANDSHAKE, "Authorization"));
        assertEquals(bearer, sim().requests().lastHeader(CONNECT, "Authorization"));
        // the session cookie set by the server comes back on the following requests
        String cookie = sim().requests().lastHeader(CONNECT, "Cookie");
        assertNotNull(cookie, "the CometD session cookie is sent back");
        assertTrue(cookie.contains("BAYEUX_BROWSER="), cookie);
        // nothing sensitive in toString
        assertFalse(n.toString().contains(sim().tokens().lastIssuedAccessToken()));
        assertFalse(n.toString().contains("mc-api-key"));
    }

    @Test
    void reHandshakesAndResubscribesAfterTheServerDroppedTheSession() throws Exception {
        TestCometdConsumer consumer = route("r1", UPDATES, "mock:updates");
        consumer.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = consumer.notifications();
        AtomicLong resubscribed = new AtomicLong();
        List<String> transitions = new CopyOnWriteArrayList<>();
        n.addListener(new GenesysNotificationsListener() {
            @Override
            public void onStateChange(GenesysNotificationsState previous, GenesysNotificationsState current, String error) {
                transitions.add(previous + "->" + current);
            }

            @Override
            public void onResubscribed(long handshakeCount) {
                resubscribed.set(handshakeCount);
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:updates");
        publish(UPDATES, 3);
        awaitReceived(mock, 3);

        sim().cometd().dropAllSessions();

        await("re-subscribed after the re-handshake", 10_000, () -> resubscribed.get() == 2);
        assertEquals(2, n.handshakeCount());
        assertEquals(2, sim().cometd().handshakeCount());
        assertEquals(1, sim().cometd().sessionCount());
        assertEquals(1, sim().cometd().subscriberCount(UPDATES), "re-subscribed exactly once");
        assertTrue(n.isSubscribed(UPDATES));
        String cookie = sim().requests().lastHeader(HANDSHAKE, "Cookie");
        assertTrue(cookie != null && cookie.contains("BAYEUX_BROWSER="), "the re-handshake keeps the cookie: " + cookie);

        publish(UPDATES, 7);
        awaitReceived(mock, 10);
        assertNoMoreThan(mock, 10);
        assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(), sequence(mock), "none lost, none duplicated");
        await("CONNECTED", 5_000, n::isConnected);
        assertTrue(transitions.contains("CONNECTED->RECONNECTING"), transitions.toString());
    }

    @Test
    void aSessionTheServerEndedIsReplacedByANewHandshake() throws Exception {
        TestCometdConsumer consumer = route("r1", UPDATES, "mock:updates");
        consumer.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = consumer.notifications();
        AtomicLong resubscribed = new AtomicLong();
        n.addListener(new GenesysNotificationsListener() {
            @Override
            public void onResubscribed(long handshakeCount) {
                resubscribed.set(handshakeCount);
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:updates");
        publish(UPDATES, 2);
        awaitReceived(mock, 2);

        // server-side disconnect: the client gets /meta/disconnect, and a BayeuxClient alone would stay disconnected
        for (ServerSession session : sim().cometd().bayeux().getSessions()) {
            if (!session.isLocalSession()) {
                session.disconnect();
            }
        }

        await("new session and re-subscription", 10_000, () -> resubscribed.get() == 2);
        assertEquals(1, sim().cometd().subscriberCount(UPDATES));
        publish(UPDATES, 3);
        awaitReceived(mock, 5);
        assertNoMoreThan(mock, 5);
        assertEquals(List.of(1, 2, 3, 4, 5), sequence(mock));
    }

    @Test
    void survivesACometdServerRestartWithHealthDownMeanwhile() throws Exception {
        TestCometdConsumer consumer = route("r1", UPDATES, "mock:updates");
        consumer.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = consumer.notifications();
        MockEndpoint mock = getMockEndpoint("mock:updates");
        publish(UPDATES, 2);
        awaitReceived(mock, 2);

        sim().stop();
        try {
            await("RECONNECTING", 10_000, () -> n.state() == GenesysNotificationsState.RECONNECTING);
            HealthCheck.Result down = health("r1");
            assertEquals(HealthCheck.State.DOWN, down.getState());
            assertNotNull(n.lastError());
        } finally {
            sim().start(); // same port; a new CometD server that knows no session
        }

        await("re-subscribed on the restarted server", 15_000,
                () -> n.isConnected() && sim().cometd().subscriberCount(UPDATES) == 1);
        assertEquals(HealthCheck.State.UP, health("r1").getState());
        assertEquals(2, n.handshakeCount());
        publish(UPDATES, 3);
        awaitReceived(mock, 5);
        assertNoMoreThan(mock, 5);
        assertEquals(List.of(1, 2, 3, 4, 5), sequence(mock));
    }

    @Test
    void aRotatedTokenIsSentOnTheNextBayeuxRequest() throws Exception {
        // 6 s, so the refresh runs 600 ms ahead of expiry: with 2 s (200 ms ahead) a loaded machine's pause let a
        // /meta/connect reach the server with a token that had just expired, and a 401 is another test's story
        sim().setTokenLifetime(Duration.ofSeconds(6));
        TestCometdConsumer consumer = route("r1", UPDATES, "mock:updates");
        consumer.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = consumer.notifications();
        String first = sim().tokens().lastIssuedAccessToken();
        assertEquals("Bearer " + first, sim().requests().lastHeader(HANDSHAKE, "Authorization"));

        // the token provider refreshes ahead of expiry
        await("a new token", 15_000, () -> !first.equals(sim().tokens().lastIssuedAccessToken()));
        // a message ends the held /meta/connect; the next one must carry the current token
        await("the new token on /meta/connect", 10_000, () -> {
            publish(UPDATES, 1);
            String sent = sim().requests().lastHeader(CONNECT, "Authorization");
            return !("Bearer " + first).equals(sent)
                   && ("Bearer " + sim().tokens().lastIssuedAccessToken()).equals(sent);
        });
        MockEndpoint mock = getMockEndpoint("mock:updates");
        awaitReceived(mock, published);
        assertNoMoreThan(mock, published);
        assertEquals(IntStream.rangeClosed(1, published).boxed().toList(), sequence(mock));
        assertEquals(1, n.handshakeCount(), "the session survives token rotation");
    }

    @Test
    void aRevokedTokenIsReplacedAfterA401AndMessagesKeepFlowing() throws Exception {
        TestCometdConsumer consumer = route("r1", UPDATES, "mock:updates");
        consumer.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = consumer.notifications();
        MockEndpoint mock = getMockEndpoint("mock:updates");
        publish(UPDATES, 1);
        awaitReceived(mock, 1);
        String old = sim().tokens().lastIssuedAccessToken();

        sim().tokens().revokeAll();
        publish(UPDATES, 1); // ends the held /meta/connect; the next one is refused with 401

        await("a new token on /meta/connect", 10_000, () -> {
            String latest = sim().tokens().lastIssuedAccessToken();
            return !old.equals(latest) && ("Bearer " + latest).equals(sim().requests().lastHeader(CONNECT, "Authorization"));
        });
        await("CONNECTED", 5_000, n::isConnected);
        publish(UPDATES, 3);
        awaitReceived(mock, 5);
        assertNoMoreThan(mock, 5);
        assertEquals(List.of(1, 2, 3, 4, 5), sequence(mock));
    }

    @Test
    void a401OnARequestThatCarriedAnOldTokenDoesNotDropTheNewerOne() throws Exception {
        String token = "/auth/v3/oauth/token";
        TestCometdConsumer consumer = route("r1", UPDATES, "mock:updates");
        consumer.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = consumer.notifications();
        String old = sim().tokens().lastIssuedAccessToken();

        // the next /meta/connect (carrying the old token) is held and then refused with 401
        java.util.concurrent.CompletableFuture<Void> refuse = new java.util.concurrent.CompletableFuture<>();
        sim().faults().on("POST", CONNECT).holdUntil(refuse).status(401)
                .body("{\"error\":\"invalid_token\"}", "application/json").times(1);
        try {
            publish(UPDATES, 1); // ends the connect held by the server; the next one is the refused one
            await("the connect with the old token held", 10_000, () -> sim().faults().hits("POST", CONNECT) == 1);
            assertEquals("Bearer " + old, sim().requests().lastHeader(CONNECT, "Authorization"));

            // meanwhile the old token is replaced (as a REST call's 401 does), and a Bayeux request is sent with the new
            // one while the connect with the old one is still under way
            n.connection().tokens().invalidate("Bearer " + old);
            TestCometdConsumer other = route("r2", SERVICE, "mock:service");
            other.subscribed().get(10, TimeUnit.SECONDS);
            String renewed = sim().tokens().lastIssuedAccessToken();
            assertNotEquals(old, renewed);
            int tokenRequests = sim().requests().count("POST", token);
            int connects = sim().requests().count("POST", CONNECT);

            refuse.complete(null);
            await("a connect after the 401", 10_000,
                    () -> sim().requests().count("POST", CONNECT) > connects && n.isConnected());
            assertEquals(tokenRequests, sim().requests().count("POST", token),
                    "the 401 of the request with the old token does not drop the new one");
            assertEquals("Bearer " + renewed, sim().requests().lastHeader(CONNECT, "Authorization"));
        } finally {
            refuse.complete(null);
        }
    }

    @Test
    void aHandshakeRefusedWith401GetsANewTokenAndRecovers() throws Exception {
        TestCometdConsumer consumer = route("r1", UPDATES, "mock:updates");
        consumer.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = consumer.notifications();
        AtomicLong resubscribed = new AtomicLong();
        n.addListener(new GenesysNotificationsListener() {
            @Override
            public void onResubscribed(long handshakeCount) {
                resubscribed.set(handshakeCount);
            }
        });
        String old = sim().tokens().lastIssuedAccessToken();
        int handshakeRequests = sim().requests().count("POST", HANDSHAKE);

        sim().cometd().rejectHandshakes(1, 401);
        sim().cometd().dropAllSessions();

        await("re-subscribed", 10_000, () -> resubscribed.get() == 2);
        String renewed = sim().tokens().lastIssuedAccessToken();
        assertNotEquals(old, renewed, "a new token after the 401");
        assertEquals("Bearer " + renewed, sim().requests().lastHeader(HANDSHAKE, "Authorization"));
        assertEquals(handshakeRequests + 2, sim().requests().count("POST", HANDSHAKE), "refused once, then accepted");
        assertEquals(1, sim().cometd().subscriberCount(UPDATES));
        publish(UPDATES, 3);
        MockEndpoint mock = getMockEndpoint("mock:updates");
        awaitReceived(mock, 3);
        assertEquals(List.of(1, 2, 3), sequence(mock));
    }

    @Test
    void aBaseUrlWithCredentialsInItIsNotShownInTheSessionsMessages() throws Exception {
        LogCapture logs = LogCapture.install();
        try {
            String base = sim().baseUrl().replace("://", "://gateway-user:url-pass-42@");
            String uri = TestCometdComponent.SCHEME + ":" + UPDATES.substring(1) + "?"
                         + SimulatorSupport.multicloud(sim()).replace(sim().baseUrl(), base);
            sim().cometd().rejectHandshakes(1_000, 403);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("userinfo").to("mock:updates");
                }
            });
            GenesysNotifications n = ((TestCometdConsumer) context.getRoute("userinfo").getConsumer()).notifications();
            await("the 403 reported", 10_000, () -> n.lastError() != null && n.lastError().contains("403"));
            HealthCheck.Result down = health("userinfo");
            for (String shown : List.of(n.lastError(), n.toString(), down.getMessage().orElse(""))) {
                assertFalse(shown.contains("url-pass-42"), shown);
            }
            logs.assertNoneContains(List.of("url-pass-42"));
        } finally {
            sim().cometd().rejectHandshakes(0, 403);
            logs.uninstall();
        }
    }

    @Test
    void healthIsDownWhileHandshakesAreRefusedWith403AndUpAfterRecovery() throws Exception {
        LogCapture logs = LogCapture.install();
        try {
            TestCometdConsumer consumer = route("r1", UPDATES, "mock:updates");
            GenesysNotifications n = consumer.notifications();
            await("CONNECTED", 10_000, n::isConnected);
            assertEquals(HealthCheck.State.UP, health("r1").getState());

            sim().cometd().rejectHandshakes(1_000, 403);
            sim().cometd().dropAllSessions();

            await("RECONNECTING with the 403 reported", 10_000,
                    () -> n.state() == GenesysNotificationsState.RECONNECTING && n.lastError() != null
                          && n.lastError().contains("403"));
            assertTrue(n.lastError().contains("apiKey"), n.lastError());
            HealthCheck.Result down = health("r1");
            assertEquals(HealthCheck.State.DOWN, down.getState());
            String message = down.getMessage().orElse("");
            assertTrue(message.contains("RECONNECTING") && message.contains("apiKey"), message);
            assertFalse(message.contains("mc-api-key"), message);

            sim().cometd().rejectHandshakes(0, 403);
            await("CONNECTED again", 15_000, n::isConnected);
            assertEquals(HealthCheck.State.UP, health("r1").getState());
            await("re-subscribed", 5_000, () -> sim().cometd().subscriberCount(UPDATES) == 1);
            publish(UPDATES, 2);
            awaitReceived(getMockEndpoint("mock:updates"), 2);

            logs.assertNoneContains(List.of(sim().tokens().lastIssuedAccessToken(), "mc-api-key", "mc-secret",
                    "agent1-password"));
        } finally {
            logs.uninstall();
        }
    }

    @Test
    void consumersShareOneSessionAndTheLastStopDisconnects() throws Exception {
        TestCometdConsumer a = route("a", UPDATES, "mock:a");
        TestCometdConsumer b = route("b", SERVICE, "mock:b");
        TestCometdConsumer c = route("c", UPDATES, "mock:c");
        a.subscribed().get(10, TimeUnit.SECONDS);
        b.subscribed().get(10, TimeUnit.SECONDS);
        c.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = a.notifications();
        assertSame(n, b.notifications());
        assertSame(n, c.notifications());
        assertEquals(1, sim().cometd().sessionCount());
        assertEquals(1, sim().cometd().subscriberCount(UPDATES), "one server subscription for two listeners");
        assertEquals(1, sim().cometd().subscriberCount(SERVICE));

        publish(UPDATES, 1);
        sim().cometd().publish(SERVICE, Map.of("seq", 100));
        awaitReceived(getMockEndpoint("mock:a"), 1);
        awaitReceived(getMockEndpoint("mock:b"), 1);
        awaitReceived(getMockEndpoint("mock:c"), 1);

        context.getRouteController().stopRoute("c");
        assertEquals(1, sim().cometd().subscriberCount(UPDATES), "still subscribed for the other consumer");
        publish(UPDATES, 1);
        awaitReceived(getMockEndpoint("mock:a"), 2);
        assertNoMoreThan(getMockEndpoint("mock:c"), 1);

        context.getRouteController().stopRoute("a");
        await("unsubscribed", 5_000, () -> sim().cometd().subscriberCount(UPDATES) == 0);
        assertEquals(1, sim().cometd().sessionCount());
        assertFalse(n.isClosed());

        context.getRouteController().stopRoute("b");
        assertTrue(n.isClosed());
        assertEquals(GenesysNotificationsState.DISCONNECTED, n.state());
        await("no session left", 5_000, () -> sim().cometd().sessionCount() == 0);

        context.getRouteController().startRoute("a");
        TestCometdConsumer restarted = (TestCometdConsumer) context.getRoute("a").getConsumer();
        restarted.subscribed().get(10, TimeUnit.SECONDS);
        assertNotSame(n, restarted.notifications(), "a new session after the old one was closed");
        assertEquals(1, sim().cometd().sessionCount());
    }

    @Test
    void aRefusedSubscriptionFailsItsFuture() throws Exception {
        String forbidden = "/statistics/v3/forbidden";
        sim().cometd().bayeux().createChannelIfAbsent(forbidden, channel -> {
            channel.setPersistent(true);
            channel.addAuthorizer((operation, id, session, message) -> operation == Authorizer.Operation.SUBSCRIBE
                    ? Authorizer.Result.deny("not for you") : Authorizer.Result.ignore());
        });
        TestCometdConsumer ok = route("ok", UPDATES, "mock:updates");
        TestCometdConsumer refused = route("refused", forbidden, "mock:forbidden");
        ok.subscribed().get(10, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> refused.subscribed().get(10, TimeUnit.SECONDS));
        GenesysNotificationsException cause = assertInstanceOf(GenesysNotificationsException.class, e.getCause());
        assertTrue(cause.getMessage().contains(forbidden) && cause.getMessage().contains("403"), cause.getMessage());
        GenesysNotifications n = ok.notifications();
        assertFalse(n.channels().contains(forbidden));
        assertTrue(n.isSubscribed(UPDATES));
        assertEquals(1, n.handshakeCount());
    }

    @Test
    void theSessionWaitsOnTheConnectionsRetrySchedulerWithItsRetryOptionsAndNeverGivesUp() throws Exception {
        // retryEnabled=false and one attempt turn off retrying requests, not recovering a session
        TestCometdConsumer consumer = route("r1", UPDATES, "mock:updates",
                "&retryInitialDelay=20&retryMaxDelay=40&retryEnabled=false&retryMaxAttempts=1");
        consumer.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = consumer.notifications();
        long retriesBefore = n.connection().retryCount();
        int handshakeRequests = sim().requests().count("POST", HANDSHAKE);

        sim().cometd().rejectHandshakes(4, 503);
        sim().cometd().dropAllSessions();

        await("a new session", 10_000, () -> n.handshakeCount() == 2 && n.isConnected());
        assertEquals(handshakeRequests + 5, sim().requests().count("POST", HANDSHAKE), "refused four times, then accepted");
        assertTrue(n.connection().retryCount() - retriesBefore >= 4,
                "each refused handshake waited on the connection's retry scheduler: "
                                                                    + (n.connection().retryCount() - retriesBefore));
        await("re-subscribed", 5_000, () -> sim().cometd().subscriberCount(UPDATES) == 1);
        publish(UPDATES, 2);
        awaitReceived(getMockEndpoint("mock:updates"), 2);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private TestCometdConsumer route(String routeId, String channel, String to) throws Exception {
        return route(routeId, channel, to, "");
    }

    private TestCometdConsumer route(String routeId, String channel, String to, String options) throws Exception {
        String uri = TestCometdComponent.SCHEME + ":" + channel.substring(1) + "?" + SimulatorSupport.multicloud(sim())
                     + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to(to);
            }
        });
        return (TestCometdConsumer) context.getRoute(routeId).getConsumer();
    }

    /** Publishes {@code count} messages with the next sequence numbers. */
    private void publish(String channel, int count) {
        for (int i = 0; i < count; i++) {
            sim().cometd().publish(channel, Map.of("seq", ++published));
        }
    }

    /** The readiness result of the consumer's CometD check, called through Camel's health check registry. */
    private HealthCheck.Result health(String routeId) {
        // (invokeReadiness at the default exposure level lists only DOWN checks, or one UP check: ask for this one)
        return HealthCheckHelper.invoke(context, "genesys-cometd-" + routeId, Map.of())
                .orElseThrow(() -> new AssertionError("no health check for route " + routeId));
    }

    private static List<Integer> sequence(MockEndpoint mock) {
        List<Integer> seq = new ArrayList<>();
        for (Exchange e : mock.getReceivedExchanges()) {
            seq.add(((Number) e.getMessage().getBody(Map.class).get("seq")).intValue());
        }
        return seq;
    }

    private static void awaitReceived(MockEndpoint mock, int count) throws InterruptedException {
        await(mock.getEndpointUri() + " to receive " + count, 10_000, () -> mock.getReceivedCounter() >= count);
    }

    /** Waits a little for stragglers (duplicates) and checks there are none. */
    private static void assertNoMoreThan(MockEndpoint mock, int count) throws InterruptedException {
        Thread.sleep(300);
        assertEquals(count, mock.getReceivedCounter(), mock.getEndpointUri() + " received too many");
    }

    private static void await(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
