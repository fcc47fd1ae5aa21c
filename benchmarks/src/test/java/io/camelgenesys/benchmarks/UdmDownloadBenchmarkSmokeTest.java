package io.camelgenesys.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the UDM download benchmark in a very short mode (one warm-up and one measured round of 6 downloads of 1 MiB
 * per peer, at concurrency 1 and 3) to show that every peer downloads whole files and that the report has throughput
 * and heap figures for each. Asserts no timings: speed is read from the full run, never asserted.
 */
class UdmDownloadBenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void producesFiguresForEveryPeer() throws Exception {
        Harness.Settings quick = new Harness.Settings(1, 1, Duration.ZERO, 6);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        UdmDownloadBenchmark.Report report = UdmDownloadBenchmark.run(quick, new int[] {1, 3}, 1 << 20, 4 << 20, work,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<String> peers = List.of(UdmDownloadBenchmark.RAW, UdmDownloadBenchmark.CAMEL,
                UdmDownloadBenchmark.CAMEL_DIRECTORY);
        assertEquals(2, report.results().size());
        for (Harness.Result r : report.results()) {
            for (String name : peers) {
                Harness.PeerResult p = r.peer(name);
                assertEquals(6, p.totalRequests(), name);   // each one checked for its size before it counted
                assertTrue(p.medianThroughput() > 0, name);
            }
        }
        assertEquals(peers, List.copyOf(report.heapHighWater().keySet()));
        report.heapHighWater().values().forEach(bytes -> assertTrue(bytes >= 0));
        try (Stream<Path> left = Files.walk(work)) {
            assertTrue(left.noneMatch(Files::isRegularFile), "every downloaded file is deleted once checked");
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("route over raw, files/s") && text.contains("MiB/s"), text);
        assertTrue(text.contains("heap high-water mark of one 4 MiB download"), text);
    }
}
