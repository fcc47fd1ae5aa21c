package io.camelgenesys.simulator;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.basic;
import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.json;
import static io.camelgenesys.simulator.TestHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Engage Web Services {@code /api/v2/contacts}: envelope, AND filters, the three types and the Custom-only rule. */
class WebServicesContactsTest {

    static final String CONTACTS = "/api/v2/contacts";

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);


    @BeforeEach
    void seed() {
        SIM.simulator().webServicesContacts().seedDefaults();
    }

    Request gws(String method, String path) {
        return http.request(method, path).headers(h -> h.put("Authorization", basic("gws-user", "gws-password")));
    }

    JsonNode ok(Request request) throws Exception {
        ContentResponse response = send(request);
        assertEquals(200, response.getStatus(), response.getContentAsString());
        JsonNode body = body(response);
        assertEquals(0, body.get("statusCode").asInt());
        return body;
    }

    String error(int status, Request request) throws Exception {
        ContentResponse response = send(request);
        assertEquals(status, response.getStatus(), response.getContentAsString());
        JsonNode body = body(response);
        assertEquals(ErrorBodies.webServicesCode(status), body.get("statusCode").asInt());
        return body.get("statusMessage").asText();
    }

    @Test
    void listHasTheEnvelopeAndSeed004Fields() throws Exception {
        JsonNode all = ok(gws("GET", CONTACTS));
        assertEquals(7, all.get("totalCount").asInt());
        assertEquals(7, all.get("contacts").size());
        JsonNode willard = ok(gws("GET", CONTACTS + "?userName=WillardC")).get("contacts").get(0);
        assertEquals("844b7a0e30ce46a5b364797a39f8a81f", willard.get("id").asText());
        assertEquals("SIP_Switch", willard.get("phoneNumbers").get(0).get("switchName").asText());
        assertEquals("Ready", willard.get("availability").get("channels").get(0).get("userState").get("state").asText());
        assertEquals("ROLE_AGENT", willard.get("roles").get(0).asText());
        assertTrue(willard.get("businessUnits").isArray());
        assertEquals("/contacts/844b7a0e30ce46a5b364797a39f8a81f", willard.get("path").asText());
        assertEquals(SIM.simulator().baseUrl() + "/api/v2/contacts/844b7a0e30ce46a5b364797a39f8a81f",
                willard.get("uri").asText());
    }

    @Test
    void filtersCombineWithAnd() throws Exception {
        assertEquals(5, ok(gws("GET", CONTACTS + "?type=User")).get("totalCount").asInt());
        assertEquals(1, ok(gws("GET", CONTACTS + "?type=Queue")).get("totalCount").asInt());
        assertEquals(1, ok(gws("GET", CONTACTS + "?firstName=Hannah&lastName=Jones")).get("totalCount").asInt());
        assertEquals(0, ok(gws("GET", CONTACTS + "?firstName=Hannah&lastName=Smith")).get("totalCount").asInt());
        assertEquals("EmilyJ", ok(gws("GET", CONTACTS + "?phoneNumber=15001")).get("contacts").get(0)
                .get("name").asText());
        assertEquals(1, ok(gws("GET", CONTACTS + "?employeeId=kKkSvnbUTJKtldQC2s/tgA%3D%3D.acme"))
                .get("totalCount").asInt());
        assertEquals(1, ok(gws("GET", CONTACTS + "?type=Custom&phoneNumber=555-555-0100")).get("totalCount").asInt());
        assertTrue(error(400, gws("GET", CONTACTS + "?color=red")).contains("color"));
    }

    @Test
    void customContactsLifecycle() throws Exception {
        JsonNode created = ok(json(gws("POST", CONTACTS), "{\"name\":\"Front desk\",\"type\":\"Custom\","
                + "\"phoneNumber\":\"555-0199\"}"));
        String id = created.get("id").asText();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertEquals("/contacts/" + id, created.get("path").asText());
        assertEquals(8, SIM.simulator().webServicesContacts().count());

        JsonNode fetched = ok(gws("GET", CONTACTS + "/" + id)).get("contact");
        assertEquals("Custom", fetched.get("type").asText());
        assertEquals("555-0199", fetched.get("phoneNumber").asText());

        ((com.fasterxml.jackson.databind.node.ObjectNode) fetched).put("phoneNumber", "555-0200");
        ok(json(gws("PUT", CONTACTS + "/" + id), fetched.toString()));   // read-modify-write: id, uri, path ignored
        assertEquals("555-0200", SIM.simulator().webServicesContacts().contact(id).orElseThrow().get("phoneNumber"));
        ok(gws("DELETE", CONTACTS + "/" + id));
        assertTrue(SIM.simulator().webServicesContacts().contact(id).isEmpty());
        assertTrue(error(404, gws("GET", CONTACTS + "/" + id)).contains(id));
    }

    @Test
    void onlyCustomContactsAreWritable() throws Exception {
        String user = "538370e8c509495bb8e0868a1178c86e";
        assertTrue(error(400, json(gws("POST", CONTACTS), "{\"name\":\"Q\",\"type\":\"Queue\"}"))
                .contains("Only contacts of type Custom can be created"));
        assertTrue(error(400, json(gws("PUT", CONTACTS + "/" + user), "{\"name\":\"x\"}"))
                .contains("type User, which is read-only"));
        assertTrue(error(400, gws("DELETE", CONTACTS + "/" + user)).contains("only contacts of type Custom"));
        assertTrue(error(400, json(gws("POST", CONTACTS), "{\"name\":\"x\",\"userName\":\"x\"}"))
                .contains("userName"));
        assertEquals("name is required", error(400, json(gws("POST", CONTACTS), "{\"phoneNumber\":\"1\"}")));
        assertFalse(SIM.simulator().webServicesContacts().contact(user).isEmpty());
    }

    @Test
    void testApiAddsAnyTypeAndResetClears() {
        WebServicesContacts store = SIM.simulator().webServicesContacts();
        String id = store.add(Map.of("name", "Support", "type", "Queue"));
        assertEquals("Queue", store.contact(id).orElseThrow().get("type"));
        SIM.simulator().reset();
        assertEquals(0, store.count());
    }

    @Test
    void basicAuthIsRequired() throws Exception {
        ContentResponse denied = send(http.request("GET", CONTACTS));
        assertEquals(401, denied.getStatus());
        assertEquals(20, body(denied).get("statusCode").asInt(), "Return Values: 20, User is not authenticated");
    }

    /** The codes of Genesys' "Return Values" page, not the HTTP status: 6 for an unknown contact, 2 for a bad one. */
    @Test
    void errorsCarryTheWebServicesStatusCodesNotTheHttpStatus() throws Exception {
        ContentResponse unknown = send(gws("GET", CONTACTS + "/nope"));
        assertEquals(404, unknown.getStatus());
        assertEquals(6, body(unknown).get("statusCode").asInt());
        ContentResponse user = send(json(gws("PUT", CONTACTS + "/538370e8c509495bb8e0868a1178c86e"), "{\"name\":\"x\"}"));
        assertEquals(400, user.getStatus());
        assertEquals(2, body(user).get("statusCode").asInt());
    }
}
