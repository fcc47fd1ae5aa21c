package io.camelgenesys.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads of one peer, told apart by {@link ThreadGroup}: the peer is set up ({@link #setUp}) on a thread of
 * its own group, and every thread it starts then (Jetty client pools, CometD schedulers, Camel executors, all created
 * lazily by the peer's own threads) inherits the group. Peers whose pools share a name (two CamelContexts each
 * with a connection {@code multicloud-1}) are thus still measured apart. {@link #cpuNanos()} sums the CPU time of the
 * group's live threads; take it before and after a step.
 * <p>
 * Not counted: a thread of the peer that died during the step (its time is lost with it), and JVM-wide threads a
 * peer merely uses (GC, JIT, the common fork-join pool).
 */
final class PeerThreads {

    private static final com.sun.management.ThreadMXBean BEAN = bean();

    private final ThreadGroup group;

    private PeerThreads(ThreadGroup group) {
        this.group = group;
    }

    /** Whether per-thread CPU time can be read on this JVM. */
    static boolean measuresCpu() {
        return BEAN != null;
    }

    /**
     * Runs {@code setUp} on a new thread of a new group named {@code name}, waits for it, and returns its result with
     * the group's handle.
     */
    static <T> Result<T> setUp(String name, Callable<T> setUp) throws Exception {
        ThreadGroup group = new ThreadGroup(name);
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t = new Thread(group, () -> {
            try {
                result.set(setUp.call());
            } catch (Exception e) {
                failure.set(e);
            }
        }, name + "-setup");
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Result<>(result.get(), new PeerThreads(group));
    }

    record Result<T>(T value, PeerThreads threads) {
    }

    /** Per live thread of the group: its CPU time so far (ns); empty when the JVM cannot tell. */
    Map<Long, Long> cpuNanos() {
        return BEAN == null ? new HashMap<>() : perThread(BEAN::getThreadCpuTime);
    }

    /** Per live thread of the group: the bytes it allocated so far; empty when the JVM cannot tell. */
    Map<Long, Long> allocatedBytes() {
        return BEAN == null || !BEAN.isThreadAllocatedMemorySupported() || !BEAN.isThreadAllocatedMemoryEnabled()
                ? new HashMap<>() : perThread(BEAN::getThreadAllocatedBytes);
    }

    /** A reading per live thread of the group (negative readings, of threads that ended meanwhile, left out). */
    private Map<Long, Long> perThread(java.util.function.Function<long[], long[]> read) {
        Map<Long, Long> values = new HashMap<>();
        Thread[] threads = new Thread[group.activeCount() + 16];
        int n = group.enumerate(threads, true);
        long[] ids = Arrays.stream(threads, 0, n).mapToLong(Thread::getId).toArray();
        long[] readings = read.apply(ids);
        for (int i = 0; i < ids.length; i++) {
            if (readings[i] >= 0) {
                values.put(ids[i], readings[i]);
            }
        }
        return values;
    }

    /** CPU time used between two {@link #cpuNanos()} readings by the threads alive at the second; -1 if unknown. */
    static long used(Map<Long, Long> before, Map<Long, Long> after) {
        if (BEAN == null) {
            return -1;
        }
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    private static com.sun.management.ThreadMXBean bean() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean sun) {
            try {
                if (sun.isThreadCpuTimeSupported()) {
                    sun.setThreadCpuTimeEnabled(true);
                    return sun.isThreadCpuTimeEnabled() ? sun : null;
                }
            } catch (UnsupportedOperationException | SecurityException e) {
                return null;
            }
        }
        return null;
    }
}
