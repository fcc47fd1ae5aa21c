package io.camelgenesys.contacts;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelgenesys.contacts.model.Coretype;
import io.camelgenesys.contacts.model.DataSchema;
import io.camelgenesys.contacts.model.SchemaQuantityLimits;
import io.camelgenesys.core.GenesysApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema operations of contacts and organizations through routes: versions (immutable, n + 1 on update, an update
 * from a stale version refused), core types, limits, and the documented errors (404, 400 with Genesys' error body,
 * 409, 429 with Retry-After, an expired token).
 */
class SchemasRouteTest extends ContactsTestSupport {

    static final String SCHEMAS = EC + "/contacts/schemas";

    /** A field definition as Genesys writes it: its core type by reference, a title, its limits. */
    static Map<String, Object> field(String title, String coreType, Map<String, Object> limits) {
        Map<String, Object> f = new LinkedHashMap<>(limits);
        f.put("title", title);
        f.put("allOf", List.of(Map.of("$ref", "#/definitions/" + coreType)));
        return f;
    }

    static Map<String, Object> schema(String name, Map<String, Object> properties, List<String> required) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", name);
        doc.put("properties", properties);
        doc.put("required", required);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("jsonSchema", doc);
        return body;
    }

    private static Map<String, Object> loyalty(List<String> tiers) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("tier_enum", field("Tier", "enum", Map.of("enum", tiers)));
        props.put("note_text", field("Note", "text", Map.of("maxLength", 10)));
        return schema("Loyalty", props, List.of("tier_enum"));
    }

    @Test
    void contactSchemaVersionsAreImmutableAndAnUpdateMakesTheNextOne() throws Exception {
        DataSchema v1 = body("createContactSchema", "", loyalty(List.of("gold", "silver")), DataSchema.class);
        assertEquals(1, v1.getVersion());
        assertEquals(List.of("CONTACT"), v1.getAppliesTo());
        assertEquals("Loyalty", v1.getName());
        assertTrue(v1.getEnabled());
        String id = "schemaId=" + v1.getId();

        Map<String, Object> update = loyalty(List.of("gold", "silver", "bronze"));
        update.put("version", 1);
        DataSchema v2 = body("updateContactSchema", id, update, DataSchema.class);
        assertEquals(2, v2.getVersion());
        assertEquals(v1.getId(), v2.getId());

        DataSchema read1 = body("getContactSchemaVersion", id + "&versionId=1", null, DataSchema.class);
        assertEquals(List.of("gold", "silver"), ((Map<?, ?>) read1.getJsonSchema().getProperties().get("tier_enum"))
                .get("enum"), "version 1 is unchanged by the update");
        assertEquals(2, body("getContactSchema", id, null, DataSchema.class).getVersion(), "the current version");
        assertEquals(2, body("listContactSchemaVersions", id, null, List.class).size());
        List<?> all = body("listContactSchemas", "", null, List.class);
        assertEquals(1, all.size(), "one schema, listed at its current version");
        assertEquals(2, ((DataSchema) all.get(0)).getVersion());

        // an update made from version 1 while version 2 is current: Genesys' 409, the stale editor must re-read
        GenesysApiException stale = assertInstanceOf(GenesysApiException.class,
                failure("updateContactSchema", id, update));
        assertEquals(409, stale.getHttpStatus());
        assertTrue(stale.getMessage().contains("version 2"), stale.getMessage());

        assertNull(call("deleteContactSchema", id, null).getException());
        assertEquals(0, sim().externalContacts().contactSchemaCount());
        for (String op : List.of("getContactSchema", "listContactSchemaVersions")) {
            GenesysApiException gone = assertInstanceOf(GenesysApiException.class, failure(op, id, null));
            assertEquals(404, gone.getHttpStatus(), op);
        }
        GenesysApiException gone = assertInstanceOf(GenesysApiException.class,
                failure("getContactSchemaVersion", id + "&versionId=1", null));
        assertEquals(404, gone.getHttpStatus());
    }

    @Test
    void organizationSchemasHaveTheirOwnVersions() throws Exception {
        DataSchema v1 = body("createOrganizationSchema", "", loyalty(List.of("gold")), DataSchema.class);
        assertEquals(List.of("EXTERNAL_ORGANIZATION"), v1.getAppliesTo());
        String id = "schemaId=" + v1.getId();
        Map<String, Object> update = loyalty(List.of("gold", "platinum"));
        update.put("version", 1);
        assertEquals(2, body("updateOrganizationSchema", id, update, DataSchema.class).getVersion());
        assertEquals(1, body("getOrganizationSchemaVersion", id + "&versionId=1", null, DataSchema.class)
                .getVersion());
        assertEquals(2, body("getOrganizationSchema", id, null, DataSchema.class).getVersion());
        assertEquals(2, body("listOrganizationSchemaVersions", id, null, List.class).size());
        assertEquals(1, body("listOrganizationSchemas", "", null, List.class).size());
        assertEquals(0, body("listContactSchemas", "", null, List.class).size(), "contact schemas are apart");
        GenesysApiException missing = assertInstanceOf(GenesysApiException.class,
                failure("getOrganizationSchemaVersion", id + "&versionId=3", null));
        assertEquals(404, missing.getHttpStatus());
    }

    @Test
    void coreTypesAndLimits() throws Exception {
        for (String kind : List.of("Contact", "Organization")) {
            List<?> types = body("list" + kind + "CoreTypes", "", null, List.class);
            Set<String> names = new HashSet<>();
            types.forEach(t -> names.add(((Coretype) t).getName()));
            Set<String> ours = new HashSet<>();
            for (CustomFieldType t : CustomFieldType.values()) {
                ours.add(t.coreType());
            }
            assertEquals(ours, names, "the simulator's core types are the ones the validation knows");
            Coretype tag = body("get" + kind + "CoreType", "coreTypeName=tag", null, Coretype.class);
            assertEquals(Map.of("min", 1, "max", 10), tag.getValidationLimits().get("maxItems"));
            Exchange text = template.request(route(contacts("get" + kind + "CoreType", "")),
                    e -> e.getMessage().setHeader(ContactsConstants.CORE_TYPE_NAME, "text"));
            assertEquals(Map.of("min", 1, "max", 100), text.getMessage().getBody(Coretype.class).getValidationLimits()
                    .get("maxLength"), "the header names the core type");
            GenesysApiException unknown = assertInstanceOf(GenesysApiException.class,
                    failure("get" + kind + "CoreType", "coreTypeName=money", null));
            assertEquals(404, unknown.getHttpStatus());
            SchemaQuantityLimits limits = body("get" + kind + "SchemaLimits", "", null, SchemaQuantityLimits.class);
            assertEquals(100, limits.getMaxNumberOfFieldsPerSchema());
        }
    }

    @Test
    void badSchemasAreRefusedWithGenesysErrorBody() throws Exception {
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("must end in _text", Map.of("nickname", field("Nickname", "text", Map.of())));
        bad.put("core type 'money', which does not exist", Map.of("price_money", field("Price", "money", Map.of())));
        bad.put("maxLength must be between 1 and 100", Map.of("code_text", field("Code", "text",
                Map.of("maxLength", 101))));
        bad.put("maxLength is not a validation field of core type integer", Map.of("age_integer", field("Age",
                "integer", Map.of("maxLength", 3))));
        bad.put("enum must list 1 to 50 values", Map.of("tier_enum", field("Tier", "enum", Map.of())));
        for (Map.Entry<String, Map<String, Object>> e : bad.entrySet()) {
            GenesysApiException refused = assertInstanceOf(GenesysApiException.class,
                    failure("createContactSchema", "", schema("Bad", e.getValue(), List.of())));
            assertEquals(400, refused.getHttpStatus(), e.getKey());
            assertEquals("bad.request", refused.getErrorCode(), "Genesys' error body: " + e.getKey());
            assertTrue(refused.getErrorMessage().contains(e.getKey()), refused.getErrorMessage());
        }
        assertEquals(0, sim().externalContacts().contactSchemaCount());

        // what the SDK requires is checked before anything is sent
        Throwable noDocument = failure("createContactSchema", "", Map.of("name", "Empty"));
        assertInstanceOf(IllegalArgumentException.class, noDocument);
        assertTrue(noDocument.getMessage().contains("jsonSchema is required"), noDocument.getMessage());
        DataSchema created = body("createContactSchema", "", loyalty(List.of("gold")), DataSchema.class);
        Throwable noVersion = failure("updateContactSchema", "schemaId=" + created.getId(), loyalty(List.of("x")));
        assertInstanceOf(IllegalArgumentException.class, noVersion);
        assertTrue(noVersion.getMessage().contains("version is required"), noVersion.getMessage());
        assertEquals(0, sim().requests().count("PUT", SCHEMAS + "/" + created.getId()));
    }

    @Test
    void rateLimitedAndExpiredTokenCallsAreRetried() throws Exception {
        DataSchema created = body("createContactSchema", "", loyalty(List.of("gold")), DataSchema.class);
        String path = SCHEMAS + "/" + created.getId() + "/versions/1";
        sim().faults().on("GET", path).status(429).header("Retry-After", "1").times(1);
        String version = route(contacts("getContactSchemaVersion", "schemaId=" + created.getId() + "&versionId=1"));
        assertEquals(1, template.requestBody(version, null, DataSchema.class).getVersion());
        assertEquals(2, sim().requests().count("GET", path), "answered 429, then retried after Retry-After");

        sim().tokens().revokeAll();
        assertEquals(1, template.requestBody(version, null, DataSchema.class).getVersion(), "token refreshed");
    }

    /** One call of a row in the test below: its URI options, body, and the request it sends. */
    private record Call(String operation, String options, Object body, String method, String path) {
    }

    @Test
    void everySchemaOperationRidesOutA429AndAnExpiredTokenAndAnswers404ForAnUnknownSchema() throws Exception {
        DataSchema contact = body("createContactSchema", "", loyalty(List.of("gold")), DataSchema.class);
        DataSchema org = body("createOrganizationSchema", "", loyalty(List.of("gold")), DataSchema.class);
        List<Call> calls = new java.util.ArrayList<>();
        for (String kind : List.of("Contact", "Organization")) {
            String id = "Contact".equals(kind) ? contact.getId() : org.getId();
            String base = EC + ("Contact".equals(kind) ? "/contacts" : "/organizations") + "/schemas";
            calls.add(new Call("list" + kind + "Schemas", "", null, "GET", base));
            calls.add(new Call("create" + kind + "Schema", "", loyalty(List.of("silver")), "POST", base));
            calls.add(new Call("get" + kind + "Schema", "schemaId=" + id, null, "GET", base + "/" + id));
            calls.add(new Call("list" + kind + "SchemaVersions", "schemaId=" + id, null, "GET", base + "/" + id
                                                                                              + "/versions"));
            calls.add(new Call("get" + kind + "SchemaVersion", "schemaId=" + id + "&versionId=1", null, "GET",
                    base + "/" + id + "/versions/1"));
            calls.add(new Call("list" + kind + "CoreTypes", "", null, "GET", base + "/coretypes"));
            calls.add(new Call("get" + kind + "CoreType", "coreTypeName=enum", null, "GET", base + "/coretypes/enum"));
            calls.add(new Call("get" + kind + "SchemaLimits", "", null, "GET", base + "/limits"));
        }
        int[] versions = {1, 1};
        for (Call c : calls) {
            String route = route(contacts(c.operation(), c.options()));
            int before = sim().requests().count(c.method(), c.path());
            sim().faults().on(c.method(), c.path()).status(429).header("Retry-After", "1").times(1);
            assertNull(template.request(route, e -> e.getMessage().setBody(c.body())).getException(), c.operation());
            int after429 = sim().requests().count(c.method(), c.path());
            assertEquals(before + 2, after429, c.operation() + ": answered 429, sent again after Retry-After");
            sim().tokens().revokeAll();
            assertNull(template.request(route, e -> e.getMessage().setBody(c.body())).getException(),
                    c.operation() + " after the token expired");
            assertEquals(after429 + 2, sim().requests().count(c.method(), c.path()),
                    c.operation() + ": refused with 401, then sent again with a new token");
        }
        for (DataSchema s : List.of(contact, org)) {
            String kind = s == contact ? "Contact" : "Organization";
            String path = EC + (s == contact ? "/contacts" : "/organizations") + "/schemas/" + s.getId();
            int v = versions[s == contact ? 0 : 1];
            Map<String, Object> update = loyalty(List.of("gold", "silver"));
            update.put("version", v);
            String route = route(contacts("update" + kind + "Schema", "schemaId=" + s.getId()));
            sim().faults().on("PUT", path).status(429).header("Retry-After", "1").times(1);
            assertEquals(v + 1, template.requestBody(route, update, DataSchema.class).getVersion(), kind);
            sim().tokens().revokeAll();
            update.put("version", v + 1);
            assertEquals(v + 2, template.requestBody(route, update, DataSchema.class).getVersion(), kind);
        }
        String deleted = route(contacts("deleteContactSchema", "schemaId=" + contact.getId()));
        sim().faults().on("DELETE", SCHEMAS + "/" + contact.getId()).status(429).header("Retry-After", "1").times(1);
        assertNull(template.request(deleted, e -> e.getMessage().setBody(null)).getException());

        // an unknown schema: every operation on it is Genesys' 404
        for (String op : List.of("getContactSchema", "updateContactSchema", "deleteContactSchema",
                "listContactSchemaVersions", "getOrganizationSchema", "updateOrganizationSchema",
                "listOrganizationSchemaVersions")) {
            Map<String, Object> body = op.startsWith("update") ? loyalty(List.of("gold")) : null;
            if (body != null) {
                body.put("version", 1);
            }
            GenesysApiException e = assertInstanceOf(GenesysApiException.class,
                    failure(op, "schemaId=no-such-schema", body), op);
            assertEquals(404, e.getHttpStatus(), op);
            assertEquals("not.found", e.getErrorCode(), op);
        }
    }
}
