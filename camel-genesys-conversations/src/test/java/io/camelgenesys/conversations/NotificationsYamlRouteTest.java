package io.camelgenesys.conversations;

import java.util.Map;

import io.camelgenesys.conversations.model.PresenceEventUserPresence;
import io.camelgenesys.core.test.Await;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A genesys-notifications consumer in the YAML DSL, with {@code parameters:} (bound through the generated URI factory). */
class NotificationsYamlRouteTest extends CloudTestSupport {

    @Test
    void aYamlRouteReceivesPresenceAndRoutingStatusEvents() throws Exception {
        String user = cloud().seedUsers(1).get(0);
        String yaml = """
                - route:
                    id: agent-state
                    from:
                      uri: genesys-notifications:v2.users.%1$s
                      parameters:
                        baseUrl: "%2$s"
                        clientId: cloud-client
                        clientSecret: cloud-secret
                        topics: presence,routingStatus
                      steps:
                        - to: mock:agent-state
                """.formatted(user, sim().baseUrl());
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("notifications.yaml", yaml));
        Await.until("subscribed", 20_000, () -> HealthCheckHelper.invoke(context, "consumer:agent-state", Map.of())
                .map(r -> r.getState() == HealthCheck.State.UP).orElse(false));

        MockEndpoint mock = getMockEndpoint("mock:agent-state");
        mock.expectedMessageCount(1);
        call("users", "setPresence", "userId=" + user, Map.of("presenceDefinition", Map.of("id", "presence-away")));
        mock.assertIsSatisfied(10_000);
        assertInstanceOf(PresenceEventUserPresence.class, mock.getReceivedExchanges().get(0).getMessage().getBody());
        assertEquals("v2.users." + user + ".presence", mock.getReceivedExchanges().get(0).getMessage()
                .getHeader(NotificationsConstants.NOTIFICATION_TOPIC));
    }
}
