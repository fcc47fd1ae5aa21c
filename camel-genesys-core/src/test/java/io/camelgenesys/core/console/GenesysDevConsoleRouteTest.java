package io.camelgenesys.core.console;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.notifications.TestCometdComponent;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The {@code genesys} dev console, found the way Camel's developer console finds consoles (classpath scan of
 * {@code META-INF/services/org/apache/camel/dev-console/}), shows each connection's platform, host, token expiry,
 * rate budget, requests, retries, 429s and CometD sessions, and never a secret.
 */
class GenesysDevConsoleRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        context.addComponent(TestCometdComponent.SCHEME, new TestCometdComponent());
        return context;
    }

    private DevConsole console() {
        DevConsoleRegistry registry = DevConsoleRegistry.get(context);
        assertNotNull(registry, "camel-console's registry");
        registry.loadDevConsoles();
        return registry.getConsole("genesys").orElseThrow(() -> new AssertionError("no genesys console: "
                                                                                    + registry.getConsoleIDs()));
    }

    @Test
    void aBaseUrlWithCredentialsInItIsShownWithoutThem() throws Exception {
        // user info in the base URL (a proxy or gateway that takes it), and a query: neither is shown, as in health
        String base = sim().baseUrl().replace("://", "://gateway-user:url-pass-42@");
        template.request(route("genesys-test:getItem?itemId=x&platform=webServices&username=u&password=RAW(pw-1234)"
                               + "&baseUrl=" + base), x -> { });
        DevConsole console = console();
        String text = console.call(DevConsole.MediaType.TEXT).toString();
        String json = ((JsonObject) console.call(DevConsole.MediaType.JSON)).toJson();
        for (String shown : List.of(text, json)) {
            assertFalse(shown.contains("url-pass-42"), "the password of the base URL is shown: " + shown);
            assertTrue(shown.contains("xxxxxx@") || shown.contains("127.0.0.1"), shown);
        }
    }

    @Test
    void showsEachConnectionWithItsBudgetCountersTokenAndCometdSessionButNoSecret() throws Exception {
        String id = template.requestBody(route(cloud("createItem", "rateLimit=50")), Map.of("name", "seen"),
                TestItem.class).getId();
        // one 429 (retried after Retry-After) to count
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(429).header("Retry-After", "0")
                .body("{\"message\":\"Rate limit exceeded\",\"code\":\"too.many.requests\",\"status\":429}",
                        "application/json")
                .times(1);
        template.requestBody(route(cloud("getItem", "rateLimit=50&itemId=" + id)), (Object) null, TestItem.class);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(TestCometdComponent.SCHEME + ":statistics/v3/updates?" + SimulatorSupport.multicloud(sim()))
                        .routeId("cometd").to("mock:updates");
            }
        });

        DevConsole console = console();
        JsonObject json = awaitCometd(console);
        List<?> connections = (List<?>) json.get("connections");
        assertEquals(2, connections.size(), json.toJson());
        JsonObject cloud = connection(connections, "cloud");
        assertEquals("127.0.0.1", cloud.get("host"));
        assertNotNull(cloud.get("tokenExpiresAt"), "the client-credentials token's expiry");
        assertTrue(((Number) cloud.get("tokenExpiresInSeconds")).longValue() > 0, cloud.toJson());
        assertEquals(3, ((Number) cloud.get("requests")).intValue(), "create, the 429, its retry: " + cloud.toJson());
        assertEquals(1, ((Number) cloud.get("retries")).intValue());
        assertEquals(1, ((Number) cloud.get("rateLimited")).intValue());
        assertEquals(1, ((Number) cloud.get("tokensObtained")).intValue(), "one client-credentials token");
        assertEquals(0, ((Number) cloud.get("tokenFailures")).intValue());
        // Micrometer is on this test classpath (camel-micrometer), but no MeterRegistry is in the Camel registry
        assertEquals("off (no MeterRegistry in the Camel registry)", json.get("metrics"));
        Map<?, ?> rate = (Map<?, ?>) cloud.get("rateLimit");
        assertEquals(50, ((Number) rate.get("limit")).intValue());
        assertEquals(3, ((Number) rate.get("used")).intValue(), "three starts in this minute");
        assertEquals(47, ((Number) rate.get("remaining")).intValue());

        JsonObject multicloud = connection(connections, "multicloud");
        Map<?, ?> session = (Map<?, ?>) ((List<?>) multicloud.get("cometd")).get(0);
        assertEquals("CONNECTED", session.get("state"));
        assertEquals(List.of("/statistics/v3/updates"), session.get("channels"));
        assertEquals("/statistics/v3/notifications", session.get("path"));

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("Rate Budget: 3 used, 47 remaining of 50 per 60000 ms"), text);
        assertTrue(text.contains("429s: 1"), text);
        assertTrue(text.contains("Tokens Obtained: 1, Token Failures: 0"), text);
        assertTrue(text.contains("Metrics: off (no MeterRegistry in the Camel registry)"), text);
        assertTrue(text.contains("(0 re-handshake(s))"), text);
        assertTrue(text.contains("CometD /statistics/v3/notifications: CONNECTED"), text);

        String all = json.toJson() + "\n" + text;
        List<String> secrets = List.of("cloud-secret", "mc-secret", "mc-api-key", "agent1-password",
                sim().tokens().lastIssuedAccessToken());
        for (String s : secrets) {
            assertFalse(all.contains(s), "the console shows a secret");
        }
        assertFalse(all.contains("Bearer") || all.contains("Basic "), all);
    }

    @Test
    void withoutConnectionsItSaysSo() {
        assertEquals("No Genesys connection is open\n", console().call(DevConsole.MediaType.TEXT));
        assertEquals(List.of(), ((Map<?, ?>) console().call(DevConsole.MediaType.JSON)).get("connections"));
    }

    private static JsonObject awaitCometd(DevConsole console) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
            String text = Jsoner.serialize(json);
            if (text.contains("\"state\":\"CONNECTED\"") && text.contains("updates")) {
                return json;
            }
            if (System.nanoTime() > deadline) {
                fail("the CometD session did not show as CONNECTED: " + text);
            }
            Thread.sleep(20);
        }
    }

    private static JsonObject connection(List<?> connections, String platform) {
        return connections.stream().map(JsonObject.class::cast).filter(c -> platform.equals(c.get("platform")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + platform + " connection"));
    }
}
