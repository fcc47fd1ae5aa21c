package io.camelgenesys.statistics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.camelgenesys.core.test.LogCapture;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health that tells the truth (issue 9 item 4): a connected CometD session that receives nothing for the subscription
 * is DOWN with a message that says what to fix, a quiet statistic is not; and a consumer stopped while Genesys
 * refuses its token does not leave its subscription on the server silently.
 */
class StatisticsHealthTest extends StatisticsConsumerTestSupport {

    private static final String VALUES = "/statistics/v3/subscriptions/*/statistic-values";
    private static final String TOKEN = "/auth/v3/oauth/token";

    @AfterEach
    void cleanUp() {
        sim().statistics().setSessionAffinity(false);
        sim().statistics().setUpdateInterval(Duration.ZERO);
        sim().faults().clear();
    }

    @Test
    void aConnectedSessionThatReceivesNothingForItsSubscriptionIsDownAndSaysWhatToFix() throws Exception {
        sim().statistics().setSessionAffinity(true);
        StatisticsConsumer consumer = route("r1", subscribe("deliveryCheckInterval=300&statistics=" + TWO_STATS),
                "mock:stats");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        sim().statistics().setUpdateInterval(Duration.ofMillis(100));
        awaitCount("updates flow", () -> updatesOf(mock, id).size() >= 4);
        assertEquals(HealthCheck.State.UP, health("r1").getState());

        // the server loses track of the session the subscription belongs to: nothing arrives any more. The consumer's
        // re-create is held until the DOWN has been read: with a fixed delay (3 s) a loaded machine could let the
        // re-create through before the test had looked, and health would be UP again
        CompletableFuture<Void> recreate = new CompletableFuture<>();
        try {
            sim().faults().on("POST", "/statistics/v3/subscriptions").holdUntil(recreate).times(1);
            sim().statistics().bindToCookie(id, "another-session");
            awaitCount("DOWN", () -> health("r1").getState() == HealthCheck.State.DOWN);
            String message = health("r1").getMessage().orElse("");
            assertTrue(message.contains("receives nothing for statistics subscription " + id), message);
            assertTrue(message.contains("cookie"), message);
            assertTrue(message.contains("created again"), message);
            assertEquals("CONNECTED", health("r1").getDetails().get("genesys.cometd.state"));
        } finally {
            recreate.complete(null);
        }

        // created again in this session, whose cookie it now carries: updates flow and health is UP again
        String again = awaitSubscription(consumer);
        assertNotEquals(id, again);
        int before = updatesOf(mock, again).size();
        awaitCount("updates of the new subscription", () -> updatesOf(mock, again).size() >= before + 4);
        awaitCount("UP again", () -> health("r1").getState() == HealthCheck.State.UP);
        // the old one's delete is not waited for by the re-create: wait for it rather than assume it is done
        awaitCount("the old one deleted", () -> Set.of(again).equals(sim().statistics().subscriptionIds()));
    }

