package io.camelgenesys.simulator;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Organizations, relationships and external sources of {@code /api/v2/externalcontacts}. */
class ExternalOrganizationsTest {

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

    String organization(String name) throws Exception {
        return ok("POST", BASE + "/organizations", "{\"name\":\"" + name + "\",\"industry\":\"Retail\"}")
                .get("id").asText();
    }

    @Test
    void organizationCrudSearchAndScan() throws Exception {
        String acme = organization(" Acme ");
        organization("Globex");
        assertEquals(2, SIM.simulator().externalContacts().organizationCount());
        assertEquals("Acme", ok("GET", BASE + "/organizations/" + acme, null).get("name").asText());
        assertEquals("name is required", error(400, "POST", BASE + "/organizations", "{\"industry\":\"x\"}"));
        assertTrue(error(400, "POST", BASE + "/organizations", "{\"name\":\"" + "n".repeat(1001) + "\"}")
                .contains("name must be at most 1,000 characters"));

        JsonNode found = ok("GET", BASE + "/organizations?q=glob", null);
        assertEquals(1, found.get("total").asInt());
        assertEquals("Globex", ok("GET", BASE + "/organizations?sortOrder=name:desc", null)
                .get("entities").get(0).get("name").asText());
        assertTrue(error(400, "GET", BASE + "/organizations?pageSize=50&pageNumber=21", null).contains("1,000"));
        assertEquals(2, ok("GET", BASE + "/scan/organizations?limit=10", null).get("entities").size());

        assertEquals("Acme Inc", ok("PUT", BASE + "/organizations/" + acme, "{\"name\":\"Acme Inc\"}")
                .get("name").asText());
        JsonNode link = ok("PUT", BASE + "/organizations/" + acme + "/trustor/trustor-1", null);
        // ExternalOrganizationTrustorLink (SDK), not the organization
        assertEquals(acme, link.get("externalOrganizationId").asText());
        assertEquals("trustor-1", link.get("trustorOrgId").asText());
        assertEquals(BASE + "/organizations/" + acme, link.get("externalOrganizationUri").asText());
        assertTrue(link.hasNonNull("dateCreated"));
        assertFalse(link.has("name") || link.has("id"));
        assertFalse(ok("GET", BASE + "/organizations/" + acme, null).has("trustor"));
        assertEquals("trustor-1", ok("GET", BASE + "/organizations/" + acme + "?includeTrustors=true", null)
                .get("trustor").get("id").asText());
        assertEquals(1, ok("GET", BASE + "/organizations?trustorId=trustor-1", null).get("total").asInt());
        assertEquals(204, call("DELETE", BASE + "/organizations/" + acme + "/trustor", null).getStatus());
        error(404, "DELETE", BASE + "/organizations/" + acme + "/trustor", null);

        assertEquals(204, call("DELETE", BASE + "/organizations/" + acme, null).getStatus());
        error(404, "GET", BASE + "/organizations/" + acme, null);
        assertEquals(1, SIM.simulator().externalContacts().organizationCount());
    }

