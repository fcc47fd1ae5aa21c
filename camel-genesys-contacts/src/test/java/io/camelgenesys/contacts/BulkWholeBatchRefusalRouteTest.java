package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelgenesys.simulator.FaultRule;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Genesys refuses a bulk request as a whole (a 400 for the request, not a result per item): which item is at fault
 * is not known, so no item is dead-lettered for it unless it is refused on its own. Before, every item of the batch
 * was a refused {@code BulkFailure} (400, {@code refused()} true): a sync dead-lettered rows Genesys would have stored.
 */
class BulkWholeBatchRefusalRouteTest extends ContactsTestSupport {

    private static final String ADD = EC + "/bulk/contacts/add";

    private static List<Map<String, Object>> rows(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("firstName", "First" + i, "workEmail", "row" + i + "@example.com"));
        }
        return rows;
    }

    @Test
    void aBatchRefusedAsAWholeIsSentAgainInHalvesAndItsGoodItemsAreStored() throws Exception {
        refusedAsAWhole().times(1);
        Exchange e = call("bulkAdd", "bulkFailureMode=continue&bulkBatchSize=6", rows(6));
        assertNull(e.getException());
        assertEquals(0, e.getMessage().getHeader(ContactsConstants.BULK_FAILURE_COUNT),
                "no item was refused on its own");
        assertEquals(6, e.getMessage().getHeader(ContactsConstants.BULK_SUCCESS_COUNT));
        List<?> successes = e.getMessage().getHeader(ContactsConstants.BULK_SUCCESSES, List.class);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), successes.stream().map(s -> ((BulkSuccess) s).index()).toList(),
                "in input order");
        assertEquals(6, sim().externalContacts().contactCount());
        assertEquals(3, sim().requests().count("POST", ADD), "the batch, then its two halves");
    }

    @Test
    void anItemIsRefusedOnlyWhenGenesysRefusesItOnItsOwn() throws Exception {
        refusedAsAWhole();
        Exchange e = call("bulkAdd", "bulkFailureMode=continue&bulkBatchSize=4", rows(4));
        assertNull(e.getException());
        List<?> failures = e.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        assertEquals(4, failures.size());
        for (int i = 0; i < 4; i++) {
            BulkFailure f = (BulkFailure) failures.get(i);
            assertEquals(i, f.index());
            assertEquals(400, f.status());
            assertTrue(f.refused());
        }
        assertEquals(7, sim().requests().count("POST", ADD), "4, 2 + 2, then each item alone");
    }

    @Test
    void failModeStopsAtTheFirstItemRefusedOnItsOwn() throws Exception {
        refusedAsAWhole();
        Exchange e = call("bulkAdd", "bulkBatchSize=4", rows(4));
        BulkException failed = assertInstanceOf(BulkException.class, e.getException());
        List<?> failures = e.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        assertEquals(1, failures.size(), failed.getMessage());
        assertEquals(0, ((BulkFailure) failures.get(0)).index());
        assertEquals(3, sim().requests().count("POST", ADD), "4, then 2, then the first item alone");
    }

    /** Every bulk add request is answered 400 for the request as a whole (no result per item). */
    private FaultRule refusedAsAWhole() {
        return sim().faults().on("POST", ADD).status(400)
                .body("{\"message\":\"The request could not be understood\",\"code\":\"bad.request\",\"status\":400}",
                        "application/json");
    }
}
