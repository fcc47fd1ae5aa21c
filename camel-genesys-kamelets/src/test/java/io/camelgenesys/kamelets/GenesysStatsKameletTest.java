package io.camelgenesys.kamelets;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A YAML route from kamelet:genesys-stats-source against the simulator. */
class GenesysStatsKameletTest extends CamelTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSourceStreamsOneJsonObjectPerStatisticAndDeletesItsSubscriptionWhenCamelStops() throws Exception {
        MockEndpoint stats = getMockEndpoint("mock:stats");
        stats.expectedMinimumMessageCount(2);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", """
                - route:
                    id: agent-states
                    from:
                      uri: kamelet:genesys-stats-source
                      parameters:
                        baseUrl: "%s"
                        apiKey: mc-api-key
                        clientId: mc-client
                        clientSecret: mc-secret
                        username: agent1
                        password: agent1-password
                        statistics: CurrentAgentState:Agent:agent1,TimeInCurrentState:Agent:agent1
                      steps:
                        - to: mock:stats
                """.formatted(SIM.simulator().baseUrl())));

        // the initial values: one JSON object per statistic, self-describing
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, stats);
        List<JsonNode> initial = stats.getReceivedExchanges().subList(0, 2).stream().map(GenesysStatsKameletTest::json)
                .toList();
        assertEquals(List.of("CurrentAgentState", "TimeInCurrentState"),
                initial.stream().map(n -> n.get("name").asText()).sorted().toList());
        for (JsonNode value : initial) {
            assertEquals("Agent", value.get("objectType").asText());
            assertEquals("agent1", value.get("objectId").asText());
            assertTrue(value.hasNonNull("value"), value.toString());
        }

        // then the updates
        MockEndpoint.resetMocks(context);
        stats.expectedMinimumMessageCount(1);
        assertTrue(SIM.simulator().statistics().publishUpdates() > 0);
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, stats);
        assertTrue(json(stats.getReceivedExchanges().get(0)).hasNonNull("name"));

        assertEquals(1, SIM.simulator().statistics().subscriptionCount());
        // the subscription belongs to the Kamelet's own route (created from its template), stopped with Camel
        context.stop();
        assertEquals(0, SIM.simulator().statistics().subscriptionCount(), "the subscription is deleted on stop");
    }

    private static JsonNode json(Exchange exchange) {
        try {
            return JSON.readTree(exchange.getMessage().getBody(String.class));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + exchange.getMessage().getBody(), e);
        }
    }
}
