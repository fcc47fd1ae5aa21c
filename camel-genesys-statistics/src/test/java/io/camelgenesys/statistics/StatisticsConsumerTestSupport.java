package io.camelgenesys.statistics;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Routes from genesys-stats:subscribe against the simulator, and conditions to await (never a fixed sleep). */
abstract class StatisticsConsumerTestSupport extends CamelTestSupport {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    static final String TWO_STATS = "CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2";

    static GenesysSimulator sim() {
        return SIM.simulator();
    }

    static String subscribe(String options) {
        return "genesys-stats:subscribe?" + SimulatorSupport.multicloud(sim()) + "&" + options;
    }

    StatisticsConsumer route(String routeId, String uri, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to(to);
            }
        });
        return consumer(routeId);
    }

    StatisticsConsumer consumer(String routeId) {
        return (StatisticsConsumer) context.getRoute(routeId).getConsumer();
    }

    /** The consumer's readiness check, through Camel's health check registry. */
    HealthCheck.Result health(String routeId) {
        return HealthCheckHelper.invoke(context, "consumer:" + routeId, Map.of())
                .orElseThrow(() -> new AssertionError("no health check for route " + routeId));
    }

    static List<Exchange> events(MockEndpoint mock, String eventType) {
        return mock.getReceivedExchanges().stream()
                .filter(e -> eventType.equals(e.getMessage().getHeader(StatisticsConstants.EVENT_TYPE))).toList();
    }

    static List<Exchange> updatesOf(MockEndpoint mock, String subscriptionId) {
        return events(mock, StatisticsConstants.STATISTIC_UPDATE).stream()
                .filter(e -> subscriptionId.equals(e.getMessage().getHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID)))
                .toList();
    }

    /** The id of the consumer's live subscription, once it is live and the only one of that consumer. */
    static String awaitSubscription(StatisticsConsumer consumer) throws InterruptedException {
        await("a live subscription", 15_000, () -> consumer.getSubscriptionId() != null
                                                   && sim().statistics().subscriptionIds()
                                                           .contains(consumer.getSubscriptionId()));
        return consumer.getSubscriptionId();
    }

    static void awaitCount(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, 15_000, condition);
    }

    /** Waits a little for stragglers (duplicates) and checks there are none. */
    static void assertStays(String what, int expected, java.util.function.IntSupplier actual) throws InterruptedException {
        Thread.sleep(300);
        assertEquals(expected, actual.getAsInt(), what);
    }

    /**
     * Waits for a condition while the consumer makes progress: fails when the simulator received no request (long-poll
     * /meta/connects aside, which come every few seconds even when nothing happens) for {@code timeoutMillis}, or after
     * four times that in all. On a loaded machine the consumer's start (class loading, the OAuth token, the CometD
     * handshake) and its retries take CPU time, not timers: a fixed budget ran out while it was still working.
     */
    static void await(String what, long timeoutMillis, BooleanSupplier condition) {
        Await.whileProgressing(what, timeoutMillis, 4 * timeoutMillis,
                () -> sim().requests().total() - sim().requests().count("POST", "/statistics/v3/notifications/connect"),
                condition);
    }
}
