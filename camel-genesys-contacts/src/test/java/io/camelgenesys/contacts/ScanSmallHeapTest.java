package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.contacts.model.ExternalContact;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 contacts through {@code split().streaming()} over a cursor scan. Runs in its own surefire execution with a
 * small heap ({@code -Xmx64m}, see the pom), which also holds the in-process simulator's 10,000 contacts; and it
 * checks that pages are fetched only as the splitter reaches them.
 */
class ScanSmallHeapTest extends ContactsTestSupport {

    private static final String SCAN_PATH = EC + "/scan/contacts";

    @Test
    void tenThousandContactsStreamThroughASplitterOnePageAtATime() throws Exception {
        String maxHeapMb = System.getProperty("genesys.test.maxHeapMb");
        if (maxHeapMb != null) {
            // the pom's small-heap execution: make sure the fork really is small
            assertTrue(Runtime.getRuntime().maxMemory() <= (Long.parseLong(maxHeapMb) + 8) << 20,
                    "max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        }
        sim().externalContacts().seedContacts(10_000);
        Set<String> ids = new HashSet<>(20_000);
        AtomicInteger seen = new AtomicInteger();
        List<String> eager = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:reconcile")
                        .to(contacts("scan", "pageSize=200&pageAll=true"))
                        .split(body()).streaming()
                        .process(e -> {
                            int i = seen.getAndIncrement();
                            ids.add(e.getMessage().getBody(ExternalContact.class).getId());
                            // record i is on page i / 200; the streaming splitter asks hasNext() before it processes
                            // the last record of a page, so at most the next page is fetched ahead: memory stays at
                            // one page (plus the record in flight) whatever the size of the scan
                            int pagesFetched = sim().requests().count("GET", SCAN_PATH);
                            if (pagesFetched < i / 200 + 1 || pagesFetched > i / 200 + 2) {
                                eager.add("record " + i + " with " + pagesFetched + " pages fetched");
                            }
                        });
            }
        });
        template.sendBody("direct:reconcile", null);
        assertEquals(10_000, seen.get());
        assertEquals(10_000, ids.size(), "each contact exactly once");
        assertTrue(eager.isEmpty(), "pages were fetched ahead of the splitter: " + eager.subList(0, Math.min(3,
                eager.size())));
        assertEquals(50, sim().requests().count("GET", SCAN_PATH));
    }

}
