package io.camelgenesys.simulator;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operations that span External Contacts stores leave them consistent: removing an organization (one by one or in
 * bulk) takes its notes, relationships and identifiers with it, and what contacts refer to it is documented below.
 */
class ExternalContactsCrossStoreTest {

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

    JsonNode ok(String method, String path, String json) throws Exception {
        return http.cloudOk(method, path, token, json);
    }

    String error(int status, String method, String path, String json) throws Exception {
        return http.cloudError(status, method, path, token, json);
    }

    /** An organization with an identifier, a note and a relationship; returns its id. */
    String organizationWithDependents(String name) throws Exception {
        String id = ok("POST", BASE + "/organizations", "{\"name\":\"" + name + "\",\"identifiers\":"
                + "[{\"type\":\"ExternalId\",\"value\":\"acct-" + name + "\"}]}").get("id").asText();
        ok("POST", BASE + "/organizations/" + id + "/notes", "{\"noteText\":\"about " + name + "\"}");
        ok("POST", BASE + "/relationships", "{\"user\":{\"id\":\"u-1\"},\"externalOrganization\":{\"id\":\"" + id
                + "\"},\"relationship\":\"Account Manager\"}");
        return id;
    }

    @Test
    void removingAnOrganizationAloneOrInBulkTakesItsNotesRelationshipsAndIdentifiers() throws Exception {
        String single = organizationWithDependents("Single");
        String bulk = organizationWithDependents("Bulk");
        String kept = organizationWithDependents("Kept");
        ExternalContacts ec = SIM.simulator().externalContacts();
        assertEquals(3, ec.claimedIdentifierCount());
        assertEquals(3, ok("GET", BASE + "/scan/notes", null).get("entities").size());
        assertEquals(3, ok("GET", BASE + "/scan/relationships", null).get("entities").size());

        assertEquals(204, http.cloudCall("DELETE", BASE + "/organizations/" + single, token, null).getStatus());
        JsonNode removed = ok("POST", BASE + "/bulk/organizations/remove", "{\"entities\":[{\"id\":\"" + bulk + "\"}]}");
        assertEquals(0, removed.get("errorCount").asInt());

        JsonNode notes = ok("GET", BASE + "/scan/notes", null).get("entities");
        assertEquals(1, notes.size(), notes.toString());
        assertEquals(kept, notes.get(0).get("entityId").asText());
        JsonNode relationships = ok("GET", BASE + "/scan/relationships", null).get("entities");
        assertEquals(1, relationships.size(), relationships.toString());
        assertEquals(kept, relationships.get(0).get("externalOrganization").get("id").asText());
        assertEquals(1, ec.claimedIdentifierCount());
        for (String name : new String[] {"Single", "Bulk"}) {
            error(404, "POST", BASE + "/identifierlookup/organizations",
                    "{\"type\":\"ExternalId\",\"value\":\"acct-" + name + "\"}");
            // Released, so a new organization can claim it.
            ok("POST", BASE + "/organizations", "{\"name\":\"" + name + " again\",\"identifiers\":"
                    + "[{\"type\":\"ExternalId\",\"value\":\"acct-" + name + "\"}]}");
        }
        assertEquals(3, ec.claimedIdentifierCount());
    }

    /**
     * Genesys documents nothing about contacts whose organization is deleted; the simulator keeps them and their
     * reference (it never deletes or rewrites a contact behind the client's back), while a new reference to the
     * deleted organization is refused.
     */
    @Test
    void contactsKeepTheirReferenceToADeletedOrganization() throws Exception {
        String org = organizationWithDependents("Gone");
        String contact = ok("POST", BASE + "/contacts", "{\"firstName\":\"Ann\",\"lastName\":\"Lee\","
                + "\"externalOrganization\":{\"id\":\"" + org + "\"}}").get("id").asText();
        assertEquals(204, http.cloudCall("DELETE", BASE + "/organizations/" + org, token, null).getStatus());

        JsonNode kept = ok("GET", BASE + "/contacts/" + contact + "?expand=externalOrganization", null);
        assertEquals(org, kept.get("externalOrganization").get("id").asText());
        assertFalse(kept.get("externalOrganization").has("name"), "nothing left to expand");
        assertTrue(error(400, "POST", BASE + "/contacts", "{\"firstName\":\"B\",\"lastName\":\"C\","
                + "\"externalOrganization\":{\"id\":\"" + org + "\"}}").contains("not an existing external organization"));
        error(404, "GET", BASE + "/organizations/" + org + "/contacts", null);
    }
}
