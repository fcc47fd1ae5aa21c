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

        JsonNode patched = ok("PATCH", BASE + "/contacts/" + id,
                "{\"workEmail\":\"jane.new@example.com\",\"workPhone\":{\"e164\":\"+15551111111\"}}");
        assertEquals("Doe", patched.get("lastName").asText(), "PATCH keeps absent fields");
        assertEquals("jane.new@example.com", patched.get("workEmail").asText());
        assertEquals("jane.new@example.com",
                SIM.simulator().externalContacts().contact(id).orElseThrow().get("workEmail"));
        assertFalse(ok("PATCH", BASE + "/contacts/" + id, "{\"workEmail\":null}").has("workEmail"), "null clears");
        assertTrue(error(400, "PATCH", BASE + "/contacts/" + id, "{\"lastName\":null}").contains("lastName"));

        assertEquals(204, call("DELETE", BASE + "/contacts/" + id, null).getStatus());
        assertTrue(error(404, "GET", BASE + "/contacts/" + id, null).contains(id));
        error(404, "DELETE", BASE + "/contacts/" + id, null);
        error(404, "PUT", BASE + "/contacts/" + id, "{\"firstName\":\"a\",\"lastName\":\"b\"}");
        error(404, "PATCH", BASE + "/contacts/" + id, "{}");
        assertEquals(0, SIM.simulator().externalContacts().contactCount());
    }

    @Test
    void validation() throws Exception {
        String contacts = BASE + "/contacts";
        assertEquals("firstName is required", error(400, "POST", contacts, "{\"lastName\":\"x\"}"));
        assertEquals("lastName is required", error(400, "POST", contacts, "{\"firstName\":\"x\"}"));
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
