package io.camelgenesys.benchmarks.soak;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap during a soak: the high-water mark of used heap (sampled), the heap left after each garbage collection
 * (JMX GC notifications: the live set plus what that collection did not reach), bucketed by minute as a trend, and
 * the heap after an explicit GC at the start and at the end.
 */
final class HeapWatch implements NotificationListener {

    private final long startNanos = System.nanoTime();
    private final AtomicLong highWater = new AtomicLong();
    /** minute of the run -> the lowest heap after a GC seen in it. */
    private final Map<Integer, Long> floorByMinute = new TreeMap<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Samples the used heap (call it often, e.g. every 250 ms). */
    void sample() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        highWater.accumulateAndGet(used, Math::max);
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long after = 0;
        for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
            after += u.getUsed();
        }
        // non-heap pools (metaspace, code cache) are in the map too; subtract them
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isNonHeap(e.getKey())) {
                after -= e.getValue().getUsed();
            }
        }
        int minute = (int) ((System.nanoTime() - startNanos) / 60_000_000_000L);
        synchronized (floorByMinute) {
            floorByMinute.merge(minute, after, Math::min);
        }
    }

    private static boolean isNonHeap(String pool) {
        return pool.contains("Metaspace") || pool.contains("Code") || pool.contains("Compressed Class");
    }

    long highWater() {
        return highWater.get();
    }

    /** The heap used right after explicit full collections (three: what finalization frees takes a second). */
    static long afterGc() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    /** minute -> the lowest heap after a GC in that minute of the run. */
    Map<Integer, Long> floorByMinute() {
        synchronized (floorByMinute) {
            return new TreeMap<>(floorByMinute);
        }
    }

    void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(this);
            } catch (Exception ignored) {
                // already gone
            }
        }
    }
}
