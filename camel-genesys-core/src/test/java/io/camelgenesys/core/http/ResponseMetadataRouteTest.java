package io.camelgenesys.core.http;

import java.time.Duration;
import java.util.Map;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.test.SimulatorRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What every call reports about its response, through routes against the simulator: the status, Genesys' correlation
 * id and the requests left in the rate window as headers of the message (the message's own headers kept), and the
 * server's count of requests left holding the next calls back until its window resets, instead of meeting a 429.
 */
class ResponseMetadataRouteTest extends SimulatorRouteTestSupport {

    @Test
    void everyCallReportsItsStatusCorrelationIdAndRemainingBudget() throws Exception {
        sim().setRateLimit(1000, Duration.ofMinutes(1)); // a fresh window: the counts below are this test's alone
        Exchange created = template.request(route(cloud("createItem", "rateLimit=0")),
                x -> x.getMessage().setBody(Map.of("name", "metadata")));
        assertNull(created.getException());
        assertEquals(201, created.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        String id = created.getMessage().getBody(TestItem.class).getId();
        assertEquals(999, created.getMessage().getHeader(GenesysConstants.RATE_LIMIT_REMAINING));

        String get = route(cloud("getItem", "itemId=" + id + "&rateLimit=0"));
        Message first = call(get);
        Message second = call(get);
        for (Message m : new Message[] { first, second }) {
            assertEquals(id, m.getBody(TestItem.class).getId());
            assertInstanceOf(Integer.class, m.getHeader(GenesysConstants.HTTP_STATUS));
            assertEquals(200, m.getHeader(GenesysConstants.HTTP_STATUS));
            assertFalse(m.getHeader(GenesysConstants.CORRELATION_ID, String.class).isBlank());
            assertEquals("kept", m.getHeader("MyOwnHeader"), "the message's own headers stay");
        }
        assertNotEquals(first.getHeader(GenesysConstants.CORRELATION_ID), second.getHeader(GenesysConstants.CORRELATION_ID),
                "each response's own correlation id");
        assertEquals(998, first.getHeader(GenesysConstants.RATE_LIMIT_REMAINING));
        assertEquals(997, second.getHeader(GenesysConstants.RATE_LIMIT_REMAINING));
    }

    @Test
    void theServersRemainingCountHoldsTheNextCallsBackInsteadOfMeeting429() throws Exception {
        // three requests a second, and no client-side budget: only the server's X-Rate-Limit-Remaining (0 after the
        // third) and X-Rate-Limit-Reset can keep the fourth and later calls from being sent too early (set before this
        // connection's first call: a window it has seen is never shortened by a later answer)
        sim().setRateLimit(3, Duration.ofSeconds(1));
        String id = template.requestBody(route(cloud("createItem", "rateLimit=0")), Map.of("name", "budget"),
                TestItem.class).getId();
        int limitedBefore = sim().requests().rateLimited();
        String get = route(cloud("getItem", "itemId=" + id + "&rateLimit=0"));
        for (int i = 0; i < 7; i++) {
            Message m = call(get);
            assertEquals(id, m.getBody(TestItem.class).getId());
            assertNotNull(m.getHeader(GenesysConstants.RATE_LIMIT_REMAINING));
        }
        assertEquals(limitedBefore, sim().requests().rateLimited(), "no call was answered 429");
    }

    private Message call(String route) {
        Exchange e = template.request(route, x -> x.getMessage().setHeader("MyOwnHeader", "kept"));
        assertNull(e.getException(), () -> stackTrace(e.getException()));
        return e.getMessage();
    }
}
