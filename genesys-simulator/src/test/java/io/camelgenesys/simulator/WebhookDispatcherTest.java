package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.WebhookReceiver.Answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook dispatcher against a small real Jetty server playing the integrator: signatures over the bytes received,
 * both message shapes, redelivery on 5XX, timeouts and connection failures, and the record of every answer.
 */
class WebhookDispatcherTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final WebhookReceiver integrator = new WebhookReceiver();

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String SECRET = "channel-secret";

    GenesysSimulator sim;
    WebhookDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        sim = SIM.simulator();
        dispatcher = sim.digitalChannels().webhooks();
        // fast redeliveries; the 10 s response timeout stays (one test relies on it)
        dispatcher.setRetryDelays(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50));
        integrator.reset();
    }

    /** HMAC-SHA1 computed here with the JDK, independently of the simulator's signer. */
    static String hmacSha1(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
        StringBuilder hex = new StringBuilder("sha1=");
        for (byte b : mac.doFinal(body)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    static JsonNode sms(String text) {
        return WebhookPayloads.textMessage("0123456789", "sms", "0123456789", "16504661149", text, null);
    }

    @Test
    void smsMessageIsSignedOverTheBytesSentAndTheAnswerIsRecorded() throws Exception {
        JsonNode message = sms("Agent message text");
        WebhookDelivery delivery = dispatcher.deliverMessage(integrator.url("/sms"), SECRET, message).await(WAIT);

        WebhookReceiver.Received received = integrator.next(WAIT);
        assertEquals("/sms", received.path());
        assertEquals(hmacSha1(SECRET, received.body()), received.header("X-Hub-Signature"));
        assertEquals(delivery.traceId(), received.header("X-B3-TraceId"));
        assertTrue(received.header("Content-Type").startsWith("application/json"));
        assertNull(received.header("x-api-key"));
        JsonNode body = received.json();
        assertEquals("sms", body.path("channel").path("type").asText());
        assertTrue(body.path("channel").path("to").isObject(), "SMS: to is an object");
        assertEquals("16504661149", body.path("channel").path("to").path("id").asText());
        assertEquals("Text", body.path("type").asText());
        assertEquals("Agent message text", body.path("text").asText());

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        assertEquals(1, delivery.attempts().size());
        WebhookDelivery.Attempt attempt = delivery.attempts().get(0);
        assertEquals(200, attempt.status());
        assertEquals(WebhookDelivery.Outcome.ACCEPTED, attempt.outcome());
        assertEquals("{\"messageId\":\"" + delivery.messageId() + "\"}", attempt.body());
        assertTrue(attempt.latency().compareTo(Duration.ZERO) > 0);
        assertEquals(message.path("channel").path("messageId").asText(), delivery.answeredMessageId());
    }

    @Test
    void emailMessageHasToAsAnArray() throws Exception {
        JsonNode message = WebhookPayloads.emailMessage("company.com",
                new WebhookPayloads.Party("no-reply@company.com", "Sender display name"),
                List.of(new WebhookPayloads.Party("recipient-1@mail.com", "First Recipient"),
                        new WebhookPayloads.Party("recipient-2@mail.com", "Second Recipient")),
                new WebhookPayloads.Party("reply-to@company.com", "Responder display name"), "Subject",
                "Plain text email body", "Html email body", null);
        WebhookDelivery delivery = dispatcher.deliverMessage(integrator.url("/email"), SECRET, message).await(WAIT);

        WebhookReceiver.Received received = integrator.next(WAIT);
        assertEquals(hmacSha1(SECRET, received.body()), received.header("X-Hub-Signature"));
        JsonNode channel = received.json().path("channel");
        assertEquals("company.com", channel.path("id").asText());
        assertEquals("email", channel.path("type").asText());
        assertTrue(channel.path("to").isArray(), "email: to is an array");
        assertEquals("recipient-2@mail.com", channel.path("to").get(1).path("id").asText());
        assertEquals("reply-to@company.com", channel.path("context").path("replyTo").path("id").asText());
        assertEquals("Email", received.json().path("type").asText());
        assertEquals("html", received.json().path("content").get(1).path("type").asText());
        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        assertEquals(channel.path("messageId").asText(), delivery.answeredMessageId());
    }

    @Test
    void serverErrorsAreRedeliveredUntilOneSuccess() throws Exception {
        integrator.then(Answer.of(503, "{\"error\":\"busy\"}"), Answer.of(500, null));
        WebhookDelivery delivery = dispatcher.deliverMessage(integrator.url("/sms"), SECRET, sms("retry me")).await(WAIT);

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        List<WebhookDelivery.Attempt> attempts = delivery.attempts();
        assertEquals(List.of(503, 500, 200), attempts.stream().map(WebhookDelivery.Attempt::status).toList());
        assertEquals(List.of(WebhookDelivery.Outcome.RETRY, WebhookDelivery.Outcome.RETRY,
                WebhookDelivery.Outcome.ACCEPTED), attempts.stream().map(WebhookDelivery.Attempt::outcome).toList());
        assertEquals("{\"error\":\"busy\"}", attempts.get(0).body());
        assertEquals(2, delivery.redeliveries());
        assertEquals(1, delivery.acceptedCount());
        // the same bytes, signature and messageId every time
        assertEquals(3, integrator.all.size());
        for (WebhookReceiver.Received received : integrator.all) {
            assertEquals(delivery.bodyText(), received.text());
            assertEquals(delivery.signature(), received.header("X-Hub-Signature"));
            assertEquals(delivery.messageId(), received.json().path("channel").path("messageId").asText());
        }
    }

    @Test
    void aClientErrorIsNotRedelivered() throws Exception {
        integrator.then(Answer.of(401, "{\"error\":\"bad signature\"}"));
        WebhookDelivery delivery = dispatcher.deliverMessage(integrator.url("/sms"), "wrong-secret", sms("x")).await(WAIT);
        assertEquals(WebhookDelivery.State.REJECTED, delivery.state());
        assertEquals(1, delivery.attempts().size());
        assertEquals(401, delivery.attempts().get(0).status());
        assertEquals(WebhookDelivery.Outcome.REFUSED, delivery.attempts().get(0).outcome());
    }

    @Test
    void givesUpAfterTheSchedule() throws Exception {
        integrator.otherwise(r -> Answer.of(502, null));
        dispatcher.setRetryDelays(Duration.ofMillis(20), Duration.ofMillis(20));
        WebhookDelivery delivery = dispatcher.deliverMessage(integrator.url("/sms"), SECRET, sms("x")).await(WAIT);
        assertEquals(WebhookDelivery.State.EXHAUSTED, delivery.state());
        assertEquals(3, delivery.attempts().size());
        assertEquals(0, delivery.acceptedCount());
    }

    @Test
    void connectionFailuresAreRedelivered() throws Exception {
        WebhookReceiver gone = new WebhookReceiver().start();
        String url = gone.url("/sms");
        gone.close();
        dispatcher.setRetryDelays(Duration.ofMillis(20));
        WebhookDelivery delivery = dispatcher.deliverMessage(url, SECRET, sms("x")).await(WAIT);
        assertEquals(WebhookDelivery.State.EXHAUSTED, delivery.state());
        assertEquals(2, delivery.attempts().size());
        for (WebhookDelivery.Attempt attempt : delivery.attempts()) {
            assertEquals(WebhookDelivery.Outcome.CONNECTION_FAILED, attempt.outcome());
            assertEquals(0, attempt.status());
            assertNotNull(attempt.error());
        }
    }

    @Test
    void anAnswerLaterThanTenSecondsIsATimeoutAndIsRedelivered() throws Exception {
        assertEquals(Duration.ofSeconds(10), dispatcher.responseTimeout());
        integrator.then(new Answer(200, "{\"messageId\":\"late\"}", Duration.ofMillis(10_500)));
        WebhookDelivery delivery = dispatcher.deliverMessage(integrator.url("/sms"), SECRET, sms("slow")).await(WAIT);

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        List<WebhookDelivery.Attempt> attempts = delivery.attempts();
        assertEquals(2, attempts.size());
        WebhookDelivery.Attempt first = attempts.get(0);
        assertEquals(WebhookDelivery.Outcome.TIMEOUT, first.outcome());
        assertEquals(0, first.status());
        assertTrue(first.latency().compareTo(Duration.ofSeconds(10)) >= 0, first.toString());
        assertTrue(first.latency().compareTo(Duration.ofSeconds(12)) < 0, first.toString());
        assertEquals(WebhookDelivery.Outcome.ACCEPTED, attempts.get(1).outcome());
        assertEquals(delivery.messageId(), delivery.answeredMessageId());
        // the integrator saw the message twice: it must deduplicate by channel.messageId
        assertEquals(2, integrator.all.size());
    }

    @Test
    void interactionEventsNeedExactly200() throws Exception {
        JsonNode payload = WebhookPayloads.interactionEvents("f6c49d91-926b-4473-b2f3-8d8fd295c968", List.of(
                new WebhookPayloads.InteractionEvent("STARTED", "8e09e19f-b8ba-4db0-b6e7-dfc8a7776176", "chat",
                        "InboundNew", "http://nexus/nexus/v3/chat/sessions/49a0/8e09")));
        // 202 is a 2XX but not the 200 OK the interactions webhook expects
        integrator.then(Answer.of(202, null), Answer.of(404, null));
        WebhookDelivery delivery = dispatcher.deliverEvents(integrator.url("/interactions"), SECRET, payload).await(WAIT);

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        assertEquals(List.of(202, 404, 200), delivery.attempts().stream().map(WebhookDelivery.Attempt::status).toList());
        assertEquals("f6c49d91-926b-4473-b2f3-8d8fd295c968", delivery.messageId());
        WebhookReceiver.Received received = integrator.all.get(0);
        assertEquals(hmacSha1(SECRET, received.body()), received.header("X-Hub-Signature"));
        JsonNode event = received.json().path("data").path("entities").get(0);
        assertEquals("STARTED", event.path("event").asText());
        assertEquals("chat", event.path("entity").path("mediaType").asText());
        assertEquals("InboundNew", event.path("entity").path("interactionSubtype").asText());
    }

    @Test
    void unsignedAndRawDeliveries() throws Exception {
        dispatcher.deliverMessage(integrator.url("/sms"), null, sms("unsigned")).await(WAIT);
        assertNull(integrator.next(WAIT).header("X-Hub-Signature"));

        byte[] notJson = "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        integrator.then(Answer.of(400, null));
        WebhookDelivery raw = dispatcher.deliver(WebhookDelivery.Kind.MESSAGE, integrator.url("/sms"), SECRET, notJson,
                null).await(WAIT);
        WebhookReceiver.Received received = integrator.next(WAIT);
        assertEquals("not json", received.text());
        assertEquals(hmacSha1(SECRET, notJson), received.header("X-Hub-Signature"));
        assertEquals(WebhookDelivery.State.REJECTED, raw.state());
    }

    @Test
    void resetCancelsPendingDeliveries() throws Exception {
        integrator.otherwise(r -> Answer.of(503, null));
        dispatcher.setRetryDelays(Duration.ofSeconds(30));
        WebhookDelivery delivery = dispatcher.deliverMessage(integrator.url("/sms"), SECRET, sms("x"));
        integrator.next(WAIT);
        sim.reset();
        delivery.await(WAIT);
        assertEquals(WebhookDelivery.State.CANCELLED, delivery.state());
        assertTrue(dispatcher.deliveries().isEmpty());
        assertEquals(WebhookDispatcher.DEFAULT_RETRY_DELAYS, dispatcher.retryDelays());
    }

    @Test
    void manyDeliveriesAtOnceEachArriveAndAreRecordedOnce() throws Exception {
        // a 500 for every tenth message, then its redelivery succeeds
        java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        integrator.otherwise(r -> r.json().path("text").asText().endsWith("0") && failedOnce.add(r.json().path("text").asText())
                ? Answer.of(500, null) : WebhookReceiver.echoMessageId(r));
        List<WebhookDelivery> deliveries = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            deliveries.add(dispatcher.deliverMessage(integrator.url("/sms"), SECRET, sms("message " + i)));
        }
        for (WebhookDelivery delivery : deliveries) {
            delivery.await(WAIT);
            assertEquals(WebhookDelivery.State.DELIVERED, delivery.state(), delivery.toString());
            assertEquals(1, delivery.acceptedCount());
        }
        assertEquals(30, deliveries.stream().mapToInt(WebhookDelivery::redeliveries).sum());
        assertEquals(330, integrator.all.size());
    }

    @Test
    void agentMessagesUseTheChannelsWebhookAndReceiptsComeBack() throws Exception {
        DigitalChannels dc = sim.digitalChannels();
        dc.messaging().setWebhookUrl(Nexus.SMS, integrator.url("/sms"));
        try {
            WebhookDelivery delivery = dc.sendAgentText(Nexus.SMS, "16504661149", "Your order shipped").await(WAIT);
            WebhookReceiver.Received received = integrator.next(WAIT);
            assertEquals(hmacSha1(Nexus.SMS_SECRET, received.body()), received.header("X-Hub-Signature"));
            assertEquals(Nexus.SMS, received.json().path("channel").path("from").path("id").asText());

            // the integrator reports delivery with a receipt for that messageId
            try (TestHttp http = new TestHttp(sim)) {
                Nexus nexus = new Nexus(http, http.multicloudToken());
                MessagingApiTest.ok(nexus.messages(Nexus.SMS, Nexus.SMS_SECRET, "{\"messages\":[{\"channel\":{\"from\":"
                        + "{\"id\":\"0123456789\"},\"to\":{\"id\":\"16504661149\"},\"messageId\":\""
                        + delivery.answeredMessageId() + "\"},\"type\":\"Receipt\",\"status\":\"Delivered\"}]}"));
            }
            assertEquals("Delivered", dc.messaging().receipts(delivery.messageId()).get(0).status());
        } finally {
            dc.messaging().setWebhookUrl(Nexus.SMS, null);
        }
    }
}
