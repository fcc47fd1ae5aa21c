package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The pages of a cursor scan: a page with no entities but a cursor does not end it (Genesys may answer one), and a
 * scanned record carries the headers of its own page.
 */
class ScanPagesRouteTest extends ContactsTestSupport {

    private static final String SCAN_PATH = EC + "/scan/contacts";

    @Test
    void anEmptyPageWithACursorDoesNotEndAStreamedScan() throws Exception {
        sim().externalContacts().seedContacts(120);
        // Genesys' scan tutorial: "The response may contain an empty entities array in certain conditions"; the
        // scan goes on while cursors.after is there
        sim().externalContacts().scanEmptyPages(2);
        Exchange all = call("scan", "pageSize=50&pageAll=true", null);
        Iterator<?> it = all.getMessage().getBody(Iterator.class);
        Set<String> ids = new HashSet<>();
        while (it.hasNext()) {
            ids.add(((ExternalContact) it.next()).getId());
        }
        assertEquals(120, ids.size(), "every record after the empty pages is read");
        assertEquals(5, sim().requests().count("GET", SCAN_PATH), "two empty pages, then three pages of records");
    }

    @Test
    void anEmptyPageWithACursorDoesNotEndAPoll() throws Exception {
        sim().externalContacts().seedContacts(60);
        sim().externalContacts().scanEmptyPages(1);
        List<Exchange> records = poll(60, e -> {
        });
        assertEquals(60, ids(records).size());
    }

    @Test
    void anEmptyPageWithACursorIsAPageOfItsOwn() throws Exception {
        sim().externalContacts().seedContacts(30);
        sim().externalContacts().scanEmptyPages(1);
        Exchange first = call("scan", "pageSize=10", null);
        assertEquals(0, first.getMessage().getBody(List.class).size());
        String cursor = first.getMessage().getHeader(GenesysConstants.NEXT_CURSOR, String.class);
        assertNotNull(cursor, "the empty page says where the scan goes on");
        Exchange second = call("scan", "pageSize=10&cursor=" + cursor, null);
        assertEquals(10, second.getMessage().getBody(List.class).size());
    }

    @Test
    void eachScannedRecordCarriesTheHeadersOfItsOwnPage() throws Exception {
        sim().externalContacts().seedContacts(120);
        List<Exchange> records = poll(120, e -> {
        });
        List<String> cursors = new ArrayList<>();
        List<String> correlations = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Exchange firstOfPage = records.get(page * 50);
            Exchange lastOfPage = records.get(Math.min(page * 50 + 49, 119));
            String cursor = firstOfPage.getMessage().getHeader(GenesysConstants.NEXT_CURSOR, String.class);
            String correlation = firstOfPage.getMessage().getHeader(GenesysConstants.CORRELATION_ID, String.class);
            assertEquals(cursor, lastOfPage.getMessage().getHeader(GenesysConstants.NEXT_CURSOR, String.class),
                    "every record of page " + page + " has that page's cursor");
            assertEquals(correlation, lastOfPage.getMessage().getHeader(GenesysConstants.CORRELATION_ID, String.class));
            assertNotNull(correlation);
            cursors.add(cursor);
            correlations.add(correlation);
        }
        assertNotNull(cursors.get(0));
        assertNotNull(cursors.get(1));
        assertNotEquals(cursors.get(0), cursors.get(1), "the second page's records have the cursor after it");
        assertNull(cursors.get(2), "a record of the last page has no next cursor (there is no next page)");
        assertEquals(3, new HashSet<>(correlations).size(), "each page's records name that page's response");

        // the cursor a record carries resumes the scan after its page: from the second page's, the third page
        Exchange resumed = call("scan", "pageSize=50&cursor=" + cursors.get(1), null);
        List<?> rest = resumed.getMessage().getBody(List.class);
        assertEquals(20, rest.size());
        assertEquals(records.get(100).getMessage().getBody(ExternalContact.class).getId(),
                ((ExternalContact) rest.get(0)).getId());
    }

    @Test
    void a503A429AndAnExpiredTokenMidScanLoseAndRepeatNoRecord() throws Exception {
        sim().externalContacts().seedContacts(120);
        List<Exchange> records = poll(120, e -> {
            if (e.getMessage().getHeader(GenesysConstants.SCAN_INDEX, Long.class) == 10L) {
                // while the first page is processed: the next page fetch meets a 503, then a 429, then a revoked token
                sim().faults().on("GET", SCAN_PATH).status(503).times(1);
                sim().faults().on("GET", SCAN_PATH).status(429).header("Retry-After", "1").times(1);
                sim().tokens().revokeAll();
            }
        });
        assertEquals(120, ids(records).size(), "every record once");
        assertEquals(2, sim().faults().hits("GET", SCAN_PATH), "both faults were met");
        assertEquals(120, records.stream()
                .map(x -> x.getMessage().getHeader(GenesysConstants.SCAN_INDEX, Long.class)).distinct().count());
    }

    /**
     * The cursor option of a scan consumer is where its first poll starts; the later polls read the whole scan from
     * the start, as without it. Before, every poll started from that cursor: records before it were never read again,
     * and once its 24 hours were up every poll failed on the expired cursor.
     */
    @Test
    void theCursorOptionIsOnlyTheFirstPollsStart() throws Exception {
        sim().externalContacts().seedContacts(120);
        Exchange page = call("scan", "pageSize=50", null);
        String cursor = page.getMessage().getHeader(GenesysConstants.NEXT_CURSOR, String.class);
        assertNotNull(cursor);
        MockEndpoint out = getMockEndpoint("mock:reconcile");
        out.expectedMinimumMessageCount(70 + 120);
        out.setResultWaitTime(120_000);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(contacts("scan", "pageSize=50&initialDelay=0&delay=10&cursor=" + cursor)).routeId("fromCursor")
                        .to("mock:reconcile");
            }
        });
        out.assertIsSatisfied();
        context.getRouteController().stopRoute("fromCursor");
        List<Exchange> records = out.getExchanges();
        assertEquals(70, ids(records.subList(0, 70)).size(), "the first poll: the 70 records after the cursor");
        assertEquals(120, ids(records.subList(70, 190)).size(), "the second poll: every record, from the start");
    }

    /** One poll of a scan consumer (pageSize 50) through {@code step}: the records it emitted. */
    private List<Exchange> poll(int expected, Processor step) throws Exception {
        MockEndpoint out = getMockEndpoint("mock:reconcile");
        out.expectedMessageCount(expected);
        out.setResultWaitTime(120_000); // a generous cap: the poll waits out a Retry-After on a loaded machine
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(contacts("scan", "pageSize=50&initialDelay=0&delay=3600000")).process(step).to("mock:reconcile");
            }
        });
        out.assertIsSatisfied();
        return out.getExchanges();
    }

    private static Set<String> ids(List<Exchange> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(x -> ids.add(x.getMessage().getBody(ExternalContact.class).getId()));
        return ids;
    }
}
