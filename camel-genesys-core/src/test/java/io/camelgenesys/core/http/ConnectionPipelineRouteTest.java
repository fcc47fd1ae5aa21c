package io.camelgenesys.core.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysAuthException;
import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.TestEndpoint;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection pipeline through real routes against the simulator: token sharing and refresh, 401 replay, 429,
 * 5xx, dropped connections, malformed bodies and the shared rate budget.
 */
class ConnectionPipelineRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    private String createItem() throws Exception {
        TestItem item = template.requestBody(route(cloud("createItem", "")), Map.of("name", "first"), TestItem.class);
        return item.getId();
    }

    @Test
    void concurrentExchangesOnAColdConnectionRequestOneToken() throws Exception {
        String id;
        try (org.apache.camel.CamelContext other = new org.apache.camel.impl.DefaultCamelContext()) {
            // created through another CamelContext, so this test's connection starts cold
            other.start();
            id = other.createProducerTemplate().requestBody(cloud("createItem", ""), Map.of("name", "cold"),
                    TestItem.class).getId();
        }
        int before = sim().tokens().requestCount();
        String r = route(cloud("getItem", "itemId=" + id + "&rateLimit=0"));
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(template.asyncRequestBody(r, null));
        }
        for (CompletableFuture<Object> c : calls) {
            assertEquals(id, ((TestItem) c.get(30, TimeUnit.SECONDS)).getId());
        }
        assertEquals(1, sim().tokens().requestCount() - before, "200 concurrent exchanges share one token request");
    }

    @Test
    void tokenExpiringMidRunIsRefreshedWithoutFailures() throws Exception {
        sim().setTokenLifetime(Duration.ofSeconds(2));
        String id = createItem();
        String r = route(cloud("getItem", "itemId=" + id));
        int failures = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int calls = 0;
        while (System.nanoTime() < end) {
            Exchange e = template.request(r, x -> {
            });
            calls++;
            if (e.getException() != null) {
                failures++;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertEquals(0, failures, "no exchange fails across token expiries (" + calls + " calls)");
        assertTrue(sim().tokens().requestCount() >= 3, "tokens were refreshed: " + sim().tokens().requestCount());
    }

    @Test
    void revokedTokenIsRefreshedAndTheRequestReplayedOnce() throws Exception {
        String id = createItem();
        String r = route(cloud("getItem", "itemId=" + id));
        int tokens = sim().tokens().requestCount();
        sim().tokens().revokeAll();
        TestItem item = template.requestBody(r, null, TestItem.class);
        assertEquals(id, item.getId());
        assertEquals(tokens + 1, sim().tokens().requestCount(), "one refresh");
        assertEquals(2, sim().requests().count("GET", "/api/v2/simulator/items/" + id), "the 401 and the replay");
    }

    @Test
    void aTokenRevokedUnderManyExchangesInFlightIsReplacedByOneTokenRequest() throws Exception {
        String id = createItem();
        String r = route(cloud("getItem", "itemId=" + id + "&rateLimit=0"));
        int tokens = sim().tokens().requestCount();
        // every exchange is sent with the revoked token: 100 answers 401, arriving while the new token is requested
        // and after it was obtained
        sim().tokens().revokeAll();
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(template.asyncRequestBody(r, null));
        }
        for (CompletableFuture<Object> c : calls) {
            assertEquals(id, ((TestItem) c.get(60, TimeUnit.SECONDS)).getId());
        }
        assertEquals(tokens + 1, sim().tokens().requestCount(), "one token request for all the 401s");
    }

    @Test
    void stillUnauthorizedAfterOneReplayIsAClearAuthException() throws Exception {
        String id = createItem();
        String r = route(cloud("getItem", "itemId=" + id));
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(401)
                .body("{\"message\":\"Invalid login credentials.\",\"code\":\"bad.credentials\",\"status\":401}",
                        "application/json")
                .times(2);
        CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template.requestBody(r, (Object) null));
        GenesysAuthException auth = assertInstanceOf(GenesysAuthException.class, e.getCause());
        assertEquals(401, auth.getHttpStatus());
        assertTrue(auth.getMessage().contains("again after a token refresh and one replay"), auth.getMessage());
        assertEquals("bad.credentials", auth.getErrorCode());
        assertEquals(2, sim().faults().hits("GET", "/api/v2/simulator/items/" + id), "sent once, replayed once");
    }

    @Test
    void tooManyRequestsWaitsRetryAfterWithoutSleepingAThread() throws Exception {
        String id = createItem();
        String uri = cloud("getItem", "itemId=" + id);
        String r = route(uri);
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(429).header("Retry-After", "2")
                .body("{\"message\":\"Rate limit exceeded\",\"code\":\"too.many.requests\",\"status\":429}",
                        "application/json")
                .times(1);
        long start = System.nanoTime();
        CompletableFuture<Object> call = template.asyncRequestBody(r, null);
        // checked once the retry waits, not after a fixed second: a slow machine could take that second and more to
        // get the 429, or stretch the sleep past the Retry-After
        RetryScheduler retries = context.getEndpoint(uri, TestEndpoint.class).getConnection().retries();
        Await.until("the 429 waiting to be retried", 10_000, () -> retries.waitingCount() == 1);
        assertFalse(call.isDone(), "still waiting for Retry-After");
        assertNoGenesysThreadSleeps();
        TestItem item = (TestItem) call.get(10, TimeUnit.SECONDS);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(id, item.getId());
        assertTrue(elapsed >= 2000, "waited Retry-After: " + elapsed + " ms");
    }

    /** While a retry waits, no thread is inside Thread.sleep on behalf of camel-genesys. */
    private static void assertNoGenesysThreadSleeps() {
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] stack = t.getValue();
            boolean sleeping = stack.length > 0 && "sleep".equals(stack[0].getMethodName())
                               || stack.length > 1 && stack[1].getMethodName().startsWith("sleep");
            boolean ours = java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("io.camelgenesys.core"));
            assertFalse(sleeping && ours, "thread " + t.getKey().getName() + " sleeps in camel-genesys");
        }
    }

    @Test
    void serviceUnavailableThreeTimesIsRetriedWithBackoff() throws Exception {
        String id = createItem();
        String r = route(cloud("getItem", "itemId=" + id + "&retryInitialDelay=100"));
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(503).times(3);
        Exchange e = template.request(r, x -> {
        });
        assertEquals(id, e.getMessage().getBody(TestItem.class).getId());
        assertEquals(200, e.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        assertEquals(3, sim().faults().hits("GET", "/api/v2/simulator/items/" + id));
    }

    @Test
    void nonIdempotentPostIsNotReplayedOnServerError() throws Exception {
        String r = route(cloud("createItem", "retryInitialDelay=100"));
        sim().faults().on("POST", "/api/v2/simulator/items").status(503).times(3);
        CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template.requestBody(r, Map.of("name", "once")));
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(503, api.getHttpStatus());
        assertEquals(1, sim().faults().hits("POST", "/api/v2/simulator/items"), "a POST is sent once");
        assertEquals(0, sim().items().count(), "nothing was created twice");
    }

    @Test
    void aPostThatCouldNotConnectIsSentAgainSinceItNeverReachedGenesys() throws Exception {
        // a simulator of its own, stopped and started again on the same port (the class's stays up)
        GenesysSimulator own = GenesysSimulator.builder().build();
        own.start();
        try {
            String uri = "genesys-test:createItem?" + io.camelgenesys.core.test.SimulatorSupport.cloud(own);
            String r = route(uri);
            template.requestBody(r, Map.of("name", "warm"), TestItem.class); // token and connection ready
            GenesysConnection connection = context.getEndpoint(uri, TestEndpoint.class).getConnection();
            own.stop();
            // refused at connect: nothing was written, so the POST cannot have been applied
            CompletableFuture<Object> create = template.asyncRequestBody(r, Map.of("name", "after-outage"));
            Await.until("the connect refused", 30_000, () -> connection.lastTransportFailure() != null);
            own.start();
            TestItem created = (TestItem) create.get(60, TimeUnit.SECONDS);
            assertEquals("after-outage", created.getName());
            assertEquals(2, own.items().count(), "created once");
            assertTrue(connection.retryCount() >= 1, "sent again after a backoff");
        } finally {
            own.close();
        }
    }

    @Test
    void droppedConnectionGivesAnExceptionWithNoStatus() throws Exception {
        String r = route(cloud("createItem", ""));
        sim().faults().on("POST", "/api/v2/simulator/items").drop().times(1);
        CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template.requestBody(r, Map.of("name", "dropped")));
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(0, api.getHttpStatus());
        assertTrue(api.getMessage().contains("POST /api/v2/simulator/items"), api.getMessage());
        assertTrue(api.getMessage().contains("no HTTP status"), api.getMessage());
        assertEquals("", api.getBodyExcerpt());
        // found by the fault soak: Jetty's EOFException carries a dump of the connection (addresses, buffers, states)
        // as its message, which buried the cause; the message says what happened instead
        assertTrue(api.getMessage().contains("the connection was closed before a complete response arrived"
                                             + " (EOFException)"), api.getMessage());
        assertFalse(api.getMessage().contains("HttpConnectionOverHTTP"), api.getMessage());
        assertFalse(api.getMessage().contains("SocketChannelEndPoint"), api.getMessage());
        assertInstanceOf(java.io.EOFException.class, api.getCause(), "the I/O exception stays the cause");
        // a POST is not sent again after it may have reached Genesys: the message says so, so that the route (or its
        // operator) checks whether it was applied instead of sending it again blindly
        assertTrue(api.getMessage().contains("may have reached Genesys and been applied, so it was not sent again"),
                api.getMessage());
        assertEquals(1, sim().faults().hits("POST", "/api/v2/simulator/items"), "sent once");
    }

    @Test
    void droppedConnectionOnAGetIsRetried() throws Exception {
        String id = createItem();
        String r = route(cloud("getItem", "itemId=" + id + "&retryInitialDelay=50"));
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).drop().times(2);
        assertEquals(id, template.requestBody(r, null, TestItem.class).getId());
    }

    @Test
    void malformedJsonGivesTheStatusAndABodyExcerpt() throws Exception {
        String id = createItem();
        String r = route(cloud("getItem", "itemId=" + id));
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(200)
                .body("{\"id\": \"abc\", \"name\": <html>oops", "application/json").times(1);
        CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template.requestBody(r, (Object) null));
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(200, api.getHttpStatus());
        assertTrue(api.getBodyExcerpt().contains("<html>oops"), api.getBodyExcerpt());
        assertTrue(api.getMessage().contains("not valid JSON"), api.getMessage());
        assertNotNull(api.getCorrelationId(), "the simulator's ININ-Correlation-ID is carried");
    }

    @Test
    void twoEndpointsWithTheSameCredentialsShareOneBudget() throws Exception {
        sim().setRateLimit(20, Duration.ofSeconds(1));
        // the first endpoint of a connection sets its budget: configure the very first one like the others
        String budget = "rateLimit=20&rateLimitPeriod=1000";
        String id = template.requestBody(route(cloud("createItem", budget)), Map.of("name", "first"), TestItem.class).getId();
        TimeUnit.MILLISECONDS.sleep(1100); // a fresh server window
        String options = "itemId=" + id + "&" + budget;
        String a = route(cloud("getItem", options));
        String b = route(cloud("getItem", options + "&outputType=map"));
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(template.asyncRequestBody(a, null));
            calls.add(template.asyncRequestBody(b, null));
        }
        for (CompletableFuture<Object> c : calls) {
            assertNotNull(c.get(30, TimeUnit.SECONDS));
        }
        assertEquals(0, sim().requests().rateLimited(), "the shared client-side budget kept both routes under 429");
    }

    @Test
    void withoutClientBudgetTheSameBurstMeets429sAndStillSucceeds() throws Exception {
        sim().setRateLimit(20, Duration.ofSeconds(1));
        String id = createItem();
        TimeUnit.MILLISECONDS.sleep(1100);
        String a = route(cloud("getItem", "itemId=" + id + "&rateLimit=0"));
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(template.asyncRequestBody(a, null));
        }
        for (CompletableFuture<Object> c : calls) {
            assertNotNull(c.get(60, TimeUnit.SECONDS));
        }
        assertTrue(sim().requests().rateLimited() > 0, "the burst was answered 429 (and retried)");
    }

    @Test
    void anOutOfRangeRateLimitFailsAtEndpointCreation() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(cloud("getItem", "itemId=x&rateLimit=200000")));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("rateLimit must be between 0 (off) and 100000"), root.getMessage());
        assertEquals(0, sim().requests().total(), "nothing was sent");
    }

    @Test
    void aLazyStartProducerConnectsOnItsFirstMessageNotWhenTheRouteIsAdded() throws Exception {
        // no clientId/clientSecret: with Camel's lazyStartProducer the endpoint opens no connection (and so checks no
        // credentials) until a message needs it; the endpoint starting with its route is not enough
        String uri = "genesys-test:getItem?itemId=x&lazyStartProducer=true&baseUrl=" + sim().baseUrl();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:idle").routeId("idle").autoStartup(false).to(uri);
            }
        });
        context.getRouteController().startRoute("idle");
        assertEquals(0, sim().requests().total(), "nothing was sent");
        Exception e = assertThrows(Exception.class, () -> template.requestBody("direct:idle", (Object) null));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("clientId option is required"), root.getMessage());
    }
}
