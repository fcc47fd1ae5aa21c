package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.api.ExternalContactsApi;
import com.mypurecloud.sdk.v2.model.ContactIdentifier;
import com.mypurecloud.sdk.v2.model.ExternalContact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deprecated External Contacts paths that the official SDKs still call are served as Genesys serves them:
 * {@code POST /api/v2/externalcontacts/identifierlookup} ("NOTE: Deprecated. Please use
 * /api/v2/externalcontacts/identifierlookup/contacts", JavaScript SDK 262.0.0), the path of
 * {@code postExternalcontactsIdentifierlookup} in the Java SDK 198.1.0, which drives the simulator here itself.
 */
class ExternalContactsDeprecatedPathsTest {

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

    static String claim(String type, String value) {
        return "{\"operation\":\"Claim\",\"identifier\":{\"type\":\"" + type + "\",\"value\":\"" + value + "\"}}";
    }

    @Test
    void identifierLookupAnswersLikeTheContactsLookup() throws Exception {
        List<String> ids = SIM.simulator().externalContacts().seedContacts(2);
        http.cloudOk("PATCH", BASE + "/contacts/" + ids.get(1) + "/identifiers", token, claim("ExternalId", "crm-7"));
        String lookup = "{\"type\":\"ExternalId\",\"value\":\"crm-7\"}";
        JsonNode deprecated = http.cloudOk("POST", BASE + "/identifierlookup", token, lookup);
        assertEquals(ids.get(1), deprecated.get("id").asText());
        assertEquals(http.cloudOk("POST", BASE + "/identifierlookup/contacts", token, lookup), deprecated);

        // Merged contacts resolve, as on the current path.
        String merged = http.cloudOk("POST", BASE + "/contacts/merge", token, "{\"contactIds\":[\"" + ids.get(0)
                + "\",\"" + ids.get(1) + "\"]}").get("id").asText();
        assertEquals(merged, http.cloudOk("POST", BASE + "/identifierlookup", token, lookup).get("id").asText());

        assertTrue(http.cloudError(404, "POST", BASE + "/identifierlookup", token,
                "{\"type\":\"ExternalId\",\"value\":\"crm-8\"}").contains("No contact claims the identifier"));
        assertTrue(http.cloudError(400, "POST", BASE + "/identifierlookup", token, "{\"type\":\"Fax\",\"value\":\"1\"}")
                .contains("type must be one of"));
        assertEquals(405, http.cloudCall("GET", BASE + "/identifierlookup", token, null).getStatus());
        assertEquals(401, TestHttp.send(TestHttp.json(http.request("POST", BASE + "/identifierlookup"), lookup))
                .getStatus(), "a bearer token is required");
    }

    @Test
    void theJavaSdk198LooksContactsUpThroughTheDeprecatedPath() throws Exception {
        String id = SIM.simulator().externalContacts().seedContacts(1).get(0);
        http.cloudOk("PATCH", BASE + "/contacts/" + id + "/identifiers", token, claim("Email", "Ann@Example.com"));
        ApiClient client = ApiClient.Builder.standard()
                .withBasePath(SIM.simulator().baseUrl())
                .withAccessToken(token)
                .build();
        ExternalContactsApi api = new ExternalContactsApi(client);
        int before = SIM.simulator().requests().count("POST", BASE + "/identifierlookup");

        ExternalContact found = api.postExternalcontactsIdentifierlookup(new ContactIdentifier()
                .type(ContactIdentifier.TypeEnum.EMAIL).value("ann@example.com"));
        assertEquals(id, found.getId());
        assertEquals("First1", found.getFirstName());
        assertEquals(before + 1, SIM.simulator().requests().count("POST", BASE + "/identifierlookup"),
                "the SDK called the deprecated path");

        ApiException missing = assertThrows(ApiException.class, () -> api.postExternalcontactsIdentifierlookup(
                new ContactIdentifier().type(ContactIdentifier.TypeEnum.EMAIL).value("nobody@example.com")));
        assertEquals(404, missing.getStatusCode());
    }
}
