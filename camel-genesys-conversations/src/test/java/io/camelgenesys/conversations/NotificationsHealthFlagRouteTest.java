package io.camelgenesys.conversations;

import java.util.Optional;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.SimulatorSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code healthCheckConsumerEnabled=false} on the genesys-notifications component turns its consumers' checks off, as
 * Camel users expect: a consumer whose topic Genesys refuses is not reported, while the same consumer on a component
 * with consumer checks on (the default) is reported DOWN with Genesys' reason.
 */
class NotificationsHealthFlagRouteTest extends CloudTestSupport {

    @Test
    void healthCheckConsumerEnabledFalseTurnsTheNotificationsConsumersCheckOff() throws Exception {
        String user = cloud().seedUsers(1).get(0);
        context.getComponent("genesys-notifications", NotificationsComponent.class).setHealthCheckConsumerEnabled(false);
        context.addComponent("genesys-notifications-checked", new NotificationsComponent());
        String refused = "v2.nosuch." + user + ".thing?" + SimulatorSupport.cloud(sim());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-notifications:" + refused).routeId("unchecked").to("mock:never");
                from("genesys-notifications-checked:" + refused).routeId("checked").to("mock:never");
            }
        });
        HealthCheckRegistry.get(context).setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(context, "consumers").setEnabled(true);
        Await.until("the checked consumer reports the refusal", 20_000, () -> result("checked")
                .filter(r -> r.getState() == HealthCheck.State.DOWN
                             && r.getMessage().orElse("").contains("refused")).isPresent());
        NotificationsConsumer unchecked = (NotificationsConsumer) context.getRoute("unchecked").getConsumer();
        Await.until("the unchecked consumer was refused too", 20_000,
                () -> !unchecked.status().up() && String.valueOf(unchecked.status().message()).contains("refused"));
        assertEquals(Optional.empty(), result("unchecked").map(HealthCheck.Result::getState),
                "healthCheckConsumerEnabled=false: the refusal is not reported");
        assertTrue(result("checked").isPresent());
    }

    private Optional<HealthCheck.Result> result(String routeId) {
        return HealthCheckHelper.invoke(context).stream().filter(r -> r.getCheck().getId().equals("consumer:" + routeId))
                .findFirst();
    }
}
