package io.camelgenesys.contacts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.contacts.model.DataSchema;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.core.GenesysApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.camelgenesys.contacts.SchemasRouteTest.field;
import static io.camelgenesys.contacts.SchemasRouteTest.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Custom fields through routes: values checked against the contact's schema version before anything is sent (each
 * kind of bad value named), the version read once per connection however many exchanges ask at once, a new version
 * used when the contact's reference changes, patches, validation off (Genesys refuses instead), typed reading.
 */
class CustomFieldsRouteTest extends ContactsTestSupport {

    private static final String SCHEMAS = SchemasRouteTest.SCHEMAS;

    /** A schema with a field of every core type, with limits. */
    private DataSchema everyType() throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tier_enum", field("Tier", "enum", Map.of("enum", List.of("gold", "silver"))));
        p.put("nick_text", field("Nickname", "text", Map.of("minLength", 2, "maxLength", 10)));
        p.put("bio_longtext", field("Bio", "longtext", Map.of("maxLength", 500)));
        p.put("site_url", field("Site", "url", Map.of("maxLength", 50)));
        p.put("account_identifier", field("Account", "identifier", Map.of()));
        p.put("since_date", field("Member since", "date", Map.of()));
        p.put("visit_datetime", field("Last visit", "datetime", Map.of()));
        p.put("points_integer", field("Points", "integer", Map.of("minimum", 0, "maximum", 1000)));
        p.put("balance_number", field("Balance", "number", Map.of("minimum", 0)));
        p.put("vip_checkbox", field("VIP", "checkbox", Map.of()));
        p.put("tags_tag", field("Tags", "tag", Map.of("maxItems", 3, "items", Map.of("minLength", 1, "maxLength", 5))));
        return body("createContactSchema", "", schema("Loyalty", p, List.of("tier_enum")), DataSchema.class);
    }

    private static Map<String, Object> goodValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tier_enum", "gold");
        v.put("nick_text", "Janie");
        v.put("bio_longtext", "Customer since the first store opened.");
        v.put("site_url", "https://janie.example");
        v.put("account_identifier", "ACC-1");
        v.put("since_date", "2020-02-29");
        v.put("visit_datetime", "2026-11-29T10:15:30.000Z");
        v.put("points_integer", 420);
        v.put("balance_number", 12.5);
        v.put("vip_checkbox", true);
        v.put("tags_tag", List.of("a", "bb"));
        return v;
    }

    private static Map<String, Object> contact(DataSchema schema, int version, Map<String, Object> customFields) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("firstName", "Jane");
        c.put("lastName", "Smith");
        c.put("schema", Map.of("id", schema.getId(), "version", version));
        c.put("customFields", customFields);
        return c;
    }

    private String versionPath(DataSchema schema, int version) {
        return SCHEMAS + "/" + schema.getId() + "/versions/" + version;
    }

    @Test
    void goodValuesAreSentAndReadBackAsTheirCoreTypes() throws Exception {
        DataSchema schema = everyType();
        ExternalContact created = body("create", "", contact(schema, 1, goodValues()), ExternalContact.class);
        assertEquals("gold", created.getCustomFields().get("tier_enum"));

        ExternalContact read = template.requestBody(route(contacts("get", "contactId=" + created.getId())), null,
                ExternalContact.class);
        // the component's type converter: each custom field as its core type's Java type
        CustomFieldValues values = context.getTypeConverter().mandatoryConvertTo(CustomFieldValues.class, read);
        assertEquals(LocalDate.of(2020, 2, 29), values.get("since_date"));
        assertEquals(Instant.parse("2026-11-29T10:15:30Z"), values.get("visit_datetime"));
        assertEquals(420L, values.get("points_integer", Long.class));
        assertEquals(new BigDecimal("12.5"), values.get("balance_number"));
        assertEquals(Boolean.TRUE, values.get("vip_checkbox"));
        assertEquals(List.of("a", "bb"), values.get("tags_tag"));
        assertEquals("gold", values.get("tier_enum", String.class));
        assertEquals(CustomFieldType.URL, values.type("site_url"));
        IllegalArgumentException wrongType = assertThrows(
                IllegalArgumentException.class, () -> values.get("points_integer", String.class));
        assertTrue(wrongType.getMessage().contains("points_integer (integer) is a Long, not a String"),
                wrongType.getMessage());
        assertEquals(1, sim().requests().count("GET", versionPath(schema, 1)));
    }

    @Test
    void eachKindOfBadValueIsRefusedBeforeAnythingIsSent() throws Exception {
        DataSchema schema = everyType();
        // field, bad value, what the message says
        List<Object[]> cases = List.of(
                new Object[] {"tier_enum", "bronze", "(enum) must be one of [\"gold\",\"silver\"], was the text \"bronze\""},
                new Object[] {"nick_text", "J", "(text) must be 2 to 10 characters, was 1"},
                new Object[] {"nick_text", "Jane Elizabeth", "(text) must be 2 to 10 characters, was 14"},
                new Object[] {"nick_text", 7, "(text) must be text, was 7"},
                new Object[] {"bio_longtext", "x".repeat(501), "(longtext) must be 0 to 500 characters, was 501"},
                new Object[] {"site_url", "janie.example", "(url) must be an absolute http or https URL"},
                new Object[] {"account_identifier", "A".repeat(101), "(identifier) must be 0 to 100 characters, was 101"},
                new Object[] {"since_date", "29/02/2020", "(date) must be a date yyyy-MM-dd"},
                new Object[] {"since_date", "2021-02-29", "(date) must be a calendar date"},
                new Object[] {"visit_datetime", "2026-11-29 10:15", "(datetime) must be a date and time"},
                new Object[] {"points_integer", 1.5, "(integer) must be a whole number, was 1.5"},
                new Object[] {"points_integer", "42", "(integer) must be a whole number, was the text \"42\""},
                new Object[] {"points_integer", 1001, "(integer) must be between 0 and 1000, was 1001"},
                new Object[] {"balance_number", -0.01, "(number) must be between 0 and -, was -0.01"},
                new Object[] {"vip_checkbox", "yes", "(checkbox) must be true or false"},
                new Object[] {"tags_tag", "a", "(tag) must be a list of tags"},
                new Object[] {"tags_tag", List.of("a", "b", "c", "d"), "(tag) must have 0 to 3 tags, had 4"},
                new Object[] {"tags_tag", List.of("toolong"), "(tag) must have tags of 1 to 5 characters"},
                new Object[] {"tags_tag", List.of("a", "a"), "(tag) must not repeat a tag"},
                new Object[] {"shoe_size_integer", 42, "shoe_size_integer is not a field of this version"});
        String create = route(contacts("create", ""));
        for (Object[] c : cases) {
            Map<String, Object> values = goodValues();
            values.put((String) c[0], c[1]);
            Exchange refused = template.request(create, e -> e.getMessage().setBody(contact(schema, 1, values)));
            IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, refused.getException(),
                    c[0] + " = " + c[1]);
            assertTrue(e.getMessage().startsWith("create: the customFields do not match schema 'Loyalty' (id "
                                                 + schema.getId() + ", version 1): customFields." + c[0]),
                    e.getMessage());
            assertTrue(e.getMessage().contains((String) c[2]), e.getMessage());
        }

        Map<String, Object> missing = goodValues();
        missing.remove("tier_enum");
        missing.put("points_integer", -1);
        Exception both = template.request(create, e -> e.getMessage().setBody(contact(schema, 1, missing)))
                .getException();
        assertTrue(both.getMessage().contains("customFields.points_integer (integer) must be between 0 and 1000")
                   && both.getMessage().contains("customFields.tier_enum is required"), "every problem at once: "
                                                                                      + both.getMessage());

        Map<String, Object> noVersion = contact(schema, 1, goodValues());
        noVersion.put("schema", Map.of("id", schema.getId()));
        assertTrue(template.request(create, e -> e.getMessage().setBody(noVersion)).getException().getMessage()
                .contains("schema must name the schema version the custom fields follow"));
        Exception unknownVersion = template.request(create, e -> e.getMessage().setBody(contact(schema, 7,
                goodValues()))).getException();
        assertInstanceOf(IllegalArgumentException.class, unknownVersion);
        assertTrue(unknownVersion.getMessage().contains("schema " + schema.getId() + " version 7 does not exist"),
                unknownVersion.getMessage());

        assertEquals(0, sim().requests().count("POST", EC + "/contacts"), "nothing was sent");
        assertEquals(1, sim().requests().count("GET", versionPath(schema, 1)), "version 1 read once");

        // without a schema reference there is nothing to check against: Genesys refuses the custom fields
        Map<String, Object> noSchema = contact(schema, 1, goodValues());
        noSchema.remove("schema");
        GenesysApiException genesys = assertInstanceOf(GenesysApiException.class,
                template.request(create, e -> e.getMessage().setBody(noSchema)).getException());
        assertEquals(400, genesys.getHttpStatus());
        assertTrue(genesys.getErrorMessage().contains("customFields need the schema that defines them"),
                genesys.getErrorMessage());
    }

    @Test
    void withValidationOffGenesysRefusesTheValue() throws Exception {
        DataSchema schema = everyType();
        Map<String, Object> values = goodValues();
        values.put("points_integer", 5000);
        Throwable refused = failure("create", "validateCustomFields=false", contact(schema, 1, values));
        GenesysApiException e = assertInstanceOf(GenesysApiException.class, refused);
        assertEquals(400, e.getHttpStatus());
        assertEquals("bad.request", e.getErrorCode());
        assertTrue(e.getErrorMessage().contains("customFields.points_integer must be between 0 and 1000"),
                e.getErrorMessage());
        assertEquals(1, sim().requests().count("POST", EC + "/contacts"));
        assertEquals(0, sim().requests().count("GET", versionPath(schema, 1)), "no schema read when off");
    }

    @Test
    void aHundredExchangesAtOnceReadTheSchemaVersionOnce() throws Exception {
        DataSchema schema = everyType();
        // the read is slow, so that every exchange asks while it is in flight
        sim().faults().on("GET", versionPath(schema, 1)).delay(Duration.ofMillis(500)).times(1);
        // a pool of 4 threads for 100 exchanges in flight: none of them may wait on a thread
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "schema-pool-" + n.incrementAndGet()));
        context.getRegistry().bind("fourThreads", pool);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:createMany").to(contacts("create", "workerPool=#fourThreads"))
                        .process(e -> threads.add(Thread.currentThread().getName()));
            }
        });
        String create = "direct:createMany";
        List<CompletableFuture<Exchange>> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> values = goodValues();
            values.put("points_integer", i);
            all.add(template.asyncSend(create, e -> e.getMessage().setBody(contact(schema, 1, values))));
        }
        for (CompletableFuture<Exchange> f : all) {
            assertNull(f.get(60, TimeUnit.SECONDS).getException());
        }
        assertEquals(100, sim().externalContacts().contactCount());
        assertEquals(1, sim().requests().count("GET", versionPath(schema, 1)), "one read for 100 exchanges");
        threads.removeIf(t -> t.contains("ProducerTemplate"));
        assertTrue(threads.stream().allMatch(t -> t.startsWith("schema-pool-")),
                "the exchanges went on on the worker pool only, never on an I/O thread: " + threads);
        pool.shutdownNow();
    }

    @Test
    void theNewVersionIsUsedWhenTheContactsSchemaVersionChanges() throws Exception {
        DataSchema v1 = everyType();
        ExternalContact created = body("create", "", contact(v1, 1, goodValues()), ExternalContact.class);
        String update = route(contacts("update", "contactId=" + created.getId()));

        Map<String, Object> schemaV2 = new LinkedHashMap<>(Map.of("name", "Loyalty", "version", 1,
                "jsonSchema", v1.getJsonSchema()));
        @SuppressWarnings("unchecked")
        Map<String, Object> tier = (Map<String, Object>) v1.getJsonSchema().getProperties().get("tier_enum");
        tier.put("enum", List.of("gold", "silver", "bronze"));
        assertEquals(2, body("updateContactSchema", "schemaId=" + v1.getId(), schemaV2, DataSchema.class).getVersion());

        Map<String, Object> bronze = goodValues();
        bronze.put("tier_enum", "bronze");
        Exception stillV1 = template.request(update, e -> e.getMessage().setBody(contact(v1, 1, bronze)))
                .getException();
        assertTrue(stillV1.getMessage().contains("version 1): customFields.tier_enum (enum) must be one of"),
                "version 1 has no bronze: " + stillV1.getMessage());
        Exchange onV2 = template.request(update, e -> e.getMessage().setBody(contact(v1, 2, bronze)));
        assertNull(onV2.getException());
        assertEquals("bronze", onV2.getMessage().getBody(ExternalContact.class).getCustomFields().get("tier_enum"));
        assertEquals(2, ((Number) onV2.getMessage().getBody(ExternalContact.class).getSchema().get("version"))
                .intValue());
        assertEquals(1, sim().requests().count("GET", versionPath(v1, 1)));
        assertEquals(1, sim().requests().count("GET", versionPath(v1, 2)));
    }

    @Test
    void patchesAreCheckedAgainstTheSchemaTheContactHas() throws Exception {
        DataSchema schema = everyType();
        ExternalContact created = body("create", "", contact(schema, 1, goodValues()), ExternalContact.class);
        String patch = route(contacts("patch", "contactId=" + created.getId()));

        // a partial contact with one custom field: the contact's schema is read first (its version cached already)
        Exception bad = template.request(patch, e -> e.getMessage().setBody(Map.of("changes", List.of(Map.of(
                "field", "$.customFields.points_integer", "value", 99999, "action", "Update"))))).getException();
        assertInstanceOf(IllegalArgumentException.class, bad);
        assertTrue(bad.getMessage().contains("customFields.points_integer (integer) must be between 0 and 1000"),
                bad.getMessage());
        Exception removeRequired = template.request(patch, e -> e.getMessage().setBody(Map.of("changes", List.of(
                Map.of("field", "$.customFields.tier_enum", "action", "Remove"))))).getException();
        assertTrue(removeRequired.getMessage().contains("customFields.tier_enum is required: it cannot be removed"),
                removeRequired.getMessage());
        assertEquals(0, sim().requests().count("PATCH", EC + "/contacts/" + created.getId()));

        Exchange ok = template.request(patch, e -> e.getMessage().setBody(Map.of("changes", List.of(Map.of(
                "field", "$.customFields.points_integer", "value", 7, "action", "Update")))));
        assertNull(ok.getException());
        assertEquals(7, ((Number) ok.getMessage().getBody(ExternalContact.class).getCustomFields()
                .get("points_integer")).intValue());

        // a partial contact replacing every custom field: required fields count
        Map<String, Object> withoutTier = goodValues();
        withoutTier.remove("tier_enum");
        Exception whole = template.request(patch, e -> e.getMessage().setBody(Map.of("customFields", withoutTier)))
                .getException();
        assertTrue(whole.getMessage().contains("customFields.tier_enum is required"), whole.getMessage());

        ExternalContact plain = body("create", "", Map.of("firstName", "No", "lastName", "Schema"),
                ExternalContact.class);
        Exception noSchema = template.request(route(contacts("patch", "contactId=" + plain.getId())),
                e -> e.getMessage().setBody(Map.of("customFields", goodValues()))).getException();
        assertTrue(noSchema.getMessage().contains("the contact has no schema"), noSchema.getMessage());
        assertEquals(1, sim().requests().count("GET", versionPath(schema, 1)));
    }

    @Test
    void aFailedSchemaReadIsNotKeptAndFaultsAreRiddenOut() throws Exception {
        DataSchema schema = everyType();
        String create = route(contacts("create", ""));
        sim().faults().on("GET", versionPath(schema, 1)).status(500).times(1);
        Exception failed = template.request(create, e -> e.getMessage().setBody(contact(schema, 1, goodValues())))
                .getException();
        assertEquals(500, assertInstanceOf(GenesysApiException.class, failed).getHttpStatus());
        assertEquals(0, sim().requests().count("POST", EC + "/contacts"));

        sim().faults().on("GET", versionPath(schema, 1)).status(429).header("Retry-After", "1").times(1);
        assertNull(template.request(create, e -> e.getMessage().setBody(contact(schema, 1, goodValues())))
                .getException(), "read again after the failure, after a 429 with Retry-After");
        assertEquals(3, sim().requests().count("GET", versionPath(schema, 1)));

        sim().tokens().revokeAll();
        assertNull(template.request(create, e -> e.getMessage().setBody(contact(schema, 1, goodValues())))
                .getException(), "an expired token is refreshed");
        assertEquals(3, sim().requests().count("GET", versionPath(schema, 1)), "cached since the read succeeded");
        assertEquals(2, sim().externalContacts().contactCount());
    }

    @Test
    void organizationsCustomFieldsAreCheckedAgainstOrganizationSchemas() throws Exception {
        Map<String, Object> props = Map.of("employees_integer", field("Employees", "integer", Map.of("minimum", 1)));
        DataSchema schema = body("createOrganizationSchema", "", schema("Company", props, List.of()), DataSchema.class);
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("name", "Acme");
        org.put("schema", Map.of("id", schema.getId(), "version", 1));
        org.put("customFields", Map.of("employees_integer", 0));
        Throwable refused = failure("createOrganization", "", org);
        assertTrue(refused.getMessage().startsWith("createOrganization: the customFields do not match schema"
                                                   + " 'Company'"), refused.getMessage());
        org.put("customFields", Map.of("employees_integer", 12));
        ExternalOrganization created = body("createOrganization", "", org, ExternalOrganization.class);
        assertEquals(12, CustomFieldValues.of(created).get("employees_integer", Long.class).intValue());
        assertEquals(1, sim().requests().count("GET", EC + "/organizations/schemas/" + schema.getId() + "/versions/1"));

        org.put("customFields", Map.of("employees_integer", "many"));
        GenesysApiException genesys = assertInstanceOf(GenesysApiException.class,
                failure("updateOrganization", "validateCustomFields=false&externalOrganizationId=" + created.getId(), org));
        assertEquals(400, genesys.getHttpStatus());
        assertTrue(genesys.getErrorMessage().contains("customFields.employees_integer must be a whole number"),
                genesys.getErrorMessage());
    }
}
