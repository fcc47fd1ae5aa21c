package io.camelgenesys.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.camelgenesys.statistics.model.StatisticValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream on its own: which values pass, in which order, on which thread, and the back-pressure gate. The route
 * behaviour is in {@link StatisticsDeliveryOrderTest}.
 */
class StatisticsStreamTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> thread = new AtomicReference<>();
    private final AtomicInteger resyncs = new AtomicInteger();

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private StatisticsStream stream(int capacity, StatisticsStream.Sink sink) {
        return new StatisticsStream(worker, sink, capacity, resyncs::incrementAndGet);
    }

    private StatisticsStream recording() {
        return stream(100, d -> {
            thread.set(Thread.currentThread().getName());
            d.values().forEach(v -> seen.add(d.eventType() + " " + v.getStatisticId() + "=" + v.getValue() + "@"
                                             + v.getTimestamp()));
        });
    }

    @Test
    void onlyNewerValuesPassInOrderOnTheWorker() throws Exception {
        StatisticsStream s = recording();
        s.offer("sub", "U", List.of(value("a", 10, 1), value("b", 10, 1)), false);
        s.offer("sub", "U", List.of(value("a", 11, 2)), false);
        s.offer("sub", "I", List.of(value("a", 10, 1), value("b", 10, 1)), false); // older / the same: dropped
        s.offer("sub", "U", List.of(value("a", 11, 2)), false); // the same again
        s.offer("sub", "U", List.of(value("a", 11, 3)), false); // same millisecond, another value: a change
        s.offer("sub", "U", List.of(value("b", 12, 5L)), false);
        awaitSize(5);
        assertEquals(List.of("U a=1@10", "U b=1@10", "U a=2@11", "U a=3@11", "U b=5@12"), seen);
        assertEquals(3, s.staleDropped());
        assertEquals("worker", thread.get());
    }

    @Test
    void afterARecoveryAnUnchangedValueIsRestatedOnceUnlessALiveUpdateCameFirst() throws Exception {
        StatisticsStream s = recording();
        s.offer("sub", "U", List.of(value("a", 10, 1), value("b", 10, 1)), false);
        s.recovered();
        s.offer("sub", "U", List.of(value("b", 10, 1)), false); // a live update is never a re-statement
        s.offer("sub", "U", List.of(value("b", 11, 2)), false); // live, in the new session
        s.offer("sub", "I", List.of(value("a", 10, 1), value("b", 11, 2)), true);
        s.offer("sub", "I", List.of(value("a", 10, 1)), true); // once only
        s.offer("sub", "I", List.of(value("a", 9, 0)), true); // never older
        awaitSize(4);
        assertEquals(List.of("U a=1@10", "U b=1@10", "U b=2@11", "I a=1@10"), seen);
        assertEquals(4, s.staleDropped());
    }

    @Test
    void numbersCompareByValueWhicheverReaderProducedThem() {
        assertTrue(StatisticsStream.sameValue(Map.of("value", 5), Map.of("value", 5L)));
        assertTrue(StatisticsStream.sameValue(List.of(1, Map.of("x", 2.0)), List.of(1L, Map.of("x", 2.0))));
        assertFalse(StatisticsStream.sameValue(Map.of("value", 5), Map.of("value", 6L)));
        assertFalse(StatisticsStream.sameValue(Map.of("value", 5), Map.of("other", 5)));
        assertFalse(StatisticsStream.sameValue(2.5, 2L));
    }

    @Test
    void aSlowRouteClosesTheGateAndDrainingReopensIt() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StatisticsStream s = stream(8, held(entered, release));
        assertTrue(s.gate().isDone());
        s.offer("sub", "U", List.of(value("first", 10, 0)), false);
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 4; i++) {
            s.offer("sub", "U", List.of(value("s" + i, 10, i)), false);
        }
        assertTrue(s.gate().isDone(), "half the capacity waits: not more");
        s.offer("sub", "U", List.of(value("s4", 10, 4)), false);
        assertFalse(s.gate().isDone(), "more than half the capacity waits");
        var gate = s.gate();
        release.countDown();
        gate.get(5, TimeUnit.SECONDS);
        awaitSize(6);
        assertEquals(0, s.pending());
        assertEquals(0, s.overflowDropped());
    }

    @Test
    void whatOverflowsIsCountedAndTheValuesAreReadAgainOnceDrained() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StatisticsStream s = stream(4, held(entered, release));
        s.offer("sub", "U", List.of(value("first", 10, 0)), false);
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 5; i++) {
            s.offer("sub", "U", List.of(value("s" + i, 10, i)), false);
        }
        assertEquals(1, s.overflowDropped(), "one in the worker, four waiting, one too many");
        assertEquals(0, resyncs.get());
        release.countDown();
        awaitSize(5);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (resyncs.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, resyncs.get(), "the current values are read again once");
    }

    @Test
    void serviceStatesKeepTheirPlaceAndCloseDropsTheRest() throws Exception {
        List<String> order = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        StatisticsStream s = stream(100, d -> {
            synchronized (order) {
                order.add(d.serviceState() != null ? d.serviceState() : d.values().get(0).getStatisticId());
            }
            done.countDown();
        });
        s.offer("sub", "U", List.of(value("a", 1, 1)), false);
        s.offerServiceState("UNAVAILABLE");
        s.offer("sub2", "I", List.of(value("b", 1, 1)), false);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("a", "UNAVAILABLE", "b"), order);
        s.close();
        assertTrue(s.offer("sub", "U", List.of(value("a", 2, 2)), false).isEmpty());
        assertTrue(s.gate().isDone());
        assertNotEquals(0, s.deliveredCount());
    }

    /** A route that records each delivery once {@code release} opens, saying on {@code entered} that it is held. */
    private StatisticsStream.Sink held(CountDownLatch entered, CountDownLatch release) {
        return d -> {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(d.values().get(0).getStatisticId());
        };
    }

    private void awaitSize(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (seen.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50); // and nothing more
        assertEquals(n, seen.size(), seen.toString());
    }

    static StatisticValue value(String statisticId, long timestamp, Object value) {
        StatisticValue v = new StatisticValue();
        v.setStatisticId(statisticId);
        v.setTimestamp(timestamp);
        v.setValue(value);
        return v;
    }
}
