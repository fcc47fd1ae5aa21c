package io.camelgenesys.benchmarks.soak;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault soak in its smoke mode ({@link FaultSoak.Settings#smoke()}: 12 routes, one 20 s cycle of every fault): no
 * exchange hangs, no record is lost or duplicated, every failure is clear, no message or log line holds a secret. It
 * asserts no timing and no heap figure (those are for the full run on a quiet machine); how long an exchange may take
 * before it counts as hung is bounded by the retry settings, not by the machine's speed.
 */
class FaultSoakSmokeTest {

    @Test
    void everyFaultOnceNothingHungLostOrDuplicatedAndOnlyClearFailures() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FaultSoak.Result r = FaultSoak.run(FaultSoak.Settings.smoke(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);

        assertEquals(0, r.hung(), report);
        assertEquals(0, r.lost(), report);
        assertEquals(0, r.duplicated(), report);
        assertEquals(0, r.unclearFailures(), report);
        assertEquals(Map.of(), r.anomalies(), report);
        assertEquals(Map.of(), r.secretsFound(), report);

        // the faults happened, and the routes worked through them
        assertEquals(8, r.faultsInjected().size(), report);
        FaultSoak.Row contacts = r.components().get(0);
        FaultSoak.Row stats = r.components().get(1);
        assertTrue(contacts.completed() > 50 && contacts.retries() > 0, report);
        assertTrue(stats.completed() > 20 && r.statistics().sent() > 20, report);
        assertTrue(r.contacts().checked() > 0, report);
        assertTrue(report.contains("TARGETS"), report);
    }
}
