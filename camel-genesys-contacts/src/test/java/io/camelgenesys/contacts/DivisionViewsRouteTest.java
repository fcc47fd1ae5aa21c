package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.contacts.model.Note;
import io.camelgenesys.contacts.model.Relationship;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The division views through routes: the scans over every division streamed with pageAll (against a divisionId
 * scan), the bulk reads across divisions and of unresolved contacts with per-item failures, a 429 in the middle of a
 * scan, and many scans at once.
 */
class DivisionViewsRouteTest extends ContactsTestSupport {

    /** 5 contacts in div-1, 5 in div-2 and 2 unassigned, added in bulk; their ids. */
    private List<String> contactsInDivisions() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("firstName", "Div" + i);
            row.put("lastName", "View");
            if (i < 10) {
                row.put("division", Map.of("id", i < 5 ? "div-1" : "div-2"));
            }
            rows.add(row);
        }
        List<?> added = body("bulkAdd", "", rows, List.class);
        List<String> ids = new ArrayList<>();
        added.forEach(c -> ids.add(((ExternalContact) c).getId()));
        return ids;
    }

    private Set<String> streamedIds(String operation, String options) throws Exception {
        Exchange e = call(operation, options, null);
        assertNull(e.getException());
        Iterator<?> it = e.getMessage().getBody(Iterator.class);
        Set<String> ids = new HashSet<>();
        int n = 0;
        for (; it.hasNext(); n++) {
            Object entity = it.next();
            ids.add(entity instanceof ExternalContact c ? c.getId() : entity instanceof Note note ? note.getId()
                    : entity instanceof ExternalOrganization o ? o.getId() : ((Relationship) entity).getId());
        }
        assertEquals(n, ids.size(), "no entity twice");
        return ids;
    }

    @Test
    void theDivisionViewScanReadsEveryDivisionWhereADivisionScanReadsOne() throws Exception {
        List<String> ids = contactsInDivisions();
        assertEquals(7, streamedIds("scan", "pageSize=10&pageAll=true&divisionId=div-1").size(),
                "div-1 and the unassigned ones");
        // a 429 on a page is retried after Retry-After: nothing lost, nothing read twice
        sim().faults().on("GET", EC + "/scan/contacts/divisionviews/all").status(429).header("Retry-After", "1")
                .times(1);
        assertEquals(new HashSet<>(ids), streamedIds("scanDivisionViews", "pageSize=10&pageAll=true"));
        assertEquals(3, sim().requests().count("GET", EC + "/scan/contacts/divisionviews/all"),
                "the refused page, then two pages of 10");

        ExternalOrganization one = new ExternalOrganization();
        one.setName("In div-1");
        one.setDivision(Map.of("id", "div-1"));
        ExternalOrganization two = new ExternalOrganization();
        two.setName("In div-2");
        two.setDivision(Map.of("id", "div-2"));
        String o1 = body("createOrganization", "", one, ExternalOrganization.class).getId();
        String o2 = body("createOrganization", "", two, ExternalOrganization.class).getId();
        assertEquals(Set.of(o1), streamedIds("scanOrganizations", "pageSize=10&pageAll=true&divisionId=div-1"));
        assertEquals(Set.of(o1, o2), streamedIds("scanOrganizationsDivisionViews", "pageSize=10&pageAll=true"));

        body("createNote", "contactId=" + ids.get(0), Map.of("noteText", "a"), Note.class);
        body("createOrganizationNote", "externalOrganizationId=" + o2, Map.of("noteText", "b"), Note.class);
        assertEquals(2, streamedIds("scanNotesDivisionViews", "pageSize=10&pageAll=true").size());
        body("createRelationship", "", Map.of("relationship", "Owner", "user", Map.of("id", "u1"),
                "externalOrganization", Map.of("id", o1)), Relationship.class);
        assertEquals(1, streamedIds("scanRelationshipsDivisionViews", "pageSize=10&pageAll=true").size());

        IllegalArgumentException small = assertInstanceOf(IllegalArgumentException.class,
                failure("scanDivisionViews", "pageSize=5", null));
        assertTrue(small.getMessage().contains("limit"), small.getMessage());
    }

    @Test
    void bulkReadsAcrossDivisionsAndOfUnresolvedContactsReportEachMissingItem() throws Exception {
        List<String> ids = contactsInDivisions();
        ExternalContact merged = body("merge", "", Map.of("contactIds", List.of(ids.get(0), ids.get(5))),
                ExternalContact.class);
        List<Object> wanted = List.of(ids.get(0), ids.get(5), "no-such-contact", ids.get(11));

        Exchange resolved = call("bulkGetDivisionViews", "bulkFailureMode=continue", wanted);
        List<?> got = resolved.getMessage().getBody(List.class);
        assertEquals(List.of(merged.getId(), merged.getId(), ids.get(11)),
                got.stream().map(c -> ((ExternalContact) c).getId()).toList(), "merged contacts resolve");
        List<?> failures = resolved.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        assertEquals(1, failures.size());
        BulkFailure missing = (BulkFailure) failures.get(0);
        assertEquals(2, missing.index());
        assertEquals(404, missing.status());
        assertEquals("no-such-contact", missing.item());

        Exchange unresolved = call("bulkGetUnresolved", "bulkFailureMode=continue", wanted);
        List<?> ancestors = unresolved.getMessage().getBody(List.class);
        assertEquals(List.of(ids.get(0), ids.get(5), ids.get(11)),
                ancestors.stream().map(c -> ((ExternalContact) c).getId()).toList(), "each contact as stored");
        assertNotNull(((ExternalContact) ancestors.get(0)).getMergedTo());
        assertEquals(1, unresolved.getMessage().getHeader(ContactsConstants.BULK_FAILURE_COUNT));

        ExternalOrganization org = new ExternalOrganization();
        org.setName("Across");
        org.setDivision(Map.of("id", "div-2"));
        String orgId = body("createOrganization", "", org, ExternalOrganization.class).getId();
        Exchange orgs = call("bulkGetOrganizationsDivisionViews", "bulkFailureMode=continue",
                List.of(orgId, "no-such-org"));
        assertEquals(1, orgs.getMessage().getBody(List.class).size());
        assertEquals(1, orgs.getMessage().getHeader(ContactsConstants.BULK_FAILURE_COUNT));

        BulkException failFast = assertInstanceOf(BulkException.class,
                call("bulkGetUnresolved", "", List.of("no-such-contact")).getException());
        assertEquals(1, failFast.getFailures().size());
    }

    @Test
    void aDivisionViewScanPollsEveryDivisionOncePerPoll() throws Exception {
        Set<String> ids = new HashSet<>(contactsInDivisions());
        MockEndpoint copies = getMockEndpoint("mock:every-division");
        copies.expectedMessageCount(12);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(contacts("scanDivisionViews", "pageSize=10&initialDelay=0&delay=20&repeatCount=1"))
                        .to("mock:every-division");
            }
        });
        copies.assertIsSatisfied();
        Set<String> seen = new HashSet<>();
        copies.getExchanges().forEach(x -> seen.add(x.getMessage().getBody(ExternalContact.class).getId()));
        assertEquals(ids, seen);
    }

    @Test
    void manyDivisionViewScansAtOnceEachReadEveryContactOnce() throws Exception {
        Set<String> ids = new HashSet<>(contactsInDivisions());
        String from = route(contacts("scanDivisionViews", "rateLimit=0&pageSize=10&pageAll=true"));
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add(template.asyncRequestBody(from, null));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<Object> f : sent) {
            Iterator<?> it = (Iterator<?>) f.get();
            Set<String> seen = new HashSet<>();
            while (it.hasNext()) {
                assertTrue(seen.add(((ExternalContact) it.next()).getId()));
            }
            assertEquals(ids, seen);
        }
        assertEquals(80, sim().requests().count("GET", EC + "/scan/contacts/divisionviews/all"),
                "two pages per exchange");
    }
}
