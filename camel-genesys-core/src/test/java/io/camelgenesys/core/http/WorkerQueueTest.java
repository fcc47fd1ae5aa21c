package io.camelgenesys.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.camelgenesys.core.test.Await;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link WorkerQueue} on its own (the route-level behaviour is in {@link WorkerHandOffRouteTest}): the worker that
 * went idle last gets the next task, no task is lost or run twice when many threads offer while workers come and go,
 * and a timed wait ends empty.
 */
class WorkerQueueTest {

    @Test
    void theWorkerThatWentIdleLastTakesTheNextTask() throws Exception {
        WorkerQueue queue = new WorkerQueue();
        List<Thread> workers = new ArrayList<>();
        AtomicReference<String> taker = new AtomicReference<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                try {
                    queue.take().run();
                    taker.compareAndSet(null, Thread.currentThread().getName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "idle-" + i);
            t.start();
            workers.add(t);
            // each parked before the next one starts: idle-2 went idle last
            Await.until(t.getName() + " parked", 5_000, () -> t.getState() == Thread.State.WAITING);
        }
        queue.offer(() -> {
        });
        Await.until("a worker took the task", 5_000, () -> taker.get() != null);
        assertEquals("idle-2", taker.get());
        workers.forEach(Thread::interrupt);
        for (Thread t : workers) {
            t.join(5_000);
        }
    }

    @Test
    void aTimedWaitWithoutTasksEndsEmpty() throws Exception {
        WorkerQueue queue = new WorkerQueue();
        assertNull(queue.poll(20, TimeUnit.MILLISECONDS));
        Runnable task = () -> {
        };
        queue.offer(task);
        assertEquals(1, queue.size());
        assertEquals(task, queue.poll(20, TimeUnit.MILLISECONDS));
        assertTrue(queue.isEmpty());
    }

    @Test
    void noTaskIsLostOrRunTwiceUnderConcurrentOffers() throws Exception {
        int offerers = 4;
        int perOfferer = 50_000;
        // short keep-alive: workers time out and come back while tasks are offered, the racy paths
        ThreadPoolExecutor pool = new ThreadPoolExecutor(3, 6, 1, TimeUnit.MILLISECONDS, new WorkerQueue());
        pool.allowCoreThreadTimeOut(true);
        AtomicReferenceArray<Boolean> ran = new AtomicReferenceArray<>(offerers * perOfferer);
        AtomicInteger twice = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(offerers * perOfferer);
        List<Thread> threads = new ArrayList<>();
        for (int o = 0; o < offerers; o++) {
            int base = o * perOfferer;
            Thread t = new Thread(() -> {
                for (int i = 0; i < perOfferer; i++) {
                    int index = base + i;
                    pool.execute(() -> {
                        if (!ran.compareAndSet(index, null, Boolean.TRUE)) {
                            twice.incrementAndGet();
                        }
                        all.countDown();
                    });
                    if (i % 1000 == 0) {
                        Thread.yield();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(all.await(60, TimeUnit.SECONDS), all.getCount() + " tasks never ran");
        assertEquals(0, twice.get(), "tasks ran twice");
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "the idle workers ended on shutdown");
    }
}
