package io.camelgenesys.core.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The limiter's wakeups, where a route cannot place a call precisely enough: a request released by a wakeup whose
 * continuation asks for the next slot on the wakeup's own thread (a route calling again as soon as its call is let
 * through). That waiter was never woken: the running wakeup still looked pending. MetricsRouteTest's three calls in a
 * row at one per second hung on it under load.
 */
class RateLimiterTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aRequestAskingAgainWhileItsWakeupReleasesItIsWokenInItsTurn() throws Exception {
        RateLimiter limiter = new RateLimiter(1, 100, scheduler);
        assertSame(null, limiter.acquire().get(1, TimeUnit.SECONDS));
        limiter.release();

        AtomicReference<CompletableFuture<Void>> third = new AtomicReference<>();
        CompletableFuture<Void> second = limiter.acquire();
        // runs inside the wakeup that completes the second, on the scheduler's thread
        CompletableFuture<Void> askedAgain = second.thenRun(() -> {
            limiter.release();
            third.set(limiter.acquire());
        });
        askedAgain.get(5, TimeUnit.SECONDS);
        assertNotNull(third.get());
        third.get().get(5, TimeUnit.SECONDS);
    }

    @Test
    void manyRequestsInARowEachAskingOnTheReleasingThreadAllGetTheirTurn() throws Exception {
        RateLimiter limiter = new RateLimiter(2, 20, scheduler);
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < 30; i++) {
            chain = chain.thenCompose(v -> limiter.acquire()).thenRun(limiter::release);
        }
        chain.get(10, TimeUnit.SECONDS);
    }
}
