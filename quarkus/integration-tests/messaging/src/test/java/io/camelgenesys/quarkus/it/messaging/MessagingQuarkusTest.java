package io.camelgenesys.quarkus.it.messaging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgenesys.messaging.MessagingConstants;
import io.camelgenesys.messaging.interactions.InteractionsConstants;
import io.camelgenesys.messaging.model.Message;
import io.camelgenesys.messaging.model.MessageIds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The messaging extension in a Quarkus application (JVM mode) with no test resource: Dev Services started the
 * genesys-simulator and pointed the four Digital Channels components at it. {@code sendMessage} reaches the
 * simulator's Third-Party Messaging API; the simulator's webhook dispatcher plays Genesys towards the webhook
 * consumers, which camel-quarkus-platform-http serves on the Quarkus HTTP port (Vert.x): it signs the exact bytes it
 * sends, waits for the answer and redelivers on 5xx. Signed webhooks reach the routes, bad signatures are refused
 * with 401/403 before any route, a route failure is redelivered and processed once, many deliveries at once are each
 * processed exactly once, and the consumers' readiness checks are under {@code /q/health/ready}.
 */
@QuarkusTest
class MessagingQuarkusTest {

    /** The simulator's default SMS channel (camel.component.genesys-messaging.channel-id) and a consumer's number. */
    private static final String CHANNEL = "0123456789";
    private static final String CONSUMER = "16504661149";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate template;

    @ConfigProperty(name = "quarkus.camel-genesys.devservices.base-url")
    String simulator;

    @ConfigProperty(name = "genesys.interactions.secret")
    String interactionsSecret;

