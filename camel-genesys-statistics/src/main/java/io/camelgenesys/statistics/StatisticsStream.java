package io.camelgenesys.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import io.camelgenesys.statistics.model.StatisticValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way from the CometD and HTTP threads to the route, free of Camel: per statistic it lets only values that are
 * newer than the last one it let through, keeps them in one bounded FIFO queue, and hands them to a {@link Sink} on
 * the worker (one drain at a time, in order), never on the thread that offered them. Offering never blocks.
 * <p>
 * <b>Newer</b>, per statistic (by {@code statisticId}, across the subscriptions the consumer creates for it): a later
 * {@code timestamp} (Stat Server's, epoch milliseconds); on an equal timestamp, a different value (the timestamp cannot
 * order two values of one millisecond, and losing a real change is worse than showing both); an equal timestamp and
 * an equal value is the same value again, never delivered twice. A value without a timestamp cannot be ordered and
 * passes. The one exception is the re-statement: after a recovery (a new CometD session, or a subscription created
 * again, {@link #recovered()}), the current values Genesys gives are delivered once as they are, even unchanged,
 * unless a live update of that statistic got there first; they are never older than what was delivered. Values
 * refused as not newer are counted ({@link #staleDropped()}).
 * <p>
 * <b>Bounded, with back-pressure</b>: at most {@code capacity} values wait. Above half of it {@link #gate()} returns
 * an incomplete future, which the CometD session uses to hold its next {@code /meta/connect} until the queue is down
 * to a quarter (the server keeps the rest meanwhile). If the queue is full all the same (a route stuck for longer than
 * a hold), what arrives is dropped and counted ({@link #overflowDropped()}), and once the queue has drained the
 * {@code resync} task runs (the consumer re-reads the current values, so the route still ends with the latest of
 * each).
 */
final class StatisticsStream {

    /** What the route gets: values of one notification (or one re-read), or a service state change. */
    record Delivery(String subscriptionId, String eventType, List<StatisticValue> values, String serviceState) {
    }

    /** Runs the route, on the worker, one delivery at a time. */
    interface Sink {
        void deliver(Delivery delivery);
    }

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsStream.class);

    private final Executor worker;
    private final Sink sink;
    private final Runnable resync;
    private final int capacity;
    private final int highWater;
    private final int lowWater;

    private final Object lock = new Object();
    // guarded by lock
    private final Map<String, Last> last = new HashMap<>();
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private int pending;
    private boolean draining;
    private boolean overflowed;
    private boolean closed;
    private CompletableFuture<Void> caughtUp = CompletableFuture.completedFuture(null);

    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong overflow = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();

    /** The last value let through for a statistic, and whether it may be re-stated once (after a recovery). */
    private static final class Last {
        Long timestamp;
        Object value;
        boolean restatable;

        Last copy() {
            Last l = new Last();
            l.timestamp = timestamp;
            l.value = value;
            l.restatable = restatable;
            return l;
        }
    }

    /**
     * @param worker   runs the drain (a thread of the consumer's own, never a CometD or HTTP client thread)
     * @param capacity the most values waiting for the route
     * @param resync   runs (on the worker) after an overflow, once the queue is empty
     */
    StatisticsStream(Executor worker, Sink sink, int capacity, Runnable resync) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be at least 4: " + capacity);
        }
        this.worker = worker;
        this.sink = sink;
        this.capacity = capacity;
        this.highWater = capacity / 2;
        this.lowWater = capacity / 4;
        this.resync = resync;
    }

    /**
     * Offers values of a subscription; those not newer than what was let through are dropped (counted).
     *
     * @param restating whether these are current values read after a recovery (see {@link #recovered()})
     * @return the values let through
     */
    List<StatisticValue> offer(String subscriptionId, String eventType, List<StatisticValue> values, boolean restating) {
        return offer(subscriptionId, eventType, values, restating, false);
    }

    /**
     * Offers current values read over REST for a route that wants changes only ({@code initialValues=false}): a value
     * of a statistic that nothing was let through for yet is remembered, not let through (what later values are
     * compared with: the subscription's values when it was made); the others pass when newer, as updates do, so the
     * changes an outage, a lost session or an overflow kept from the route still reach it.
     *
     * @return the values let through
     */
    List<StatisticValue> offerChanges(String subscriptionId, String eventType, List<StatisticValue> values) {
        return offer(subscriptionId, eventType, values, false, true);
    }

    private List<StatisticValue> offer(String subscriptionId, String eventType, List<StatisticValue> values,
                                       boolean restating, boolean changesOnly) {
        boolean start;
        List<StatisticValue> fresh;
        synchronized (lock) {
            if (closed) {
                return List.of();
            }
            fresh = new ArrayList<>(values.size());
            // values that may not fit: what accept() records of them is undone when they are dropped, or the values
            // read again after the overflow would be taken for ones already delivered (equal: stale) and the route
            // would never get them
            Map<String, Last> before = pending + values.size() > capacity ? new HashMap<>() : null;
            for (StatisticValue v : values) {
                String id = v.getStatisticId();
                if (changesOnly && id != null && !last.containsKey(id)) {
                    Last l = new Last();
                    l.timestamp = v.getTimestamp();
                    l.value = v.getValue();
                    last.put(id, l);
                    continue;
                }
                if (before != null && id != null && !before.containsKey(id)) {
                    Last l = last.get(id);
                    before.put(id, l != null ? l.copy() : null);
                }
                if (accept(v, restating)) {
                    fresh.add(v);
                }
            }
            if (fresh.isEmpty()) {
                return fresh;
            }
            if (pending + fresh.size() > capacity) {
                // before != null: fresh is part of values
                before.forEach((id, l) -> {
                    if (l != null) {
                        last.put(id, l);
                    } else {
                        last.remove(id);
                    }
                });
                overflow.addAndGet(fresh.size());
                overflowed = true;
                return List.of();
            }
            start = enqueue(new Delivery(subscriptionId, eventType, fresh, null), fresh.size());
        }
        if (start) {
            startDrain();
        }
        return fresh;
    }

    /** Queues a service state change, in order with the values (never dropped as stale). */
    void offerServiceState(String state) {
        boolean start;
        synchronized (lock) {
            if (closed) {
                return;
            }
            start = enqueue(new Delivery(null, StatisticsConstants.SERVICE_STATE_CHANGE, List.of(), state), 1);
        }
        if (start) {
            startDrain();
        }
    }

    /** A recovery began: each statistic's next current value may re-state an unchanged one, once. */
    void recovered() {
        synchronized (lock) {
            for (Last l : last.values()) {
                l.restatable = true;
            }
        }
    }

    // guarded by lock
    private boolean accept(StatisticValue v, boolean restating) {
        String id = v.getStatisticId();
        if (id == null) {
            return true; // cannot be told apart: nothing to compare with
        }
        Last l = last.get(id);
        if (l == null) {
            l = new Last();
            last.put(id, l);
        } else if (l.timestamp != null && v.getTimestamp() != null) {
            long ts = v.getTimestamp();
            boolean newer = ts > l.timestamp || ts == l.timestamp && !sameValue(v.getValue(), l.value);
            boolean restated = restating && l.restatable && ts == l.timestamp;
            if (!newer && !restated) {
                stale.incrementAndGet();
                return false;
            }
        }
        l.timestamp = v.getTimestamp() != null ? v.getTimestamp() : l.timestamp;
        l.value = v.getValue();
        l.restatable = false;
        return true;
    }

    /**
     * Whether two values are the same, whichever JSON reader produced them: numbers compare by value (a REST answer
     * may say 5 as an Integer where a notification says it as a Long), maps and lists element by element.
     */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue() && x.longValue() == y.longValue();
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !sameValue(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    // guarded by lock; returns whether a drain must start
    private boolean enqueue(Delivery d, int weight) {
        queue.addLast(d);
        pending += weight;
        if (pending > highWater && caughtUp.isDone()) {
            caughtUp = new CompletableFuture<>();
        }
        if (draining) {
            return false;
        }
        draining = true;
        return true;
    }

    private void startDrain() {
        try {
            worker.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // stopping: what waits is dropped with the consumer
            synchronized (lock) {
                draining = false;
            }
        }
    }

    private void drain() {
        while (true) {
            Delivery d;
            CompletableFuture<Void> release = null;
            boolean resyncNow = false;
            synchronized (lock) {
                d = queue.pollFirst();
                if (d == null) {
                    draining = false;
                    resyncNow = overflowed && !closed;
                    overflowed = false;
                } else {
                    pending -= Math.max(1, d.values().size());
                }
                if (pending <= lowWater && !caughtUp.isDone()) {
                    release = caughtUp;
                }
            }
            if (release != null) {
                release.complete(null);
            }
            if (d == null) {
                if (resyncNow) {
                    resync.run();
                }
                return;
            }
            delivered.addAndGet(d.values().size()); // values: a service state change carries none
            try {
                sink.deliver(d);
            } catch (RuntimeException e) {
                // the sink handles route failures itself; whatever escapes must not end the drain with items waiting
                LOG.warn("Delivering statistics failed: {}", e.toString());
            }
        }
    }

    /** Complete while the consumer keeps up; incomplete while more than half the capacity waits. */
    CompletableFuture<Void> gate() {
        synchronized (lock) {
            return caughtUp;
        }
    }

    /** Drops what waits and lets nothing in any more; a held connect is released. */
    void close() {
        CompletableFuture<Void> release;
        synchronized (lock) {
            closed = true;
            queue.clear();
            pending = 0;
            release = caughtUp;
        }
        release.complete(null);
    }

    /** Values refused because a newer (or the same) value of their statistic had been delivered. */
    long staleDropped() {
        return stale.get();
    }

    /** Values dropped because the queue was full (the current values were re-read afterwards). */
    long overflowDropped() {
        return overflow.get();
    }

    /** Values handed to the route (service state changes are not values). */
    long deliveredCount() {
        return delivered.get();
    }

    /** Values waiting for the route. */
    int pending() {
        synchronized (lock) {
            return pending;
        }
    }
}
