package io.camelgenesys.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the benchmark in a very short mode (one warm-up and one measured round of 200 requests per peer) to show
 * that the harness and every peer work and that the report has figures for each. Asserts no timings: speed is
 * read from the full run, never asserted.
 */
class ExecutorGetBenchmarkSmokeTest {

    @Test
    void producesFiguresForEveryPeer() throws Exception {
        Harness.Settings quick = new Harness.Settings(1, 1, Duration.ZERO, 200);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Harness.Result> results = ExecutorGetBenchmark.run(quick, new int[] {1, 8},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(2, results.size());
        for (Harness.Result r : results) {
            for (String name : List.of(ExecutorGetBenchmark.RAW, ExecutorGetBenchmark.CAMEL,
                    ExecutorGetBenchmark.CAMEL_LIMITED)) {
                Harness.PeerResult p = r.peer(name);
                assertEquals(1, p.rounds().size(), name);
                assertEquals(200, p.totalRequests(), name);
                assertTrue(p.medianThroughput() > 0, name);
                assertTrue(p.latencyNanos(0.50) > 0 && p.latencyNanos(0.99) >= p.latencyNanos(0.50), name);
            }
            assertEquals(1, r.ratios(ExecutorGetBenchmark.CAMEL, ExecutorGetBenchmark.RAW).length);
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("concurrency 1:") && report.contains("concurrency 8:"), report);
        assertTrue(report.contains(ExecutorGetBenchmark.CAMEL_LIMITED) && report.contains("1 (baseline)"), report);
        assertTrue(report.contains("client-side limiter on/off"), report);
    }
}
