package io.camelgenesys.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.camelgenesys.core.GenesysStoppingException;
import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.TestEndpoint;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Stopping the CamelContext while exchanges wait for the rate budget, for a retry or for a token: the waits are
 * released when the context starts stopping, each exchange fails with a {@link GenesysStoppingException} naming the
 * request and what it waited for, and the stop takes a small part of Camel's graceful shutdown timeout (45 s here)
 * instead of all of it. Requests that already got their turn complete normally.
 */
class ShutdownRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private static final long GRACEFUL_TIMEOUT_SECONDS = 45;
    /** Far less than the graceful timeout: the stop did not wait for the budget, the retry or the token. */
    private static final long FAST_STOP_MILLIS = 10_000;

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @Override
    protected void doPostSetup() {
        context.getShutdownStrategy().setTimeout(GRACEFUL_TIMEOUT_SECONDS);
    }

    private String seeded() throws Exception {
        return template.requestBody(route(cloud("createItem", "")), Map.of("name", "seed"), TestItem.class).getId();
    }

    /** Stops the context and returns how long it took. */
    private long stopContext() {
        long start = System.nanoTime();
        context.stop();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static GenesysStoppingException stoppingFailure(CompletableFuture<Object> exchange) throws Exception {
        assertTrue(exchange.isDone(), "the exchange ended");
        try {
            exchange.get(0, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CamelExecutionException cee ? cee.getCause() : e.getCause();
            return assertInstanceOf(GenesysStoppingException.class, cause, "released with a stopping error: " + cause);
        }
        return fail("the exchange should have been released with a GenesysStoppingException");
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(what, 10_000, condition);
    }

    @Test
    void exchangesWaitingForAnExhaustedRateBudgetAreReleasedWhenTheContextStops() throws Exception {
        // a budget of 4 requests per 10 minutes (one connection: the same credentials and HTTP settings), used up by
        // the seed and the first three exchanges
        String budget = "rateLimit=4&rateLimitPeriod=600000";
        String id = template.requestBody(route(cloud("createItem", budget)), Map.of("name", "seed"), TestItem.class)
                .getId();
        String uri = cloud("getItem", "itemId=" + id + "&" + budget);
        String r = route(uri);
        for (int i = 0; i < 3; i++) {
            assertEquals(id, template.requestBody(r, null, TestItem.class).getId());
        }
        RateLimiter limiter = context.getEndpoint(uri, TestEndpoint.class).getConnection().rateLimiter();
        List<CompletableFuture<Object>> waiting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waiting.add(template.asyncRequestBody(r, null));
        }
        await(() -> limiter.waiting() == 12, "12 exchanges wait for the rate budget");
        int sentBefore = sim().requests().total();

        long took = stopContext();

        assertTrue(took < FAST_STOP_MILLIS, "the stop took " + took + " ms of a " + GRACEFUL_TIMEOUT_SECONDS
                                            + " s graceful timeout: the waiting exchanges were released");
        for (CompletableFuture<Object> exchange : waiting) {
            GenesysStoppingException e = stoppingFailure(exchange);
            assertTrue(e.getMessage().startsWith("GET /api/v2/simulator/items/" + id + " was not sent: the CamelContext"
                                                 + " is stopping and the request was waiting for its turn in the rate"
                                                 + " budget (rateLimit 4 per 600000 ms, used up); its turn was due in"),
                    e.getMessage());
        }
        assertEquals(sentBefore, sim().requests().total(), "no released exchange was sent");
    }

    @Test
    void anExchangeWaitingToRetryAfter503IsReleasedWithTheFailureItWaitedOn() throws Exception {
        String id = seeded();
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(503).times(1);
        // the first retry would come after 60 s (less at most 25 % jitter), longer than the graceful timeout
        String uri = cloud("getItem", "itemId=" + id + "&retryInitialDelay=60000&retryMaxDelay=60000");
        String r = route(uri);
        CompletableFuture<Object> exchange = template.asyncRequestBody(r, null);
        RetryScheduler retries = context.getEndpoint(uri, TestEndpoint.class).getConnection().retries();
        await(() -> retries.waitingCount() == 1, "the exchange waits for its retry");

        long took = stopContext();

        assertTrue(took < FAST_STOP_MILLIS, "the stop took " + took + " ms");
        GenesysStoppingException e = stoppingFailure(exchange);
        assertTrue(e.getMessage().startsWith("GET /api/v2/simulator/items/" + id + " was not sent again: the"
                                             + " CamelContext is stopping and it was waiting to retry after HTTP 503"
                                             + " (attempt 2 was due in "), e.getMessage());
        assertEquals(1, sim().faults().hits("GET", "/api/v2/simulator/items/" + id), "not sent again");
    }

    @Test
    void a429PausesTheConnectionAndBothTheRetryAndTheExchangesBehindItAreReleased() throws Exception {
        String id = seeded();
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).status(429).header("Retry-After", "60").times(1);
        String uri = cloud("getItem", "itemId=" + id);
        String r = route(uri);
        GenesysConnection connection = context.getEndpoint(uri, TestEndpoint.class).getConnection();
        CompletableFuture<Object> retrying = template.asyncRequestBody(r, null);
        await(() -> connection.retries().waitingCount() == 1, "the 429 is waiting to be retried");
        CompletableFuture<Object> behind = template.asyncRequestBody(r, null);
        await(() -> connection.rateLimiter().waiting() == 1, "the next exchange waits for the 429 pause");

        long took = stopContext();

        assertTrue(took < FAST_STOP_MILLIS, "the stop took " + took + " ms");
        assertTrue(stoppingFailure(retrying).getMessage().contains("it was waiting to retry after 429 Too Many Requests"),
                stoppingFailure(retrying).getMessage());
        assertTrue(stoppingFailure(behind).getMessage().contains("was waiting for the pause Genesys asked for with a"
                                                                 + " 429 Too Many Requests (Retry-After)"),
                stoppingFailure(behind).getMessage());
    }

    @Test
    void anExchangeWaitingForATokenRequestToBeRetriedIsReleased() throws Exception {
        sim().faults().on("POST", "/oauth/token").status(503).times(1);
        String uri = cloud("createItem", "retryInitialDelay=60000&retryMaxDelay=60000");
        String r = route(uri);
        CompletableFuture<Object> exchange = template.asyncRequestBody(r, Map.of("name", "never sent"));
        RetryScheduler retries = context.getEndpoint(uri, TestEndpoint.class).getConnection().retries();
        await(() -> retries.waitingCount() == 1, "the token request waits for its retry");

        long took = stopContext();

        assertTrue(took < FAST_STOP_MILLIS, "the stop took " + took + " ms");
        String message = stoppingFailure(exchange).getMessage();
        assertTrue(message.startsWith("POST /api/v2/simulator/items was not sent: The token request to "), message);
        assertTrue(message.contains("was not sent again: the CamelContext is stopping and it was waiting to retry after"
                                    + " HTTP 503"), message);
        assertEquals(0, sim().faults().hits("POST", "/api/v2/simulator/items"), "the item was never sent");
    }
}