    /**
     * After a new CometD session Genesys refuses the re-subscription to the updates channel: nothing can arrive any
     * more, so health is DOWN and says so (it stayed UP: the subscription still existed), and the consumer subscribes
     * the channel again with backoff; once Genesys accepts it, the values are read again and updates flow.
     */
    @Test
    void aRefusedResubscriptionIsDownAndSubscribedAgain() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("retryInitialDelay=50&retryMaxDelay=200&statistics="
                                                            + TWO_STATS), "mock:stats");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
        awaitCount("UP", () -> health("r1").getState() == HealthCheck.State.UP);

        java.util.Map<String, Long> missed = new java.util.HashMap<>();
        java.util.concurrent.atomic.AtomicBoolean deny = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger denied = new java.util.concurrent.atomic.AtomicInteger();
        org.cometd.bayeux.server.Authorizer authorizer = refuseUpdatesWhile(deny, denied);
        try {
            sim().cometd().dropAllSessions();
            // the session is connected again, and health is DOWN naming the refusal (it was UP)
            awaitCount("connected again", () -> consumer.notifications().handshakeCount() == 2
                                                && consumer.notifications().isConnected() && denied.get() >= 1);
            awaitCount("DOWN naming the refusal", () -> health("r1").getState() == HealthCheck.State.DOWN
                                                        && health("r1").getMessage().orElse("").contains("refused"));
            String message = health("r1").getMessage().orElse("");
            assertTrue(message.contains(StatisticsConsumer.UPDATES), message);
            assertEquals("CONNECTED", health("r1").getDetails().get("genesys.cometd.state"));
            awaitCount("subscribed again, and refused again", () -> denied.get() >= 2);
            assertEquals(HealthCheck.State.DOWN, health("r1").getState());

            // Genesys accepts it again; an update published meanwhile reached no listener
            assertEquals(1, sim().statistics().publishUpdates());
            missed.putAll(lastPublishedTimestamps(id));
            deny.set(false);
            awaitCount("UP again", () -> health("r1").getState() == HealthCheck.State.UP);
        } finally {
            deny.set(false);
            sim().cometd().bayeux().getChannel(StatisticsConsumer.UPDATES).removeAuthorizer(authorizer);
        }
        // the values are read again: the route has the update it missed, as InitialValues
        assertEquals(2, missed.size());
        awaitCount("the missed update's values read again", () -> missed.entrySet().stream().allMatch(
                m -> events(mock, StatisticsConstants.INITIAL_VALUES).stream().anyMatch(
                        e -> m.getKey().equals(e.getMessage().getHeader(StatisticsConstants.STATISTIC_ID))
                             && m.getValue().equals(e.getMessage().getHeader(StatisticsConstants.TIMESTAMP, Long.class)))));
        assertTrue(updatesOf(mock, id).stream().noneMatch(e -> missed.get(
                e.getMessage().getHeader(StatisticsConstants.STATISTIC_ID, String.class)).equals(
                        e.getMessage().getHeader(StatisticsConstants.TIMESTAMP, Long.class))), "it reached no listener");
        assertEquals(Set.of(id), sim().statistics().subscriptionIds());
        int updates = updatesOf(mock, id).size();
        assertEquals(1, sim().statistics().publishUpdates());
        awaitCount("updates flow again", () -> updatesOf(mock, id).size() == updates + 2);
    }

    /**
     * Genesys refuses the updates channel when the consumer starts: health is DOWN naming the refusal, no subscription
     * is created (nothing could arrive), and the channel is subscribed again with backoff; once Genesys accepts it, the
     * subscription is created and its values and updates arrive (it stayed DOWN until the route was restarted).
     */
    @Test
    void aChannelRefusedAtStartIsSubscribedAgainAndTheSubscriptionCreatedThen() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean deny = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger denied = new java.util.concurrent.atomic.AtomicInteger();
        org.cometd.bayeux.server.Authorizer authorizer = refuseUpdatesWhile(deny, denied);
        StatisticsConsumer consumer;
        try {
            consumer = route("r1", subscribe("retryInitialDelay=50&retryMaxDelay=200&statistics=" + TWO_STATS),
                    "mock:stats");
            awaitCount("DOWN naming the refusal", () -> health("r1").getState() == HealthCheck.State.DOWN
                                                        && health("r1").getMessage().orElse("").contains("refused"));
            assertTrue(health("r1").getMessage().orElse("").contains(StatisticsConsumer.UPDATES),
                    health("r1").getMessage().orElse(""));
            awaitCount("subscribed again, and refused again", () -> denied.get() >= 2);
            assertEquals(0, sim().statistics().subscriptionCount(), "nothing created while nothing can arrive");
            deny.set(false);
        } finally {
            deny.set(false);
            sim().cometd().bayeux().getChannel(StatisticsConsumer.UPDATES).removeAuthorizer(authorizer);
        }
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
        awaitCount("UP", () -> health("r1").getState() == HealthCheck.State.UP);
        assertEquals(1, sim().statistics().publishUpdates());
        awaitCount("updates flow", () -> updatesOf(mock, id).size() == 2);
        assertEquals(Set.of(id), sim().statistics().subscriptionIds());
    }

    /**
     * A refusal that persists is logged at WARN once, however many /meta/connects succeed meanwhile (each one cleared
     * the log-once memory, so the refusal was warned about again about once per long poll); once the channel was
     * subscribed and is refused anew, it is warned about again.
     */
    @Test
    void aPersistentRefusalIsWarnedOnceAndAgainOnlyAfterItRecovered() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean deny = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger denied = new java.util.concurrent.atomic.AtomicInteger();
        String connect = "/statistics/v3/notifications/connect";
        LogCapture logs = LogCapture.install();
        org.cometd.bayeux.server.Authorizer authorizer = refuseUpdatesWhile(deny, denied);
        java.util.function.Supplier<Integer> warnings = () -> logs.matching(
                c -> c.level() == Level.WARN && c.logger().endsWith("SessionSupervisor")
                     && c.message().contains("refused the subscription to " + StatisticsConsumer.UPDATES)).size();
        try {
            StatisticsConsumer consumer = route("r1",
                    subscribe("retryInitialDelay=50&retryMaxDelay=200&statistics=" + TWO_STATS), "mock:stats");
            awaitCount("refused", () -> denied.get() >= 1);
            int connects = sim().requests().count("POST", connect);
            // refused again and again while two long polls at least end and are answered
            awaitCount("refusals across long polls", () -> sim().requests().count("POST", connect) >= connects + 3
                                                          && denied.get() >= 5);
            assertEquals(1, warnings.get(), "a persistent refusal is warned about once");

            deny.set(false);
            awaitSubscription(consumer);
            deny.set(true);
            int before = denied.get();
            sim().cometd().dropAllSessions(); // a new session: the channel is subscribed again, and refused anew
            awaitCount("refused anew", () -> denied.get() > before);
            awaitCount("warned anew", () -> warnings.get() == 2);
            int again = sim().requests().count("POST", connect);
            awaitCount("more refusals across long polls", () -> sim().requests().count("POST", connect) >= again + 3
                                                               && denied.get() >= before + 5);
            assertEquals(2, warnings.get(), "warned once more after it had recovered, then not again");
        } finally {
            deny.set(false);
            sim().cometd().bayeux().getChannel(StatisticsConsumer.UPDATES).removeAuthorizer(authorizer);
            logs.uninstall();
        }
    }

    /**
     * Genesys refuses subscriptions to the updates channel while {@code deny} is set (counted in {@code denied}); remove
     * the returned authorizer from the channel afterwards.
     */
    private static org.cometd.bayeux.server.Authorizer refuseUpdatesWhile(java.util.concurrent.atomic.AtomicBoolean deny,
                                                                       java.util.concurrent.atomic.AtomicInteger denied) {
        sim().cometd().bayeux().createChannelIfAbsent(StatisticsConsumer.UPDATES, c -> c.setPersistent(true));
        org.cometd.bayeux.server.Authorizer authorizer = (operation, channel, session, message) -> {
            if (operation == org.cometd.bayeux.server.Authorizer.Operation.SUBSCRIBE && deny.get()) {
                denied.incrementAndGet();
                return org.cometd.bayeux.server.Authorizer.Result.deny("not allowed now");
            }
            // an authorizer that grants nothing denies everything (CometD's "denied_by_not_granting")
            return org.cometd.bayeux.server.Authorizer.Result.grant();
        };
        sim().cometd().bayeux().getChannel(StatisticsConsumer.UPDATES).addAuthorizer(authorizer);
        return authorizer;
    }

    /** statisticId -> timestamp of the subscription's values in the last notification the simulator published. */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Long> lastPublishedTimestamps(String subscriptionId) {
        List<java.util.Map<String, Object>> published = sim().statistics().published();
        java.util.Map<String, Object> data = (java.util.Map<String, Object>) published.get(published.size() - 1).get("data");
        Object statistics = data.get("statistics");
        List<Object> entries = statistics instanceof Object[] array ? List.of(array) : (List<Object>) statistics;
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        for (Object o : entries) {
            java.util.Map<String, Object> entry = (java.util.Map<String, Object>) o;
            if (subscriptionId.equals(entry.get("subscriptionId"))) {
                out.put((String) entry.get("statisticId"), ((Number) entry.get("timestamp")).longValue());
            }
        }
        return out;
    }

    @Test
    void aQuietStatisticRaisesNoAlarm() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("deliveryCheckInterval=150&statistics=" + TWO_STATS),
                "mock:stats");
        String id = awaitSubscription(consumer);
        awaitCount("UP", () -> health("r1").getState() == HealthCheck.State.UP);
        int reads = sim().requests().count("GET", VALUES);
        // nothing is published: the checks read the values, find nothing newer, and stay quiet. Health is read until
        // three more checks have run, however long that takes (a fixed 1.2 s window assumed they ran in it: a loaded
        // machine ran fewer), then once more
        awaitCount("three checks, UP throughout", () -> {
            assertEquals(HealthCheck.State.UP, health("r1").getState(), health("r1").getMessage().orElse(""));
            return sim().requests().count("GET", VALUES) >= reads + 3;
        });
        assertEquals(HealthCheck.State.UP, health("r1").getState(), health("r1").getMessage().orElse(""));
        assertEquals(Set.of(id), sim().statistics().subscriptionIds(), "nothing created again");
    }

    @Test
    void aConsumerStoppedWhileItsTokenIsRefusedDeletesItsSubscriptionOnceTheConnectionCan() throws Exception {
        StatisticsConsumer stopped = route("r1", subscribe("initialValues=false&statistics=" + TWO_STATS), "mock:a");
        StatisticsConsumer other = route("r2", subscribe("initialValues=false&statistics=CurrentAgentState:Agent:agent1"),
                "mock:b");
        String left = awaitSubscription(stopped);
        String kept = awaitSubscription(other);

        // Genesys refuses the token, and no new one can be had
        sim().faults().on("POST", TOKEN).status(401).body("{\"status\":{\"code\":401,\"message\":\"refused\"}}",
                "application/json");
        sim().tokens().revokeAll();
        long start = System.nanoTime();
        context.getRouteController().stopRoute("r1");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos(), "stop is bounded");
        assertTrue(sim().statistics().subscriptionIds().contains(left), "the delete was refused");
        assertEquals(Set.of(left), stopped.pendingDeletes().ids(), "kept to delete later");

        // the connection (still used by r2) can again: the delete is retried and succeeds
        sim().faults().clear();
        awaitCount("deleted once the token works", () -> !sim().statistics().subscriptionIds().contains(left));
        assertEquals(Set.of(kept), sim().statistics().subscriptionIds());
        awaitCount("nothing left to delete", () -> stopped.pendingDeletes().ids().isEmpty());
    }

    @Test
    void whenTheConnectionClosesFirstTheLogNamesTheSubscriptionLeftOnGenesys() throws Exception {
        LogCapture logs = LogCapture.install();
        try {
            StatisticsConsumer consumer = route("r1", subscribe("initialValues=false&statistics=" + TWO_STATS),
                    "mock:a");
            String left = awaitSubscription(consumer);
            sim().faults().on("POST", TOKEN).status(401).body("{\"status\":{\"code\":401}}", "application/json");
            sim().tokens().revokeAll();
            context.stop();
            assertTrue(sim().statistics().subscriptionIds().contains(left));
            List<String> warnings = logs.matching(c -> c.level() == Level.WARN && c.message().contains(left)
                                                       && c.message().contains("stay on Genesys"))
                    .stream().map(c -> c.message()).toList();
            assertFalse(warnings.isEmpty(), "a WARN names the subscription left on Genesys");
            logs.assertNoneContains(List.of("mc-api-key", "mc-secret", "agent1-password"));
        } finally {
            logs.uninstall();
        }
    }

    @Test
    void aCreateStillUnansweredWhenTheConnectionClosesIsNamedAsLeftOnGenesys() throws Exception {
        LogCapture logs = LogCapture.install();
        CompletableFuture<Void> answer = new CompletableFuture<>();
        try {
            String path = "/statistics/v3/subscriptions";
            // the create is answered only after the context (and so the connection) has stopped: the stop waits for
            // it (bounded), gives up, and the connection closes with the create still under way
            sim().faults().on("POST", path).holdUntil(answer).times(1);
            route("r1", subscribe("initialValues=false&statistics=" + TWO_STATS), "mock:a");
            awaitCount("the create in flight", () -> sim().faults().hits("POST", path) == 1);
            context.stop();
            answer.complete(null);
            awaitCount("Genesys opened the late create", () -> sim().statistics().subscriptionCount() == 1);
            String left = sim().statistics().subscriptionIds().iterator().next();
            awaitCount("a WARN names the subscription left on Genesys",
                    () -> !logs.matching(c -> c.level() == Level.WARN && c.message().contains(left)
                                              && c.message().contains("left on Genesys")).isEmpty());
            assertTrue(logs.matching(c -> c.message().contains("deleted as soon as the connection can")).isEmpty(),
                    "no message promises a delete that cannot happen");
            logs.assertNoneContains(List.of("mc-api-key", "mc-secret", "agent1-password"));
        } finally {
            answer.complete(null);
            logs.uninstall();
        }
    }
}
