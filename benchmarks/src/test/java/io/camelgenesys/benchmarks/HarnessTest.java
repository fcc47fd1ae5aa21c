package io.camelgenesys.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's bookkeeping, with in-memory peers (no timings asserted). */
class HarnessTest {

    @Test
    void countsEveryRequestOfEveryRoundAndAlternatesPeers() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        StringBuilder rounds = new StringBuilder(); // the peer of each run of calls: one letter per round
        try {
            Harness harness = new Harness(new Harness.Settings(1, 3, Duration.ZERO, 50, false), name -> true);
            Harness.Result r = harness.measure("test", 4, List.of(peer("A", rounds, executor),
                    peer("B", rounds, executor)));

            assertEquals("ABABABAB", rounds.toString()); // 1 warm-up + 3 measured rounds, alternating
            assertEquals(3, r.peer("A").rounds().size());
            assertTrue(r.peer("A").rounds().stream().allMatch(round -> round.requests() == 50));
            assertEquals(150, r.peer("B").totalRequests());
            assertEquals(3, r.ratios("A", "B").length);
            assertTrue(r.peer("B").latencyNanos(0.99) >= r.peer("B").latencyNanos(0.5));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void rotatesThePeerOrderFromCycleToCycleByDefault() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        StringBuilder rounds = new StringBuilder();
        try {
            Harness harness = new Harness(new Harness.Settings(1, 3, Duration.ZERO, 20), name -> true);
            Harness.Result r = harness.measure("test", 2, List.of(peer("A", rounds, executor),
                    peer("B", rounds, executor), peer("C", rounds, executor)));

            // the warm-up in the given order, then each peer once in every slot
            assertEquals("ABC" + "ABC" + "BCA" + "CAB", rounds.toString());
            // ratios still pair the rounds of one cycle, whatever their slots
            assertEquals(3, r.ratios("C", "A").length);
            assertEquals(60, r.peer("C").totalRequests());
        } finally {
            executor.shutdownNow();
        }
    }

    /** A peer that completes on another thread and notes when a run of its calls begins. */
    private static Harness.Peer peer(String name, StringBuilder rounds, ExecutorService executor) {
        return new Harness.Peer(name, done -> {
            synchronized (rounds) {
                if (rounds.length() == 0 || rounds.charAt(rounds.length() - 1) != name.charAt(0)) {
                    rounds.append(name);
                }
            }
            executor.execute(() -> done.done(null));
        });
    }

    @Test
    void aFailedRequestFailsTheRound() {
        Harness harness = new Harness(new Harness.Settings(0, 1, Duration.ZERO, 10), name -> true);
        Harness.Peer failing = new Harness.Peer("failing", done -> new Thread(
                () -> done.done(new IllegalStateException("boom"))).start());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> harness.measure("test", 2, List.of(failing)));
        assertTrue(e.getMessage().contains("failing") && e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertEquals(2.0, Harness.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Harness.median(new double[] {4, 1, 3, 2}));
    }
}
