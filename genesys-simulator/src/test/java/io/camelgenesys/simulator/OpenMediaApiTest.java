package io.camelgenesys.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.MessagingApiTest.error;
import static io.camelgenesys.simulator.MessagingApiTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Openmedia (Task Routing) API over real HTTP: workitems by interaction id and by {@code ext_} external id. */
class OpenMediaApiTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    static final String SERVICE = "/openmedia/" + OpenMedia.DEFAULT_SERVICE + "/interactions";

    OpenMedia openMedia;
    Nexus nexus;

    @BeforeEach
    void setUp() throws Exception {
        openMedia = SIM.simulator().digitalChannels().openMedia();
        nexus = new Nexus(http, http.multicloudToken());
    }

    /** {@code ext_} + the external id percent-encoded as one path segment. */
    static String ext(String externalId) {
        return "ext_" + URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode create(String json) throws Exception {
        return ok(nexus.call("POST", SERVICE, json)).path("data");
    }

    @Test
    void createWithoutBodyQueuesAWorkitem() throws Exception {
        JsonNode interaction = create(null);
        String id = interaction.path("id").asText();
        assertEquals(16, id.length(), id);
        assertEquals("Queued", interaction.path("state").asText());
        assertEquals(OpenMedia.DEFAULT_SERVICE, interaction.path("openMediaService").asText());
        assertTrue(interaction.path("userData").isEmpty());
        assertEquals(interaction, ok(nexus.call("GET", SERVICE + "/" + id, null)).path("data"));
    }

    @Test
    void createKeepsItsFields() throws Exception {
        String parent = create(null).path("id").asText();
        JsonNode interaction = create("{\"data\":{\"externalId\":\"CASE-1\",\"parentInteractionId\":\"" + parent + "\","
                + "\"receivedAt\":\"2026-03-14T10:30:00.000Z\",\"userData\":{\"Subject\":\"Refund\",\"Priority\":5}}}");
        assertEquals("CASE-1", interaction.path("externalId").asText());
        assertEquals(parent, interaction.path("parentInteractionId").asText());
        assertEquals("2026-03-14T10:30:00.000Z", interaction.path("receivedAt").asText());
        assertEquals(5, interaction.path("userData").path("Priority").asInt());
        assertEquals(2, openMedia.count(OpenMedia.DEFAULT_SERVICE));
    }

    @Test
    void anExistingExternalIdIs409() throws Exception {
        String id = create("{\"data\":{\"externalId\":\"CASE-1\"}}").path("id").asText();
        String message = error(nexus.call("POST", SERVICE, "{\"data\":{\"externalId\":\"CASE-1\"}}"), 409);
        assertTrue(message.contains("CASE-1") && message.contains(id), message);
        assertEquals(1, openMedia.count(OpenMedia.DEFAULT_SERVICE));
        // the same external id in another service is another workitem
        openMedia.addService("netsuite");
        ok(nexus.call("POST", "/openmedia/netsuite/interactions", "{\"data\":{\"externalId\":\"CASE-1\"}}"));
    }

    @Test
    void externalIdsOfAnyCharacterAreOneEncodedSegment() throws Exception {
        String externalId = "CASE/2024 #1?x=%y+z&ü";
        String id = create("{\"data\":{\"externalId\":" + Json.writeString(externalId) + "}}").path("id").asText();
        JsonNode byExt = ok(nexus.call("GET", SERVICE + "/" + ext(externalId), null)).path("data");
        assertEquals(id, byExt.path("id").asText());
        assertEquals(externalId, byExt.path("externalId").asText());
        assertEquals(id, openMedia.interactionByExternalId(OpenMedia.DEFAULT_SERVICE, externalId).orElseThrow()
                .path("id").asText());
        error(nexus.call("GET", SERVICE + "/" + ext("CASE/2024"), null), 404);
    }

    @Test
    void stopByExternalIdAndById() throws Exception {
        create("{\"data\":{\"externalId\":\"CASE-2\"}}");
        JsonNode stopped = ok(nexus.call("POST", SERVICE + "/" + ext("CASE-2") + "/stop",
                "{\"data\":{\"reasonSystemName\":\"Resolved\",\"reasonDescription\":\"Closed in CRM\"}}")).path("data");
        assertEquals("Stopped", stopped.path("state").asText());
        assertEquals("Resolved", stopped.path("stopReason").path("reasonSystemName").asText());
        // stopping again changes nothing
        JsonNode again = ok(nexus.call("POST", SERVICE + "/" + ext("CASE-2") + "/stop", null)).path("data");
        assertEquals(stopped, again);
        // a stopped workitem cannot be updated
        assertTrue(error(nexus.call("POST", SERVICE + "/" + ext("CASE-2") + "/update",
                "{\"data\":{\"addedProperties\":{\"a\":1}}}"), 400).contains("stopped"));

        String id = create(null).path("id").asText();
        assertEquals("Stopped", ok(nexus.call("POST", SERVICE + "/" + id + "/stop", "{}")).path("data")
                .path("state").asText());
        assertFalse(ok(nexus.call("GET", SERVICE + "/" + id, null)).path("data").has("stopReason"));
    }

    @Test
    void updateAddsChangesThenDeletesUserData() throws Exception {
        String id = create("{\"data\":{\"externalId\":\"CASE-3\",\"userData\":{\"a\":1,\"b\":2,\"c\":3}}}")
                .path("id").asText();
        JsonNode byId = ok(nexus.call("POST", SERVICE + "/" + id + "/update",
                "{\"data\":{\"addedProperties\":{\"d\":4},\"changedProperties\":{\"a\":10},\"deletedProperties\":[\"b\"]}}"))
                .path("data").path("userData");
        assertEquals("{\"a\":10,\"c\":3,\"d\":4}", byId.toString());
        JsonNode byExt = ok(nexus.call("POST", SERVICE + "/" + ext("CASE-3") + "/update",
                "{\"data\":{\"deletedProperties\":[\"a\",\"nope\"]}}")).path("data").path("userData");
        assertEquals("{\"c\":3,\"d\":4}", byExt.toString());
    }

    @Test
    void documentedErrors() throws Exception {
        // 404: unknown service, unknown interaction by id or external id
        assertTrue(error(nexus.call("POST", "/openmedia/nope/interactions", null), 404).contains("nope"));
        error(nexus.call("GET", SERVICE + "/000NOSUCHWORKITM", null), 404);
        error(nexus.call("POST", SERVICE + "/" + ext("missing") + "/stop", null), 404);
        error(nexus.call("POST", SERVICE + "/" + ext("missing") + "/update", "{\"data\":{\"addedProperties\":{}}}"), 404);
        // 400: bad bodies
        assertTrue(error(nexus.call("POST", SERVICE, "{\"data\":{\"receivedAt\":\"yesterday\"}}"), 400)
                .contains("receivedAt"));
        assertTrue(error(nexus.call("POST", SERVICE, "{\"data\":{\"userData\":[1]}}"), 400).contains("userData"));
        assertTrue(error(nexus.call("POST", SERVICE, "{\"data\":{\"externalId\":7}}"), 400).contains("externalId"));
        assertTrue(error(nexus.call("POST", SERVICE, "{\"data\":{\"parentInteractionId\":\"000UNKNOWNPARENT\"}}"), 400)
                .contains("parentInteractionId"));
        assertTrue(error(nexus.call("POST", SERVICE, "[]"), 400).contains("JSON object"));
        String id = create(null).path("id").asText();
        assertTrue(error(nexus.call("POST", SERVICE + "/" + id + "/update", null), 400).contains("JSON object"));
        assertTrue(error(nexus.call("POST", SERVICE + "/" + id + "/update", "{\"data\":{}}"), 400).contains("addedProperties"));
        assertTrue(error(nexus.call("POST", SERVICE + "/" + id + "/update", "{\"data\":{\"deletedProperties\":\"a\"}}"),
                400).contains("deletedProperties"));
        assertTrue(error(nexus.call("GET", SERVICE + "/ext_", null), 400).contains("empty"));
        assertEquals(1, openMedia.count(OpenMedia.DEFAULT_SERVICE));
    }
}