    /** What was logged during one test: the message, its parameters and any exception, to be searched for secrets. */
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder all = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    all.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                all.append(' ').append(trace);
            }
            logged.add(all.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void reset() {
        Logger.getLogger("").addHandler(capture);
        MockEndpoint.resetMocks(context);
        // quick redeliveries (Genesys' schedule is per deployment; the simulator's default is 1 s, 5 s, 30 s)
        admin("POST", "/simulator/messaging/dispatcher", Map.of("retryDelaysMs", List.of(100, 200, 400, 800, 1600)),
                200);
    }

    /** No secret or credential in any line logged while the test ran, the refused requests' WARN lines included. */
    @AfterEach
    void noSecretLogged() {
        Logger.getLogger("").removeHandler(capture);
        List<String> secrets = List.of(
                ConfigProvider.getConfig().getValue("camel.component.genesys-messaging.secret", String.class),
                interactionsSecret,
                ConfigProvider.getConfig().getValue("camel.component.genesys-messaging.client-secret", String.class),
                ConfigProvider.getConfig().getValue("camel.component.genesys-messaging.api-key", String.class),
                ConfigProvider.getConfig().getValue("camel.component.genesys-messaging.password", String.class));
        for (String line : logged) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), () -> "a secret in the log: " + line);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ producer

    @Test
    void sendMessageReachesTheSimulatorSigned() {
        String text = "Hello from Quarkus " + UUID.randomUUID();

        Exchange answer = template.request("direct:send", e -> e.getMessage().setBody(text));

        assertNull(answer.getException(), () -> String.valueOf(answer.getException()));
        MessageIds ids = assertInstanceOf(MessageIds.class, answer.getMessage().getBody());
        String id = answer.getMessage().getHeader(MessagingConstants.ACCEPTED_MESSAGE_ID, String.class);
        assertEquals(List.of(id), ids.getIds());
        // the simulator checked x-api-key, the bearer, x-ccid, the channel and the signature before storing it
        JsonNode stored = null;
        for (JsonNode m : admin("GET", "/simulator/messaging/received", null, 200).path("messages")) {
            if (id.equals(m.path("id").asText())) {
                stored = m;
            }
        }
        assertNotNull(stored, "the simulator stored message " + id);
        assertEquals(CHANNEL, stored.path("channelId").asText());
        assertEquals(text, stored.path("message").path("text").asText());
        assertEquals(CONSUMER, stored.path("message").path("channel").path("from").path("id").asText());
    }

    // ------------------------------------------------------------------------------------------ webhooks

    @Test
    void aSignedWebhookOnTheQuarkusPortReachesTheRouteAndGenesysGetsTheMessageId() throws InterruptedException {
        MockEndpoint sms = context.getEndpoint("mock:sms", MockEndpoint.class);
        sms.expectedMessageCount(1);

        JsonNode delivery = await(deliverText("/genesys/sms", "Agent says hi", null, Map.of()));

        assertEquals("DELIVERED", delivery.path("state").asText());
        assertEquals(List.of(200), statuses(delivery));
        assertTrue(delivery.path("signed").asBoolean());
        String messageId = delivery.path("messageId").asText(null);
        assertEquals(messageId, delivery.path("answeredMessageId").asText(null),
                "answered {\"messageId\": channel.messageId}");
        sms.assertIsSatisfied();
        org.apache.camel.Message in = sms.getReceivedExchanges().get(0).getMessage();
        Message message = assertInstanceOf(Message.class, in.getBody());
        assertEquals("Agent says hi", message.getText());
        assertEquals(CONSUMER, message.getChannel().getFirstTo().getId());
        assertEquals(messageId, in.getHeader(MessagingConstants.WEBHOOK_MESSAGE_ID));
        assertEquals(CHANNEL, in.getHeader(MessagingConstants.WEBHOOK_CHANNEL_ID));
        assertEquals(CONSUMER, in.getHeader(MessagingConstants.WEBHOOK_TO));
        assertEquals(delivery.path("traceId").asText(null), in.getHeader(MessagingConstants.TRACE_ID));
        assertFalse(in.getHeaders().containsKey("X-Hub-Signature"), "no request header reaches the route");
    }

    @Test
    void aWrongSignatureIs403AMissingOne401AndNeitherReachesTheRoute() throws InterruptedException {
        MockEndpoint sms = context.getEndpoint("mock:sms", MockEndpoint.class);
        sms.expectedMessageCount(0);

        JsonNode wrong = await(deliverText("/genesys/sms", "forged", null, Map.of("secret", "not-the-secret")));
        Map<String, Object> unsignedOptions = new HashMap<>();
        unsignedOptions.put("secret", null);
        JsonNode unsigned = await(deliverText("/genesys/sms", "unsigned", null, unsignedOptions));

        assertEquals("REJECTED", wrong.path("state").asText(), "a 4xx is not redelivered");
        assertEquals(List.of(403), statuses(wrong));
        assertTrue(wrong.path("attempts").path(0).path("body").asText().contains("X-Hub-Signature"),
                wrong.toPrettyString());
        assertFalse(unsigned.path("signed").asBoolean());
        assertEquals("REJECTED", unsigned.path("state").asText());
        assertEquals(List.of(401), statuses(unsigned));
        sms.assertIsSatisfied();
        // one WARN line each, without the secret, the signature or the body (noSecretLogged checks the secrets)
        assertTrue(logged.stream().anyMatch(l -> l.contains("request refused") && l.contains("403")), logged::toString);
        assertTrue(logged.stream().noneMatch(l -> l.contains("forged")), "no body content in the log");
    }

    @Test
    void aRouteFailureIsAnswered500AndTheRedeliveryIsProcessedOnce() throws InterruptedException {
        MockEndpoint flaky = context.getEndpoint("mock:flaky", MockEndpoint.class);
        flaky.expectedMessageCount(1);

        JsonNode delivery = await(deliverText("/genesys/flaky", "Retry me", null, Map.of()));

        assertEquals("DELIVERED", delivery.path("state").asText());
        assertEquals(List.of(500, 200), statuses(delivery));
        assertFalse(delivery.path("attempts").path(0).path("body").asText().contains("the CRM is down"),
                "no exception goes back");
        flaky.assertIsSatisfied();
    }

    @Test
    void manyWebhooksAtOnceAreEachProcessedOnceAndRedeliveriesAreRecognized() throws Exception {
        // 60 deliveries started together by 12 threads, each taking 100 ms in the route: more in flight than the
        // consumer's worker pool has threads (Camel's default profile: 10 to 20), so they queue on it
        int count = 60;
        String run = UUID.randomUUID().toString();
        Set<String> messageIds = new HashSet<>();
        List<Callable<String>> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String messageId = "many-" + run + "-" + i;
            messageIds.add(messageId);
            String text = "message " + i;
            posts.add(() -> deliverText("/genesys/many", text, messageId, Map.of()));
        }
        // Genesys delivering a tenth of them again (its answer lost on the way), some while the first is still in the
        // route: recognized, answered with the outcome of the first, not processed again
        for (int i = 0; i < count; i += 10) {
            String messageId = "many-" + run + "-" + i;
            String text = "message " + i;
            posts.add(() -> deliverText("/genesys/many", text, messageId, Map.of()));
        }
        ExecutorService senders = Executors.newFixedThreadPool(12);
        List<String> deliveries = new ArrayList<>();
        try {
            for (Future<String> id : senders.invokeAll(posts)) {
                deliveries.add(id.get());
            }
        } finally {
            senders.shutdownNow();
        }

        Map<String, JsonNode> done = awaitAll(deliveries);
        for (JsonNode delivery : done.values()) {
            assertEquals("DELIVERED", delivery.path("state").asText(), delivery.toPrettyString());
            assertEquals(delivery.path("messageId").asText(), delivery.path("answeredMessageId").asText());
        }

        MockEndpoint many = context.getEndpoint("mock:many", MockEndpoint.class);
        List<String> processed = many.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(MessagingConstants.WEBHOOK_MESSAGE_ID, String.class)).toList();
        assertEquals(count, processed.size(), "none lost, none processed twice: " + processed);
        assertEquals(messageIds, new HashSet<>(processed));
    }

    @Test
    void interactionEventsReachTheirOwnWebhookWithTheirOwnSecret() throws InterruptedException {
        MockEndpoint interactions = context.getEndpoint("mock:interactions", MockEndpoint.class);
        interactions.expectedMessageCount(1);
        String interactionId = "chat-" + UUID.randomUUID();
        Map<String, Object> event = Map.of("event", "STARTED", "id", interactionId, "mediaType", "chat",
                "interactionSubtype", "InboundNew", "selfUri", "/nexus/v3/chat/sessions/s-1/" + interactionId);

        String id = admin("POST", "/simulator/messaging/webhooks/interactions", Map.of("events", List.of(event),
                "url", url("/genesys/interactions"), "secret", interactionsSecret), 202).path("id").asText();
        JsonNode delivery = await(id);

        assertEquals("DELIVERED", delivery.path("state").asText(), delivery.toPrettyString());
        assertEquals(List.of(200), statuses(delivery));
        interactions.assertIsSatisfied();
        org.apache.camel.Message in = interactions.getReceivedExchanges().get(0).getMessage();
        assertEquals(interactionId, in.getHeader(InteractionsConstants.EVENT_INTERACTION_ID));
        assertEquals("STARTED", in.getHeader(InteractionsConstants.EVENT_TYPE));
    }

    // ------------------------------------------------------------------------------------------ health

    @Test
    void theWebhookConsumersAndTheConnectionAreReady() {
        // a call opens the shared Multicloud connection, whose check joins camel-genesys
        assertNull(template.request("direct:send", e -> e.getMessage().setBody("health")).getException());

        when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'camel-genesys' }.status", is("UP"))
                .body("checks.find { it.name == 'camel-consumers' }.status", is("UP"));
        for (String route : List.of("sms-webhook", "many-webhook", "flaky-webhook", "interactions-webhook")) {
            HealthCheck.Result consumer = HealthCheckHelper.invoke(context, "consumer:" + route, Map.of())
                    .orElseThrow(() -> new AssertionError("no consumer:" + route + " readiness check"));
            assertEquals(HealthCheck.State.UP, consumer.getState(), consumer.getMessage().orElse(""));
        }
    }

    // ------------------------------------------------------------------------------------------ the simulator

    /**
     * One call to the simulator's admin surface ({@code /simulator/messaging/**}, no authentication) with the JDK's
     * client: the simulator is not the application under test, and these calls are many.
     */
    private JsonNode admin(String method, String path, Object body, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)));
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(response.body(), StandardCharsets.UTF_8);
            assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + text);
            return text.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The webhook URL of {@code path} on the Quarkus HTTP port (a random one: quarkus.http.test-port=0). */
    private static String url(String path) {
        return "http://127.0.0.1:" + RestAssured.port + path;
    }

    /** Has the simulator deliver an agent's text on the channel to {@code path}; the delivery's id. */
    private String deliverText(String path, String text, String messageId, Map<String, Object> options) {
        Map<String, Object> body = new HashMap<>(options);
        body.put("channelId", CHANNEL);
        body.put("to", CONSUMER);
        body.put("text", text);
        body.put("url", url(path));
        if (messageId != null) {
            body.put("messageId", messageId);
        }
        String id = admin("POST", "/simulator/messaging/webhooks/text", body, 202).path("id").asText(null);
        assertNotNull(id);
        return id;
    }

    /** The delivery once the dispatcher is done with it (delivered, rejected or out of attempts). */
    private JsonNode await(String deliveryId) throws InterruptedException {
        return awaitAll(List.of(deliveryId)).get(deliveryId);
    }

    /** The deliveries once the dispatcher is done with all of them, by id (one listing per poll). */
    private Map<String, JsonNode> awaitAll(List<String> deliveryIds) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, JsonNode> done = new HashMap<>();
        while (System.nanoTime() < deadline) {
            for (JsonNode delivery : admin("GET", "/simulator/messaging/deliveries", null, 200).path("deliveries")) {
                String id = delivery.path("id").asText();
                if (deliveryIds.contains(id) && !"PENDING".equals(delivery.path("state").asText())) {
                    done.put(id, delivery);
                }
            }
            if (done.size() == new HashSet<>(deliveryIds).size()) {
                return done;
            }
            Thread.sleep(100);
        }
        return fail("deliveries still pending after " + WAIT + ": "
                    + deliveryIds.stream().filter(d -> !done.containsKey(d)).toList());
    }

    private static List<Integer> statuses(JsonNode delivery) {
        List<Integer> statuses = new ArrayList<>();
        delivery.path("attempts").forEach(a -> statuses.add(a.path("status").asInt()));
        return statuses;
    }
}
