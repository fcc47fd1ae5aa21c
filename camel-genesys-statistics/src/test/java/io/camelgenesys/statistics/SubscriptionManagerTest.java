package io.camelgenesys.statistics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import io.camelgenesys.core.test.Await;
import io.camelgenesys.statistics.model.Statistic;
import io.camelgenesys.statistics.model.StatisticValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelgenesys.statistics.StatisticsStreamTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subscription lifecycle on its own: the REST calls are answered by the test (futures it completes), the output is
 * recorded. The same behaviours against the simulator, through routes, are in {@link StatisticsRecoveryTest},
 * {@link StatisticsConsumerTest} and {@link StatisticsHealthTest}.
 */
class SubscriptionManagerTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final List<String> undeleted = new CopyOnWriteArrayList<>();
    private volatile boolean connected = true;

    record Call(String kind, String id, CompletableFuture<Object> answer) {
    }

    private final SubscriptionManager.Api api = new SubscriptionManager.Api() {
        @Override
        @SuppressWarnings({ "unchecked", "rawtypes" })
        public CompletableFuture<SubscriptionManager.Created> create(String operationId) {
            return (CompletableFuture) record("create", operationId);
        }

        @Override
        @SuppressWarnings({ "unchecked", "rawtypes" })
        public CompletableFuture<List<StatisticValue>> read(String subscriptionId) {
            return (CompletableFuture) record("read", subscriptionId);
        }

        @Override
        public CompletableFuture<?> delete(String subscriptionId) {
            return record("delete", subscriptionId);
        }

        private CompletableFuture<Object> record(String kind, String id) {
            CompletableFuture<Object> f = new CompletableFuture<>();
            calls.add(new Call(kind, id, f));
            return f;
        }
    };

    private SubscriptionManager manager(long checkMillis) {
        Map<String, Statistic> statistics = new HashMap<>();
        Statistic s = new Statistic();
        s.setStatisticId("a");
        s.setName("CurrentAgentState");
        s.setObjectType("Agent");
        s.setObjectId("agent2");
        statistics.put("a", s);
        return new SubscriptionManager("r1", statistics, api,
                (id, type, values, restating) -> values.forEach(v -> output.add(type + (restating ? "*" : "") + " " + id
                                                                               + " " + v.getStatisticId() + "="
                                                                               + v.getValue() + "@" + v.getTimestamp()
                                                                               + " " + v.getName())),
                new RetryScheduler(scheduler), new RetryPolicy(true, 1, 10, 20, 0).unbounded(), true, checkMillis,
                () -> connected, undeleted::add);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void createsOnceTheChannelsAreReadyAndPassesEarlyUpdatesOnAfterTheInitialValues() throws Exception {
        SubscriptionManager m = manager(0);
        m.start();
        assertTrue(calls.isEmpty(), "not before the channels are subscribed");
        m.channelsReady();
        Call create = only("create");
        // an update under the operationId arrives before the answer
        m.onUpdate(update(create.id(), "a", 11, 2));
        m.onUpdate(update("someone-else", "a", 11, 9));
        assertTrue(output.isEmpty());
        create.answer().complete(new SubscriptionManager.Created(create.id(), new ArrayList<>(List.of(value("a", 10, 1))),
                null));
        assertEquals(List.of("InitialValues " + create.id() + " a=1@10 CurrentAgentState",
                "StatisticUpdate " + create.id() + " a=2@11 CurrentAgentState"), output);
        assertEquals(create.id(), m.subscriptionId());
        m.onUpdate(update(create.id(), "a", 12, 3));
        assertEquals("StatisticUpdate " + create.id() + " a=3@12 CurrentAgentState", output.get(2));
    }

    @Test
    void aFailedCreateIsRetriedAndOneWithoutAnAnswerIsDeletedFirst() throws Exception {
        SubscriptionManager m = manager(0);
        m.start();
        m.channelsReady();
        calls.get(0).answer().completeExceptionally(new GenesysApiException("boom",
                GenesysApiException.builder().httpStatus(500), null));
        await("a retry", () -> count("create") == 2);
        assertTrue(m.status().lastError().contains("Creating the statistics subscription failed: boom"));
        Call second = calls.get(1);
        assertNotEquals(calls.get(0).id(), second.id(), "a new operationId");
        second.answer().completeExceptionally(new IOException("connection reset"));
        // Genesys may have opened it: deleted before the retry
        assertEquals(second.id(), calls.get(2).id());
        assertEquals("delete", calls.get(2).kind());
        await("another retry", () -> count("create") == 3);
    }

    @Test
    void anAnswerForAStateThatPassedIsDeletedNotApplied() {
        SubscriptionManager m = manager(0);
        m.start();
        m.channelsReady();
        Call create = only("create");
        m.serviceUnavailable();
        create.answer().complete(new SubscriptionManager.Created(create.id(), List.of(value("a", 10, 1)), null));
        assertNull(m.subscriptionId());
        assertTrue(output.isEmpty());
        assertEquals("delete", calls.get(1).kind());
        assertEquals(create.id(), calls.get(1).id());
        assertTrue(m.status().lastError().contains("UNAVAILABLE"));
        m.serviceAvailable();
        assertEquals(2, count("create"));
    }

    @Test
    void aNewSessionReadsTheValuesAgainAndCreatesAgainWhenGone() {
        SubscriptionManager m = manager(0);
        m.start();
        m.channelsReady();
        Call create = only("create");
        create.answer().complete(new SubscriptionManager.Created(create.id(), List.of(value("a", 10, 1)), null));
        m.verify("new CometD session", true);
        Call read = calls.get(1);
        assertEquals("read", read.kind());
        read.answer().complete(List.of(value("a", 12, 3)));
        assertEquals("InitialValues* " + create.id() + " a=3@12 CurrentAgentState", output.get(1));

        m.verify("new CometD session", true);
        calls.get(2).answer().completeExceptionally(new GenesysApiException("gone",
                GenesysApiException.builder().httpStatus(404), null));
        assertEquals("create", calls.get(3).kind());
        assertNull(m.subscriptionId());
    }

    @Test
    void stopDeletesAndAFailedDeleteIsHandedOn() {
        SubscriptionManager m = manager(0);
        m.start();
        m.channelsReady();
        Call create = only("create");
        create.answer().complete(new SubscriptionManager.Created(create.id(), List.of(), null));
        CompletableFuture.runAsync(() -> {
            await("the delete", () -> count("delete") == 1);
            calls.get(1).answer().completeExceptionally(new GenesysApiException("token refused",
                    GenesysApiException.builder().httpStatus(401), null));
        });
        m.stop(5_000);
        assertEquals(List.of(create.id()), undeleted);
        assertNull(m.subscriptionId());
        m.onUpdate(update(create.id(), "a", 20, 1));
        assertTrue(output.isEmpty(), "nothing after stop");
    }

    @Test
    void nothingOverCometdWhileGenesysHasNewerValuesIsAProblemAtTheSecondCheckAndRecreatesOnce() throws Exception {
        SubscriptionManager m = manager(40);
        m.start();
        m.channelsReady();
        Call create = only("create");
        create.answer().complete(new SubscriptionManager.Created(create.id(), List.of(value("a", 10, 1)), null));
        await("a check", () -> count("read") >= 1);
        calls.get(1).answer().complete(List.of(value("a", 15, 2)));
        assertNull(m.status().deliveryProblem(), "once may be an update in flight");
        // every later check finds the same newer value
        await("a problem", () -> {
            calls.stream().filter(c -> c.kind().equals("read")).forEach(c -> c.answer().complete(
                    List.of(value("a", 15, 2))));
            return m.status().deliveryProblem() != null;
        });
        String problem = m.status().deliveryProblem();
        assertTrue(problem.contains("receives nothing for statistics subscription " + create.id()), problem);
        assertTrue(problem.contains("CurrentAgentState:Agent:agent2 has a value of 15"), problem);
        assertTrue(problem.contains("created again"), problem);
        // created again once, the old one deleted
        await("the new create", () -> count("create") == 2);
        assertTrue(calls.stream().anyMatch(c -> c.kind().equals("delete") && c.id().equals(create.id())));
        Call again = last("create");
        again.answer().complete(new SubscriptionManager.Created(again.id(), List.of(value("a", 15, 2)), null));
        // an update over CometD clears it
        m.onUpdate(update(again.id(), "a", 16, 3));
        assertNull(m.status().deliveryProblem());
        m.stop(1_000);
    }

    @Test
    void aQuietStatisticIsNoProblem() throws Exception {
        SubscriptionManager m = manager(30);
        m.start();
        m.channelsReady();
        Call create = only("create");
        create.answer().complete(new SubscriptionManager.Created(create.id(), List.of(value("a", 10, 1)), null));
        await("three checks", () -> {
            calls.stream().filter(c -> c.kind().equals("read")).forEach(c -> c.answer().complete(
                    List.of(value("a", 10, 1))));
            return count("read") >= 3;
        });
        assertNull(m.status().deliveryProblem());
        assertEquals(1, count("create"));
        connected = false;
        // a check already under way may have seen the session connected and not yet read: the scheduler runs one task
        // at a time, so once this no-op ran every later check sees it disconnected
        scheduler.submit(() -> {
        }).get(5, TimeUnit.SECONDS);
        int reads = count("read");
        Thread.sleep(150);
        assertEquals(reads, count("read"), "no check while the session is not connected");
        m.stop(1_000);
    }

    private Call only(String kind) {
        List<Call> of = calls.stream().filter(c -> c.kind().equals(kind)).toList();
        assertEquals(1, of.size(), calls.toString());
        return of.get(0);
    }

    private Call last(String kind) {
        List<Call> of = calls.stream().filter(c -> c.kind().equals(kind)).toList();
        return of.get(of.size() - 1);
    }

    private int count(String kind) {
        return (int) calls.stream().filter(c -> c.kind().equals(kind)).count();
    }

    private static Map<String, Object> update(String subscriptionId, String statisticId, long timestamp, Object value) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("subscriptionId", subscriptionId);
        entry.put("statisticId", statisticId);
        entry.put("timestamp", timestamp);
        entry.put("value", value);
        return Map.of("statistics", List.of(entry));
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, 5_000, condition);
    }
}
