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
 * Runs MessagingBenchmark in a very short mode (one warm-up and one measured round of 200 requests per peer) to show
 * that every peer works (each webhook delivery answered 200 with its messageId, each sendMessage accepted) and that
 * the report has figures for each. Asserts no timings: speed is read from the full run, never asserted.
 */
class MessagingBenchmarkSmokeTest {

    @Test
    void producesFiguresForEveryPeer() throws Exception {
        Harness.Settings quick = new Harness.Settings(1, 1, Duration.ZERO, 200);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Harness.Result> results = MessagingBenchmark.run(quick, new int[] {1, 8},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(4, results.size());
        for (Harness.Result r : results.subList(0, 2)) {
            for (String name : List.of(MessagingBenchmark.BARE, MessagingBenchmark.WEBHOOK,
                    MessagingBenchmark.WEBHOOK_EARLY)) {
                assertEquals(200, r.peer(name).totalRequests(), name);
                assertTrue(r.peer(name).medianThroughput() > 0, name);
            }
            assertEquals(1, r.ratios(MessagingBenchmark.WEBHOOK, MessagingBenchmark.BARE).length);
        }
        for (Harness.Result r : results.subList(2, 4)) {
            for (String name : List.of(MessagingBenchmark.RAW_SEND, MessagingBenchmark.SEND)) {
                assertEquals(200, r.peer(name).totalRequests(), name);
                assertTrue(r.peer(name).latencyNanos(0.50) > 0, name);
            }
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("signed webhook deliveries") && report.contains("sendMessage"), report);
        assertTrue(report.contains(MessagingBenchmark.WEBHOOK_EARLY) && report.contains("1 (baseline)"), report);
    }
}
