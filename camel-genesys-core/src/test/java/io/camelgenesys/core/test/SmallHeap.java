package io.camelgenesys.core.test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For tests that run in a module's small-heap surefire execution ({@code -Xmx64m}, which sets
 * {@code genesys.test.maxHeapMb}): that the fork really is small, and the heap's high-water mark to print.
 */
public final class SmallHeap {

    private SmallHeap() {
    }

    /** Fails unless the heap is at most {@code genesys.test.maxHeapMb} (checked only when the property is set). */
    public static void require() {
        String maxHeapMb = System.getProperty("genesys.test.maxHeapMb");
        if (maxHeapMb != null) {
            assertTrue(Runtime.getRuntime().maxMemory() <= (Long.parseLong(maxHeapMb) + 8) << 20,
                    "max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        }
    }

    /** Starts a new high-water mark (see {@link #peakMb()}). */
    public static void resetPeak() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The heap's high-water mark since the last reset, in MiB (all heap pools). */
    public static long peakMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
