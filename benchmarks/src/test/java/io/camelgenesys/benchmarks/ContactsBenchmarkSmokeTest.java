package io.camelgenesys.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the contacts benchmark in a very short mode (one measured round of 20 requests per peer, get and create, at
 * concurrency 4, no warm-up) to show that every peer (raw Jetty, the component, the SDK twice) completes its
 * requests against the simulator and that the report has figures for each. Asserts no timings.
 */
class ContactsBenchmarkSmokeTest {

    private static final List<String> PEERS = List.of(ContactsBenchmark.RAW, ContactsBenchmark.CAMEL,
            ContactsBenchmark.SDK, ContactsBenchmark.SDK_POOLED);

    @Test
    void producesFiguresForEveryPeerOperationAndConcurrency() throws Exception {
        Harness.Settings quick = new Harness.Settings(0, 1, Duration.ZERO, 20);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Harness.Result> results = ContactsBenchmark.run(quick, List.of("get", "create"), new int[] {4},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(2, results.size()); // get, then create
        for (Harness.Result r : results) {
            for (String name : PEERS) {
                Harness.PeerResult p = r.peer(name);
                assertEquals(20, p.totalRequests(), r.title() + " " + name);
                assertTrue(p.medianThroughput() > 0, name);
                assertTrue(p.latencyNanos(0.50) > 0 && p.latencyNanos(0.99) >= p.latencyNanos(0.50), name);
            }
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("== contacts get, concurrency 4:")
                   && report.contains("== contacts create, concurrency 4:"), report);
        assertTrue(report.contains("component vs SDK (default pool)") && report.contains("1 (baseline)"), report);
    }

    @Test
    void blockingCallersProduceFiguresForEveryPeer() throws Exception {
        Harness.Settings quick = new Harness.Settings(0, 1, Duration.ZERO, 20);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Harness.Result> results = ContactsBenchmark.run(quick, List.of("get"), new int[] {1, 4},
                new PrintStream(printed, true, StandardCharsets.UTF_8), true);

        assertEquals(4, results.size()); // get at 1 and 4, then blocking callers at 1 and 4
        for (Harness.Result r : results.subList(2, 4)) {
            assertEquals("contacts get, blocking callers", r.title());
            for (String name : List.of(ContactsBenchmark.SDK_BLOCKING, ContactsBenchmark.CAMEL_BLOCKING,
                    ContactsBenchmark.CAMEL_BLOCKING_ROUTE, ContactsBenchmark.RAW_BLOCKING,
                    ContactsBenchmark.SDK_BLOCKING_DEFAULT)) {
                Harness.PeerResult p = r.peer(name);
                assertEquals(20, p.totalRequests(), r.concurrency() + " " + name);
                assertTrue(p.latencyNanos(0.50) > 0, name);
            }
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("== contacts get, blocking callers, concurrency 4:"), report);
    }

    @Test
    void theHandOffPeersCompleteTheirRequests() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Harness.Result> results = runWith("bench.handoff", 4, printed);
        for (Harness.Result r : results) {
            for (String name : List.of(ContactsBenchmark.RAW_HANDOFF, ContactsBenchmark.RAW_JSON_HANDOFF)) {
                assertEquals(20, r.peer(name).totalRequests(), r.title() + " " + name);
            }
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("component vs raw Jetty + Jackson with the same hand-off"), report);
    }

    @Test
    void theMixedRunMeasuresBothOperationsInTheSameRounds() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Harness.Result> results = runWith("bench.mixed", 1, printed);
        assertEquals(3, results.size()); // get, create, then both in the same rounds
        Harness.Result mixed = results.get(2);
        assertEquals(ContactsBenchmark.MIXED, mixed.title());
        for (String op : ContactsBenchmark.OPERATIONS) {
            for (String name : List.of(ContactsBenchmark.RAW, ContactsBenchmark.CAMEL,
                    ContactsBenchmark.RAW_JSON_HANDOFF)) {
                assertEquals(20, mixed.peer(name + " (" + op + ")").totalRequests(), name + " " + op);
            }
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("create: component vs raw Jetty + Jackson with the hand-off, req/s"), report);
    }

    /** Both operations at one concurrency, 20 requests per peer, with the opt-in flag {@code property} set. */
    private static List<Harness.Result> runWith(String property, int concurrency, ByteArrayOutputStream printed)
            throws Exception {
        System.setProperty(property, "true");
        try {
            return ContactsBenchmark.run(new Harness.Settings(0, 1, Duration.ZERO, 20), List.of("get", "create"),
                    new int[] {concurrency}, new PrintStream(printed, true, StandardCharsets.UTF_8));
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void anUnknownOperationIsRefusedBeforeAnythingStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContactsBenchmark.run(
                new Harness.Settings(0, 1, Duration.ZERO, 1), List.of("delete"), new int[] {1},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("bench.operations") && e.getMessage().contains("delete"), e.getMessage());
    }
}
