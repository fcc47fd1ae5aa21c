package io.camelgenesys.statistics;

import java.util.List;
import java.util.Map;

import io.camelgenesys.statistics.model.PeekedStatisticValue;
import io.camelgenesys.statistics.model.StatisticValue;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** YAML routes with {@code parameters:} (they need the generated URI factory), producer and consumer. */
class YamlRouteTest extends StatisticsConsumerTestSupport {

    @Test
    void yamlRoutesWithParameters() throws Exception {
        String yaml = """
                - route:
                    id: values
                    from:
                      uri: direct:values
                      steps:
                        - to:
                            uri: genesys-stats:getValues
                            parameters:
                              %1$s
                              statistics: CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2
                - route:
                    id: stream
                    from:
                      uri: genesys-stats:subscribe
                      parameters:
                        %2$s
                        statistics: CurrentAgentState:Agent:agent3
                        batch: true
                      steps:
                        - to: mock:stream
                """.formatted(credentials(14), credentials(8));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("stats.yaml", yaml));

        List<?> values = template.requestBody("direct:values", null, List.class);
        assertEquals(List.of("CurrentAgentState", "TimeInCurrentState"),
                values.stream().map(v -> ((PeekedStatisticValue) v).getName()).toList());

        String id = awaitSubscription(consumer("stream"));
        MockEndpoint mock = getMockEndpoint("mock:stream");
        awaitCount("the initial batch", () -> mock.getReceivedCounter() == 1);
        List<?> batch = mock.getReceivedExchanges().get(0).getMessage().getBody(List.class);
        assertEquals("agent3", assertInstanceOf(StatisticValue.class, batch.get(0)).getObjectId());
        assertEquals(id, mock.getReceivedExchanges().get(0).getMessage().getHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID));
    }

    /** The simulator credentials as YAML parameters (indented to sit under parameters:). */
    private static String credentials(int indent) {
        Map<String, String> p = Map.of("platform", "multicloud", "baseUrl", sim().baseUrl(), "apiKey", "mc-api-key",
                "clientId", "mc-client", "clientSecret", "mc-secret", "username", "agent1", "password", "agent1-password");
        StringBuilder b = new StringBuilder();
        p.forEach((k, v) -> b.append(b.length() == 0 ? "" : "\n" + " ".repeat(indent)).append(k).append(": \"")
                .append(v).append('"'));
        return b.toString();
    }
}
