package io.camelgenesys.core.metrics;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.notifications.TestCometdComponent;
import io.camelgenesys.core.notifications.TestCometdConsumer;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.core.test.TestEndpoint;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes on a classpath without Micrometer (the pom's {@code no-micrometer} surefire execution removes micrometer-* and
 * camel-micrometer): a request with a 429 and its retry, a token refresh after a 401, a CometD session and the dev
 * console all work, and nothing of Micrometer is needed. Skipped in the ordinary execution, where Micrometer is there.
 */
@EnabledIfSystemProperty(named = "genesys.test.noMicrometer", matches = "true")
class NoMicrometerRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        return context;
    }

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @Test
    void routesRunWithoutMicrometerAndNothingIsRecorded() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micrometer.core.instrument.MeterRegistry"),
                "this execution's classpath must not have Micrometer");
        assertFalse(GenesysMetrics.micrometerPresent());

        String id = template.requestBody(route(cloud("createItem", "")), Map.of("name", "plain"), TestItem.class).getId();
        String getUri = cloud("getItem", "itemId=" + id + "&retryInitialDelay=10");
        String get = route(getUri);
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(429).header("Retry-After", "0").times(1);
        assertEquals(id, template.requestBody(get, null, TestItem.class).getId());
        sim().tokens().revokeAll();
        assertEquals(id, template.requestBody(get, null, TestItem.class).getId());

        GenesysConnection connection = context.getEndpoint(getUri, TestEndpoint.class).getConnection();
        assertSame(ConnectionMetrics.NONE, connection.metrics());
        assertFalse(GenesysMetrics.of(context).enabled());
        assertSame(ConsumerMetrics.NONE, GenesysMetrics.of(context).consumer("r"));
        // the connection's own counts (the dev console's) do not need Micrometer
        assertEquals(1, connection.retryCount());
        assertEquals(1, connection.rateLimitedCount());
        assertEquals(2, connection.tokens().tokensObtained());

        context.addComponent(TestCometdComponent.SCHEME, new TestCometdComponent());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(TestCometdComponent.SCHEME + ":statistics/v3/updates?" + SimulatorSupport.multicloud(sim()))
                        .routeId("cometd").to("mock:updates");
            }
        });
        ((TestCometdConsumer) context.getRoute("cometd").getConsumer()).subscribed().get(10, TimeUnit.SECONDS);

        DevConsoleRegistry registry = DevConsoleRegistry.get(context);
        registry.loadDevConsoles();
        DevConsole console = registry.getConsole("genesys").orElseThrow();
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("Metrics: off (Micrometer is not on the classpath)"), text);
        assertTrue(text.contains("Tokens Obtained: 2"), text);
    }
}
