package io.camelgenesys.contacts;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.GenesysPollConsumer;
import io.camelgenesys.core.GenesysScheduledPollEndpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan consumer is a Camel ScheduledPollConsumer of a ScheduledPollEndpoint: Camel's scheduler options apply
 * (here repeatCount, delay, initialDelay), the delay defaults to a minute, and its health check follows the
 * component's healthCheckConsumerEnabled.
 */
class PollConsumerRouteTest extends ContactsTestSupport {

    private static final String SCAN_PATH = EC + "/scan/contacts";

    @Test
    void theSchedulerOptionsOfCamelDriveThePolls() throws Exception {
        ContactsEndpoint unset = context.getEndpoint(contacts("scan", ""), ContactsEndpoint.class);
        assertEquals(GenesysScheduledPollEndpoint.DEFAULT_POLL_DELAY, unset.getDelay(), "a whole scan once a minute");

        sim().externalContacts().seedContacts(15);
        MockEndpoint out = getMockEndpoint("mock:polled");
        out.expectedMessageCount(30);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(contacts("scan", "pageSize=10&initialDelay=0&delay=20&repeatCount=2")).routeId("twice")
                        .to("mock:polled");
            }
        });
        assertInstanceOf(GenesysPollConsumer.class, context.getRoute("twice").getConsumer());
        out.assertIsSatisfied();
        // repeatCount=2: two polls of two pages each, then the scheduler stops polling
        TimeUnit.MILLISECONDS.sleep(200);
        assertEquals(4, sim().requests().count("GET", SCAN_PATH));
        assertEquals(30, out.getReceivedCounter());
    }

    @Test
    void healthCheckConsumerEnabledFalseTurnsTheScanConsumersCheckOff() throws Exception {
        context.getComponent("genesys-contacts", ContactsComponent.class).setHealthCheckConsumerEnabled(false);
        // the same scan on a component with consumer checks on (the default), for contrast
        context.addComponent("genesys-contacts-checked", new ContactsComponent());
        sim().faults().on("GET", SCAN_PATH).status(403)
                .body("{\"message\":\"Missing permission\",\"code\":\"missing.permissions\",\"status\":403}",
                        "application/json");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(contacts("scan", "initialDelay=0&delay=20")).routeId("unchecked-scan").to("mock:never");
                from(contacts("scan", "initialDelay=0&delay=20").replace("genesys-contacts:", "genesys-contacts-checked:"))
                        .routeId("checked-scan").to("mock:never");
            }
        });
        HealthCheckRegistry.get(context).setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(context, "consumers").setEnabled(true);
        Optional<HealthCheck.Result> checked = Optional.empty();
        // until both consumers polled and failed: 30 s at most (it was 4 s, which the first polls of a loaded
        // machine, starting the HTTP client and getting a token, could take)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((checked.isEmpty() || checked.get().getState() != HealthCheck.State.DOWN
                || ((GenesysPollConsumer) context.getRoute("unchecked-scan").getConsumer()).getErrorCounter() == 0)
               && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
            checked = result("checked-scan");
        }
        assertEquals(HealthCheck.State.DOWN, checked.orElseThrow().getState(), "the checked consumer reports it");
        GenesysPollConsumer unchecked = (GenesysPollConsumer) context.getRoute("unchecked-scan").getConsumer();
        assertTrue(unchecked.getErrorCounter() > 0, "the unchecked scan polled and failed too");
        assertEquals(Optional.empty(), result("unchecked-scan").map(HealthCheck.Result::getState),
                "healthCheckConsumerEnabled=false: the failing polls are not reported");
    }

    private Optional<HealthCheck.Result> result(String routeId) {
        return HealthCheckHelper.invoke(context).stream().filter(r -> r.getCheck().getId().contains(routeId))
                .findFirst();
    }
}
