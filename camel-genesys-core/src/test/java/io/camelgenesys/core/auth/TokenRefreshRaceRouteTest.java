package io.camelgenesys.core.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.SimulatorRouteTestSupport;
import io.camelgenesys.core.test.TestEndpoint;
import io.camelgenesys.core.test.TestItem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single-flight token request under the one interleaving that once let a second request through (seen as
 * ConnectionPipelineRouteTest's one-token-for-200-exchanges test counting 2): a caller reads the token (none yet),
 * the request in flight ends (it sets the token, then clears itself), and only then does the caller look at the
 * request in flight and find none. The interleaving is forced, not hoped for: the simulator holds the token response
 * until the test releases it, and {@link OAuthTokenProvider#beforeRefresh} holds the second caller between its read
 * of the token and its look at the request in flight. That caller must take the new token, not ask for another.
 */
class TokenRefreshRaceRouteTest extends SimulatorRouteTestSupport {

    @Test
    void aCallerThatReadTheTokenBeforeTheRequestInFlightEndedTakesItsTokenInsteadOfAskingAgain() throws Exception {
        String uri = cloud("createItem", "rateLimit=0&retryEnabled=false");
        String r = route(uri);
        OAuthTokenProvider tokens = assertInstanceOf(OAuthTokenProvider.class,
                context.getEndpoint(uri, TestEndpoint.class).getConnection().tokens());
        assertFalse(tokens.hasValidToken(), "a cold connection: both exchanges must ask for the token");

        CompletableFuture<Void> tokenResponse = new CompletableFuture<>();
        sim().faults().on("POST", "/oauth/token").holdUntil(tokenResponse).times(1);
        AtomicInteger callers = new AtomicInteger();
        CountDownLatch secondCallerBetween = new CountDownLatch(1);
        CountDownLatch firstRequestEnded = new CountDownLatch(1);
        tokens.beforeRefresh = () -> {
            if (callers.incrementAndGet() == 2) {
                // the second caller has read the token (none) and not yet looked at the request in flight
                secondCallerBetween.countDown();
                await(firstRequestEnded);
            }
        };
        try {
            CompletableFuture<Object> first = template.asyncRequestBody(r, Map.of("name", "first"));
            Await.until("the first exchange's token request reached the simulator", 10_000,
                    () -> sim().tokens().requestCount() == 1);
            CompletableFuture<Object> second = template.asyncRequestBody(r, Map.of("name", "second"));
            assertTrue(secondCallerBetween.await(10, TimeUnit.SECONDS),
                    "the second exchange asked for a token while the first one's request was held");

            tokenResponse.complete(null);
            // the first exchange ends after the request in flight set the token and cleared itself
            assertEquals("first", assertInstanceOf(TestItem.class, first.get(10, TimeUnit.SECONDS)).getName());
            firstRequestEnded.countDown();

            assertEquals("second", assertInstanceOf(TestItem.class, second.get(10, TimeUnit.SECONDS)).getName());
            assertEquals(1, sim().tokens().requestCount(),
                    "the second caller took the token the first request obtained, it did not request another");
            assertEquals(1, tokens.tokensObtained());
            assertEquals(2, callers.get(), "no other caller looked for a token");
        } finally {
            tokens.beforeRefresh = null;
            firstRequestEnded.countDown();
            tokenResponse.complete(null);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            // bounded: a failing test releases it in its finally block; this only keeps a broken one from hanging
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
