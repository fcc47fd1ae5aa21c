package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.json;
import static io.camelgenesys.simulator.TestHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contacts CRUD, PATCH, search, scan and notes of {@code /api/v2/externalcontacts}. */
class ExternalContactsTest {

    static final String BASE = "/api/v2/externalcontacts";

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(
            GenesysSimulator.builder().rateLimit(100_000, Duration.ofMinutes(1)));

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);
    String token;


    @BeforeEach
    void token() throws Exception {
        token = http.cloudToken();
    }

    ContentResponse call(String method, String path, String json) throws Exception {
        return http.cloudCall(method, path, token, json);
    }

    JsonNode ok(String method, String path, String json) throws Exception {
        return http.cloudOk(method, path, token, json);
    }

    String error(int status, String method, String path, String json) throws Exception {
        return http.cloudError(status, method, path, token, json);
    }

    @Test
    void crudAndPatch() throws Exception {
        JsonNode created = ok("POST", BASE + "/contacts",
                "{\"firstName\":\"  Jane \",\"lastName\":\"Smith\",\"workEmail\":\"jane@example.com\",\"id\":\"mine\"}");
        String id = created.get("id").asText();
        assertNotEquals("mine", id);
        assertEquals("Jane", created.get("firstName").asText(), "whitespace stripped");
        assertEquals("Curated", created.get("type").asText());
        assertTrue(created.hasNonNull("createDate"));
        assertEquals(BASE + "/contacts/" + id, created.get("selfUri").asText());
        assertEquals(1, SIM.simulator().externalContacts().contactCount());

        assertEquals("Smith", ok("GET", BASE + "/contacts/" + id, null).get("lastName").asText());

        JsonNode replaced = ok("PUT", BASE + "/contacts/" + id, "{\"firstName\":\"Jane\",\"lastName\":\"Doe\"}");
        assertEquals("Doe", replaced.get("lastName").asText());
        assertFalse(replaced.has("workEmail"), "PUT replaces every field");
        assertEquals(created.get("createDate"), replaced.get("createDate"));

        // PATCH takes the SDK's ExternalContactsPatchRequest: a list of changes
        JsonNode patched = ok("PATCH", BASE + "/contacts/" + id, "{\"changes\":["
                + "{\"field\":\"$.workEmail\",\"value\":\"jane.new@example.com\",\"action\":\"Update\"},"
                + "{\"field\":\"$.workPhone.e164\",\"value\":\"+15551111111\",\"action\":\"Update\"}]}");
        assertEquals("Doe", patched.get("lastName").asText(), "PATCH keeps the fields it does not change");
        assertEquals("jane.new@example.com", patched.get("workEmail").asText());
        assertEquals("+15551111111", patched.get("workPhone").get("e164").asText(), "a nested field is created");
        assertEquals("jane.new@example.com",
                SIM.simulator().externalContacts().contact(id).orElseThrow().get("workEmail"));
        assertFalse(ok("PATCH", BASE + "/contacts/" + id,
                "{\"changes\":[{\"field\":\"$.workEmail\",\"action\":\"Remove\"}]}").has("workEmail"));
        // the old partial-contact form is not an ExternalContactsPatchRequest
        assertEquals("changes is required", error(400, "PATCH", BASE + "/contacts/" + id, "{\"title\":\"CEO\"}"));

        assertEquals(204, call("DELETE", BASE + "/contacts/" + id, null).getStatus());
        assertTrue(error(404, "GET", BASE + "/contacts/" + id, null).contains(id));
        error(404, "DELETE", BASE + "/contacts/" + id, null);
        error(404, "PUT", BASE + "/contacts/" + id, "{\"firstName\":\"a\",\"lastName\":\"b\"}");
        error(404, "PATCH", BASE + "/contacts/" + id,
                "{\"changes\":[{\"field\":\"$.title\",\"value\":\"x\",\"action\":\"Update\"}]}");
        assertEquals(0, SIM.simulator().externalContacts().contactCount());
    }

    @Test
    void validation() throws Exception {
        String contacts = BASE + "/contacts";
        // seed 003 and the SDK require no field of a contact, names included
        assertEquals("x", ok("POST", contacts, "{\"lastName\":\"x\"}").get("lastName").asText());
        assertEquals("y", ok("POST", contacts, "{\"title\":\"y\"}").get("title").asText());
        assertTrue(ok("POST", contacts, "{}").hasNonNull("id"));
        // PhoneNumber (SDK): countryCode is text ("US"), extension a whole number
        assertEquals("US", ok("POST", contacts, "{\"workPhone\":{\"e164\":\"+13175550100\",\"countryCode\":\"US\","
                + "\"extension\":12}}").get("workPhone").get("countryCode").asText());
        assertEquals("workPhone.countryCode must be a string",
                error(400, "POST", contacts, "{\"workPhone\":{\"countryCode\":1}}"));
        assertEquals("cellPhone.extension must be an integer",
                error(400, "POST", contacts, "{\"cellPhone\":{\"extension\":\"12\"}}"));
        assertEquals("workPhone must be an object", error(400, "POST", contacts, "{\"workPhone\":\"555-1234\"}"));
        assertTrue(error(400, "POST", contacts, "{\"firstName\":\"" + "a".repeat(1001) + "\",\"lastName\":\"x\"}")
                .contains("firstName must be at most 1,000 characters"));
        assertTrue(error(400, "POST", contacts, "{\"firstName\":\"a\",\"lastName\":\"b\",\"workEmail\":\"nope\"}")
                .contains("workEmail must be a valid email address"));
        String longEmail = "a".repeat(250) + "@x.com7";
        assertTrue(error(400, "POST", contacts, "{\"firstName\":\"a\",\"lastName\":\"b\",\"personalEmail\":\""
                + longEmail + "\"}").contains("personalEmail must be at most 256 characters"));
        assertTrue(error(400, "POST", contacts, "{\"firstName\":\"a\",\"lastName\":\"b\",\"externalIds\":["
                + "{},{},{},{},{},{},{},{},{},{},{}]}").contains("externalIds must have at most 10 items"));
        assertTrue(error(400, "POST", contacts, "{\"firstName\":\"a\",\"lastName\":\"b\",\"type\":\"Other\"}")
                .contains("type must be one of"));
        assertTrue(error(400, "POST", contacts,
                "{\"firstName\":\"a\",\"lastName\":\"b\",\"externalOrganization\":{\"id\":\"nope\"}}")
                .contains("externalOrganization.id"));
        assertEquals("The request body must be a JSON object", error(400, "POST", contacts, "[]"));
    }

    @Test
    void patchActionsOfTheSdk() throws Exception {
        String id = ok("POST", BASE + "/contacts", "{\"firstName\":\"Ann\",\"title\":\"Buyer\","
                + "\"externalIds\":[{\"value\":\"a\"}],\"address\":{\"city\":\"Paris\"}}").get("id").asText();
        String path = BASE + "/contacts/" + id;
        JsonNode c = ok("PATCH", path, "{\"changes\":["
                + "{\"field\":\"$.title\",\"value\":\"CEO\",\"action\":\"UpdateIfEmpty\"},"
                + "{\"field\":\"$.lastName\",\"value\":\"Lee\",\"action\":\"UpdateIfEmpty\"},"
                + "{\"field\":\"$.salutation\",\"value\":\"Dr\",\"action\":\"UpdateIfExists\"},"
                + "{\"field\":\"$.firstName\",\"value\":\"Anne\",\"action\":\"UpdateIfExists\"},"
                + "{\"field\":\"$.externalIds\",\"value\":[{\"value\":\"b\"}],\"action\":\"AppendToCollection\"},"
                + "{\"field\":\"$.address.city\",\"action\":\"Remove\"}]}");
        assertEquals("Buyer", c.get("title").asText(), "UpdateIfEmpty keeps a value");
        assertEquals("Lee", c.get("lastName").asText(), "UpdateIfEmpty fills an empty field");
        assertFalse(c.has("salutation"), "UpdateIfExists leaves an empty field empty");
        assertEquals("Anne", c.get("firstName").asText());
        assertEquals(2, c.get("externalIds").size());
        assertFalse(c.get("address").has("city"));
        c = ok("PATCH", path, "{\"changes\":[{\"field\":\"$.externalIds\",\"value\":{\"value\":\"a\"},"
                + "\"action\":\"RemoveFromCollection\"}]}");
        assertEquals("[{\"value\":\"b\"}]", c.get("externalIds").toString());

        assertTrue(error(409, "PATCH", path, "{\"changes\":[{\"field\":\"$.address\",\"value\":{},"
                + "\"action\":\"Update\"},{\"field\":\"$.address.city\",\"value\":\"X\",\"action\":\"Update\"}]}")
                .contains("a field and its parent"));
        assertTrue(error(400, "PATCH", path, "{\"changes\":[{\"field\":\"title\",\"value\":\"x\","
                + "\"action\":\"Update\"}]}").contains("dot-notation JSONPath"));
        assertTrue(error(400, "PATCH", path, "{\"changes\":[{\"field\":\"$.title\",\"value\":\"x\","
                + "\"action\":\"Set\"}]}").startsWith("changes[0].action must be one of"));
        assertEquals("changes[0].value is required for action Update",
                error(400, "PATCH", path, "{\"changes\":[{\"field\":\"$.title\",\"action\":\"Update\"}]}"));
        assertTrue(error(400, "PATCH", path, "{\"changes\":[{\"field\":\"$.id\",\"value\":\"x\","
                + "\"action\":\"Update\"}]}").contains("cannot be patched"));
        assertTrue(error(400, "PATCH", path, "{\"changes\":[{\"field\":\"$.workEmail\",\"value\":\"nope\","
                + "\"action\":\"Update\"}]}").contains("workEmail must be a valid email address"),
                "the patched contact is validated");
        assertEquals("changes must list at least one change",
                error(400, "PATCH", path, "{\"changes\":[]}"));
    }

    @Test
    void searchByNameEmailAndPhone() throws Exception {
        ExternalContacts store = SIM.simulator().externalContacts();
        List<String> ids = store.seedContacts(30);
        assertEquals(30, ids.size());
        Map<String, Object> third = store.contact(ids.get(2)).orElseThrow();
        assertEquals("First3", third.get("firstName"));
        assertEquals("contact3@example.com", third.get("workEmail"));

        JsonNode all = ok("GET", BASE + "/contacts", null);
        assertEquals(30, all.get("total").asInt());
        assertEquals(25, all.get("entities").size());
        assertEquals(2, all.get("pageCount").asInt());
        assertTrue(all.has("nextUri"));

        assertEquals(ids.get(11), ok("GET", BASE + "/contacts?q=first12", null).get("entities").get(0).get("id").asText());
        assertEquals(1, ok("GET", BASE + "/contacts?q=contact7%40example.com", null).get("total").asInt());
        JsonNode byPhone = ok("GET", BASE + "/contacts?q=%2B15550000021", null);
        assertEquals(1, byPhone.get("total").asInt());
        assertEquals("Last21", byPhone.get("entities").get(0).get("lastName").asText());
        assertEquals(0, ok("GET", BASE + "/contacts?q=nobody", null).get("total").asInt());

        JsonNode desc = ok("GET", BASE + "/contacts?sortOrder=firstName:desc&pageSize=3", null);
        assertEquals("First9", desc.get("entities").get(0).get("firstName").asText());
        assertTrue(error(400, "GET", BASE + "/contacts?sortOrder=email:asc", null).contains("sortOrder"));
    }

    @Test
    void divisionIdsNarrowTheSearch() throws Exception {
        ok("POST", BASE + "/contacts", "{\"firstName\":\"In\",\"lastName\":\"A\",\"division\":{\"id\":\"div-a\"}}");
        ok("POST", BASE + "/contacts", "{\"firstName\":\"In\",\"lastName\":\"B\",\"division\":{\"id\":\"div-b\"}}");
        ok("POST", BASE + "/contacts", "{\"firstName\":\"In\",\"lastName\":\"None\"}");
        assertEquals(3, ok("GET", BASE + "/contacts", null).get("total").asInt());
        JsonNode inA = ok("GET", BASE + "/contacts?divisionIds=div-a&sortOrder=lastName:asc", null);
        assertEquals(2, inA.get("total").asInt(), "div-a plus the unassigned contact");
        assertEquals("A", inA.get("entities").get(0).get("lastName").asText());
        assertEquals(3, ok("GET", BASE + "/contacts?divisionIds=div-a&divisionIds=div-b", null).get("total").asInt());
        assertEquals(3, ok("GET", BASE + "/contacts?divisionIds=div-a,div-b", null).get("total").asInt(),
                "the comma-joined form too");
    }

    @Test
    void aScanGoesOverOneDivisionAndItsCursorStaysInIt() throws Exception {
        for (int i = 0; i < 12; i++) {
            ok("POST", BASE + "/contacts", "{\"lastName\":\"A" + i + "\",\"division\":{\"id\":\"div-a\"}}");
            ok("POST", BASE + "/contacts", "{\"lastName\":\"B" + i + "\",\"division\":{\"id\":\"div-b\"}}");
        }
        ok("POST", BASE + "/contacts", "{\"lastName\":\"Unassigned\"}");
        assertEquals(25, ok("GET", BASE + "/scan/contacts?limit=200", null).get("entities").size());
        JsonNode first = ok("GET", BASE + "/scan/contacts?limit=10&divisionId=div-a", null);
        assertEquals(10, first.get("entities").size());
        String cursor = first.get("cursors").get("after").asText();
        JsonNode second = ok("GET", BASE + "/scan/contacts?limit=10&divisionId=div-a&cursor=" + cursor, null);
        assertEquals(3, second.get("entities").size(), "12 of div-a and the unassigned one");
        for (JsonNode page : List.of(first, second)) {
            page.get("entities").forEach(c -> assertTrue(!c.get("lastName").asText().startsWith("B"), c.toString()));
        }
        assertTrue(error(400, "GET", BASE + "/scan/contacts?limit=10&divisionId=div-b&cursor=" + cursor, null)
                .contains("not issued by this listing"), "a cursor continues only its own division's scan");
    }

    @Test
    void reverseLookupInOneDivision() throws Exception {
        ok("POST", BASE + "/contacts", "{\"lastName\":\"A\",\"workEmail\":\"same@x.io\",\"division\":{\"id\":\"div-a\"}}");
        ok("POST", BASE + "/contacts", "{\"lastName\":\"B\",\"workEmail\":\"same@x.io\",\"division\":{\"id\":\"div-b\"}}");
        assertEquals(2, ok("GET", BASE + "/reversewhitepageslookup?lookupVal=same%40x.io", null).get("contacts").size());
        JsonNode inB = ok("GET", BASE + "/reversewhitepageslookup?lookupVal=same%40x.io&divisionId=div-b", null);
        assertEquals(1, inB.get("contacts").size());
        assertEquals("B", inB.get("contacts").get(0).get("lastName").asText());
    }

    @Test
    void pagingCap() throws Exception {
        SIM.simulator().externalContacts().seedContacts(3);
        assertEquals(400, call("GET", BASE + "/contacts?pageSize=101", null).getStatus());
        assertEquals(400, call("GET", BASE + "/contacts?pageNumber=0", null).getStatus());
        assertEquals(200, call("GET", BASE + "/contacts?pageSize=100&pageNumber=10", null).getStatus());
        String message = error(400, "GET", BASE + "/contacts?pageSize=100&pageNumber=11", null);
        assertTrue(message.contains("1,000") && message.contains("/scan/contacts"), message);
        String divisions = "divisionIds=" + String.join(",", java.util.Collections.nCopies(51, "d"));
        assertTrue(error(400, "GET", BASE + "/contacts?" + divisions, null).contains("divisionIds"));
    }

    @Test
    void scanReadsEverythingOnce() throws Exception {
        SIM.simulator().externalContacts().seedContacts(1_050);
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok("GET", BASE + "/scan/contacts?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null);
            page.get("entities").forEach(e -> assertTrue(seen.add(e.get("id").asText()), "no duplicates"));
            cursor = page.path("cursors").path("after").asText(null);
            pages++;
        } while (cursor != null);
        assertEquals(1_050, seen.size());
        assertEquals(6, pages);
        assertEquals(100, ok("GET", BASE + "/scan/contacts", null).get("entities").size(), "default limit 100");
        assertTrue(error(400, "GET", BASE + "/scan/contacts?limit=9", null).contains("limit must be between 10 and 200"));
        assertTrue(error(400, "GET", BASE + "/scan/contacts?limit=201", null).contains("limit"));
        assertTrue(error(400, "GET", BASE + "/scan/contacts?cursor=bogus", null).contains("cursor"));
    }

    @Test
    void scanCursorsExpire() throws Exception {
        ExternalContacts store = SIM.simulator().externalContacts();
        store.seedContacts(25);
        store.scanCursorTtl(Duration.ofMillis(1));
        String cursor = ok("GET", BASE + "/scan/contacts?limit=10", null).get("cursors").get("after").asText();
        // The TTL is one millisecond: by the time the next request arrives the cursor has expired.
        Thread.sleep(5);
        assertTrue(error(400, "GET", BASE + "/scan/contacts?limit=10&cursor=" + cursor, null).contains("expired"));

        store.scanCursorTtl(Duration.ofHours(1));
        String fresh = ok("GET", BASE + "/scan/contacts?limit=10", null).get("cursors").get("after").asText();
        assertEquals(10, ok("GET", BASE + "/scan/contacts?limit=10&cursor=" + fresh, null).get("entities").size());
    }

    @Test
    void notes() throws Exception {
        String contactId = SIM.simulator().externalContacts().seedContacts(1).get(0);
        String notes = BASE + "/contacts/" + contactId + "/notes";
        JsonNode note = ok("POST", notes, "{\"noteText\":\"called back\"}");
        String noteId = note.get("id").asText();
        assertEquals(contactId, note.get("entityId").asText());
        assertEquals("contact", note.get("entityType").asText());
        assertEquals(notes + "/" + noteId, note.get("selfUri").asText());
        assertEquals("cloud-client", note.get("createdBy").get("id").asText());
        ok("POST", notes, "{\"noteText\":\"second\"}");
        assertEquals(2, SIM.simulator().externalContacts().noteCount(contactId));

        assertEquals("called back", ok("GET", notes + "/" + noteId, null).get("noteText").asText());
        JsonNode listed = ok("GET", notes + "?sortOrder=createDate:desc", null);
        assertEquals(2, listed.get("total").asInt());
        assertTrue(error(400, "PUT", notes + "/" + noteId, "{\"noteText\":\"x\"}").contains("createdBy"));
        assertEquals("edited", ok("PUT", notes + "/" + noteId,
                "{\"noteText\":\"edited\",\"createdBy\":{\"id\":\"u1\"}}").get("noteText").asText());

        assertTrue(error(400, "POST", notes, "{}").contains("noteText is required"));
        assertTrue(error(400, "POST", notes, "{\"noteText\":\"" + "n".repeat(32_001) + "\"}")
                .contains("noteText must be at most 32,000 characters"));
        assertEquals(200, call("POST", notes, "{\"noteText\":\"" + "n".repeat(32_000) + "\"}").getStatus());

        assertEquals(204, call("DELETE", notes + "/" + noteId, null).getStatus());
        error(404, "GET", notes + "/" + noteId, null);
        error(404, "GET", BASE + "/contacts/unknown/notes", null);
        assertEquals(2, SIM.simulator().externalContacts().noteCount(contactId));
        assertEquals(204, call("DELETE", BASE + "/contacts/" + contactId, null).getStatus());
        assertEquals(0, SIM.simulator().externalContacts().noteCount(contactId), "notes go with their contact");
    }

    @Test
    void faultsAndRateLimitsApplyToTheContactsRoutes() throws Exception {
        String id = SIM.simulator().externalContacts().seedContacts(1).get(0);
        SIM.simulator().faults().on("GET", BASE + "/contacts/*").status(503).times(1);
        ContentResponse faulted = call("GET", BASE + "/contacts/" + id, null);
        assertEquals(503, faulted.getStatus());
        assertEquals("service.unavailable", body(faulted).get("code").asText());
        ContentResponse served = call("GET", BASE + "/contacts/" + id, null);
        assertEquals(200, served.getStatus());
        assertEquals("100000", served.getHeaders().get("X-Rate-Limit-Limit"));
        assertEquals(401, send(http.request("GET", BASE + "/contacts/" + id)).getStatus(), "a bearer token is required");
    }

    @Test
    void resetClearsTheStoreAndRestartsSeedNames() {
        ExternalContacts store = SIM.simulator().externalContacts();
        store.seedContacts(2);
        SIM.simulator().reset();
        assertEquals(0, store.contactCount());
        String id = store.seedContacts(1).get(0);
        assertEquals("First1", store.contact(id).orElseThrow().get("firstName"));
    }
}
