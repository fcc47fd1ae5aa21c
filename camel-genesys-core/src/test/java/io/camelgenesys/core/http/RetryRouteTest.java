package io.camelgenesys.core.http;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysAuthException;
import io.camelgenesys.core.GenesysRateLimitException;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.TestEndpoint;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one retry scheduler ({@link RetryScheduler}) through routes: HTTP requests and token requests back off under
 * the same {@code retry*} options, wait what {@code Retry-After} says, stop at the attempts and the deadline, and
 * count every retry on the connection.
 */
class RetryRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private static final String TOKEN = "/oauth/token";

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    private String seeded() throws Exception {
        TestItem item = template.requestBody(route(cloud("createItem", "")), Map.of("name", "seed"), TestItem.class);
        return item.getId();
    }

    private GenesysConnection connection(String uri) {
        return context.getEndpoint(uri, TestEndpoint.class).getConnection();
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    // ------------------------------------------------------------------------------------------ token requests

    @Test
    void tokenEndpoint503ThenSucceedsAfterBackingOff() throws Exception {
        sim().faults().on("POST", TOKEN).status(503).times(3);
        String uri = cloud("createItem", "retryInitialDelay=200");
        String r = route(uri);
        long start = System.nanoTime();
        TestItem item = template.requestBody(r, Map.of("name", "after 503s"), TestItem.class);
        long elapsed = millisSince(start);
        assertTrue(item.getId() != null);
        assertEquals(4, sim().tokens().requestCount(), "three 503s, then the token");
        assertEquals(3, connection(uri).retryCount(), "the token retries are the connection's retries");
        // 200, 400, 800 ms less at most 25 % jitter each: the waits were the exponential backoff, not 3 x 250 ms
        assertTrue(elapsed >= 1050, "backed off exponentially: " + elapsed + " ms");
    }

    @Test
    void tokenEndpoint429WaitsRetryAfter() throws Exception {
        sim().faults().on("POST", TOKEN).status(429).header("Retry-After", "2")
                .body("{\"error\":\"too_many_requests\"}").times(1);
        String r = route(cloud("createItem", "retryInitialDelay=10"));
        long start = System.nanoTime();
        template.requestBody(r, Map.of("name", "after 429"));
        assertTrue(millisSince(start) >= 2000, "waited Retry-After: " + millisSince(start) + " ms");
        assertEquals(2, sim().tokens().requestCount());
    }

    @Test
    void tokenRequestsStopAtRetryMaxAttempts() throws Exception {
        sim().faults().on("POST", TOKEN).status(503);
        String r = route(cloud("createItem", "retryInitialDelay=10&retryMaxAttempts=2"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(r, Map.of("name", "x")));
        GenesysAuthException auth = assertInstanceOf(GenesysAuthException.class, e.getCause());
        assertEquals(503, auth.getHttpStatus());
        assertTrue(auth.getMessage().contains("retryMaxAttempts 2"), auth.getMessage());
        assertEquals(2, sim().tokens().requestCount());
    }

    @Test
    void retryEnabledFalseSendsOneTokenRequest() throws Exception {
        sim().faults().on("POST", TOKEN).drop();
        String r = route(cloud("createItem", "retryEnabled=false"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(r, Map.of("name", "x")));
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(0, api.getHttpStatus());
        assertEquals(1, sim().tokens().requestCount(), "no retry");
    }

    // ------------------------------------------------------------------------------------------ API requests

    @Test
    void a503BurstWithinTheAttemptsSucceedsAndOneLongerFailsAfterExactlyTheAttempts() throws Exception {
        String id = seeded();
        String path = "/api/v2/simulator/items/" + id;
        String r = route(cloud("getItem", "itemId=" + id + "&retryInitialDelay=20&retryMaxAttempts=4"));
        sim().faults().on("GET", path).status(503).times(3);
        assertEquals(id, template.requestBody(r, null, TestItem.class).getId());
        sim().faults().on("GET", path).status(503).times(4);
        int before = sim().requests().count("GET", path);
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(r, (Object) null));
        assertEquals(503, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());
        assertEquals(4, sim().requests().count("GET", path) - before, "four attempts, no fifth");
    }

    @Test
    void a404ThatAnswersARetriedDeleteSaysAnEarlierAttemptMayHaveBeenApplied() throws Exception {
        // found by the fault soak: a DELETE whose answer came after the request timeout was applied by the server,
        // its retry answered 404, and the route failed with a bare "not found" for a contact it had just deleted
        String id = seeded();
        String path = "/api/v2/simulator/items/" + id;
        // the first attempt is applied 1 s after it is sent, when the client gave up on it (500 ms); the retry
        // follows at least 1.5 s (75 % of retryInitialDelay) after the timeout
        sim().faults().on("DELETE", path).delay(java.time.Duration.ofMillis(1000)).times(1);
        String r = route(cloud("deleteItem", "itemId=" + id + "&requestTimeout=500&retryInitialDelay=2000"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(r, (Object) null));
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(404, api.getHttpStatus());
        assertEquals(2, sim().requests().count("DELETE", path), "the attempt that timed out and its retry");
        assertTrue(api.getMessage().contains("this answers a retry: an earlier attempt got no complete response"
                                             + " (TimeoutException) and may have been applied"), api.getMessage());

        // a 404 of a first attempt says nothing of the kind
        CamelExecutionException again = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(r, (Object) null));
        GenesysApiException plain = assertInstanceOf(GenesysApiException.class, again.getCause());
        assertEquals(404, plain.getHttpStatus());
        assertFalse(plain.getMessage().contains("retry"), plain.getMessage());
    }

    @Test
    void a429WithAnHttpDateRetryAfterWaitsUntilThen() throws Exception {
        String id = seeded();
        String when = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(429).header("Retry-After", when).times(1);
        String r = route(cloud("getItem", "itemId=" + id));
        long start = System.nanoTime();
        assertEquals(id, template.requestBody(r, null, TestItem.class).getId());
        // the date has a one-second resolution: at least 1 s of the 2-3 s left
        assertTrue(millisSince(start) >= 1000, "waited for the date: " + millisSince(start) + " ms");
    }

    @Test
    void a503WithRetryAfterWaitsWhatItSaysNotTheShorterBackoff() throws Exception {
        // Genesys' Java SDK (ApiClient.Retry.shouldRetry, 198.1.0) waits a 502/503/504's Retry-After as it does a 429's
        String id = seeded();
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(503).header("Retry-After", "3").times(1);
        String r = route(cloud("getItem", "itemId=" + id + "&retryInitialDelay=10&retryMaxDelay=20"));
        long start = System.nanoTime();
        assertEquals(id, template.requestBody(r, null, TestItem.class).getId());
        assertTrue(millisSince(start) >= 2900, "waited Retry-After, not the 10 ms backoff: " + millisSince(start) + " ms");
    }

    @Test
    void a503WithARetryAfterBeyondTheDeadlineFailsAtOnceWithThe503() throws Exception {
        String id = seeded();
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(503).header("Retry-After", "30").times(1);
        String r = route(cloud("getItem", "itemId=" + id + "&retryDeadline=5000"));
        long start = System.nanoTime();
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(r, (Object) null));
        assertEquals(503, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());
        assertTrue(millisSince(start) < 5000, "did not wait for a retry it would not make: " + millisSince(start) + " ms");
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnce() throws Exception {
        String id = seeded();
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(429).header("Retry-After", "30").times(1);
        String r = route(cloud("getItem", "itemId=" + id + "&retryDeadline=5000"));
        long start = System.nanoTime();
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(r, (Object) null));
        GenesysRateLimitException limited = assertInstanceOf(GenesysRateLimitException.class, e.getCause());
        assertEquals(30_000, limited.getRetryAfterMillis());
        assertTrue(millisSince(start) < 5000, "did not wait for a retry it would not make: " + millisSince(start) + " ms");
    }

    @Test
    void aRetryAfterTooLargeForAnyClockFailsAtOnceInsteadOfWaitingForever() throws Exception {
        String id = seeded();
        // a value no clock can add (milliseconds beyond Long.MAX_VALUE); the delay makes the elapsed time non-zero, which
        // the deadline check added to it and overflowed: the retry was scheduled Long.MAX_VALUE ms ahead
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(429).header("Retry-After", "1e300")
                .delay(java.time.Duration.ofMillis(50)).times(1);
        String r = route(cloud("getItem", "itemId=" + id + "&retryDeadline=5000"));
        CompletableFuture<Object> call = template.asyncRequestBody(r, null);
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> call.get(30, TimeUnit.SECONDS), "failed, not left waiting");
        assertInstanceOf(GenesysRateLimitException.class, e.getCause().getCause());
    }

    @Test
    void exchangesBehindAPauseThatPassesTheirDeadlineFailAtOnceInsteadOfWaitingForIt() throws Exception {
        String id = seeded();
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(429).header("Retry-After", "3600").times(1);
        String uri = cloud("getItem", "itemId=" + id + "&retryDeadline=5000");
        String r = route(uri);
        // the 429's own exchange fails at once: an hour passes its deadline
        CamelExecutionException first = assertThrows(CamelExecutionException.class, () -> template.requestBody(r, (Object) null));
        assertInstanceOf(GenesysRateLimitException.class, first.getCause());
        // the connection is paused for that hour; an exchange sent now cannot be sent within its deadline either: it
        // fails at once too, rather than waiting an hour in the rate limiter with no word
        CompletableFuture<Object> behind = template.asyncRequestBody(r, null);
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> behind.get(30, TimeUnit.SECONDS), "failed, not left waiting for the pause");
        GenesysRateLimitException limited = assertInstanceOf(GenesysRateLimitException.class, e.getCause().getCause());
        assertTrue(limited.getRetryAfterMillis() > 3_000_000, "the pause left: " + limited.getRetryAfterMillis());
        assertTrue(limited.getMessage().contains("Retry-After") && limited.getMessage().contains("retryDeadline"),
                limited.getMessage());
        assertEquals(0, connection(uri).rateLimiter().waiting(), "nothing waits");
    }

    @Test
    void manyExchangesThrough503BurstsAllSucceedAndEveryRetryIsCounted() throws Exception {
        String id = seeded();
        String uri = cloud("getItem", "itemId=" + id + "&retryInitialDelay=20&rateLimit=0");
        String r = route(uri);
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(503).times(60);
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(template.asyncRequestBody(r, null));
        }
        for (CompletableFuture<Object> c : calls) {
            assertEquals(id, ((TestItem) c.get(60, TimeUnit.SECONDS)).getId());
        }
        assertEquals(60, connection(uri).retryCount(), "one retry per 503");
        enableProducerHealthChecks(); // camel.health.producersEnabled=true: the connection checks are producer checks
        long reported = HealthCheckRegistry.get(context).stream()
                .filter(check -> check.getId().startsWith("genesys-connection-"))
                .map(HealthCheck::callReadiness)
                .mapToLong(result -> ((Number) result.getDetails().get("genesys.retries")).longValue())
                .sum();
        assertEquals(60, reported, "the health check reports them");
        assertFalse(calls.isEmpty());
    }
}
