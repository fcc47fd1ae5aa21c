package io.camelgenesys.simulator;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.json;
import static io.camelgenesys.simulator.WebhookDispatcherTest.hmacSha1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Digital Channels' own interaction events (secure email and chat sessions) and the {@code /simulator/messaging}
 * admin surface a standalone user drives deliveries with.
 */
class DigitalChannelsAdminTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    @RegisterExtension
    static final WebhookReceiver integrator = new WebhookReceiver();

    static final Duration WAIT = Duration.ofSeconds(20);

    GenesysSimulator sim;
    DigitalChannels dc;
    Nexus nexus;

    @BeforeEach
    void setUp() throws Exception {
        sim = SIM.simulator();
        dc = sim.digitalChannels();
        dc.clearInteractionsWebhook();
        nexus = new Nexus(http, http.multicloudToken());
        integrator.reset();
        // the interactions webhook answers an EventsResponse
        integrator.otherwise(r -> WebhookReceiver.Answer.of(200, "{\"status\":{\"code\":0}}"));
    }

    private ContentResponse admin(String method, String path, String body) throws Exception {
        return (body == null ? http.request(method, "/simulator/messaging" + path)
                : json(http.request(method, "/simulator/messaging" + path), body)).send();
    }

    private static JsonNode entity(WebhookReceiver.Received received, String event) {
        JsonNode item = received.json().path("data").path("entities").get(0);
        assertEquals(event, item.path("event").asText(), received.text());
        return item.path("entity");
    }

    @Test
    void secureEmailStartsAndAReadStopsItsInteraction() throws Exception {
        dc.setInteractionsWebhook(integrator.url("/interactions"), "hook-secret");
        JsonNode created = SecureEmailApiTest.success(nexus.call("POST", "/securemail",
                "{\"data\":{\"emailAddress\":\"ann@example.com\",\"subject\":\"Hi\"}}"));
        String id = created.path("secureMailId").asText();

        WebhookReceiver.Received started = integrator.next(WAIT);
        assertEquals(hmacSha1("hook-secret", started.body()), started.header("X-Hub-Signature"));
        JsonNode entity = entity(started, "STARTED");
        assertEquals(id, entity.path("id").asText());
        assertEquals("email", entity.path("mediaType").asText());
        assertEquals(sim.baseUrl() + "/nexus/v3/securemail/" + id, entity.path("selfUri").asText());

        SecureEmailApiTest.success(nexus.call("GET", "/securemail/" + id + "?read=true", null));
        assertEquals(id, entity(integrator.next(WAIT), "FINISHED").path("id").asText());
        // read again: routing already stopped, no second FINISHED
        SecureEmailApiTest.success(nexus.call("GET", "/securemail/" + id + "?read=true", null));
        assertNull(integrator.received.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Test
    void theFirstMessageOfAConsumerStartsAChat() throws Exception {
        dc.setInteractionsWebhook(integrator.url("/interactions"), "hook-secret");
        String text = MessagingApiTest.SMS_TEXT;
        MessagingApiTest.ok(nexus.messages(Nexus.SMS, Nexus.SMS_SECRET, text));
        MessagingApiTest.ok(nexus.messages(Nexus.SMS, Nexus.SMS_SECRET, text));
        JsonNode started = entity(integrator.next(WAIT), "STARTED");
        assertEquals("chat", started.path("mediaType").asText());
        assertEquals("SMS", started.path("interactionSubtype").asText());
        assertTrue(started.path("selfUri").asText().startsWith(sim.baseUrl() + "/nexus/v3/chat/sessions/"));
        assertTrue(started.path("selfUri").asText().endsWith("/" + started.path("id").asText()));
        assertNull(integrator.received.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS), "one session, one STARTED");

        WebhookDelivery finished = dc.finishChat(Nexus.SMS, "16504661149").await(WAIT);
        assertEquals(WebhookDelivery.State.DELIVERED, finished.state());
        assertEquals(started.path("id").asText(), entity(integrator.next(WAIT), "FINISHED").path("id").asText());
        assertNull(dc.finishChat(Nexus.SMS, "16504661149"));
    }

    @Test
    void noInteractionsWebhookNoEvents() throws Exception {
        SecureEmailApiTest.success(nexus.call("POST", "/securemail", "{\"data\":{\"emailAddress\":\"a@b.co\"}}"));
        MessagingApiTest.ok(nexus.messages(Nexus.SMS, Nexus.SMS_SECRET, MessagingApiTest.SMS_TEXT));
        assertTrue(dc.webhooks().deliveries().isEmpty());
    }

    @Test
    void channelsCanBeManagedWithoutShowingSecrets() throws Exception {
        ContentResponse created = admin("POST", "/channels", "{\"id\":\"15550001\",\"type\":\"sms\",\"secret\":\"s3\","
                + "\"webhookUrl\":\"" + integrator.url("/sms") + "\"}");
        assertEquals(201, created.getStatus(), created.getContentAsString());
        assertFalse(created.getContentAsString().contains("s3"));
        ContentResponse list = admin("GET", "/channels", null);
        assertFalse(list.getContentAsString().contains("secret"));
        assertTrue(list.getContentAsString().contains("15550001"));
        assertEquals("s3", dc.messaging().channel("15550001").orElseThrow().secret());
        assertEquals(204, admin("DELETE", "/channels/15550001", null).getStatus());
        assertEquals(404, admin("DELETE", "/channels/15550001", null).getStatus());
        assertEquals(400, admin("POST", "/channels", "{\"id\":\"x\"}").getStatus());
    }

    @Test
    void deliveriesCanBeTriggeredAndInspectedOverHttp() throws Exception {
        assertEquals(200, admin("POST", "/dispatcher", "{\"responseTimeoutMs\":2000,\"retryDelaysMs\":[10,10]}").getStatus());
        assertEquals(Duration.ofSeconds(2), dc.webhooks().responseTimeout());
        integrator.otherwise(WebhookReceiver::echoMessageId);
        integrator.then(WebhookReceiver.Answer.of(500, null));

        ContentResponse sent = admin("POST", "/webhooks/text", "{\"channelId\":\"0123456789\",\"to\":\"16504661149\","
                + "\"text\":\"Hello\",\"url\":\"" + integrator.url("/sms") + "\"}");
        assertEquals(202, sent.getStatus(), sent.getContentAsString());
        String id = body(sent).path("id").asText();
        WebhookReceiver.Received received = integrator.next(WAIT);
        // the channel's secret signs it
        assertEquals(hmacSha1(Nexus.SMS_SECRET, received.body()), received.header("X-Hub-Signature"));
        dc.webhooks().delivery(id).orElseThrow().await(WAIT);
        integrator.received.clear();

        JsonNode delivery = body(admin("GET", "/deliveries/" + id, null));
        assertEquals("DELIVERED", delivery.path("state").asText());
        assertEquals(2, delivery.path("attempts").size());
        assertEquals(500, delivery.path("attempts").get(0).path("status").asInt());
        assertEquals("RETRY", delivery.path("attempts").get(0).path("outcome").asText());
        assertEquals("Hello", delivery.path("payload").path("text").asText());
        assertFalse(delivery.toString().contains(Nexus.SMS_SECRET));
        assertEquals(1, body(admin("GET", "/deliveries", null)).path("deliveries").size());

        ContentResponse email = admin("POST", "/webhooks/email", "{\"channelId\":\"company.com\",\"url\":\""
                + integrator.url("/email") + "\",\"from\":{\"id\":\"no-reply@company.com\"},\"to\":[{\"id\":\"a@mail.com\"}],"
                + "\"subject\":\"S\",\"text\":\"T\",\"secret\":null}");
        assertEquals(202, email.getStatus(), email.getContentAsString());
        WebhookReceiver.Received unsigned = integrator.next(WAIT);
        assertTrue(unsigned.json().path("channel").path("to").isArray());
        assertNull(unsigned.header("X-Hub-Signature"));

        ContentResponse events = admin("POST", "/webhooks/interactions", "{\"url\":\"" + integrator.url("/i")
                + "\",\"secret\":\"k\",\"events\":[{\"event\":\"FINISHED\",\"id\":\"i-1\",\"mediaType\":\"chat\"}]}");
        assertEquals(202, events.getStatus(), events.getContentAsString());
        assertEquals("i-1", entity(integrator.next(WAIT), "FINISHED").path("id").asText());

        // errors name what is missing
        assertEquals(400, admin("POST", "/webhooks/text", "{\"channelId\":\"0123456789\",\"text\":\"x\"}").getStatus());
        assertEquals(404, admin("POST", "/webhooks/text", "{\"channelId\":\"nope\",\"to\":\"1\",\"text\":\"x\"}").getStatus());
        String noUrl = admin("POST", "/webhooks/text", "{\"channelId\":\"0123456789\",\"to\":\"1\",\"text\":\"x\"}")
                .getContentAsString();
        assertTrue(noUrl.contains("url is required"), noUrl);
    }

    @Test
    void theInteractionsWebhookAndReceivedMessagesOverHttp() throws Exception {
        assertEquals(204, admin("PUT", "/webhooks/interactions", "{\"url\":\"" + integrator.url("/i")
                + "\",\"secret\":\"k\"}").getStatus());
        assertEquals(integrator.url("/i"), dc.interactionsWebhookUrl());
        MessagingApiTest.ok(nexus.messages(Nexus.SMS, Nexus.SMS_SECRET, MessagingApiTest.SMS_TEXT));
        entity(integrator.next(WAIT), "STARTED");
        JsonNode received = body(admin("GET", "/received", null));
        assertEquals("Consumer message text", received.path("messages").get(0).path("message").path("text").asText());
        assertEquals(204, admin("DELETE", "/webhooks/interactions", null).getStatus());
        assertNull(dc.interactionsWebhookUrl());

        assertEquals(201, admin("POST", "/openmedia/services", "{\"name\":\"zendesk\"}").getStatus());
        assertTrue(body(admin("GET", "/openmedia/services", null)).path("services").toString().contains("zendesk"));
        dc.openMedia().removeService("zendesk");
    }
}
