package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.GenesysStoppingException;
import io.camelgenesys.core.http.RateLimiter;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A bulk operation whose next batch waits for a used-up rate budget when the context stops: the exchange fails at
 * once with the {@link GenesysStoppingException} (even with {@code bulkFailureMode=continue}: the unsent items were not
 * refused, so they are no failures to dead-letter), and its headers list exactly the items stored before, so a route
 * can still mark them.
 */
class BulkShutdownRouteTest extends ContactsTestSupport {

    @Test
    void aBulkWaitingForTheBudgetFailsWithTheStoppingErrorAndReportsWhatWasStored() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(Map.of("CRM_ID", "stop-" + i, "FIRST_NAME", "First" + i, "LAST_NAME", "Last" + i));
        }
        // 3 requests per 10 minutes: the first three batches of 10 go, the fourth waits
        String uri = contacts("bulkEnrich", "action=Upsert&identifierType=ExternalId&identifierField=crmId"
                                            + "&bulkFailureMode=continue&rateLimit=3&rateLimitPeriod=600000");
        String r = route(uri);
        CompletableFuture<Exchange> sync = template.asyncSend(r, e -> e.getMessage().setBody(rows));
        RateLimiter limiter = context.getEndpoint(uri, ContactsEndpoint.class).getConnection().rateLimiter();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limiter.waiting() != 1) {
            if (System.nanoTime() > deadline) {
                fail("the fourth batch never waited for the budget");
            }
            Thread.sleep(20);
        }
        context.getShutdownStrategy().setTimeout(45);

        long start = System.nanoTime();
        context.stop();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(took < 10_000, "the stop took " + took + " ms of a 45 s graceful timeout");
        Exchange exchange = sync.get(0, TimeUnit.SECONDS);
        GenesysStoppingException e = assertInstanceOf(GenesysStoppingException.class, exchange.getException());
        assertTrue(e.getMessage().startsWith("POST /api/v2/externalcontacts/bulk/contacts/enrich was not sent: the"
                                             + " CamelContext is stopping"), e.getMessage());
        @SuppressWarnings("unchecked")
        List<BulkSuccess> stored = exchange.getMessage().getHeader(ContactsConstants.BULK_SUCCESSES, List.class);
        assertEquals(30, stored.size(), "three batches were stored");
        assertEquals("stop-29", ((Map<?, ?>) stored.get(29).item()).get("CRM_ID"));
        assertEquals(List.of(), exchange.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class),
                "the unsent items are no failures");
    }
}
