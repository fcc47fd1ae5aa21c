package io.camelgenesys.statistics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.metrics.GenesysMetrics;
import io.camelgenesys.simulator.Statistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The genesys-stats consumer's meters and its waits on the connection's retry scheduler, through routes against the
 * simulator with camel-micrometer's registry bound: a Statistics outage at start (creates answered 503, re-created with
 * the endpoint's retry options and no limit), values delivered, a re-sent notification dropped as stale, and retried
 * deletes when the route stops.
 */
class StatisticsMetricsRouteTest extends StatisticsConsumerTestSupport {

    private static final String SUBSCRIPTIONS = "/statistics/v3/subscriptions";
    /** Short waits and one attempt: a subscription is still re-created, for as long as the consumer runs. */
    private static final String RETRY = "retryInitialDelay=20&retryMaxDelay=40&retryMaxAttempts=1";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        return context;
    }

    @Test
    void anOutageIsWaitedOutOnTheRetrySchedulerAndValuesAreCountedDeliveredOrStale() throws Exception {
        List<Map<String, Object>> published = new CopyOnWriteArrayList<>();
        sim().statistics().addPublishListener(p -> {
            if (Statistics.UPDATES.equals(p.channel())) {
                published.add(p.notification());
            }
        });
        sim().statistics().serviceUnavailable();
        int creates = sim().requests().count("POST", SUBSCRIPTIONS);
        StatisticsConsumer consumer = route("r1", subscribe(RETRY + "&statistics=" + TWO_STATS), "mock:stats");
        GenesysConnection connection = ((StatisticsEndpoint) consumer.getEndpoint()).getConnection();
        String conn = connection.id();

        // with the default retry options (500 ms doubled) eight creates would take over a minute; one attempt is the limit
        // of a request, not of the consumer
        awaitCount("eight refused creates", () -> sim().requests().count("POST", SUBSCRIPTIONS) >= creates + 8);
        assertTrue(connectionCounter(GenesysMetrics.RETRIES, conn) >= 7,
                "each refused create waited on the connection's retry scheduler: "
                                                                           + connectionCounter(GenesysMetrics.RETRIES, conn));
        // the creates go on being retried meanwhile: the meter reads the count between two readings of it
        long retriesBefore = connection.retryCount();
        long retriesMetered = connectionCounter(GenesysMetrics.RETRIES, conn);
        long retriesAfter = connection.retryCount();
        assertTrue(retriesBefore <= retriesMetered && retriesMetered <= retriesAfter,
                "the meter counts the connection's retries: " + retriesBefore + " <= " + retriesMetered + " <= "
                                                              + retriesAfter);
        // the simulator counts a create when it arrives, the meter when its 503 answer is handled: the eighth may
        // still be on its way back (the verify failed on it under load)
        awaitCount("eight refused creates metered by operation and status",
                () -> requests(conn, "createSubscription", 503) >= 8);

        sim().statistics().serviceAvailable();
        String id = awaitSubscription(consumer);
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("initial values", () -> events(mock, StatisticsConstants.INITIAL_VALUES).size() == 2);
        sim().statistics().publishUpdates();
        awaitCount("two updates", () -> updatesOf(mock, id).size() == 2);
        // every value the route saw, and only those (a re-read in a new CometD session may have re-stated or dropped
        // some: the count follows the route, not a fixed number)
        awaitCount("delivered = what the route saw", () -> values("r1", "delivered") == mock.getReceivedCounter());
        long stale = values("r1", "stale");
        int seen = mock.getReceivedCounter();

        // the same notification again: its values are not newer than those delivered
        Map<String, Object> last = published.get(published.size() - 1);
        sim().cometd().publish(Statistics.UPDATES, last);
        awaitCount("two stale values", () -> values("r1", "stale") == stale + 2);
        assertStays("the route saw no stale value", seen, mock::getReceivedCounter);
        assertEquals(seen, values("r1", "delivered"));
        assertEquals(0, values("r1", "overflow"));
        assertEquals(consumer.getStaleValuesDropped(), values("r1", "stale"));

        context.getRouteController().stopRoute("r1");
        assertTrue(meters.find(GenesysMetrics.STATISTICS_VALUES).tag(GenesysMetrics.TAG_ROUTE_ID, "r1")
                .functionCounters().isEmpty(), "a stopped consumer's meters are removed");
    }

    @Test
    void aRefusedDeleteIsRetriedOnTheConnectionsRetryScheduler() throws Exception {
        // two routes on one connection: it stays open when the second stops
        StatisticsConsumer a = route("a", subscribe(RETRY + "&statistics=CurrentAgentState:Agent:agent1"), "mock:a");
        StatisticsConsumer b = route("b", subscribe(RETRY + "&statistics=" + TWO_STATS), "mock:b");
        awaitSubscription(a);
        String idB = awaitSubscription(b);
        GenesysConnection connection = ((StatisticsEndpoint) b.getEndpoint()).getConnection();
        assertEquals(connection, ((StatisticsEndpoint) a.getEndpoint()).getConnection());
        long retriesBefore = connectionCounter(GenesysMetrics.RETRIES, connection.id());

        sim().faults().on("DELETE", SUBSCRIPTIONS + "/" + idB).status(503).times(5);
        context.getRouteController().stopRoute("b");

        awaitCount("deleted after five refusals", () -> !sim().statistics().subscriptionIds().contains(idB));
        assertEquals(6, sim().requests().count("DELETE", SUBSCRIPTIONS + "/" + idB));
        assertStays("no more deletes", 6, () -> sim().requests().count("DELETE", SUBSCRIPTIONS + "/" + idB));
        assertEquals(5, connectionCounter(GenesysMetrics.RETRIES, connection.id()) - retriesBefore,
                "each refused delete waited once on the connection's retry scheduler");
        // the simulator forgets the subscription before its answer is back: wait for the answer's meter
        awaitCount("then one delete succeeded", () -> requests(connection.id(), "deleteSubscription", 200)
                                                      + requests(connection.id(), "deleteSubscription", 204) == 1);
        assertEquals(5, requests(connection.id(), "deleteSubscription", 503));
    }

    private long requests(String conn, String operation, int status) {
        var t = meters.find(GenesysMetrics.REQUESTS).tags(GenesysMetrics.TAG_CONNECTION, conn, GenesysMetrics.TAG_OPERATION,
                operation, GenesysMetrics.TAG_STATUS, status == 0 ? "IO_ERROR" : Integer.toString(status)).timer();
        return t == null ? 0 : t.count();
    }

    private long connectionCounter(String name, String conn) {
        FunctionCounter c = meters.find(name).tag(GenesysMetrics.TAG_CONNECTION, conn).functionCounter();
        assertNotNull(c, name);
        return (long) c.count();
    }

    private long values(String routeId, String outcome) {
        FunctionCounter c = meters.find(GenesysMetrics.STATISTICS_VALUES).tags(GenesysMetrics.TAG_ROUTE_ID, routeId,
                GenesysMetrics.TAG_OUTCOME, outcome).functionCounter();
        assertNotNull(c, GenesysMetrics.STATISTICS_VALUES + " " + outcome);
        return (long) c.count();
    }
}
