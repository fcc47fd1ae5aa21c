package io.camelgenesys.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Bytes allocated and CPU time used by the JVM's threads between two snapshots, summed over the threads whose name
 * passes a filter (so that an in-process server, such as the simulator, is left out); the CPU time of the other
 * threads is summed apart. Reads {@code com.sun.management.ThreadMXBean} once per snapshot, never per request.
 * <p>
 * Not counted: GC and JIT threads (not Java threads), and whatever a thread did in a round if it died before the
 * round's end. A thread born during the round counts from zero.
 */
final class ThreadCost {

    /**
     * What the threads used between two snapshots; a field is -1 when the JVM cannot measure it.
     *
     * @param allocatedBytes bytes allocated by the counted threads
     * @param cpuNanos       CPU time of the counted threads
     * @param otherCpuNanos  CPU time of the other threads
     */
    record Usage(long allocatedBytes, long cpuNanos, long otherCpuNanos) {
    }

    /** Per thread id: allocated bytes and CPU nanoseconds at snapshot time, for counted and other threads. */
    static final class Snapshot {
        private final Map<Long, long[]> counted;
        private final Map<Long, long[]> others;

        private Snapshot(Map<Long, long[]> counted, Map<Long, long[]> others) {
            this.counted = counted;
            this.others = others;
        }
    }

    private final com.sun.management.ThreadMXBean bean;
    private final Predicate<String> counted;
    private final boolean allocation;
    private final boolean cpu;

    /** @param counted which thread names to count, e.g. everything but the server's pool */
    ThreadCost(Predicate<String> counted) {
        this.counted = counted;
        com.sun.management.ThreadMXBean b = null;
        boolean alloc = false;
        boolean time = false;
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean sun) {
            b = sun;
            try {
                if (sun.isThreadAllocatedMemorySupported()) {
                    sun.setThreadAllocatedMemoryEnabled(true);
                    alloc = sun.isThreadAllocatedMemoryEnabled();
                }
                if (sun.isThreadCpuTimeSupported()) {
                    sun.setThreadCpuTimeEnabled(true);
                    time = sun.isThreadCpuTimeEnabled();
                }
            } catch (UnsupportedOperationException | SecurityException e) {
                // leaves what could not be enabled unmeasured
            }
        }
        this.bean = b;
        this.allocation = alloc;
        this.cpu = time;
    }

    /** Whether allocated bytes can be measured on this JVM. */
    boolean measuresAllocation() {
        return allocation;
    }

    /** Whether thread CPU time can be measured on this JVM. */
    boolean measuresCpu() {
        return cpu;
    }

    Snapshot snapshot() {
        Map<Long, long[]> mine = new HashMap<>();
        Map<Long, long[]> others = new HashMap<>();
        if (bean == null || !allocation && !cpu) {
            return new Snapshot(mine, others);
        }
        long[] ids = bean.getAllThreadIds();
        ThreadInfo[] infos = bean.getThreadInfo(ids, 0);
        long[] bytes = allocation ? bean.getThreadAllocatedBytes(ids) : null;
        long[] nanos = cpu ? bean.getThreadCpuTime(ids) : null;
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null) {
                long[] used = {bytes != null ? bytes[i] : -1, nanos != null ? nanos[i] : -1};
                (counted.test(infos[i].getThreadName()) ? mine : others).put(ids[i], used);
            }
        }
        return new Snapshot(mine, others);
    }

    Usage since(Snapshot before, Snapshot after) {
        long[] mine = sum(before.counted, after.counted);
        long[] others = sum(before.others, after.others);
        return new Usage(allocation ? mine[0] : -1, cpu ? mine[1] : -1, cpu ? others[1] : -1);
    }

    private static long[] sum(Map<Long, long[]> before, Map<Long, long[]> after) {
        long[] total = new long[2];
        for (Map.Entry<Long, long[]> e : after.entrySet()) {
            long[] then = before.getOrDefault(e.getKey(), new long[] {0, 0});
            long[] now = e.getValue();
            for (int k = 0; k < 2; k++) {
                if (now[k] >= 0) {
                    total[k] += now[k] - Math.max(0, then[k]);
                }
            }
        }
        return total;
    }
}
