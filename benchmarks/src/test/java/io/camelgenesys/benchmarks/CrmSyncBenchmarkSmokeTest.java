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
 * Runs the CRM sync in a tiny mode (100 contacts, a budget of 100 requests per 1 s window) to show that the three modes
 * (single calls, bulk, import job) sync every contact with no failed exchange and that the report has a line per mode.
 * Asserts no timings.
 */
class CrmSyncBenchmarkSmokeTest {

    @Test
    void syncsEveryContactWithoutFailures() throws Exception {
        CrmSyncBenchmark.Settings tiny = new CrmSyncBenchmark.Settings(100, 6_000, Duration.ofSeconds(1), 8, 50,
                List.of(CrmSyncBenchmark.SINGLE, CrmSyncBenchmark.BULK, CrmSyncBenchmark.IMPORT));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<CrmSyncBenchmark.SyncResult> results = CrmSyncBenchmark.run(tiny,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        String report = printed.toString(StandardCharsets.UTF_8);
        // the bulk mode needs bulkEnrich or bulkAdd in the component; without them the report says it was not measured
        boolean bulk = CrmSyncBenchmark.operation(CrmSyncBenchmark.BULK) != null;
        assertEquals(bulk ? 3 : 2, results.size(), report);
        for (CrmSyncBenchmark.SyncResult r : results) {
            assertEquals(0, r.failedExchanges(), report);
            assertEquals(0, r.failedItems(), report);
            assertEquals(100, r.stored(), report);
            assertTrue(r.contactsPerMinute() > 0 && r.budgetUsed() > 0, report);
        }
        CrmSyncBenchmark.SyncResult single = results.get(0);
        assertEquals(CrmSyncBenchmark.SINGLE, single.mode());
        // one request per contact, plus one per 429 that a retry repeated
        assertEquals(100 + single.rateLimited(), single.requests(), report);
        assertTrue(report.contains("== CRM sync of 100 contacts") && report.contains(CrmSyncBenchmark.SINGLE + " "),
                report);
        if (bulk) {
            assertTrue(results.get(1).requests() < single.requests(), report);
            assertTrue(report.contains("bulk over single-call"), report);
        } else {
            assertTrue(report.contains("bulk: not measured"), report);
        }
        CrmSyncBenchmark.SyncResult imported = results.get(results.size() - 1);
        assertEquals(CrmSyncBenchmark.IMPORT, imported.mode());
        // the upload request, the job and its polls: a handful of API requests for every contact at once
        assertTrue(imported.requests() < 20, report);
        assertTrue(report.contains("import-job over single-call"), report);
    }
}
