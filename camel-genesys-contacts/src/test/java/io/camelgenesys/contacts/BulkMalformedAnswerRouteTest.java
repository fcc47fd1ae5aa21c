package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A bulk batch answered 200 with a body that is no BulkResponse (no {@code results}, or not one per item): the items
 * of the other batches are still reported, so a CRM sync knows which rows Genesys stored and does not create them
 * again on its next run.
 */
class BulkMalformedAnswerRouteTest extends ContactsTestSupport {

    private static final String ADD = EC + "/bulk/contacts/add";

    /** Three rows, one per batch; the second batch is answered {@code {}} (the fault set when that row is read). */
    private Iterator<Map<String, Object>> rowsWithMalformedSecondAnswer() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Map.of("firstName", "First" + i, "lastName", "Last" + i, "workEmail", "crm" + i + "@example.com"));
        }
        Iterator<Map<String, Object>> it = rows.iterator();
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                if (read++ == 1) {
                    // batch 1 has been answered; batch 2 (this row) gets a 200 without results
                    sim().faults().on("POST", ADD).status(200).body("{}", "application/json").times(1);
                }
                return it.next();
            }
        };
    }

    @Test
    void continueModeReportsTheOtherBatchesAndTheUnansweredItems() throws Exception {
        Exchange e = call("bulkAdd", "bulkFailureMode=continue&bulkBatchSize=1", rowsWithMalformedSecondAnswer());
        assertNull(e.getException(), "the other batches were stored: the exchange says which");
        assertEquals(3, sim().requests().count("POST", ADD));
        List<?> successes = e.getMessage().getHeader(ContactsConstants.BULK_SUCCESSES, List.class);
        assertEquals(List.of(0, 2), successes.stream().map(s -> ((BulkSuccess) s).index()).toList());
        List<?> failures = e.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        assertEquals(1, failures.size());
        BulkFailure failure = (BulkFailure) failures.get(0);
        assertEquals(1, failure.index());
        assertFalse(failure.refused(), "not the row's fault: Genesys' answer could not be read");
        assertEquals("malformed.response", failure.code());
    }

    @Test
    void failModeFailsWithABulkExceptionAndTheHeadersOfWhatWasStored() throws Exception {
        Exchange e = call("bulkAdd", "bulkBatchSize=1", rowsWithMalformedSecondAnswer());
        BulkException failure = assertInstanceOf(BulkException.class, e.getException());
        assertNotNull(failure.getMessage());
        assertEquals(2, sim().requests().count("POST", ADD), "the fail mode stops at the failed batch");
        List<?> successes = e.getMessage().getHeader(ContactsConstants.BULK_SUCCESSES, List.class);
        assertNotNull(successes, "the rows stored before the failed batch are reported");
        assertEquals(List.of(0), successes.stream().map(s -> ((BulkSuccess) s).index()).toList());
        assertEquals(1, e.getMessage().getHeader(ContactsConstants.BULK_FAILURE_COUNT, Integer.class));
    }
}
