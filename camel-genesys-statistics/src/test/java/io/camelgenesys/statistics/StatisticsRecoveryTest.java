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

    /**
     * The AVAILABLE that ends an outage is published while the consumer's CometD session is lost (the trouble that
     * takes the Statistics service's servers often takes the session too): Bayeux keeps nothing for a session that does
     * not exist yet, so it never arrives. The consumer asks Genesys in the new session (it creates the subscription)
     * instead of waiting for good for a notification that will not come: one live subscription, its values, the route
     * told AVAILABLE (before those values), health UP.
     */
    @Test
    void anAvailableMissedWhileTheSessionWasLostIsFoundOutInTheNewSession() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("emitServiceState=true&statistics=" + TWO_STATS),
                "mock:stats");
        String before = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
        sim().statistics().serviceUnavailable();
        awaitCount("UNAVAILABLE", () -> events(mock, StatisticsConstants.SERVICE_STATE_CHANGE).size() == 1);
        awaitCount("dropped", () -> consumer.getSubscriptionId() == null);

        String handshake = "/statistics/v3/notifications/handshake";
        int handshakes = sim().requests().count("POST", handshake);
        java.util.concurrent.CompletableFuture<Void> release = new java.util.concurrent.CompletableFuture<>();
        sim().faults().on("POST", handshake).holdUntil(release).times(1);
        try {
            sim().cometd().dropAllSessions();
            awaitCount("the new session's handshake held", () -> sim().requests().count("POST", handshake) == handshakes + 1);
            // no session exists on the server now: the notification reaches nobody
            sim().statistics().serviceAvailable();
            assertEquals(0, sim().cometd().sessionCount());
        } finally {
            release.complete(null);
        }

        String after = awaitSubscription(consumer);
        assertNotEquals(before, after, "created again");
        assertEquals(Set.of(after), sim().statistics().subscriptionIds(), "exactly one live subscription");
        awaitCount("its values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 4);
        List<Object> states = events(mock, StatisticsConstants.SERVICE_STATE_CHANGE).stream()
                .map(e -> e.getMessage().getHeader(StatisticsConstants.SERVICE_STATE)).toList();
        assertEquals(List.of("UNAVAILABLE", "AVAILABLE"), states);
        List<Exchange> received = mock.getReceivedExchanges();
        int available = received.indexOf(events(mock, StatisticsConstants.SERVICE_STATE_CHANGE).get(1));
        int fresh = received.indexOf(events(mock, StatisticsConstants.INITIAL_VALUES).get(2));
        assertTrue(available < fresh, "AVAILABLE before the new subscription's values");
        awaitCount("UP", () -> health("r1").getState() == HealthCheck.State.UP);
        assertNoLossAfterRecovery(mock, after);
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

    /**
     * The session is lost again while the values read after the previous new session are still on their way: an
     * update published between the two sessions reached no session, and that read was answered before it. The values
     * are read again after the second session (a check asked for while another request was under way was dropped,
     * and the route never got the update).
     */
    @Test
    void aSessionLostWhileItsValuesAreReadIsReadAgainAfterTheNextOne() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
        String reads = "/statistics/v3/subscriptions/" + id + "/statistic-values";
        int before = sim().requests().count("GET", reads);
        long handshakes = consumer.notifications().handshakeCount();
        java.util.concurrent.atomic.AtomicLong resubscribed = new java.util.concurrent.atomic.AtomicLong();
        // told after the consumer (listeners are told in order): the consumer has asked for its check by then
        consumer.notifications().addListener(new io.camelgenesys.core.notifications.GenesysNotificationsListener() {
            @Override
            public void onResubscribed(long handshakeCount) {
                resubscribed.set(handshakeCount);
            }
        });
        // the read after the first new session: answered with what Genesys had before the update below, and late
        java.util.concurrent.CompletableFuture<Void> answer = new java.util.concurrent.CompletableFuture<>();
        sim().faults().on("GET", reads).holdUntil(answer)
                .body("{\"status\":{\"code\":0},\"data\":{\"subscriptionId\":\"" + id + "\",\"statistics\":[]}}")
                .times(1);
        try {
            sim().cometd().dropAllSessions();
            awaitCount("the values read after the new session", () -> sim().requests().count("GET", reads) == before + 1);

            sim().cometd().dropAllSessions();
            // no session is subscribed now: this update reaches the consumer only by reading the values again
            assertEquals(1, sim().statistics().publishUpdates());
            awaitCount("the second new session subscribed", () -> resubscribed.get() == handshakes + 2);
        } finally {
            answer.complete(null);
        }

        awaitCount("the values read again", () -> sim().requests().count("GET", reads) == before + 2);
        awaitCount("the update's values delivered", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 4);
        assertEquals(0, updatesOf(mock, id).size(), "the update reached no session");
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

    /**
     * A token expires while the session is connected: the client refreshed it ahead (a tenth of its lifetime), yet a
     * /meta/connect sent with it just before can still reach Genesys after it expired and is refused (401). Made
     * certain rather than left to the machine's speed: the simulator holds the next /meta/connect until the token it
     * carries has expired on the server, then lets it in. The route sees none of it: the same CometD session, the
     * same subscription, the next connect carries the refreshed token, every update published meanwhile arrives once.
     */
    @Test
    void tokenExpiryWhileConnectedIsInvisibleToTheRoute() throws Exception {
        LogCapture logs = LogCapture.install();
        try {
            tokenExpiresWhileAConnectIsOnItsWay(logs);
        } finally {
            logs.uninstall();
        }
    }

    private void tokenExpiresWhileAConnectIsOnItsWay(LogCapture logs) throws Exception {
        sim().setTokenLifetime(Duration.ofSeconds(2));
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
        awaitCount("connected", () -> consumer.notifications().isConnected());
        String connect = "/statistics/v3/notifications/connect";
        awaitCount("a /meta/connect held by the server", () -> sim().requests().count("POST", connect) >= 2);

        // the update answers the connect the server holds; the client's next connect is held on its way in
        String reads = "/statistics/v3/subscriptions/" + id + "/statistic-values";
        int readsBefore = sim().requests().count("GET", reads);
        long staleBefore = consumer.getStaleValuesDropped();
        java.util.concurrent.CompletableFuture<Void> expired = new java.util.concurrent.CompletableFuture<>();
        sim().faults().on("POST", connect).holdUntil(expired).times(1);
        int connects = sim().requests().count("POST", connect);
        try {
            assertEquals(1, sim().statistics().publishUpdates());
            awaitCount("the next /meta/connect on its way", () -> sim().requests().count("POST", connect) > connects);
            String carried = sim().requests().lastHeader(connect, "Authorization");
            String token = carried.substring("Bearer ".length());
            // whichever token it carries expires within the 2 s lifetime; the client has a new one by then
            awaitCount("the token of the held connect expired", () -> !sim().tokens().isValid(token));
            assertNotEquals(token, sim().tokens().lastIssuedAccessToken(), "refreshed ahead of its expiry");
            assertEquals(1, sim().statistics().publishUpdates(), "published while the connect is held");
        } finally {
            expired.complete(null);
        }

        awaitCount("the refused connect reported", () -> !logs.matching(e -> e.message().contains(
                "refused the access token on the CometD connect")).isEmpty());
        // connected again in the same session: the values are read again; the update the retried connect brought got
        // there first, so they are that update's and dropped as not newer (each is counted once or the other)
        awaitCount("the values re-read", () -> sim().requests().count("GET", reads) == readsBefore + 1);
        awaitCount("the values re-read delivered or dropped", () -> events(mock, StatisticsConstants.INITIAL_VALUES)
                .size() - 2 + consumer.getStaleValuesDropped() - staleBefore == 2);
        awaitCount("every update published so far, once",
                () -> updatesOf(mock, id).size() == 2 * publishedUpdates(id));
        String sent = sim().requests().lastHeader(connect, "Authorization");
        assertTrue(sim().tokens().isValid(sent.substring("Bearer ".length())), "the connect after carries a valid token");
        assertEquals(Set.of(id), sim().statistics().subscriptionIds());
        assertEquals(1, consumer.notifications().handshakeCount(), "the session survives token expiry");
        assertNoLossAfterRecovery(mock, id);
        assertEquals(HealthCheck.State.UP, health("r1").getState());
        logs.assertNoneContains(List.of(sim().tokens().lastIssuedAccessToken(), "mc-api-key", "mc-secret"));
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