    @Test
    void organizationContactsNotesIdentifiersAndEnrich() throws Exception {
        String org = organization("Initech");
        String contact = ok("POST", BASE + "/contacts", "{\"firstName\":\"Peter\",\"lastName\":\"Gibbons\","
                + "\"externalOrganization\":{\"id\":\"" + org + "\"}}").get("id").asText();
        SIM.simulator().externalContacts().seedContacts(2);
        JsonNode contacts = ok("GET", BASE + "/organizations/" + org + "/contacts", null);
        assertEquals(1, contacts.get("total").asInt());
        assertEquals(contact, contacts.get("entities").get(0).get("id").asText());

        assertEquals("Initech", ok("GET", BASE + "/contacts/" + contact + "?expand=externalOrganization", null)
                .get("externalOrganization").get("name").asText());
        JsonNode note = ok("POST", BASE + "/organizations/" + org + "/notes", "{\"noteText\":\"renewal due\"}");
        assertEquals("organization", note.get("entityType").asText());
        assertEquals(1, ok("GET", BASE + "/organizations/" + org + "/notes", null).get("total").asInt());

        ok("PATCH", BASE + "/organizations/" + org + "/identifiers",
                "{\"operation\":\"Claim\",\"identifier\":{\"type\":\"ExternalId\",\"value\":\"acct-1\"}}");
        assertEquals(1, ok("GET", BASE + "/organizations/" + org + "/identifiers", null).get("entities").size());
        assertEquals(org, ok("POST", BASE + "/identifierlookup/organizations",
                "{\"type\":\"ExternalId\",\"value\":\"acct-1\"}").get("id").asText());
        error(409, "PATCH", BASE + "/organizations/" + organization("Other") + "/identifiers",
                "{\"operation\":\"Claim\",\"identifier\":{\"type\":\"ExternalId\",\"value\":\"acct-1\"}}");
        // Contacts and organizations hold identifiers separately; organizations only have ExternalId ones.
        ok("PATCH", BASE + "/contacts/" + contact + "/identifiers",
                "{\"operation\":\"Claim\",\"identifier\":{\"type\":\"ExternalId\",\"value\":\"acct-1\"}}");
        assertTrue(error(400, "PATCH", BASE + "/organizations/" + org + "/identifiers",
                "{\"operation\":\"Claim\",\"identifier\":{\"type\":\"Email\",\"value\":\"a@b.c\"}}")
                .contains("identifier.type must be one of [ExternalId]"));

        JsonNode enriched = ok("POST", BASE + "/organizations/enrich", "{\"action\":\"Upsert\",\"matchingIdentifiers\":"
                + "[{\"type\":\"ExternalId\",\"value\":\"acct-1\"}],\"externalOrganization\":{\"name\":\"Initech\","
                + "\"industry\":\"Software\"}}");
        assertEquals(org, enriched.get("id").asText());
        assertEquals("Software", enriched.get("industry").asText());
        JsonNode inserted = http.cloudAnswer(201, "POST", BASE + "/organizations/enrich", token, "{\"matchingIdentifiers\":"
                + "[{\"type\":\"ExternalId\",\"value\":\"acct-2\"}],\"externalOrganization\":{\"name\":\"Hooli\"}}");
        assertEquals(3, SIM.simulator().externalContacts().organizationCount());
        assertEquals(inserted.get("id"), ok("POST", BASE + "/identifierlookup/organizations",
                "{\"type\":\"ExternalId\",\"value\":\"acct-2\"}").get("id"));
        assertTrue(error(400, "POST", BASE + "/organizations/enrich", "{\"action\":\"Merge\",\"matchingIdentifiers\":"
                + "[{\"type\":\"ExternalId\",\"value\":\"x\"}]}").contains("action must be one of"));
    }

    @Test
    void bulkOrganizations() throws Exception {
        String existing = organization("Umbrella");
        JsonNode added = ok("POST", BASE + "/bulk/organizations/add",
                "{\"entities\":[{\"name\":\"A\"},{\"industry\":\"none\"},{\"name\":\"C\"}]}");
        assertEquals(1, added.get("errorCount").asInt());
        assertEquals(1, added.get("errorIndexes").get(0).asInt());
        assertEquals("name is required", added.get("results").get(1).get("error").get("message").asText());
        JsonNode fetched = ok("POST", BASE + "/bulk/organizations",
                "{\"entities\":[{\"id\":\"" + existing + "\"},{\"id\":\"nope\"}]}");
        assertEquals(1, fetched.get("errorCount").asInt());
        JsonNode removed = ok("POST", BASE + "/bulk/organizations/remove", "{\"entities\":[{\"id\":\"" + existing + "\"}]}");
        assertEquals(0, removed.get("errorCount").asInt());
        assertEquals(2, SIM.simulator().externalContacts().organizationCount());
    }

