package io.camelgenesys.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Statistics delivery benchmark in a tiny mode (one step of 200 updates at 400/s, no warm-up) to show that
 * every peer receives every update exactly once and that the report has a row for each. Asserts no timings: a
 * generous quiet time means a slow machine delays the test, it does not turn late updates into losses.
 */
class StatsDeliveryBenchmarkSmokeTest {

    @Test
    void everyPeerReceivesEveryUpdateOnceAndTheReportHasItsRow() throws Exception {
        StatsDeliveryBenchmark.Settings tiny = new StatsDeliveryBenchmark.Settings(List.of(400), 1, 400,
                Duration.ofMillis(500), 400, Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60), 1,
                Set.of("raw", "core", "stats"), 1);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<StatsDeliveryBenchmark.Step> steps = StatsDeliveryBenchmark.run(tiny,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);

        assertEquals(1, steps.size(), report);
        StatsDeliveryBenchmark.Step step = steps.get(0);
        assertEquals(200, step.published());
        // camel-genesys-statistics is a dependency of this module: its peer must have run
        List<String> expected = List.of(StatsDeliveryBenchmark.RAW, StatsDeliveryBenchmark.CORE,
                StatsDeliveryBenchmark.STATS);
        assertEquals(expected, step.peers().stream().map(StatsDeliveryBenchmark.PeerStep::peer).toList(), report);
        for (StatsDeliveryBenchmark.PeerStep p : step.peers()) {
            assertEquals(200, p.received(), p.peer() + "\n" + report);
            assertEquals(0, p.lost(), p.peer());
            assertEquals(0, p.duplicates(), p.peer());
            assertTrue(p.deliveredPerSecond() > 0, p.peer());
            assertTrue(p.p50Nanos() >= 0 && p.p99Nanos() >= p.p50Nanos() && p.maxNanos() >= p.p99Nanos(), p.peer());
            assertTrue(!PeerThreads.measuresCpu() || p.cpuMicrosPerUpdate() > 0, p.peer() + "'s threads used no CPU");
            // the peer's row: name, then delivered/s, ratio, p50, p99, max, and 0 lost, 0 duplicates at the end
            assertTrue(report.lines().anyMatch(l -> l.contains(p.peer()) && l.matches(".*\\s0\\s+0$")),
                    p.peer() + " has no row with 0 lost, 0 dup:\n" + report);
        }
        assertTrue(!report.contains("without a readable stamp"), report);
    }

    @Test
    void ratesGrowAfterTheListedOnesUpToTheMaximum() {
        StatsDeliveryBenchmark.Settings s = new StatsDeliveryBenchmark.Settings(List.of(1_000, 5_000), 2, 30_000,
                Duration.ofSeconds(1), 1_000, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                Set.of("raw"), 1);
        assertEquals(List.of(1_000, 5_000, 10_000, 20_000), StatsDeliveryBenchmark.rates(s));
        StatsDeliveryBenchmark.Settings fixed = new StatsDeliveryBenchmark.Settings(List.of(1_000, 5_000), 1,
                3_000, Duration.ofSeconds(1), 1_000, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                Set.of("raw"), 1);
        assertEquals(List.of(1_000), StatsDeliveryBenchmark.rates(fixed));
    }

    @Test
    void anUnknownPeerIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StatsDeliveryBenchmark.Settings(List.of(1_000), 1, 1_000, Duration.ofSeconds(1), 1_000,
                        Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Set.of("raw", "stat"), 1));
        assertTrue(e.getMessage().contains("stat") && e.getMessage().contains("core"), e.getMessage());
    }

    @Test
    void quantileIsTheNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, StatsDeliveryBenchmark.quantile(sorted, 0.5));
        assertEquals(10, StatsDeliveryBenchmark.quantile(sorted, 0.99));
        assertEquals(-1, StatsDeliveryBenchmark.quantile(new long[0], 0.5));
    }
}
