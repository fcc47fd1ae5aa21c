package io.camelgenesys.core.http;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link RetryScheduler} API on its own: unbounded sequences (CometD sessions and channels, the statistics
 * consumer's re-create, retried deletes), reset after a success, cancel on stop, and delays for a client that
 * schedules itself (the CometD client). HTTP and token retries are tested through routes in {@link RetryRouteTest};
 * CometD and consumers through theirs (GenesysNotificationsRouteTest, the statistics module's recovery tests).
 */
class RetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final RetryScheduler scheduler = new RetryScheduler(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void anUnboundedSequenceOutlivesTheAttemptsAndDeadlineAndResetStartsOver() throws Exception {
        RetryPolicy options = new RetryPolicy(true, 2, 10, 40, 50);
        RetryScheduler.Retry retry = scheduler.start(options.unbounded(), "a session");
        CountDownLatch ran = new CountDownLatch(6);
        for (int i = 0; i < 6; i++) {
            assertTrue(retry.backoff("lost", ran::countDown) >= 0, "attempt " + (i + 2) + " is scheduled");
        }
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertTrue(retry.currentDelay() > 20 && retry.currentDelay() <= 40, "capped at retryMaxDelay: "
                                                                           + retry.currentDelay());
        retry.reset();
        assertEquals(0, retry.failures());
        long first = retry.nextDelay();
        assertTrue(first >= 7 && first <= 10, "from the initial delay again: " + first);
        assertEquals(7, scheduler.retryCount());
    }

    @Test
    void aBoundedSequenceStopsAtItsAttempts() {
        RetryScheduler.Retry retry = scheduler.start(new RetryPolicy(true, 3, 1, 1, 10_000), "a request");
        assertTrue(retry.backoff("503", () -> {
        }) >= 0);
        assertTrue(retry.backoff("503", () -> {
        }) >= 0);
        assertEquals(RetryPolicy.NO_RETRY, retry.backoff("503", () -> {
        }), "the third attempt was the last");
    }

    @Test
    void cancelStopsAScheduledAttemptAndEveryLaterOne() throws Exception {
        RetryScheduler.Retry retry = scheduler.start(new RetryPolicy(true, 5, 200, 200, 10_000).unbounded(), "x");
        AtomicInteger runs = new AtomicInteger();
        assertTrue(retry.backoff("lost", runs::incrementAndGet) >= 0);
        retry.cancel();
        assertEquals(RetryPolicy.NO_RETRY, retry.backoff("lost", runs::incrementAndGet));
        TimeUnit.MILLISECONDS.sleep(400);
        assertEquals(0, runs.get(), "the cancelled attempt never ran");
    }

    @Test
    void aClosedSchedulerAnswersNoRetry() {
        executor.shutdown();
        RetryScheduler.Retry retry = scheduler.start(RetryPolicy.DEFAULT, "x");
        assertEquals(RetryPolicy.NO_RETRY, retry.backoff("503", () -> {
        }), "the caller reports its failure instead of waiting for an attempt that never runs");
    }

    @Test
    void nextDelayDoublesWithJitterUpToTheCapAndResets() {
        RetryScheduler.Retry b = scheduler.start(new RetryPolicy(true, 1, 500, 30_000, 0).unbounded(), "a session");
        assertEquals(0, b.currentDelay());
        long[] bases = { 500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000 };
        for (long base : bases) {
            long v = b.nextDelay();
            assertTrue(v <= base && v >= base * 3 / 4, v + " for base " + base);
            assertEquals(v, b.currentDelay());
        }
        for (int i = 0; i < 100; i++) {
            assertTrue(b.nextDelay() <= 30_000);
        }
        b.reset();
        assertEquals(0, b.currentDelay());
        assertTrue(b.nextDelay() <= 500);
    }

    @Test
    void anUnboundedSequenceNeverSpins() {
        // retryInitialDelay=0 means "at once" for a request; a session that keeps failing must still wait
        RetryScheduler.Retry retry = scheduler.start(new RetryPolicy(true, 1, 0, 10, 0).unbounded(), "a session");
        for (int i = 0; i < 5; i++) {
            assertTrue(retry.nextDelay() >= 1);
        }
    }

    @Test
    void scheduleRunsATaskThatIsNotARetryAndAClosedSchedulerRefusesIt() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        assertTrue(scheduler.schedule(ran::countDown, 1) != null);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertEquals(0, scheduler.retryCount(), "not counted as a retry");
        executor.shutdown();
        assertEquals(null, scheduler.schedule(ran::countDown, 1));
    }
}
