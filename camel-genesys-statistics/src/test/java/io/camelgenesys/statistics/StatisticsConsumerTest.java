package io.camelgenesys.statistics;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.statistics.model.StatisticValue;
import org.apache.logging.log4j.Level;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subscribe consumer's normal life: initial values, the stream, batches, sharing the session, stop. */
class StatisticsConsumerTest extends StatisticsConsumerTestSupport {

    @Test
    void initialValuesThenAStreamWithTheDocumentedHeaders() throws Exception {
        sim().statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "WaitForNextCall"));
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("the initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);

        List<String> statisticIds = sim().statistics().statisticIds(id);
        Exchange first = events(mock, StatisticsConstants.INITIAL_VALUES).get(0);
        assertEquals(id, first.getMessage().getHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID));
        assertEquals(statisticIds.get(0), first.getMessage().getHeader(StatisticsConstants.STATISTIC_ID));
        assertEquals("CurrentAgentState", first.getMessage().getHeader(StatisticsConstants.VALUE_STATISTIC_NAME));
        assertEquals("Agent", first.getMessage().getHeader(StatisticsConstants.VALUE_OBJECT_TYPE));
        assertEquals("agent2", first.getMessage().getHeader(StatisticsConstants.VALUE_OBJECT_ID));
        assertInstanceOf(Long.class, first.getMessage().getHeader(StatisticsConstants.TIMESTAMP));
        assertEquals(Map.of("state", "WaitForNextCall"), first.getMessage().getBody());

        for (int i = 0; i < 3; i++) {
            assertEquals(1, sim().statistics().publishUpdates());
        }
        awaitCount("three updates of two statistics", () -> updatesOf(mock, id).size() == 6);
        sim().statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "AfterCallWork"));
        awaitCount("the value set", () -> updatesOf(mock, id).size() == 7);
        Exchange last = updatesOf(mock, id).get(6);
        assertEquals(Map.of("state", "AfterCallWork"), last.getMessage().getBody());
        assertEquals("CurrentAgentState", last.getMessage().getHeader(StatisticsConstants.VALUE_STATISTIC_NAME));
        assertEquals("agent2", last.getMessage().getHeader(StatisticsConstants.VALUE_OBJECT_ID));
        Exchange time = updatesOf(mock, id).get(5);
        assertEquals("TimeInCurrentState", time.getMessage().getHeader(StatisticsConstants.VALUE_STATISTIC_NAME));
        assertEquals(statisticIds.get(1), time.getMessage().getHeader(StatisticsConstants.STATISTIC_ID));
        assertNotNull(time.getMessage().getHeader(StatisticsConstants.TIMESTAMP));
        assertStays("no duplicate", 9, mock::getReceivedCounter);
        assertEquals("UP", health("r1").getState().name());
    }

    @Test
    void batchEmitsOneExchangePerNotification() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("batch=true&initialValues=false&statistics=" + TWO_STATS),
                "mock:batch");
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:batch");
        sim().statistics().publishUpdates();
        sim().statistics().publishUpdates();
        awaitCount("two notifications", () -> mock.getReceivedCounter() == 2);
        Exchange e = mock.getReceivedExchanges().get(1);
        assertEquals(id, e.getMessage().getHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID));
        assertEquals(StatisticsConstants.STATISTIC_UPDATE, e.getMessage().getHeader(StatisticsConstants.EVENT_TYPE));
        List<?> body = e.getMessage().getBody(List.class);
        assertEquals(2, body.size());
        StatisticValue v = assertInstanceOf(StatisticValue.class, body.get(0));
        assertEquals("CurrentAgentState", v.getName(), "names come from what was subscribed");
        assertEquals("agent2", v.getObjectId());
        assertNotNull(v.getValue());
        // what a batch's values show of their notification: the subscriptionId as an additional property, in the
        // JSON the model converter writes as in the map (the decoder makes that map only when it is read)
        String json = context.getTypeConverter().convertTo(String.class, v);
        StatisticValue eager = new StatisticValue();
        eager.setName(v.getName());
        eager.setObjectType(v.getObjectType());
        eager.setObjectId(v.getObjectId());
        eager.setValue(v.getValue());
        eager.setTimestamp(v.getTimestamp());
        eager.setStatisticId(v.getStatisticId());
        eager.setAdditionalProperty("subscriptionId", id);
        assertEquals(context.getTypeConverter().convertTo(String.class, eager), json);
        assertTrue(json.contains("\"subscriptionId\":\"" + id + "\""), json);
        assertEquals(Map.of("subscriptionId", id), v.getAdditionalProperties());
        StatisticValue second = assertInstanceOf(StatisticValue.class, body.get(1));
        assertEquals(Map.of("subscriptionId", id), second.getAdditionalProperties());
        assertStays("no initial values, no duplicate", 2, mock::getReceivedCounter);
    }

    @Test
    void definitionsInJsonAndARefusedStatisticIsLoggedNotDropped() throws Exception {
        LogCapture logs = LogCapture.install();
        try {
            String json = "[{\"statisticId\":\"aht\",\"objectType\":\"Agent\",\"objectId\":\"agent\","
                          + "\"definition\":{\"notificationMode\":\"Periodical\",\"notificationFrequency\":10,"
                          + "\"category\":\"TotalAdjustedTime\",\"subject\":\"DNStatus\",\"intervalType\":"
                          + "\"GrowingWindow\",\"mainMask\":\"WaitForNextCall\"}},"
                          + "{\"statisticId\":\"nope\",\"name\":\"NoSuchStatistic\",\"objectType\":\"Agent\","
                          + "\"objectId\":\"agent\"}]";
            StatisticsConsumer consumer = route("r1", subscribe("initialValues=false&statistics=RAW(" + json + ")"),
                    "mock:stats");
            String id = awaitSubscription(consumer);
            assertEquals(List.of("aht"), sim().statistics().statisticIds(id));
            awaitCount("the refusal logged", () -> !logs.matching(c -> c.level() == Level.WARN
                                                                       && c.message().contains("NoSuchStatistic")).isEmpty());
            sim().statistics().publishUpdates();
            MockEndpoint mock = getMockEndpoint("mock:stats");
            awaitCount("the defined statistic's update", () -> mock.getReceivedCounter() == 1);
            Exchange e = mock.getReceivedExchanges().get(0);
            assertEquals("aht", e.getMessage().getHeader(StatisticsConstants.STATISTIC_ID));
            assertEquals("agent", e.getMessage().getHeader(StatisticsConstants.VALUE_OBJECT_ID));
            assertEquals(null, e.getMessage().getHeader(StatisticsConstants.VALUE_STATISTIC_NAME), "defined, not named");
        } finally {
            logs.uninstall();
        }
    }

    @Test
    void stopDeletesTheSubscriptionAndLeavesNothing() throws Exception {
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        awaitSubscription(consumer);
        assertEquals(1, sim().statistics().subscriptionCount());

        context.getRouteController().stopRoute("r1");
        assertEquals(0, sim().statistics().subscriptionCount(), "deleted before stop returned");
        awaitCount("the CometD session ended", () -> sim().cometd().sessionCount() == 0);

        context.getRouteController().startRoute("r1");
        String again = awaitSubscription(consumer("r1"));
        assertEquals(Set.of(again), sim().statistics().subscriptionIds());
    }

    @Test
    void stoppingWhileTheCreateIsInFlightStillLeavesNothing() throws Exception {
        String path = "/statistics/v3/subscriptions";
        // the create is answered only once the stop has begun (the consumer no longer runs): with a fixed delay
        // (1.5 s) a slow or loaded machine could reach the stop after the answer, and the test a normal stop
        CompletableFuture<Void> answer = new CompletableFuture<>();
        sim().faults().on("POST", path).holdUntil(answer).times(1);
        StatisticsConsumer consumer = route("r1", subscribe("statistics=" + TWO_STATS), "mock:stats");
        awaitCount("the create in flight", () -> sim().faults().hits("POST", path) == 1);
        CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> {
            try {
                Await.until("the consumer stopping", 60_000,
                        () -> "The consumer is stopped".equals(consumer.status().message()));
            } finally {
                answer.complete(null);
            }
        });

        context.getRouteController().stopRoute("r1");
        answered.get(60, TimeUnit.SECONDS);

        assertEquals(0, sim().statistics().subscriptionCount(), "the late answer's subscription was deleted");
        assertEquals(1, sim().requests().count("DELETE", path + "/*"));
        assertEquals(0, getMockEndpoint("mock:stats").getReceivedCounter(), "nothing emitted after stop");
    }

    @Test
    void consumersShareOneSessionAndSeeOnlyTheirOwnSubscription() throws Exception {
        StatisticsConsumer a = route("a", subscribe("initialValues=false&statistics=CurrentAgentState:Agent:agent1"),
                "mock:a");
        StatisticsConsumer b = route("b", subscribe("initialValues=false&statistics=" + TWO_STATS), "mock:b");
        String idA = awaitSubscription(a);
        String idB = awaitSubscription(b);
        assertNotEquals(idA, idB);
        assertSame(a.notifications(), b.notifications(), "one CometD session");
        assertEquals(1, sim().cometd().sessionCount());
        assertEquals(1, sim().cometd().subscriberCount(StatisticsConsumer.UPDATES));

        assertEquals(2, sim().statistics().publishUpdates());
        MockEndpoint mockA = getMockEndpoint("mock:a");
        MockEndpoint mockB = getMockEndpoint("mock:b");
        awaitCount("a's update", () -> mockA.getReceivedCounter() == 1);
        awaitCount("b's updates", () -> mockB.getReceivedCounter() == 2);
        assertEquals(1, updatesOf(mockA, idA).size());
        assertEquals(2, updatesOf(mockB, idB).size());

        context.getRouteController().stopRoute("a");
        assertEquals(Set.of(idB), sim().statistics().subscriptionIds(), "only a's subscription was deleted");
        assertEquals(1, sim().cometd().sessionCount(), "b still uses the session");
        assertEquals(1, sim().statistics().publishUpdates());
        awaitCount("b keeps receiving", () -> mockB.getReceivedCounter() == 4);
        assertStays("a receives nothing more", 1, mockA::getReceivedCounter);
        Set<Object> ids = new HashSet<>();
        mockB.getReceivedExchanges().forEach(e -> ids.add(e.getMessage().getHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID)));
        assertEquals(Set.of(idB), ids);
        assertTrue(b.status().up());
    }
}
