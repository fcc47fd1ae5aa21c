package io.camelgenesys.statistics;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.SimulatorSupport;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subscribe consumer never silently stops: Statistics outages, CometD session loss, token expiry and refused
 * handshakes each end with exactly one live subscription and every update published after recovery delivered once.
 */
class StatisticsRecoveryTest extends StatisticsConsumerTestSupport {

    @Test
    void anOutageOfTwoSecondsRecreatesTheSubscriptionAndNothingIsDuplicated() throws Exception {
        LogCapture logs = LogCapture.install();
        try {
            StatisticsConsumer consumer = route("r1", subscribe("emitServiceState=true&statistics=" + TWO_STATS),
                    "mock:stats");
            String before = awaitSubscription(consumer);
            MockEndpoint mock = getMockEndpoint("mock:stats");
            awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
            sim().statistics().publishUpdates();
            awaitCount("an update", () -> updatesOf(mock, before).size() == 2);

            sim().statistics().outage(Duration.ofSeconds(2));

            awaitCount("UNAVAILABLE then AVAILABLE",
                    () -> events(mock, StatisticsConstants.SERVICE_STATE_CHANGE).size() == 2);
            List<Object> states = events(mock, StatisticsConstants.SERVICE_STATE_CHANGE).stream()
                    .map(e -> e.getMessage().getHeader(StatisticsConstants.SERVICE_STATE)).toList();
            assertEquals(List.of("UNAVAILABLE", "AVAILABLE"), states);
            awaitCount("fresh values after AVAILABLE", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 4);
            String after = consumer.getSubscriptionId();
            assertNotEquals(before, after, "re-created");
            assertEquals(Set.of(after), sim().statistics().subscriptionIds(), "exactly one live subscription");
            List<Exchange> fresh = events(mock, StatisticsConstants.INITIAL_VALUES).subList(2, 4);
            fresh.forEach(e -> assertEquals(after, e.getMessage().getHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID)));

            int received = mock.getReceivedCounter();
            assertEquals(1, sim().statistics().publishUpdates());
            awaitCount("the update after recovery", () -> updatesOf(mock, after).size() == 2);
            assertStays("one exchange per statistic per update, no duplicate", received + 2, mock::getReceivedCounter);
            assertEquals(HealthCheck.State.UP, health("r1").getState());

            logs.assertNoneContains(List.of(sim().tokens().lastIssuedAccessToken(), "mc-api-key", "mc-secret",
                    "agent1-password"));
        } finally {
            logs.uninstall();
        }
    }

    @Test
    void twoConsumersOnOneSessionEachRecreateOneSubscriptionAfterAnOutage() throws Exception {
        StatisticsConsumer a = route("a", subscribe("initialValues=false&statistics=CurrentAgentState:Agent:agent1"),
                "mock:a");
        StatisticsConsumer b = route("b", subscribe("initialValues=false&statistics=" + TWO_STATS), "mock:b");
        String oldA = awaitSubscription(a);
        String oldB = awaitSubscription(b);

        sim().statistics().serviceUnavailable();
        awaitCount("both dropped", () -> a.getSubscriptionId() == null && b.getSubscriptionId() == null);
        sim().statistics().serviceAvailable();

        String newA = awaitSubscription(a);
        String newB = awaitSubscription(b);
        assertEquals(Set.of(newA, newB), sim().statistics().subscriptionIds(), "one each, nothing else");
        assertTrue(!Set.of(oldA, oldB).contains(newA) && !Set.of(oldA, oldB).contains(newB));
        assertEquals(2, sim().statistics().publishUpdates());
        MockEndpoint mockA = getMockEndpoint("mock:a");
        MockEndpoint mockB = getMockEndpoint("mock:b");
        awaitCount("a's update", () -> updatesOf(mockA, newA).size() == 1);
        awaitCount("b's updates", () -> updatesOf(mockB, newB).size() == 2);
        assertStays("a: nothing else", 1, mockA::getReceivedCounter);
        assertEquals(2, mockB.getReceivedCounter());
    }

    @Test
    void healthIsDownDuringAnOutageAndUpAfter() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        awaitSubscription(consumer);
        awaitCount("UP", () -> health("r1").getState() == HealthCheck.State.UP);

        sim().statistics().serviceUnavailable();
        awaitCount("DOWN", () -> health("r1").getState() == HealthCheck.State.DOWN);
        HealthCheck.Result down = health("r1");
        String message = down.getMessage().orElse("");
        assertTrue(message.contains("UNAVAILABLE"), message);
        assertEquals("UNAVAILABLE", down.getDetails().get("genesys.statistics.serviceState"));
        assertEquals(0, sim().statistics().subscriptionCount());

        sim().statistics().serviceAvailable();
        awaitCount("UP again", () -> health("r1").getState() == HealthCheck.State.UP);
        assertEquals(1, sim().statistics().subscriptionCount());
        assertEquals(Set.of(consumer.getSubscriptionId()), sim().statistics().subscriptionIds());
    }

    @Test
    void aConsumerStartedDuringAnOutageSubscribesWhenTheServiceIsBack() throws Exception {
        sim().statistics().serviceUnavailable();
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        // the create is answered 503 and retried with backoff; health says why there is no subscription
        awaitCount("a refused create", () -> health("r1").getMessage().orElse("").contains("503"));
        assertEquals(HealthCheck.State.DOWN, health("r1").getState());
        assertEquals(0, sim().statistics().subscriptionCount());

        sim().statistics().serviceAvailable();
        String id = awaitSubscription(consumer);
        assertEquals(Set.of(id), sim().statistics().subscriptionIds());
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
        assertNoLossAfterRecovery(mock, id);
        awaitCount("UP", () -> health("r1").getState() == HealthCheck.State.UP);
    }

    @Test
    void failedCreatesAreRetriedWithBackoffAndMalformedAnswersToo() throws Exception {
        String path = "/statistics/v3/subscriptions";
        sim().faults().on("POST", path).status(500).times(2);
        sim().faults().on("POST", path).status(200).body("{\"status\":{\"code\":0},\"data\":", "application/json")
                .times(1);
        StatisticsConsumer consumer = route("r1", subscribe("retryInitialDelay=50&statistics=" + TWO_STATS),
                "mock:stats");
        String id = awaitSubscription(consumer);
        assertEquals(3, sim().faults().hits("POST", path), "two 500s and one malformed answer");
        assertEquals(4, sim().requests().count("POST", path), "then one more create, which succeeded");
        // after the unreadable answer the consumer deleted that create's id, in case Genesys had opened it
        awaitCount("the uncertain create deleted", () -> sim().requests().count("DELETE", path + "/*") == 1);
        assertEquals(Set.of(id), sim().statistics().subscriptionIds());
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
        assertNoLossAfterRecovery(mock, id);
    }

    @Test
    void aFailingRouteDoesNotStopTheStream() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(subscribe("initialValues=false&statistics=CurrentAgentState:Agent:agent2")).routeId("r1")
                        .to("mock:all")
                        .process(e -> {
                            if (getMockEndpoint("mock:all").getReceivedCounter() == 1) {
                                throw new IllegalStateException("the first update fails in the route");
                            }
                        })
                        .to("mock:done");
            }
        });
        String id = awaitSubscription(consumer("r1"));
        sim().statistics().publishUpdates();
        sim().statistics().publishUpdates();
        awaitCount("the second update processed", () -> getMockEndpoint("mock:done").getReceivedCounter() == 1);
        assertEquals(2, getMockEndpoint("mock:all").getReceivedCounter());
        assertEquals(Set.of(id), sim().statistics().subscriptionIds());
    }

    @Test
    void aCometdRestartKeepsTheSubscriptionAndEmitsItsValuesAgain() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);

        sim().cometd().dropAllSessions();

        awaitCount("a new session", () -> consumer.notifications().handshakeCount() == 2);
        awaitCount("the values re-read", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 4);
        assertEquals(Set.of(id), sim().statistics().subscriptionIds(), "the same subscription, not a second one");
        assertNoLossAfterRecovery(mock, id);
    }

    @Test
    void aConnectThatFailsInTheSameSessionReadsTheValuesAgain() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
        awaitCount("connected", () -> consumer.notifications().state()
                                      == io.camelgenesys.core.notifications.GenesysNotificationsState.CONNECTED);
        long handshakes = consumer.notifications().handshakeCount();
        String reads = "/statistics/v3/subscriptions/" + id + "/statistic-values";
        int before = sim().requests().count("GET", reads);
        // the fault must take the connect AFTER the one the update answers: CONNECTED only says the first connect was
        // answered; the next one, which the server holds, may not have arrived yet (on a loaded machine it arrived
        // after the fault and took it, the update then came with the reconnect and the re-read was rightly stale)
        awaitCount("a /meta/connect held by the server",
                () -> sim().requests().count("POST", "/statistics/v3/notifications/connect") >= 2);

        // the next /meta/connect fails (the held one is answered by the update), the session stays on the server
        sim().faults().on("POST", "/statistics/v3/notifications/**").status(500).times(1);
        assertEquals(1, sim().statistics().publishUpdates());

        // updates an answer of the failed connect may have carried are not sent again: the values are read again
        awaitCount("the values re-read", () -> sim().requests().count("GET", reads) == before + 1);
        // delivered once as they are (a recovery re-states unchanged values once, as after a new session)
        awaitCount("the values re-stated", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 4);
        assertEquals(handshakes, consumer.notifications().handshakeCount(), "the same session, no new handshake");
        assertEquals(Set.of(id), sim().statistics().subscriptionIds());
        assertNoLossAfterRecovery(mock, id);
    }

    @Test
    void aSubscriptionGoneAfterTheSessionLossIsCreatedAgain() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        // Genesys lost it while the session was down: delete it behind the consumer's back
        template.sendBodyAndHeader("genesys-stats:deleteSubscription?" + SimulatorSupport.multicloud(sim()), null,
                StatisticsConstants.SUBSCRIPTION_ID, id);
        assertEquals(0, sim().statistics().subscriptionCount());

        sim().cometd().dropAllSessions();

        awaitCount("a new subscription", () -> consumer.getSubscriptionId() != null && !id.equals(consumer.getSubscriptionId())
                                               && sim().statistics().subscriptionCount() == 1);
        String recreated = consumer.getSubscriptionId();
        assertEquals(Set.of(recreated), sim().statistics().subscriptionIds());
        awaitCount("its values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 4);
        assertNoLossAfterRecovery(mock, recreated);
    }

    @Test
    void tokenExpiryWhileConnectedIsInvisibleToTheRoute() throws Exception {
        sim().setTokenLifetime(Duration.ofSeconds(2));
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        String first = sim().tokens().lastIssuedAccessToken();

        await("a refreshed token", 10_000, () -> !first.equals(sim().tokens().lastIssuedAccessToken()));
        // an update ends the held /meta/connect; the next one must carry the new token
        await("the new token on /meta/connect", 10_000, () -> {
            sim().statistics().publishUpdates();
            String sent = sim().requests().lastHeader("/statistics/v3/notifications/connect", "Authorization");
            return ("Bearer " + sim().tokens().lastIssuedAccessToken()).equals(sent) && !("Bearer " + first).equals(sent);
        });
        assertEquals(Set.of(id), sim().statistics().subscriptionIds());
        assertEquals(1, consumer.notifications().handshakeCount(), "the session survives token rotation");
        awaitCount("all updates so far", () -> updatesOf(mock, id).size() == 2 * publishedUpdates(id));
        assertNoLossAfterRecovery(mock, id);
    }

    @Test
    void aRevokedTokenAndAHandshakeRefusedWith401Recover() throws Exception {
        LogCapture logs = LogCapture.install();
        try {
            String revoked = revokedTokenAndRefusedHandshake();
            logs.assertNoneContains(List.of(revoked, sim().tokens().lastIssuedAccessToken(), "mc-api-key", "mc-secret",
                    "agent1-password"));
        } finally {
            logs.uninstall();
        }
    }

    /** @return the revoked token */
    private String revokedTokenAndRefusedHandshake() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        String old = sim().tokens().lastIssuedAccessToken();

        sim().tokens().revokeAll();
        sim().cometd().rejectHandshakes(1, 401);
        sim().cometd().dropAllSessions();

        awaitCount("a new session", () -> consumer.notifications().handshakeCount() == 2);
        awaitCount("the values re-read", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 4);
        assertNotEquals(old, sim().tokens().lastIssuedAccessToken(), "a new token after the 401");
        assertEquals(Set.of(id), sim().statistics().subscriptionIds());
        assertNoLossAfterRecovery(mock, id);
        assertEquals(HealthCheck.State.UP, health("r1").getState());
        return old;
    }

    /**
     * A CometD answer larger than maxNotificationSize fails as a whole (CometD aborts it): a WARN names the limit and
     * the option, the consumer reads the current values again, and the updates after it arrive once each.
     */
    @Test
    void anAnswerLargerThanMaxNotificationSizeIsAWarnNamingTheOptionAndTheValuesAreReadAgain() throws Exception {
        LogCapture logs = LogCapture.install();
        try {
            StatisticsConsumer consumer = route("r1", subscribe("maxNotificationSize=4096&statistics=" + TWO_STATS),
                    "mock:stats");
            String id = awaitSubscription(consumer);
            MockEndpoint mock = getMockEndpoint("mock:stats");
            awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
            awaitCount("connected", () -> consumer.notifications().isConnected());
            assertEquals(4096, consumer.notifications().maxMessageSize());
            String reads = "/statistics/v3/subscriptions/" + id + "/statistic-values";
            int before = sim().requests().count("GET", reads);

            // the next connect is held until the 40 updates (about 14 KB) are published, so they wait for it (a fixed
            // 1 s delay left a stalled test thread publishing after it, in answers small enough to pass)
            java.util.concurrent.CompletableFuture<Void> published = new java.util.concurrent.CompletableFuture<>();
            sim().faults().on("POST", "/statistics/v3/notifications/**").holdUntil(published).times(1);
            try {
                for (int i = 0; i < 40; i++) {
                    assertEquals(1, sim().statistics().publishUpdates());
                }
            } finally {
                published.complete(null);
            }

            awaitCount("the WARN", () -> !logs.matching(e -> e.level() == org.apache.logging.log4j.Level.WARN
                                                             && e.message().contains("4096 bytes")
                                                             && e.message().contains("maxNotificationSize")).isEmpty());
            awaitCount("the values re-read", () -> sim().requests().count("GET", reads) > before);
            // delivered: the lost updates moved both values on
            awaitCount("the values re-read delivered", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() >= 4);
            assertTrue(updatesOf(mock, id).size() < 80, "the updates of the answer that was too large were lost: "
                                                        + updatesOf(mock, id).size());
            assertNoLossAfterRecovery(mock, id);
        } finally {
            logs.uninstall();
        }
    }

    /** The option is set at component level like any other, and the shared session takes it. */
    @Test
    void maxNotificationSizeIsAComponentOption() throws Exception {
        context.getComponent("genesys-stats", StatisticsComponent.class).getConfiguration()
                .setMaxNotificationSize(64 * 1024 * 1024);
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        awaitSubscription(consumer);
        assertEquals(64 * 1024 * 1024, consumer.notifications().maxMessageSize());
    }

    /** Three updates published after recovery: each statistic of each arrives exactly once. */
    private static void assertNoLossAfterRecovery(MockEndpoint mock, String id) throws InterruptedException {
        int updates = updatesOf(mock, id).size();
        int total = mock.getReceivedCounter();
        for (int i = 0; i < 3; i++) {
            assertEquals(1, sim().statistics().publishUpdates());
        }
        awaitCount("6 more updates", () -> updatesOf(mock, id).size() == updates + 6);
        assertStays("no duplicate", total + 6, mock::getReceivedCounter);
    }

    /** How many StatisticUpdate notifications the simulator published for the subscription. */
    private static int publishedUpdates(String id) {
        return (int) sim().statistics().published().stream()
                .filter(n -> "StatisticUpdate".equals(n.get("name")) && n.toString().contains(id)).count();
    }
}
