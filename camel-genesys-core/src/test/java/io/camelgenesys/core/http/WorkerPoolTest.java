package io.camelgenesys.core.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link WorkerPool} on its own: a continuation handed over from one of the pool's own threads is queued, never run
 * nested inside the task that handed it over (the routes that showed why are in {@code ImportExportRouteTest}: a
 * worker reading a download inside Jetty's serialized invoker must not run another exchange's continuation there;
 * {@link NestedContinuationRouteTest} places that interleaving through routes).
 */
class WorkerPoolTest {

    @Test
    void aContinuationHandedOverFromAWorkerRunsAfterTheTaskThatHandedItOver() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            WorkerPool workers = WorkerPool.of(one, scheduler, "test-workers");
            List<String> order = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(1);
            workers.execute(() -> {
                workers.execute(() -> {
                    order.add("continuation");
                    done.countDown();
                });
                order.add("end of the task that handed it over");
            });
            assertTrue(done.await(10, TimeUnit.SECONDS), "the continuation ran");
            assertEquals(List.of("end of the task that handed it over", "continuation"), order);
        } finally {
            one.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}
