package io.camelgenesys.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Secure Email API over real HTTP: its string status codes, index/count paging and the read side effect. */
class SecureEmailApiTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    GenesysSimulator sim;
    SecureEmail store;
    Nexus nexus;

    @BeforeEach
    void setUp() throws Exception {
        sim = SIM.simulator();
        store = sim.digitalChannels().secureEmail();
        nexus = new Nexus(http, http.multicloudToken());
    }

    /** A {@code genericResponse} with {@code SUCCESS} and a {@code referenceId}. */
    static JsonNode success(ContentResponse response) {
        assertEquals(200, response.getStatus(), response.getContentAsString());
        JsonNode body = body(response);
        assertEquals("SUCCESS", body.path("status").path("code").asText(), response.getContentAsString());
        assertFalse(body.path("referenceId").asText().isEmpty(), response.getContentAsString());
        return body;
    }

    /** An error {@code genericResponse}: the HTTP status and a string code; returns the message. */
    static String failure(ContentResponse response, int status, String code) {
        assertEquals(status, response.getStatus(), response.getContentAsString());
        JsonNode body = body(response);
        assertEquals(code, body.path("status").path("code").asText(), response.getContentAsString());
        assertFalse(body.path("referenceId").asText().isEmpty(), response.getContentAsString());
        return body.path("status").path("message").asText();
    }

    private String create(String address, String subject, String securebox) throws Exception {
        String json = "{\"operationId\":\"op-1\",\"data\":{\"emailAddress\":\"" + address + "\",\"firstName\":\"Ann\","
                + "\"subject\":\"" + subject + "\",\"text\":\"Body of " + subject + "\","
                + "\"userData\":{\"AccountNumber\":\"12345\"}}}";
        JsonNode body = success(nexus.call("POST", "/securemail" + (securebox == null ? "" : "?securebox=" + securebox),
                json));
        return body.path("secureMailId").asText();
    }

    @Test
    void createAnswersTheIdAndStartsRouting() throws Exception {
        ContentResponse response = nexus.call("POST", "/securemail", """
                {"operationId":"op-7","data":{"emailAddress":"ann@example.com","subject":"Card lost","text":"Help"}}""");
        JsonNode body = success(response);
        String id = body.path("secureMailId").asText();
        assertEquals("op-7", body.path("operationId").asText());
        assertEquals("/nexus/v3/securemail/" + id, body.path("selfUri").asText());
        assertTrue(store.isRouting(id));
        JsonNode mail = store.get(id).orElseThrow();
        assertEquals("inbound", mail.path("direction").asText());
        assertEquals("unread", mail.path("status").asText());
        assertEquals("Card lost", mail.path("subject").asText());
    }

    @Test
    void listPagesByIndexAndCount() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add(create("Ann@Example.com", "s" + i, null));
        }
        create("bob@example.com", "other", null);
        JsonNode first = success(nexus.call("GET", "/securemail?address=ann@example.com", null)).path("data");
        assertEquals(10, first.size());
        assertEquals(ids.get(0), first.get(0).path("secureMailId").asText());
        JsonNode last = success(nexus.call("GET", "/securemail?address=ANN@example.com&index=20&count=10", null))
                .path("data");
        assertEquals(ids.subList(20, 23), texts(last, "secureMailId"));
        assertEquals(0, success(nexus.call("GET", "/securemail?address=ann@example.com&index=23", null))
                .path("data").size());
        assertEquals(23, success(nexus.call("GET", "/securemail/count?address=ann@example.com", null))
                .path("data").path("count").asInt());
    }

    @Test
    void statusFilterAndReadSideEffect() throws Exception {
        String a = create("ann@example.com", "a", null);
        String b = create("ann@example.com", "b", null);
        // a plain read changes nothing
        JsonNode plain = success(nexus.call("GET", "/securemail/" + a, null)).path("secureMail");
        assertEquals("unread", plain.path("status").asText());
        assertEquals("Body of a", plain.path("text").asText());
        assertTrue(store.isRouting(a));
        // read=true marks it read and stops its routing
        JsonNode read = success(nexus.call("GET", "/securemail/" + a + "?read=true", null)).path("secureMail");
        assertEquals("read", read.path("status").asText());
        assertFalse(store.isRouting(a));
        assertTrue(store.isRouting(b));

        assertEquals(List.of(b), texts(success(nexus.call("GET", "/securemail?address=ann@example.com&status=unread",
                null)).path("data"), "secureMailId"));
        assertEquals(List.of(a), texts(success(nexus.call("GET", "/securemail?address=ann@example.com&status=read",
                null)).path("data"), "secureMailId"));
        assertEquals(1, success(nexus.call("GET", "/securemail/count?address=ann@example.com&status=unread", null))
                .path("data").path("count").asInt());
        assertTrue(failure(nexus.call("GET", "/securemail/" + a + "?read=yes", null), 400, "INVALID_PARAMETER")
                .contains("read"));
    }

    @Test
    void secureboxesAreSeparateConversations() throws Exception {
        create("ann@example.com", "default", null);
        String billing = create("ann@example.com", "billing", "Billing01");
        assertEquals(List.of(billing), texts(success(nexus.call("GET",
                "/securemail?address=ann@example.com&securebox=Billing01", null)).path("data"), "secureMailId"));
        assertEquals(1, success(nexus.call("GET", "/securemail/count?address=ann@example.com", null))
                .path("data").path("count").asInt());
        assertEquals("Billing01", store.get(billing).orElseThrow().path("securebox").asText());
        for (String bad : List.of("ab", "Billing-1", "abcdefghijklmnopq")) {
            assertTrue(failure(nexus.call("GET", "/securemail?address=ann@example.com&securebox=" + bad, null), 400,
                    "INVALID_PARAMETER").contains("securebox"));
            failure(nexus.call("POST", "/securemail?securebox=" + bad, "{\"data\":{\"emailAddress\":\"a@b.co\"}}"),
                    400, "INVALID_PARAMETER");
        }
    }

    @Test
    void deleteMarksReadHidesOrPurges() throws Exception {
        String read = create("ann@example.com", "read", null);
        String deprecatedTrue = create("ann@example.com", "true", null);
        String deprecatedEmpty = create("ann@example.com", "empty", null);
        String hidden = create("ann@example.com", "hidden", null);
        String purged = create("ann@example.com", "purged", null);

        assertEquals("read", success(nexus.call("DELETE", "/securemail/" + read, null)).path("secureMail")
                .path("status").asText());
        assertEquals("read", success(nexus.call("DELETE", "/securemail/" + deprecatedTrue + "?remove=true", null))
                .path("secureMail").path("status").asText());
        assertEquals("read", success(nexus.call("DELETE", "/securemail/" + deprecatedEmpty + "?remove=", null))
                .path("secureMail").path("status").asText());
        // remove=read marks it read but does not stop routing (only GET read=true is documented to)
        assertTrue(store.isRouting(read));

        success(nexus.call("DELETE", "/securemail/" + hidden + "?remove=delete", null));
        assertFalse(texts(success(nexus.call("GET", "/securemail?address=ann@example.com", null)).path("data"),
                "secureMailId").contains(hidden));
        assertEquals("hidden", success(nexus.call("GET", "/securemail/" + hidden, null)).path("secureMail")
                .path("subject").asText());

        assertEquals("purged", success(nexus.call("DELETE", "/securemail/" + purged + "?remove=purge", null))
                .path("secureMail").path("subject").asText());
        failure(nexus.call("GET", "/securemail/" + purged, null), 404, "FAILURE");
        failure(nexus.call("DELETE", "/securemail/" + purged, null), 404, "FAILURE");
        assertEquals(3, success(nexus.call("GET", "/securemail/count?address=ann@example.com", null)).path("data")
                .path("count").asInt());
        assertTrue(failure(nexus.call("DELETE", "/securemail/" + read + "?remove=archive", null), 400,
                "INVALID_PARAMETER").contains("remove"));
    }

    @Test
    void userdata() throws Exception {
        String id = create("ann@example.com", "a", null);
        JsonNode data = success(nexus.call("GET", "/securemail/" + id + "/userdata", null)).path("data");
        assertEquals("12345", data.path("AccountNumber").asText());
        assertFalse(success(nexus.call("GET", "/securemail/" + id, null)).path("secureMail").has("userData"));
        failure(nexus.call("GET", "/securemail/nope/userdata", null), 404, "FAILURE");
    }

    @Test
    void documentedErrorsInTheApiShape() throws Exception {
        assertTrue(failure(nexus.call("GET", "/securemail", null), 400, "INVALID_PARAMETER").contains("address"));
        assertTrue(failure(nexus.call("GET", "/securemail/count", null), 400, "INVALID_PARAMETER").contains("address"));
        assertTrue(failure(nexus.call("GET", "/securemail?address=a@b.co&status=new", null), 400, "INVALID_PARAMETER")
                .contains("status"));
        create("a@b.co", "x", null);
        assertTrue(failure(nexus.call("GET", "/securemail?address=a@b.co&index=-1", null), 400, "INVALID_PARAMETER")
                .contains("index"));
        assertTrue(failure(nexus.call("GET", "/securemail?address=a@b.co&count=0", null), 400, "INVALID_PARAMETER")
                .contains("count"));
        assertTrue(failure(nexus.call("GET", "/securemail?address=a@b.co&count=ten", null), 400, "INVALID_PARAMETER")
                .contains("count"));
        // an address the contact database does not know
        assertTrue(failure(nexus.call("GET", "/securemail?address=nobody@b.co", null), 404, "FAILURE")
                .contains("nobody@b.co"));
        failure(nexus.call("GET", "/securemail/count?address=nobody@b.co", null), 404, "FAILURE");
        failure(nexus.call("GET", "/securemail/unknown-id", null), 404, "FAILURE");
        // create
        assertTrue(failure(nexus.call("POST", "/securemail", "{}"), 400, "INVALID_PARAMETER").contains("data"));
        assertTrue(failure(nexus.call("POST", "/securemail", "{\"data\":{\"subject\":\"x\"}}"), 400, "INVALID_PARAMETER")
                .contains("emailAddress"));
        assertTrue(failure(nexus.call("POST", "/securemail", "{\"data\":{\"emailAddress\":\"not-an-address\"}}"), 400,
                "INVALID_PARAMETER").contains("emailAddress"));
        failure(nexus.call("POST", "/securemail", "{\"data\":"), 400, "INVALID_PARAMETER");
        assertEquals(1, store.count());
    }

    @Test
    void gatewayRefusalsKeepTheMulticloudShapes() throws Exception {
        ContentResponse noKey = http.request("GET", "/nexus/v3/securemail?address=a@b.co").send();
        assertEquals(403, noKey.getStatus());
        assertEquals("Forbidden", body(noKey).path("message").asText());
        ContentResponse noToken = http.request("GET", "/nexus/v3/securemail?address=a@b.co")
                .headers(h -> h.put("x-api-key", sim.multicloudApiKey())).send();
        assertEquals(401, noToken.getStatus());
        assertEquals(401, body(noToken).path("status").path("code").asInt());
    }

    @Test
    void outboundRepliesAreListed() throws Exception {
        String inbound = create("ann@example.com", "question", null);
        String reply = store.addOutbound("ann@example.com", null, "Re: question", "Answer");
        JsonNode list = success(nexus.call("GET", "/securemail?address=ann@example.com", null)).path("data");
        assertEquals(List.of(inbound, reply), texts(list, "secureMailId"));
        assertEquals("outbound", list.get(1).path("direction").asText());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}
