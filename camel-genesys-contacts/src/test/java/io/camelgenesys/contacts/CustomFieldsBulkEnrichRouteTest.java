package io.camelgenesys.contacts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.contacts.model.DataSchema;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.GenesysApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.camelgenesys.contacts.SchemasRouteTest.field;
import static io.camelgenesys.contacts.SchemasRouteTest.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Custom fields of bulk items and enrich requests are checked before sending against the schema version each
 * references, as create and update check theirs: a bulk item whose custom fields do not fit is a per-item failure
 * ({@link BulkFailure} with its index, status 400, {@code invalid.input}, never sent) while the good items are stored;
 * enrich fails the exchange naming the field. Each version is read once however many items and exchanges ask.
 */
class CustomFieldsBulkEnrichRouteTest extends ContactsTestSupport {

    private static final String SCHEMAS = SchemasRouteTest.SCHEMAS;

    private DataSchema loyalty() throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tier_enum", field("Tier", "enum", Map.of("enum", List.of("gold", "silver"))));
        p.put("points_integer", field("Points", "integer", Map.of("minimum", 0, "maximum", 1000)));
        return body("createContactSchema", "", schema("Loyalty", p, List.of("tier_enum")), DataSchema.class);
    }

    private static Map<String, Object> contact(DataSchema schema, int i, Object tier, Object points) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("firstName", "F" + i);
        c.put("lastName", "L" + i);
        c.put("schema", Map.of("id", schema.getId(), "version", 1));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tier_enum", tier);
        fields.put("points_integer", points);
        c.put("customFields", fields);
        return c;
    }

    /** The same contact with the CRM id that enrich matches it by (identifierField=crmId). */
    private static Map<String, Object> row(DataSchema schema, int i, Object tier, Object points) {
        Map<String, Object> c = contact(schema, i, tier, points);
        c.put("crmId", "crm-" + i);
        return c;
    }

    private String versionPath(DataSchema schema) {
        return SCHEMAS + "/" + schema.getId() + "/versions/1";
    }

    private String prefix(DataSchema schema) {
        return "the customFields do not match schema 'Loyalty' (id " + schema.getId() + ", version 1): ";
    }

    private static List<BulkFailure> failures(Exchange e) {
        @SuppressWarnings("unchecked")
        List<BulkFailure> failures = e.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        return failures;
    }

    @Test
    void aBulkItemWithBadCustomFieldsIsReportedByIndexAndTheGoodOnesAreStored() throws Exception {
        DataSchema schema = loyalty();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(contact(schema, i, "gold", i));
        }
        items.set(1, contact(schema, 1, "bronze", 1));
        items.set(4, contact(schema, 4, "silver", 5000));
        Exchange e = call("bulkAdd", "bulkFailureMode=continue&bulkBatchSize=3", items);
        assertNull(e.getException());
        assertEquals(4, e.getMessage().getBody(List.class).size());
        List<BulkFailure> failures = failures(e);
        assertEquals(List.of(1, 4), failures.stream().map(BulkFailure::index).toList());
        assertEquals(prefix(schema) + "customFields.tier_enum (enum) must be one of [\"gold\",\"silver\"], was the"
                     + " text \"bronze\"", failures.get(0).error());
        assertTrue(failures.get(1).error().startsWith(prefix(schema) + "customFields.points_integer (integer) must be"
                                                      + " between 0 and 1000, was 5000"), failures.get(1).error());
        for (BulkFailure f : failures) {
            assertEquals(400, f.status());
            assertEquals("invalid.input", f.code());
            assertTrue(f.refused(), "dead-letter it");
            assertEquals(items.get(f.index()), f.item(), "the input item as given");
        }
        assertEquals(4, sim().externalContacts().contactCount());
        assertEquals(2, sim().requests().count("POST", EC + "/bulk/contacts/add"), "two batches, the bad items never"
                                                                                 + " sent");
        assertEquals(1, sim().requests().count("GET", versionPath(schema)), "one read for every item");

        // the default mode fails the exchange at that batch, naming the item, with the earlier batches stored
        List<Object> more = new ArrayList<>(List.of(contact(schema, 10, "gold", 1), contact(schema, 11, "gold", 2),
                contact(schema, 12, "gold", 3), contact(schema, 13, "platinum", 4)));
        Exchange failed = call("bulkAdd", "bulkBatchSize=3", more);
        BulkException bulk = assertInstanceOf(BulkException.class, failed.getException());
        assertEquals(List.of(3), bulk.getFailures().stream().map(BulkFailure::index).toList());
        assertTrue(bulk.getMessage().contains("customFields.tier_enum"), bulk.getMessage());
        assertEquals(7, sim().externalContacts().contactCount());
    }

    @Test
    void bulkUpdateAndBulkEnrichCheckEachItemToo() throws Exception {
        DataSchema schema = loyalty();
        List<?> stored = body("bulkAdd", "", List.of(contact(schema, 0, "gold", 1), contact(schema, 1, "gold", 2)),
                List.class);
        List<Object> updates = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> c = contact(schema, i, i == 0 ? "silver" : "none", 3);
            c.put("id", ((ExternalContact) stored.get(i)).getId());
            updates.add(c);
        }
        Exchange updated = call("bulkUpdate", "bulkFailureMode=continue", updates);
        assertEquals(List.of(1), failures(updated).stream().map(BulkFailure::index).toList());
        assertTrue(failures(updated).get(0).error().startsWith(prefix(schema) + "customFields.tier_enum"),
                failures(updated).get(0).error());
        assertEquals(1, updated.getMessage().getHeader(ContactsConstants.BULK_SUCCESS_COUNT));

        // enrich items: the contact inside each enrich request is checked
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(row(schema, 100 + i, "gold", i));
        }
        Map<String, Object> missingRequired = row(schema, 107, "gold", 7);
        ((Map<?, ?>) missingRequired.get("customFields")).remove("tier_enum");
        rows.set(7, missingRequired);
        Exchange enriched = call("bulkEnrich", "bulkFailureMode=continue&action=Upsert&identifierType=ExternalId"
                                               + "&identifierField=crmId", rows);
        assertNull(enriched.getException());
        assertEquals(List.of(7), failures(enriched).stream().map(BulkFailure::index).toList());
        assertTrue(failures(enriched).get(0).error().contains("customFields.tier_enum is required"),
                failures(enriched).get(0).error());
        assertEquals(11, enriched.getMessage().getHeader(ContactsConstants.BULK_SUCCESS_COUNT));
        assertEquals(2 + 11, sim().externalContacts().contactCount());
        assertEquals(1, sim().requests().count("GET", versionPath(schema)));
    }

    @Test
    void enrichFailsTheExchangeNamingTheFieldBeforeAnythingIsSent() throws Exception {
        DataSchema schema = loyalty();
        String enrich = "action=Upsert&identifierType=ExternalId&identifierField=crmId";
        Throwable refused = failure("enrich", enrich, row(schema, 1, "gold", -1));
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, refused);
        assertEquals("enrich: " + prefix(schema) + "customFields.points_integer (integer) must be between 0 and 1000,"
                     + " was -1", e.getMessage());
        // an enrich request sent as is is checked the same way
        Map<String, Object> request = Map.of("contact", contact(schema, 2, "bronze", 1), "matchingIdentifiers",
                List.of(Map.of("type", "ExternalId", "value", "crm-2")), "action", "Upsert");
        assertTrue(failure("enrich", "", request).getMessage().contains("customFields.tier_enum (enum) must be one of"));
        assertEquals(0, sim().requests().count("POST", EC + "/contacts/enrich"), "nothing was sent");

        ExternalContact ok = body("enrich", enrich, row(schema, 3, "gold", 10), ExternalContact.class);
        assertEquals("gold", ok.getCustomFields().get("tier_enum"));
        // validation off: Genesys refuses the value itself
        Throwable genesys = failure("enrich", enrich + "&validateCustomFields=false", row(schema, 4, "gold", -1));
        assertEquals(400, assertInstanceOf(GenesysApiException.class, genesys).getHttpStatus());
        assertEquals(1, sim().requests().count("GET", versionPath(schema)));
    }

    @Test
    void manyExchangesAtOnceShareOneSchemaVersionReadOnce() throws Exception {
        DataSchema schema = loyalty();
        // the read is slow, so that every exchange and item asks while it is in flight
        sim().faults().on("GET", versionPath(schema)).delay(Duration.ofMillis(500)).times(1);
        String enrich = route(contacts("enrich", "action=Upsert&identifierType=ExternalId&identifierField=crmId"));
        String bulk = route(contacts("bulkEnrich", "bulkFailureMode=continue&action=Upsert&identifierType=ExternalId"
                                                   + "&identifierField=crmId"));
        List<CompletableFuture<Exchange>> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Object tier = i % 10 == 9 ? "tin" : "gold";
            Map<String, Object> c = row(schema, i, tier, i);
            all.add(template.asyncSend(enrich, e -> e.getMessage().setBody(c)));
        }
        for (int b = 0; b < 4; b++) {
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                rows.add(row(schema, 1000 + b * 100 + i, i == 3 ? "tin" : "gold", i));
            }
            all.add(template.asyncSend(bulk, e -> e.getMessage().setBody(rows)));
        }
        int refusedEnrich = 0;
        for (int i = 0; i < all.size(); i++) {
            Exchange done = all.get(i).get(60, TimeUnit.SECONDS);
            if (i < 60) {
                if (done.getException() != null) {
                    refusedEnrich++;
                    assertTrue(done.getException().getMessage().contains("customFields.tier_enum"),
                            done.getException().getMessage());
                }
            } else {
                assertNull(done.getException());
                assertEquals(List.of(3), failures(done).stream().map(BulkFailure::index).toList());
            }
        }
        assertEquals(6, refusedEnrich);
        assertEquals(54 + 4 * 14, sim().externalContacts().contactCount());
        assertEquals(1, sim().requests().count("GET", versionPath(schema)), "one read for 60 exchanges and 60 items");
    }

    @Test
    void aSchemaReadThatFailsIsNoRefusalOfTheItemAndAnUnknownVersionIs() throws Exception {
        DataSchema schema = loyalty();
        sim().faults().on("GET", versionPath(schema)).status(500).times(10);
        Exchange e = call("bulkAdd", "bulkFailureMode=continue&retryMaxAttempts=1",
                List.of(contact(schema, 0, "gold", 1)));
        BulkFailure failed = failures(e).get(0);
        assertEquals(500, failed.status());
        assertFalse(failed.refused(), "not the item's fault: leave it for the next run");
        assertEquals(0, sim().requests().count("POST", EC + "/bulk/contacts/add"));

        Map<String, Object> unknown = contact(schema, 1, "gold", 1);
        unknown.put("schema", Map.of("id", schema.getId(), "version", 9));
        Exchange e2 = call("bulkAdd", "bulkFailureMode=continue", List.of(unknown));
        assertEquals(400, failures(e2).get(0).status());
        assertTrue(failures(e2).get(0).error().contains("schema " + schema.getId() + " version 9 does not exist"),
                failures(e2).get(0).error());
    }

    @Test
    void organizationBulkAndEnrichAreCheckedAgainstOrganizationSchemas() throws Exception {
        Map<String, Object> props = Map.of("employees_integer", field("Employees", "integer", Map.of("minimum", 1)));
        DataSchema schema = body("createOrganizationSchema", "", schema("Company", props, List.of()), DataSchema.class);
        List<Object> orgs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("name", "Org " + i);
            org.put("schema", Map.of("id", schema.getId(), "version", 1));
            org.put("customFields", Map.of("employees_integer", i));
            orgs.add(org);
        }
        Exchange e = call("bulkAddOrganizations", "bulkFailureMode=continue", orgs);
        assertEquals(List.of(0), failures(e).stream().map(BulkFailure::index).toList());
        assertTrue(failures(e).get(0).error().contains("customFields.employees_integer (integer) must be"),
                failures(e).get(0).error());
        assertEquals(2, e.getMessage().getBody(List.class).size());

        @SuppressWarnings("unchecked")
        Map<String, Object> bad = new LinkedHashMap<>((Map<String, Object>) orgs.get(0));
        bad.put("crmId", "org-crm-1");
        Throwable refused = failure("enrichOrganization", "action=Upsert&identifierType=ExternalId&identifierField=crmId",
                bad);
        assertTrue(refused.getMessage().startsWith("enrichOrganization: the customFields do not match schema 'Company'"),
                refused.getMessage());
        assertEquals(1, sim().requests().count("GET", EC + "/organizations/schemas/" + schema.getId() + "/versions/1"));
    }
}
