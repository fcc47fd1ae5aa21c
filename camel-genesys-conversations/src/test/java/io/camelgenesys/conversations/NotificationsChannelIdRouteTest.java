package io.camelgenesys.conversations;

import java.util.List;
import java.util.Map;

import io.camelgenesys.conversations.notifications.ChannelSupervisor;
import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.SimulatorSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

/**
 * A notification channel's id opens its WebSocket by itself, so it is a secret path variable of the channel calls
 * ({@code OperationSpec.secretPath}): core's lines about those requests (the DEBUG line of each retry, errors) name the
 * channel by its first characters only. Here the subscription call of a second consumer gets two 503s and is retried,
 * with every log line captured down to TRACE.
 */
class NotificationsChannelIdRouteTest extends CloudTestSupport {

    @Test
    void theRetriedChannelCallsNameTheChannelByItsFirstCharactersOnly() throws Exception {
        String user = cloud().seedUsers(1).get(0);
        LogCapture logs = LogCapture.install();
        try {
            String options = SimulatorSupport.cloud(sim()) + "&retryInitialDelay=10";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("genesys-notifications:v2.users." + user + ".presence?" + options).routeId("a").to("mock:a");
                }
            });
            Await.until("a UP", 20_000, () -> up("a"));
            String channelId = sim().notifications().channelIds().iterator().next();
            // the next consumer's topics are POSTed to .../channels/{channelId}/subscriptions: 503 twice, then accepted
            sim().faults().on("POST", "/api/v2/notifications/channels/**").status(503).times(2);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("genesys-notifications:v2.users." + user + ".routingStatus?" + options).routeId("b")
                            .to("mock:b");
                }
            });
            Await.until("b UP", 20_000, () -> up("b"));
            String shown = "/api/v2/notifications/channels/" + ChannelSupervisor.label(channelId) + "/subscriptions";
            Await.until("the retries logged, naming the channel by its label", 5_000, () -> logs.matching(
                    c -> c.message().contains("POST " + shown) && c.message().contains("attempt")).size() >= 2);
            logs.assertNoneContains(List.of(channelId));
        } finally {
            logs.uninstall();
            sim().faults().clear();
        }
    }

    private boolean up(String routeId) {
        return HealthCheckHelper.invoke(context, "consumer:" + routeId, Map.of())
                .map(r -> r.getState() == HealthCheck.State.UP).orElse(false);
    }
}
