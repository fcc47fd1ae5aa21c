package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelgenesys.contacts.model.ExternalContact;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk operations: batching, per-item failures mapped to the input, continue and fail modes, dead-lettering. */
class BulkRouteTest extends ContactsTestSupport {

    private static final Set<Integer> INVALID = Set.of(3, 150, 151, 499, 500, 777, 999);

    /** 1,000 CRM rows as Maps; 7 are invalid (3 refused by the rules, 4 by Genesys for an unknown organization). */
    private static List<Map<String, Object>> crmRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("firstName", "First" + i);
            row.put("lastName", "Last" + i);
            row.put("workEmail", "crm" + i + "@example.com");
            rows.add(row);
        }
        rows.get(3).put("workEmail", "not-an-email");
        // a phone as text: PhoneNumber is an object (a missing name is no error: no contact field is required)
        rows.get(150).put("workPhone", "+13175550100");
        rows.get(151).put("firstName", "x".repeat(1001));
        // valid for the rules, refused by Genesys: the organization does not exist
        for (int i : List.of(499, 500, 777, 999)) {
            rows.get(i).put("externalOrganization", Map.of("id", "no-such-org-" + i));
        }
        return rows;
    }

    @Test
    void thousandContactsWithSevenInvalidReportExactlyThoseSeven() throws Exception {
        List<Map<String, Object>> rows = crmRows();
        Exchange e = call("bulkAdd", "bulkFailureMode=continue&bulkBatchSize=200", rows);
        assertNull(e.getException());
        List<?> failures = e.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        Set<Integer> failed = new TreeSet<>();
        for (Object o : failures) {
            BulkFailure f = (BulkFailure) o;
            failed.add(f.index());
            assertSame(rows.get(f.index()), f.item(), "the failure carries the input item itself");
        }
        assertEquals(new TreeSet<>(INVALID), failed);
        assertEquals(993, e.getMessage().getHeader(ContactsConstants.BULK_SUCCESS_COUNT));
        assertEquals(993, sim().externalContacts().contactCount());
        assertEquals(993, e.getMessage().getBody(List.class).size());
        assertInstanceOf(ExternalContact.class, e.getMessage().getBody(List.class).get(0));
        assertEquals(5, sim().requests().count("POST", EC + "/bulk/contacts/add"), "1,000 items in batches of 200");
        BulkFailure rule = (BulkFailure) failures.get(0);
        assertTrue(rule.error().contains("workEmail must be a valid email address"), rule.error());
        assertEquals("invalid.input", rule.code());
        BulkFailure genesys = (BulkFailure) failures.get(3);
        assertEquals(499, genesys.index());
        assertEquals(400, genesys.status());
        assertTrue(genesys.error().contains("no-such-org-499"), genesys.error());
    }

    @Test
    void failuresCanBeDeadLetteredRecordByRecord() throws Exception {
        MockEndpoint dlq = getMockEndpoint("mock:dead-letter");
        dlq.expectedMessageCount(7);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sync")
                        .to(contacts("bulkAdd", "bulkFailureMode=continue"))
                        .split(header(ContactsConstants.BULK_FAILURES))
                        .setBody(simple("${body.item}"))
                        .to("mock:dead-letter");
            }
        });
        template.sendBody("direct:sync", crmRows());
        dlq.assertIsSatisfied();
        Set<Object> firstNames = new TreeSet<>(Set.of());
        dlq.getExchanges().forEach(x -> firstNames.add(String.valueOf(x.getMessage().getBody(Map.class).get("firstName"))));
        assertTrue(firstNames.contains("First3") && firstNames.contains("First999"), firstNames.toString());
    }

    @Test
    void failModeStopsAtTheFirstBadBatchAndSaysWhatWasStored() throws Exception {
        List<Map<String, Object>> rows = crmRows().subList(0, 300);
        Exchange e = call("bulkAdd", "bulkBatchSize=100", rows);
        BulkException ex = assertInstanceOf(BulkException.class, e.getException());
        assertEquals(List.of(3), ex.getFailures().stream().map(BulkFailure::index).toList());
        assertEquals(0, ex.getSucceeded());
        assertEquals(0, sim().requests().count("POST", EC + "/bulk/contacts/add"), "the invalid batch is not sent");
        assertEquals(1, e.getMessage().getHeader(ContactsConstants.BULK_FAILURE_COUNT));
        assertTrue(ex.getMessage().contains("#3 workEmail must be a valid email address"), ex.getMessage());
    }

    @Test
    void bulkGetUpdateRemoveByIds() throws Exception {
        List<String> ids = sim().externalContacts().seedContacts(25);
        List<Object> wanted = new ArrayList<>(ids.subList(0, 10));
        wanted.add("missing-id");
        Exchange got = call("bulkGet", "bulkFailureMode=continue", wanted);
        assertEquals(10, got.getMessage().getBody(List.class).size());
        List<?> failures = got.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        assertEquals(10, ((BulkFailure) failures.get(0)).index());

        List<ExternalContact> changes = new ArrayList<>();
        for (Object o : got.getMessage().getBody(List.class)) {
            ExternalContact c = (ExternalContact) o;
            c.setTitle("Bulk");
            changes.add(c);
        }
        Exchange updated = call("bulkUpdate", "", changes);
        assertNull(updated.getException());
        assertEquals("Bulk", sim().externalContacts().contact(ids.get(0)).orElseThrow().get("title"));

        Exchange removed = call("bulkRemove", "bulkBatchSize=4", ids.subList(0, 10).toArray());
        assertNull(removed.getException());
        assertEquals(15, sim().externalContacts().contactCount());
        assertEquals(3, sim().requests().count("POST", EC + "/bulk/contacts/remove"));
    }

    @Test
    void bulkEnrichUpsertsByExternalIdInBatchesOfTen() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(Map.of("crmId", "crm-" + i, "firstName", "F" + i, "lastName", "L" + i));
        }
        String uri = "bulkEnrich";
        String options = "action=Upsert&identifierType=ExternalId&identifierField=crmId&bulkBatchSize=100";
        assertNull(call(uri, options, rows).getException());
        assertEquals(3, sim().requests().count("POST", EC + "/bulk/contacts/enrich"), "enrich batches hold 10 at most");
        assertEquals(25, sim().externalContacts().contactCount());
        // idempotent: running the same sync again changes nothing
        Exchange again = call(uri, options, rows);
        assertEquals(25, again.getMessage().getHeader(ContactsConstants.BULK_SUCCESS_COUNT));
        assertEquals(25, sim().externalContacts().contactCount());
    }

    @Test
    void anIteratorOrAJsonArrayIsInputToo() throws Exception {
        List<String> ids = sim().externalContacts().seedContacts(6);
        List<?> fetched = body("bulkGet", "", "[\"" + ids.get(0) + "\", {\"id\": \"" + ids.get(1) + "\"}]",
                List.class);
        assertEquals(2, fetched.size());
        assertNull(call("bulkRemove", "bulkBatchSize=2", ids.iterator()).getException());
        assertEquals(0, sim().externalContacts().contactCount());
    }

    @Test
    void badBulkOptionsFailAtEndpointCreation() {
        for (String options : List.of("bulkFailureMode=skip", "bulkBatchSize=0")) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> context.getEndpoint(contacts("bulkAdd", options)));
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().startsWith(options.substring(0, options.indexOf('='))), root.getMessage());
        }
    }

    @Test
    void aNonCollectionBodyIsRefused() throws Exception {
        Throwable e = failure("bulkAdd", "", 42);
        assertTrue(e.getMessage().contains("bulkAdd needs a collection"), e.getMessage());
    }
}
