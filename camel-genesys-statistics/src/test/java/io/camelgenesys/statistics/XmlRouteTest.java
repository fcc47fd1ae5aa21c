package io.camelgenesys.statistics;

import java.util.List;
import java.util.Properties;

import io.camelgenesys.statistics.model.PeekedStatisticValue;
import io.camelgenesys.statistics.model.StatisticValue;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** XML DSL routes (camel-xml-io-dsl) loaded from a test resource, as users deploy them: a value, a subscription. */
class XmlRouteTest extends StatisticsConsumerTestSupport {

    @Test
    void valueAndSubscriptionFromXml() throws Exception {
        Properties props = new Properties();
        props.setProperty("genesys.baseUrl", sim().baseUrl());
        props.setProperty("genesys.apiKey", "mc-api-key");
        props.setProperty("genesys.clientId", "mc-client");
        props.setProperty("genesys.clientSecret", "mc-secret");
        props.setProperty("genesys.username", "agent1");
        props.setProperty("genesys.password", "agent1-password");
        context.getPropertiesComponent().setOverrideProperties(props);
        MockEndpoint states = getMockEndpoint("mock:states");
        states.expectedMinimumMessageCount(2);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/agent-states.xml"));

        PeekedStatisticValue agent2 = template.requestBody("direct:agent2", null, PeekedStatisticValue.class);
        assertEquals("CurrentAgentState", agent2.getName());
        assertEquals("agent2", agent2.getObjectId());

        String id = awaitSubscription(consumer("agent-states"));
        states.assertIsSatisfied();
        List<String> names = states.getExchanges().stream().limit(2)
                .map(e -> e.getMessage().getBody(StatisticValue.class).getName()).sorted().toList();
        assertEquals(List.of("CurrentAgentState", "TimeInCurrentState"), names, "the initial values, split");

        context.getRouteController().stopRoute("agent-states");
        assertFalse(sim().statistics().subscriptionIds().contains(id), "deleted on stop");
    }
}
