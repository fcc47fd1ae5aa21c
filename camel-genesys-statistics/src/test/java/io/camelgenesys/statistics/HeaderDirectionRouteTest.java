package io.camelgenesys.statistics;


import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.statistics.model.StatisticData;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the subscribe consumer reports (CamelGenesysValueSubscriptionId, CamelGenesysValueStatisticName, ...) never chooses the
 * subscription or statistic of a producer later in the route; the route copies it to the input header when it means
 * to.
 */
class HeaderDirectionRouteTest extends StatisticsConsumerTestSupport {

    @Test
    void aStreamedValueDoesNotDriveAProducerUnlessTheRouteSaysSo() throws Exception {
        String producers = SimulatorSupport.multicloud(sim());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(subscribe("statistics=CurrentAgentState:Agent:agent2")).routeId("stream")
                        .filter(header(StatisticsConstants.EVENT_TYPE).isEqualTo(StatisticsConstants.INITIAL_VALUES))
                        .multicast().to("direct:as-is", "direct:copied");
                from("direct:as-is")
                        .doTry()
                            .to("genesys-stats:getSubscriptionValues?" + producers)
                        .doCatch(IllegalArgumentException.class)
                            .setBody(simple("${exception.message}"))
                        .end()
                        .to("mock:as-is");
                from("direct:copied")
                        .setHeader(StatisticsConstants.SUBSCRIPTION_ID, header(StatisticsConstants.VALUE_SUBSCRIPTION_ID))
                        .to("genesys-stats:getSubscriptionValues?" + producers)
                        .to("mock:copied");
            }
        });
        String id = awaitSubscription(consumer("stream"));
        MockEndpoint asIs = getMockEndpoint("mock:as-is");
        MockEndpoint copied = getMockEndpoint("mock:copied");
        awaitCount("both branches", () -> asIs.getReceivedCounter() == 1 && copied.getReceivedCounter() == 1);

        Exchange refused = asIs.getReceivedExchanges().get(0);
        assertEquals(id, refused.getMessage().getHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID));
        assertNull(refused.getMessage().getHeader(StatisticsConstants.SUBSCRIPTION_ID));
        String message = refused.getMessage().getBody(String.class);
        assertTrue(message.contains("subscriptionId is required") && message.contains("CamelGenesysSubscriptionId header"),
                message);

        StatisticData values = assertInstanceOf(StatisticData.class, copied.getReceivedExchanges().get(0).getMessage()
                .getBody());
        assertEquals(id, values.getSubscriptionId());
        assertEquals(1, values.getStatistics().size());
    }
}