    @Test
    void relationships() throws Exception {
        String org = organization("Wayne");
        JsonNode created = ok("POST", BASE + "/relationships", "{\"user\":{\"id\":\"u-1\"},\"externalOrganization\":"
                + "{\"id\":\"" + org + "\"},\"relationship\":\"Account Manager\"}");
        String id = created.get("id").asText();
        assertFalse(created.has("createDate"), "a Relationship has no dates (SDK)");
        assertEquals("Account Manager", ok("GET", BASE + "/relationships/" + id, null).get("relationship").asText());
        String later = ok("POST", BASE + "/relationships", "{\"user\":{\"id\":\"u-2\"},\"externalOrganization\":"
                + "{\"id\":\"" + org + "\"},\"relationship\":\"Advisor\"}").get("id").asText();
        // createDate, a sort field the model does not show, sorts by creation
        JsonNode newestFirst = ok("GET", BASE + "/organizations/" + org + "/relationships?sortOrder=createDate:desc", null);
        assertEquals(later, newestFirst.get("entities").get(0).get("id").asText());
        JsonNode oldestFirst = ok("GET", BASE + "/organizations/" + org + "/relationships?sortOrder=createDate:asc", null);
        assertEquals(id, oldestFirst.get("entities").get(0).get("id").asText());
        assertEquals(204, call("DELETE", BASE + "/relationships/" + later, null).getStatus());
        assertEquals(1, ok("GET", BASE + "/organizations/" + org + "/relationships", null).get("total").asInt());
        assertEquals("Sales Engineer", ok("PUT", BASE + "/relationships/" + id, "{\"user\":{\"id\":\"u-1\"},"
                + "\"externalOrganization\":{\"id\":\"" + org + "\"},\"relationship\":\"Sales Engineer\"}")
                .get("relationship").asText());
        assertTrue(error(400, "POST", BASE + "/relationships", "{\"user\":{\"id\":\"u\"},\"externalOrganization\":"
                + "{\"id\":\"" + org + "\"},\"relationship\":\"" + "r".repeat(101) + "\"}")
                .contains("relationship must be at most 100 characters"));
        assertEquals("user is required", error(400, "POST", BASE + "/relationships",
                "{\"externalOrganization\":{\"id\":\"" + org + "\"},\"relationship\":\"x\"}"));
        assertEquals(204, call("DELETE", BASE + "/relationships/" + id, null).getStatus());
        error(404, "GET", BASE + "/relationships/" + id, null);
    }

    @Test
    void externalSources() throws Exception {
        for (int i = 0; i < 12; i++) {
            ok("POST", BASE + "/externalsources", "{\"name\":\"crm-" + i + "\",\"active\":" + (i % 2 == 0) + "}");
        }
        JsonNode erp = ok("POST", BASE + "/externalsources", "{\"name\":\"erp\"}");
        assertFalse(erp.has("createDate") || erp.has("modifyDate"), "an ExternalSource has no dates (SDK)");
        assertEquals(13, SIM.simulator().externalContacts().externalSourceCount());
        assertTrue(error(409, "POST", BASE + "/externalsources", "{\"name\":\"ERP\"}").contains("unique"));
        assertTrue(error(400, "POST", BASE + "/externalsources", "{\"name\":\"" + "s".repeat(201) + "\"}")
                .contains("name must be at most 200 characters"));

        JsonNode first = ok("GET", BASE + "/externalsources?limit=10&name=crm", null);
        assertEquals(10, first.get("entities").size());
        String cursor = first.get("cursors").get("after").asText();
        JsonNode second = ok("GET", BASE + "/externalsources?limit=10&name=crm&cursor=" + cursor, null);
        assertEquals(2, second.get("entities").size());
        assertFalse(second.has("cursors"));
        assertEquals(7, ok("GET", BASE + "/externalsources?active=true", null).get("entities").size());
        assertTrue(error(400, "GET", BASE + "/externalsources?limit=5", null).contains("limit"));

        String id = first.get("entities").get(0).get("id").asText();
        assertEquals("crm-zero", ok("PUT", BASE + "/externalsources/" + id, "{\"name\":\"crm-zero\"}")
                .get("name").asText());
        assertEquals(204, call("DELETE", BASE + "/externalsources/" + id, null).getStatus());
        error(404, "GET", BASE + "/externalsources/" + id, null);
    }
}
