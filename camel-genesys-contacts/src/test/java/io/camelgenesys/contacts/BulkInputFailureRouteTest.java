package io.camelgenesys.contacts;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The input of a bulk operation fails while it is read (a JDBC cursor that breaks, a pageAll iterator whose next page
 * fails) after some batches were stored: the exchange fails with that error and still says which items were stored,
 * so the next run of a CRM sync does not create them again.
 */
class BulkInputFailureRouteTest extends ContactsTestSupport {

    private static final String ADD = EC + "/bulk/contacts/add";

    @Test
    void aBrokenInputFailsTheExchangeWithTheHeadersOfWhatWasStored() throws Exception {
        IllegalStateException broken = new IllegalStateException("the cursor was closed");
        Iterator<Map<String, Object>> rows = new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                if (read == 2) {
                    throw broken;
                }
                int i = read++;
                return Map.of("firstName", "First" + i, "lastName", "Last" + i, "workEmail", "crm" + i + "@example.com");
            }
        };
        Exchange e = call("bulkAdd", "bulkFailureMode=continue&bulkBatchSize=1", rows);
        assertSame(broken, e.getException(), "the exchange fails with what broke the input");
        assertEquals(2, sim().requests().count("POST", ADD));
        List<?> successes = e.getMessage().getHeader(ContactsConstants.BULK_SUCCESSES, List.class);
        assertNotNull(successes, "the items stored before the input broke are reported");
        assertEquals(List.of(0, 1), successes.stream().map(s -> ((BulkSuccess) s).index()).toList());
        assertEquals(2, e.getMessage().getHeader(ContactsConstants.BULK_SUCCESS_COUNT, Integer.class));
    }
}
