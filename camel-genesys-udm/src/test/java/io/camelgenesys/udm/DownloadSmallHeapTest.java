package io.camelgenesys.udm;

import java.io.File;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import io.camelgenesys.simulator.UdmFile;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Downloads far larger than the heap. Runs in its own surefire execution with {@code -Xmx64m} (see the pom), which
 * also holds the in-process simulator serving the file: a 1 GiB export through a route into {@code file:} with
 * Camel's stream caching on (its default, in memory), and a 256 MiB one written by {@code downloadDirectory}. Either
 * would need the whole file in the heap if anything buffered it.
 */
class DownloadSmallHeapTest extends UdmTestSupport {

    private static final long GIB = 1L << 30;

    @TempDir
    Path out;

    private static void requireSmallHeap() {
        String maxHeapMb = System.getProperty("genesys.test.maxHeapMb");
        if (maxHeapMb != null) {
            // the pom's small-heap execution: make sure the fork really is small
            assertTrue(Runtime.getRuntime().maxMemory() <= (Long.parseLong(maxHeapMb) + 8) << 20,
                    "max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        }
    }

    /** The heap's high-water mark since the last reset, in MiB (all heap pools). */
    private static long heapPeakMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The size, the first and last MiB and 32 random 64 KiB ranges compared with what the simulator serves. */
    private static void assertSameContent(UdmFile expected, Path actual) throws Exception {
        assertEquals(expected.size(), Files.size(actual));
        Random random = new Random(expected.size());
        try (RandomAccessFile file = new RandomAccessFile(actual.toFile(), "r")) {
            long[] starts = new long[34];
            starts[0] = 0;
            starts[1] = expected.size() - (1 << 20);
            for (int i = 2; i < starts.length; i++) {
                starts[i] = (long) (random.nextDouble() * (expected.size() - (1 << 16)));
            }
            for (long start : starts) {
                int length = (int) Math.min(start < 2 ? 1 << 20 : 1 << 16, expected.size() - start);
                byte[] want = new byte[length];
                byte[] got = new byte[length];
                expected.read(start, want, 0, length);
                file.seek(start);
                file.readFully(got);
                assertArrayEquals(want, got, "bytes from " + start);
            }
        }
    }

    @Test
    void aGibibyteExportStreamsThroughARouteIntoAFile() throws Exception {
        requireSmallHeap();
        assertTrue(context.isStreamCaching(), "Camel's default stream caching is on: the download must not be cached");
        UdmFile file = udm().addFile("interactions-1gib.csv", GIB);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:big").to(udm("downloadFile", "")).to("file:" + out);
            }
        });
        resetPeaks();
        long started = System.nanoTime();
        // bounded: a download buffered in the heap dies of OutOfMemoryError on some thread, and the exchange with it
        Exchange done = template.asyncSend("direct:big", e -> e.getMessage().setHeader(UdmConstants.FILE_NAME,
                file.name())).get(5, java.util.concurrent.TimeUnit.MINUTES);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertNull(done.getException());
        System.out.printf("1 GiB through a route into file: in %d ms (%.0f MiB/s), heap high-water %d MiB of %d MiB%n",
                millis, 1024.0 * 1000 / Math.max(1, millis), heapPeakMb(), Runtime.getRuntime().maxMemory() >> 20);
        assertSameContent(file, out.resolve(file.name()));
        Files.delete(out.resolve(file.name()));
    }

    @Test
    void a256MibExportIsWrittenToTheDownloadDirectory() throws Exception {
        requireSmallHeap();
        UdmFile file = udm().addFile("contacts-256mib.csv", 256L << 20);
        Path directory = out.resolve("dl");
        resetPeaks();
        Exchange done = template.request(route(udm("downloadFile", "downloadDirectory=" + directory)),
                e -> e.getMessage().setHeader(UdmConstants.FILE_NAME, file.name()));
        assertNull(done.getException());
        File written = done.getMessage().getBody(File.class);
        System.out.printf("256 MiB to downloadDirectory, heap high-water %d MiB%n", heapPeakMb());
        assertSameContent(file, written.toPath());
        assertEquals(Arrays.asList(written.getName()), Arrays.asList(directory.toFile().list()));
        Files.delete(written.toPath());
    }
}
