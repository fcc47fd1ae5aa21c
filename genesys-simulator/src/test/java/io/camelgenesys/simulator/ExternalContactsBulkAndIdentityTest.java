package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk contacts with per-item results, enrich, merge, identifiers and lookups of {@code /api/v2/externalcontacts}. */
class ExternalContactsBulkAndIdentityTest {

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

    /** An enrich that created its entity: 201. */
    JsonNode created(String method, String path, String json) throws Exception {
        return http.cloudAnswer(201, method, path, token, json);
    }

    String error(int status, String method, String path, String json) throws Exception {
        return http.cloudError(status, method, path, token, json);
    }

    static String claim(String type, String value) {
        return "{\"operation\":\"Claim\",\"identifier\":{\"type\":\"" + type + "\",\"value\":\"" + value + "\"}}";
    }

    @Test
    void bulkAddReportsEachFailedItem() throws Exception {
        StringBuilder entities = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0) {
                entities.append(',');
            }
            if (i == 3) {
                entities.append("{\"lastName\":\"NoFirst\",\"workPhone\":{\"countryCode\":1}}");
            } else if (i == 11) {
                entities.append("{\"firstName\":\"a\",\"lastName\":\"b\",\"workEmail\":\"broken\"}");
            } else {
                entities.append("{\"firstName\":\"F").append(i).append("\",\"lastName\":\"L\"}");
            }
        }
        JsonNode response = ok("POST", BASE + "/bulk/contacts/add", "{\"entities\":[" + entities + "]}");
        assertEquals(2, response.get("errorCount").asInt());
        assertEquals(List.of(3, 11), List.of(response.get("errorIndexes").get(0).asInt(),
                response.get("errorIndexes").get(1).asInt()));
        JsonNode failed = response.get("results").get(3);
        assertFalse(failed.get("success").asBoolean());
        assertEquals(400, failed.get("error").get("status").asInt());
        assertEquals("workPhone.countryCode must be a string", failed.get("error").get("message").asText());
        assertEquals("NoFirst", failed.get("error").get("entity").get("lastName").asText());
        assertTrue(response.get("results").get(11).get("error").get("message").asText().contains("workEmail"));
        JsonNode good = response.get("results").get(0);
        assertTrue(good.get("success").asBoolean());
        assertEquals(good.get("id"), good.get("entity").get("id"));
        assertEquals(18, SIM.simulator().externalContacts().contactCount());
    }

    @Test
    void bulkAddClaimsIdentifiersPerItem() throws Exception {
        JsonNode response = ok("POST", BASE + "/bulk/contacts/add", "{\"entities\":["
                + "{\"firstName\":\"a\",\"lastName\":\"b\",\"identifiers\":[{\"type\":\"ExternalId\",\"value\":\"x-1\"}]},"
                + "{\"firstName\":\"c\",\"lastName\":\"d\",\"identifiers\":[{\"type\":\"ExternalId\",\"value\":\"x-1\"}]}]}");
        assertEquals(1, response.get("errorCount").asInt());
        assertEquals(409, response.get("results").get(1).get("error").get("status").asInt());
        assertEquals(1, SIM.simulator().externalContacts().claimedIdentifierCount());
        assertEquals(1, SIM.simulator().externalContacts().contactCount());
    }

    @Test
    void bulkGetUpdateRemove() throws Exception {
        List<String> ids = SIM.simulator().externalContacts().seedContacts(3);
        JsonNode fetched = ok("POST", BASE + "/bulk/contacts",
                "{\"entities\":[{\"id\":\"" + ids.get(0) + "\"},{\"id\":\"missing\"}]}");
        assertEquals(1, fetched.get("errorCount").asInt());
        assertEquals("First1", fetched.get("results").get(0).get("entity").get("firstName").asText());
        assertEquals(404, fetched.get("results").get(1).get("error").get("status").asInt());
        assertEquals("missing", fetched.get("results").get(1).get("id").asText());

        JsonNode updated = ok("POST", BASE + "/bulk/contacts/update", "{\"entities\":[{\"id\":\"" + ids.get(1)
                + "\",\"firstName\":\"New\",\"lastName\":\"Name\"},{\"firstName\":\"x\",\"lastName\":\"y\"}]}");
        assertEquals(1, updated.get("errorCount").asInt());
        assertEquals("id is required", updated.get("results").get(1).get("error").get("message").asText());
        assertEquals("New", SIM.simulator().externalContacts().contact(ids.get(1)).orElseThrow().get("firstName"));

        JsonNode removed = ok("POST", BASE + "/bulk/contacts/remove",
                "{\"entities\":[{\"id\":\"" + ids.get(2) + "\"},{\"id\":\"" + ids.get(2) + "\"}]}");
        assertTrue(removed.get("results").get(0).get("success").asBoolean());
        assertFalse(removed.get("results").get(0).has("entity"));
        assertEquals(404, removed.get("results").get(1).get("status").asInt());
        assertEquals(2, SIM.simulator().externalContacts().contactCount());
        assertTrue(error(400, "POST", BASE + "/bulk/contacts/add", "{}").contains("entities is required"));
    }

    @Test
    void identifiersAreUnique() throws Exception {
        List<String> ids = SIM.simulator().externalContacts().seedContacts(2);
        String first = BASE + "/contacts/" + ids.get(0) + "/identifiers";
        String second = BASE + "/contacts/" + ids.get(1) + "/identifiers";
        JsonNode claimed = ok("PATCH", first, claim("ExternalId", "crm-1"));
        assertEquals("crm-1", claimed.get("value").asText());
        assertTrue(claimed.hasNonNull("id"));
        ok("PATCH", first, claim("ExternalId", "crm-1"));   // claiming again is idempotent
        assertEquals(1, ok("GET", first, null).get("entities").size());

        String conflict = error(409, "PATCH", second, claim("ExternalId", "crm-1"));
        assertTrue(conflict.contains("already claimed by contact " + ids.get(0)), conflict);

        assertEquals(ids.get(0), ok("POST", BASE + "/identifierlookup/contacts",
                "{\"type\":\"ExternalId\",\"value\":\"crm-1\"}").get("id").asText());
        error(404, "POST", BASE + "/identifierlookup/contacts", "{\"type\":\"ExternalId\",\"value\":\"crm-2\"}");
        assertTrue(error(400, "POST", BASE + "/identifierlookup/contacts", "{\"type\":\"Fax\",\"value\":\"1\"}")
                .contains("type must be one of"));
        assertTrue(error(400, "PATCH", first, claim("ExternalId", "v".repeat(256)))
                .contains("identifier.value must be at most 255 characters"));

        assertTrue(error(400, "PATCH", second, "{\"operation\":\"Release\",\"identifier\":{\"type\":\"ExternalId\","
                + "\"value\":\"crm-1\"}}").contains("not claimed"));
        ok("PATCH", first, "{\"operation\":\"Release\",\"identifier\":{\"type\":\"ExternalId\",\"value\":\"crm-1\"}}");
        ok("PATCH", second, claim("ExternalId", "crm-1"));
        assertEquals(0, ok("GET", first, null).get("entities").size());
        error(404, "GET", BASE + "/contacts/nope/identifiers", null);
    }

    @Test
    void enrichUpsertsByMatchingIdentifier() throws Exception {
        String request = "{\"action\":\"Upsert\",\"matchingIdentifiers\":[{\"type\":\"ExternalId\",\"value\":\"sf-9\"}],"
                + "\"contact\":{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"title\":\"CTO\"}}";
        JsonNode inserted = created("POST", BASE + "/contacts/enrich", request);
        String id = inserted.get("id").asText();
        assertEquals(1, SIM.simulator().externalContacts().contactCount());
        JsonNode again = ok("POST", BASE + "/contacts/enrich", request.replace("CTO", "CEO")); // 200: updated
        assertEquals(id, again.get("id").asText(), "the identifier finds the same contact");
        assertEquals("CEO", again.get("title").asText());
        assertEquals(1, SIM.simulator().externalContacts().contactCount());

        JsonNode dry = ok("POST", BASE + "/contacts/enrich?dryRun=true", request.replace("CTO", "CFO"));
        assertEquals(200, call("POST", BASE + "/contacts/enrich?dryRun=true", request.replace("sf-9", "sf-new"))
                .getStatus(), "a dry run creates nothing, so it is never 201");
        assertEquals("CFO", dry.get("title").asText());
        assertEquals("CEO", SIM.simulator().externalContacts().contact(id).orElseThrow().get("title"),
                "a dry run stores nothing");

        JsonNode kept = ok("POST", BASE + "/contacts/enrich", request.replace("CTO", "VP")
                .replace("\"contact\"", "\"fieldRules\":{\"defaultAction\":\"PreferExisting\"},\"contact\""));
        assertEquals("CEO", kept.get("title").asText());

        assertTrue(error(409, "POST", BASE + "/contacts/enrich", request.replace("Upsert", "Insert"))
                .contains(id));
        error(404, "POST", BASE + "/contacts/enrich", request.replace("Upsert", "Update").replace("sf-9", "sf-10"));
        assertTrue(error(400, "POST", BASE + "/contacts/enrich", request.replace("Upsert", "Create"))
                .contains("action must be one of [Insert, Update, Upsert, Merge]"));
        assertTrue(error(400, "POST", BASE + "/contacts/enrich", "{\"action\":\"Upsert\",\"matchingIdentifiers\":[]}")
                .contains("matchingIdentifiers must have between 1 and 25 items"));
    }

    @Test
    void enrichFieldRules() throws Exception {
        String match = "\"matchingIdentifiers\":[{\"type\":\"ExternalId\",\"value\":\"r-1\"}]";
        created("POST", BASE + "/contacts/enrich", "{\"action\":\"Insert\"," + match + ",\"contact\":{\"firstName\":\"R\","
                + "\"lastName\":\"S\",\"title\":\"Old\",\"middleName\":\"M\",\"address\":{\"city\":\"Paris\","
                + "\"country\":\"FR\"},\"externalIds\":[{\"externalId\":\"a\"}]}}");
        JsonNode result = ok("POST", BASE + "/contacts/enrich", "{\"action\":\"Update\"," + match
                + ",\"fieldRules\":{\"defaultArrayAction\":\"Extend\",\"rules\":[{\"field\":\"$.title\","
                + "\"action\":\"PreferExisting\"},{\"field\":\"$.address.country\",\"action\":\"AlwaysUseProvided\"},"
                + "{\"field\":\"$.middleName\",\"action\":\"AlwaysUseProvided\"}]},"
                + "\"contact\":{\"firstName\":\"Ray\",\"title\":\"New\",\"address\":{\"city\":\"Lyon\"},"
                + "\"externalIds\":[{\"externalId\":\"b\"}]}}");
        assertEquals("Ray", result.get("firstName").asText(), "PreferProvided by default");
        assertEquals("S", result.get("lastName").asText(), "an omitted field is kept by PreferProvided");
        assertEquals("Old", result.get("title").asText(), "the field rule prefers the existing title");
        assertFalse(result.has("middleName"), "AlwaysUseProvided clears an omitted field");
        assertEquals("Lyon", result.get("address").get("city").asText());
        assertFalse(result.get("address").has("country"), "nested rule: omitted means null");
        assertEquals(2, result.get("externalIds").size(), "Extend appends");
        assertTrue(error(400, "POST", BASE + "/contacts/enrich", "{\"action\":\"Update\"," + match
                + ",\"fieldRules\":{\"rules\":[{\"field\":\"$.ids[0]\"}]}}").contains("fieldRules.rules[0].field"));
        assertTrue(error(400, "POST", BASE + "/contacts/enrich", "{\"action\":\"Update\"," + match
                + ",\"fieldRules\":{\"defaultAction\":\"Whatever\"}}").contains("fieldRules.defaultAction"));
    }

    @Test
    void bulkEnrichCarriesTheTrackerIdAndCapsAtTen() throws Exception {
        JsonNode response = ok("POST", BASE + "/bulk/contacts/enrich", "{\"entities\":["
                + "{\"id\":\"t1\",\"action\":\"Upsert\",\"matchingIdentifiers\":[{\"type\":\"Email\",\"value\":\"a@x.io\"}],"
                + "\"contact\":{\"firstName\":\"A\",\"lastName\":\"B\"}},"
                + "{\"id\":\"t2\",\"action\":\"Upsert\",\"matchingIdentifiers\":[{\"type\":\"Email\",\"value\":\"b@x.io\"}],"
                + "\"contact\":{\"lastName\":\"B\",\"surveyOptOut\":\"yes\"}}]}");
        assertEquals(1, response.get("errorCount").asInt());
        assertEquals("t1", response.get("results").get(0).get("id").asText());
        assertTrue(response.get("results").get(0).get("success").asBoolean());
        assertEquals("t2", response.get("results").get(1).get("id").asText());
        assertEquals("surveyOptOut must be true or false",
                response.get("results").get(1).get("error").get("message").asText());

        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("{}");
        }
        assertTrue(error(400, "POST", BASE + "/bulk/contacts/enrich", "{\"entities\":[" + eleven + "]}")
                .contains("entities must have at most 10 items"));
    }

    @Test
    void mergeCreatesANewContact() throws Exception {
        List<String> ids = SIM.simulator().externalContacts().seedContacts(2);
        ok("PATCH", BASE + "/contacts/" + ids.get(1),
                "{\"changes\":[{\"field\":\"$.title\",\"value\":\"Engineer\",\"action\":\"Update\"}]}");
        ok("PATCH", BASE + "/contacts/" + ids.get(1) + "/identifiers", claim("ExternalId", "m-1"));
        JsonNode merged = ok("POST", BASE + "/contacts/merge", "{\"contactIds\":[\"" + ids.get(0) + "\",\"" + ids.get(1)
                + "\"],\"valueOverride\":{\"lastName\":\"Merged\"}}");
        String mergedId = merged.get("id").asText();
        assertFalse(ids.contains(mergedId));
        assertEquals("First1", merged.get("firstName").asText(), "the first contact's values win");
        assertEquals("Merged", merged.get("lastName").asText(), "valueOverride applies");
        assertEquals("Engineer", merged.get("title").asText(), "later contacts fill the gaps");
        assertEquals(2, merged.get("mergedFrom").size());
        assertEquals(3, merged.get("mergeSet").size());

        assertEquals(mergedId, ok("GET", BASE + "/contacts/" + ids.get(0), null).get("id").asText(),
                "a merged contact resolves to the merge result");
        JsonNode unresolved = ok("GET", BASE + "/contacts/" + ids.get(0) + "/unresolved", null);
        assertEquals(ids.get(0), unresolved.get("id").asText());
        assertEquals(mergedId, unresolved.get("mergedTo").get("id").asText());
        assertEquals(mergedId, ok("POST", BASE + "/identifierlookup/contacts",
                "{\"type\":\"ExternalId\",\"value\":\"m-1\"}").get("id").asText(), "identifiers move to the result");
        assertEquals(1, ok("GET", BASE + "/contacts", null).get("total").asInt(), "merged contacts leave the search");
        ok("POST", BASE + "/contacts/" + ids.get(0) + "/notes", "{\"noteText\":\"before the merge\"}");
        assertEquals(0, ok("GET", BASE + "/contacts/" + mergedId + "/notes", null).get("total").asInt());
        assertEquals(1, ok("GET", BASE + "/contacts/" + mergedId + "/notes?expand=mergeset", null).get("total").asInt());
        assertEquals(0, ok("GET", BASE + "/contacts/" + ids.get(1) + "/notes?expand=mergeset", null)
                .get("total").asInt(), "only ancestors' notes");

        assertTrue(error(400, "POST", BASE + "/contacts/merge", "{\"contactIds\":[\"" + ids.get(0) + "\"]}")
                .contains("contactIds must have between 2 and 25 items"));
        assertTrue(error(400, "POST", BASE + "/contacts/merge", "{\"contactIds\":[\"" + ids.get(0) + "\",\""
                + mergedId + "\"]}").contains("already been merged"));
        error(404, "POST", BASE + "/contacts/merge", "{\"contactIds\":[\"" + mergedId + "\",\"nope\"]}");
    }

    @Test
    void reverseLookupIsCappedAt25() throws Exception {
        String contacts = BASE + "/contacts";
        for (int i = 0; i < 30; i++) {
            ok("POST", contacts, "{\"firstName\":\"S" + i + "\",\"lastName\":\"Same\",\"workEmail\":\"shared@x.io\"}");
        }
        JsonNode found = ok("GET", BASE + "/reversewhitepageslookup?lookupVal=shared%40x.io", null);
        assertEquals(25, found.get("contacts").size(), "at most 25 values in all");
        assertFalse(found.has("externalOrganizations"), "ReverseWhitepagesLookupResult has contacts only (SDK 262.0.0)");
        SIM.simulator().externalContacts().seedContacts(1);
        assertEquals(1, ok("GET", BASE + "/reversewhitepageslookup?lookupVal=%2B15550000001", null)
                .get("contacts").size());
        assertTrue(error(400, "GET", BASE + "/reversewhitepageslookup", null).contains("lookupVal is required"));
    }

    @Test
    void promotionJourneyAndConversations() throws Exception {
        JsonNode observed = ok("POST", BASE + "/contacts", "{\"firstName\":\"O\",\"lastName\":\"B\",\"type\":\"Ephemeral\"}");
        String id = observed.get("id").asText();
        assertEquals("Curated", ok("POST", BASE + "/contacts/" + id + "/promotion", null).get("type").asText());
        assertTrue(error(400, "POST", BASE + "/contacts/" + id + "/promotion", null).contains("Curated"));

        // UpdateSegmentAssignmentRequest: assign/unassign are {"segments":[{"id":...}]}
        JsonNode answer = ok("POST", BASE + "/contacts/" + id + "/journey/segments",
                "{\"assign\":{\"segments\":[{\"id\":\"seg-1\"},{\"id\":\"seg-2\"}]}}");
        assertEquals(0, answer.get("unprocessedItems").get("count").asInt());
        assertEquals(0, answer.get("unprocessedItems").get("assign").get("segments").size());
        JsonNode assignments = ok("GET", BASE + "/contacts/" + id + "/journey/segments", null).get("entities");
        assertEquals(2, assignments.size());
        JsonNode first = assignments.get(0);
        assertEquals("seg-1", first.get("segment").get("id").asText());
        assertEquals(id, first.get("externalContact").get("id").asText());
        assertTrue(first.hasNonNull("dateAssigned") && first.hasNonNull("dateForUnassignment"));
        assertFalse(first.has("assignmentDate"));
        ok("POST", BASE + "/contacts/" + id + "/journey/segments", "{\"unassign\":{\"segments\":[{\"id\":\"seg-1\"}]}}");
        assertEquals(1, ok("GET", BASE + "/contacts/" + id + "/journey/segments", null).get("entities").size());
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("{\"id\":\"s").append(i).append("\"}");
        }
        assertTrue(error(400, "POST", BASE + "/contacts/" + id + "/journey/segments",
                "{\"assign\":{\"segments\":[" + eleven + "]}}").contains("At most 10"));
        assertEquals("assign must be an object", error(400, "POST", BASE + "/contacts/" + id + "/journey/segments",
                "{\"assign\":[{\"id\":\"seg-3\"}]}"));
        assertEquals("assign.segments[0].id is required", error(400, "POST", BASE + "/contacts/" + id
                + "/journey/segments", "{\"assign\":{\"segments\":[{}]}}"));
        assertEquals(0, ok("GET", BASE + "/contacts/" + id + "/journey/sessions?pageSize=50", null)
                .get("entities").size());

        // ConversationAssociation: the body repeats the conversationId; Genesys answers 202 Accepted
        assertEquals(202, call("PUT", BASE + "/conversations/conv-1", "{\"conversationId\":\"conv-1\","
                + "\"externalContactId\":\"" + id + "\",\"communicationId\":\"comm-1\",\"mediaType\":\"CALL\"}")
                .getStatus());
        assertEquals(id, SIM.simulator().externalContacts().conversation("conv-1").orElseThrow().get("externalContactId"));
        assertTrue(error(400, "PUT", BASE + "/conversations/conv-1", "{\"conversationId\":\"conv-1\","
                + "\"communicationId\":\"c\",\"mediaType\":\"FAX\"}").contains("mediaType"));
        assertEquals("conversationId is required", error(400, "PUT", BASE + "/conversations/conv-1",
                "{\"communicationId\":\"c\",\"mediaType\":\"CALL\"}"));
        assertTrue(error(400, "PUT", BASE + "/conversations/conv-1", "{\"conversationId\":\"conv-9\","
                + "\"communicationId\":\"c\",\"mediaType\":\"CALL\"}").contains("not the conversation of the path"));
        error(404, "PUT", BASE + "/conversations/conv-1",
                "{\"conversationId\":\"conv-1\",\"externalContactId\":\"nope\",\"communicationId\":\"c\","
                + "\"mediaType\":\"CALL\"}");
    }
}
