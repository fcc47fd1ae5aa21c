package io.camelgenesys.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.json.GenesysModel;

/**
 * Where one peer of {@link StatsDeliveryBenchmark} reports each statistic value it received: reads the publisher's
 * stamp from the value ({@value #STEP}, {@value #SEQ}, {@value #PUBLISHED_NANOS}, a {@link System#nanoTime()} of
 * the same JVM) and records the latency into the current step's {@link Arrivals}.
 * <p>
 * Called from the peer's delivery thread (the CometD client's thread, or the route's); never blocks.
 */
final class UpdateProbe {

    /** The stamp the publisher puts into each statistic's {@code value}. */
    static final String STEP = "benchStep";
    static final String SEQ = "benchSeq";
    static final String PUBLISHED_NANOS = "benchPublishedNanos";

    private final String name;
    private volatile Arrivals current;
    /** Values without a stamp, or with one this probe cannot read: a benchmark must not hide them. */
    private final AtomicLong unreadable = new AtomicLong();
    private volatile String lastUnreadable;

    UpdateProbe(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Starts recording a new step; values stamped with another step are counted as stale, not recorded. */
    void begin(Arrivals arrivals) {
        current = arrivals;
    }

    long unreadable() {
        return unreadable.get();
    }

    String lastUnreadable() {
        return lastUnreadable;
    }

    /** One statistic value as the peer delivers it: a Map, a Jackson tree or a {@link GenesysModel}. */
    void arrived(Object value) {
        long now = System.nanoTime();
        Arrivals a = current;
        Object step = field(value, STEP);
        Object seq = field(value, SEQ);
        Object published = field(value, PUBLISHED_NANOS);
        if (!(step instanceof Number st) || !(seq instanceof Number sq) || !(published instanceof Number p)) {
            unreadable.incrementAndGet();
            lastUnreadable = value == null ? "null" : value.getClass().getName() + ": " + value;
            return;
        }
        if (a != null) {
            a.record(st.intValue(), sq.longValue(), now - p.longValue(), now);
        }
    }

    /**
     * The values of a Statistics Notifications message as it comes off the wire (seed 002: {@code {"name":
     * "StatisticUpdate", "topic": "/statistics/v3/updates", "data": {"statistics": [{..., "value": {...}}]}}}).
     */
    void arrivedMessage(Map<String, Object> message) {
        if (message.get("data") instanceof Map<?, ?> data && data.get("statistics") != null) {
            Object stats = data.get("statistics");
            if (stats instanceof Object[] array) {
                stats = Arrays.asList(array); // Jetty's JSON parses arrays as Object[]
            }
            if (stats instanceof List<?> list) {
                for (Object statistic : list) {
                    arrived(statistic instanceof Map<?, ?> m ? m.get("value") : statistic);
                }
                return;
            }
        }
        unreadable.incrementAndGet();
        lastUnreadable = "message " + message;
    }

    private static Object field(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (value instanceof JsonNode node) {
            JsonNode f = node.get(name);
            return f != null && f.isNumber() ? f.numberValue() : null;
        }
        if (value instanceof GenesysModel model) {
            return model.getAdditionalProperties().get(name);
        }
        return null;
    }

    /**
     * What one peer received of one step: per sequence number the latency (0 = not yet), duplicates, stale values
     * (of an earlier step) and the times of the first and last arrival.
     */
    static final class Arrivals {
        private final int step;
        private final AtomicLongArray latencies;
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLong stale = new AtomicLong();
        private volatile long firstArrivalNanos;
        private volatile long lastArrivalNanos;

        Arrivals(int step, int capacity) {
            this.step = step;
            this.latencies = new AtomicLongArray(capacity);
        }

        void record(int step, long seq, long latencyNanos, long now) {
            if (step != this.step || seq < 0 || seq >= latencies.length()) {
                stale.incrementAndGet();
                return;
            }
            // +1 keeps 0 free for "not arrived" (a latency of 0 ns cannot be told apart otherwise)
            if (!latencies.compareAndSet((int) seq, 0, Math.max(0, latencyNanos) + 1)) {
                duplicates.incrementAndGet();
                return;
            }
            lastArrivalNanos = now;
            if (received.incrementAndGet() == 1) {
                firstArrivalNanos = now;
            }
        }

        long received() {
            return received.get();
        }

        long duplicates() {
            return duplicates.get();
        }

        long stale() {
            return stale.get();
        }

        long firstArrivalNanos() {
            return firstArrivalNanos;
        }

        long lastArrivalNanos() {
            return lastArrivalNanos;
        }

        /** Whether update {@code seq} arrived. */
        boolean arrived(long seq) {
            return latencies.get((int) seq) != 0;
        }

        /** The latencies of the first {@code published} updates that arrived, sorted, in ns. */
        long[] sortedLatencies(int published) {
            long[] out = new long[published];
            int n = 0;
            for (int i = 0; i < published; i++) {
                long l = latencies.get(i);
                if (l != 0) {
                    out[n++] = l - 1;
                }
            }
            long[] sorted = Arrays.copyOf(out, n);
            Arrays.sort(sorted);
            return sorted;
        }
    }
}
