package io.camelgenesys.core.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.notifications.GenesysNotifications;
import io.camelgenesys.core.notifications.TestCometdComponent;
import io.camelgenesys.core.notifications.TestCometdConsumer;
import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.core.test.TestEndpoint;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection meters through routes against the simulator, in camel-micrometer's registry (the bean named
 * {@link MicrometerConstants#METRICS_REGISTRY_NAME}): known sequences of calls, then the exact counts.
 */
class MetricsRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        return context;
    }

    @Test
    void theRegistryNameIsCamelMicrometersOwn() {
        assertEquals(MicrometerConstants.METRICS_REGISTRY_NAME, GenesysMetrics.METRICS_REGISTRY_NAME);
        assertTrue(GenesysMetrics.of(context).enabled());
        assertEquals("SimpleMeterRegistry", GenesysMetrics.of(context).describe());
    }

    @Test
    void requestsByOperationAndStatusA429A503TheirRetriesAndATokenRefreshAfterA401() throws Exception {
        String createUri = cloud("createItem", "retryInitialDelay=10");
        Exchange created = template.request(route(createUri),
                e -> e.getMessage().setBody(Map.of("name", "metered")));
        String id = created.getMessage().getBody(TestItem.class).getId();
        int createStatus = created.getMessage().getHeader(GenesysConstants.HTTP_STATUS, Integer.class);
        String path = "/api/v2/simulator/items/" + id;
        String getUri = cloud("getItem", "itemId=" + id + "&retryInitialDelay=10");
        String get = route(getUri);
        GenesysConnection connection = context.getEndpoint(getUri, TestEndpoint.class).getConnection();
        String conn = connection.id();

        // a 429 (Retry-After 0) and a 503, each retried once, then the answer
        sim().faults().on("GET", path).status(429).header("Retry-After", "0").times(1);
        sim().faults().on("GET", path).status(503).times(1);
        assertEquals(id, template.requestBody(get, null, TestItem.class).getId());
        // the token is revoked: a 401, one refresh, one replay
        sim().tokens().revokeAll();
        assertEquals(id, template.requestBody(get, null, TestItem.class).getId());

        assertEquals(1, requests(conn, "createItem", createStatus, "SUCCESS"));
        assertEquals(1, requests(conn, "getItem", 429, "CLIENT_ERROR"));
        assertEquals(1, requests(conn, "getItem", 503, "SERVER_ERROR"));
        assertEquals(1, requests(conn, "getItem", 401, "CLIENT_ERROR"));
        assertEquals(2, requests(conn, "getItem", 200, "SUCCESS"));
        assertEquals(6, meters.find(GenesysMetrics.REQUESTS).tag(GenesysMetrics.TAG_CONNECTION, conn).timers().stream()
                .mapToLong(Timer::count).sum(), "every HTTP attempt, each status on its own");
        assertEquals(2, counter(GenesysMetrics.RETRIES, conn), "the 429's and the 503's; the 401 replay is no retry");
        assertEquals(1, counter(GenesysMetrics.RATE_LIMITED, conn));
        assertEquals(2, counter(GenesysMetrics.TOKEN_REFRESHES, conn, GenesysMetrics.TAG_OUTCOME, "success"),
                "the first token and the one after the 401");
        assertEquals(0, counter(GenesysMetrics.TOKEN_REFRESHES, conn, GenesysMetrics.TAG_OUTCOME, "failure"));
        // the same counts as the dev console's
        assertEquals(connection.retryCount(), counter(GenesysMetrics.RETRIES, conn));
        assertEquals(connection.tokens().tokensObtained(),
                counter(GenesysMetrics.TOKEN_REFRESHES, conn, GenesysMetrics.TAG_OUTCOME, "success"));

        Meter any = meters.find(GenesysMetrics.REQUESTS).tag(GenesysMetrics.TAG_CONNECTION, conn).meters().iterator().next();
        assertEquals("cloud", any.getId().getTag(GenesysMetrics.TAG_PLATFORM));
        assertEquals(context.getName(), any.getId().getTag(GenesysMetrics.TAG_CAMEL_CONTEXT));
        assertNoSecretIn(meters);
    }

    @Test
    void requestsThatWaitForTheRateBudgetAreTimed() throws Exception {
        String id = template.requestBody(route(cloud("createItem", "")), Map.of("name", "budget"), TestItem.class).getId();
        // another connection (another requestTimeout) with one request per 2 s: of three calls in a row, the second
        // and third wait for the window of the one before (a call would have to take 2 s for the next not to wait)
        String getUri = cloud("getItem", "itemId=" + id + "&rateLimit=1&rateLimitPeriod=2000&requestTimeout=29000");
        String get = route(getUri);
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            template.requestBody(get, (Object) null);
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        String conn = context.getEndpoint(getUri, TestEndpoint.class).getConnection().id();
        Timer wait = meters.find(GenesysMetrics.RATE_LIMIT_WAIT).tag(GenesysMetrics.TAG_CONNECTION, conn).timer();
        assertNotNull(wait);
        assertEquals(2, wait.count(), "the first did not wait, the next two did");
        double waited = wait.totalTime(TimeUnit.MILLISECONDS);
        // 2 x 2000 ms less the time the calls took (well under 2 s together), and never more than the calls lasted
        // (a bound that holds however late a loaded machine's scheduler releases a waiting request)
        assertTrue(waited >= 2000 && waited <= elapsed,
                "about 2 x 2000 ms less the time the calls took, at most the " + elapsed + " ms they lasted: " + waited);
    }

    @Test
    void aConnectionsMetersGoWhenItClosesAndARegistryIsFoundByTypeToo() throws Exception {
        String uri = cloud("createItem", "");
        String r = route(uri);
        template.requestBody(r, Map.of("name", "x"));
        String conn = context.getEndpoint(uri, TestEndpoint.class).getConnection().id();
        assertFalse(meters.find(GenesysMetrics.REQUESTS).tag(GenesysMetrics.TAG_CONNECTION, conn).timers().isEmpty());

        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
        context.removeRoute(context.getRoutes().get(0).getRouteId());
        assertTrue(meters.getMeters().stream().noneMatch(m -> m.getId().getName().startsWith("genesys.")),
                "removed with the connection: " + meters.getMeters().stream().map(m -> m.getId().toString()).toList());

        // a registry under another name is found as the only MeterRegistry of the Camel registry
        CamelContext other = new org.apache.camel.impl.DefaultCamelContext();
        SimpleMeterRegistry byType = new SimpleMeterRegistry();
        other.getRegistry().bind("prometheusOrWhatever", byType);
        assertTrue(GenesysMetrics.of(other).enabled());
        GenesysMetrics.of(other).consumer("r").webhookDelivery(200);
        assertEquals(1.0, byType.get(GenesysMetrics.WEBHOOK_DELIVERIES).counter().count());
        // none, or two that are not composite and none by name: nothing is recorded and nothing created
        CamelContext none = new org.apache.camel.impl.DefaultCamelContext();
        assertFalse(GenesysMetrics.of(none).enabled());
        assertEquals(ConnectionMetrics.NONE, GenesysMetrics.of(none).connection(null));
        none.getRegistry().bind("a", new SimpleMeterRegistry());
        none.getRegistry().bind("b", new SimpleMeterRegistry());
        assertFalse(GenesysMetrics.of(none).enabled());
        assertNull(none.getRegistry().lookupByName(GenesysMetrics.METRICS_REGISTRY_NAME));
        assertTrue(GenesysMetrics.of(none).describe().startsWith("off"));
    }

    @Test
    void aLostCometdSessionCountsOneRehandshakeAndItsRefusedHandshakesAsRetries() throws Exception {
        context.addComponent(TestCometdComponent.SCHEME, new TestCometdComponent());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(TestCometdComponent.SCHEME + ":statistics/v3/updates?" + SimulatorSupport.multicloud(sim())
                     + "&retryInitialDelay=20&retryMaxDelay=40").routeId("cometd").to("mock:updates");
            }
        });
        TestCometdConsumer consumer = (TestCometdConsumer) context.getRoute("cometd").getConsumer();
        consumer.subscribed().get(10, TimeUnit.SECONDS);
        GenesysNotifications n = consumer.notifications();
        String conn = n.connection().id();
        assertNull(meters.find(GenesysMetrics.COMETD_REHANDSHAKES).tag(GenesysMetrics.TAG_CONNECTION, conn).counter(),
                "the first handshake is no re-handshake");
        long retriesBefore = counter(GenesysMetrics.RETRIES, conn);

        sim().cometd().rejectHandshakes(3, 503);
        sim().cometd().dropAllSessions();

        Await.until("a re-handshake counted", 10_000, () -> rehandshakes(conn) == 1);
        Await.until("connected again", 10_000, n::isConnected);
        assertEquals(2, n.handshakeCount());
        assertEquals(1, rehandshakes(conn), "one new session, however many refused attempts it took");
        assertTrue(counter(GenesysMetrics.RETRIES, conn) - retriesBefore >= 3,
                "each refused handshake waited on the connection's retry scheduler");
        sim().cometd().dropAllSessions();
        Await.until("a second re-handshake counted", 10_000, () -> rehandshakes(conn) == 2);
    }

    private double rehandshakes(String conn) {
        Counter c = meters.find(GenesysMetrics.COMETD_REHANDSHAKES).tags(GenesysMetrics.TAG_CONNECTION, conn,
                GenesysMetrics.TAG_PATH, "/statistics/v3/notifications").counter();
        return c == null ? 0 : c.count();
    }

    private long requests(String connection, String operation, int status, String outcome) {
        Timer t = meters.find(GenesysMetrics.REQUESTS).tags(GenesysMetrics.TAG_CONNECTION, connection,
                GenesysMetrics.TAG_OPERATION, operation, GenesysMetrics.TAG_STATUS, String.valueOf(status),
                GenesysMetrics.TAG_OUTCOME, outcome).timer();
        return t == null ? 0 : t.count();
    }

    private long counter(String name, String connection, String... tags) {
        FunctionCounter c = meters.find(name).tag(GenesysMetrics.TAG_CONNECTION, connection).tags(tags).functionCounter();
        assertNotNull(c, name + " " + List.of(tags));
        return (long) c.count();
    }

    /** No tag value is a credential, a token or a path with an id. */
    static void assertNoSecretIn(MeterRegistry registry) {
        for (Meter m : registry.getMeters()) {
            for (Tag t : m.getId().getTags()) {
                String v = t.getValue();
                assertFalse(v.contains("secret") || v.contains("Bearer") || v.contains("/"),
                        m.getId() + " has tag " + t);
            }
        }
    }
}
