package io.camelgenesys.messaging;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.webhook.HubSignature;
import io.camelgenesys.messaging.model.Message;
import io.camelgenesys.simulator.WebhookDelivery;
import io.camelgenesys.simulator.WebhookPayloads;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code from("genesys-messaging:webhook")} through real HTTP, with the simulator's dispatcher playing Genesys: the
 * signature checked over the raw bytes before anything is parsed, the answer Genesys expects, redeliveries after a
 * failure or a slow route processed exactly once, duplicates suppressed, oversize bodies refused before they are read,
 * both message shapes, more deliveries in flight than threads, the health check, and no secret in any log line.
 */
class MessagingWebhookTest extends WebhookTestSupport {

    private static final String CONSUMER = "16504661149";

    private void webhookRoute(String routeId, String path, String options, RouteBuilderStep step) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                step.configure(from("genesys-messaging:webhook?webhookPath=" + path + "&secret=RAW({{sms.secret}})"
                                    + (options.isEmpty() ? "" : "&" + options)).routeId(routeId));
            }
        });
        dc().messaging().setWebhookUrl(SMS, url(path));
    }

    @FunctionalInterface
    interface RouteBuilderStep {
        void configure(org.apache.camel.model.RouteDefinition route);
    }

    // ------------------------------------------------------------------------------------------ signatures

    @Test
    void aSignedSmsReachesTheRouteAndGenesysGetsTheMessageId() throws Exception {
        webhookRoute("sms", "/genesys/sms", "", r -> r.to("mock:sms"));
        MockEndpoint mock = getMockEndpoint("mock:sms");
        mock.expectedMessageCount(1);

        WebhookDelivery delivery = done(dc().sendAgentText(SMS, CONSUMER, "Agent message text"));

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        assertEquals(List.of(200), statuses(delivery));
        assertEquals(delivery.messageId(), delivery.answeredMessageId(), "answered {\"messageId\": channel.messageId}");
        mock.assertIsSatisfied();
        Exchange exchange = mock.getReceivedExchanges().get(0);
        Message message = assertInstanceOf(Message.class, exchange.getMessage().getBody());
        assertEquals("Agent message text", message.getText());
        assertEquals("Text", message.getType());
        assertEquals(CONSUMER, message.getChannel().getFirstTo().getId(), "to: an object in the SMS shape");
        assertEquals(delivery.messageId(), exchange.getMessage().getHeader(MessagingConstants.WEBHOOK_MESSAGE_ID));
        assertEquals(SMS, exchange.getMessage().getHeader(MessagingConstants.WEBHOOK_CHANNEL_ID));
        assertEquals("sms", exchange.getMessage().getHeader(MessagingConstants.WEBHOOK_CHANNEL_TYPE));
        assertEquals(SMS, exchange.getMessage().getHeader(MessagingConstants.WEBHOOK_FROM));
        assertEquals(CONSUMER, exchange.getMessage().getHeader(MessagingConstants.WEBHOOK_TO));
        assertEquals(delivery.traceId(), exchange.getMessage().getHeader(MessagingConstants.TRACE_ID));
        assertEquals("sms", exchange.getFromRouteId());
        assertFalse(exchange.getMessage().getHeaders().containsKey(HubSignature.HEADER),
                "the route gets no request header, the signature included");
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedAndNeverReachesTheRoute() throws Exception {
        webhookRoute("sms", "/genesys/sms", "", r -> r.to("mock:sms"));
        String url = url("/genesys/sms");

        WebhookDelivery wrong = done(dc().webhooks().deliverMessage(url, "not-the-secret",
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "forged", null)));
        WebhookDelivery unsigned = done(dc().webhooks().deliverMessage(url, null,
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "unsigned", null)));
        WebhookDelivery notJson = done(dc().webhooks().deliver(WebhookDelivery.Kind.MESSAGE, url, "not-the-secret",
                "not json at all".getBytes(StandardCharsets.UTF_8), "x"));

        assertEquals(WebhookDelivery.State.REJECTED, wrong.state());
        assertEquals(List.of(403), statuses(wrong));
        assertEquals(WebhookDelivery.State.REJECTED, unsigned.state());
        assertEquals(List.of(401), statuses(unsigned));
        assertEquals(List.of(403), statuses(notJson), "the signature is checked before anything is parsed");
        assertTrue(wrong.attempts().get(0).body().contains("Invalid X-Hub-Signature"));
        assertEquals(0, getMockEndpoint("mock:sms").getReceivedCounter());
        assertFalse(logs.matching(e -> e.message().contains("request refused (403)")).isEmpty());
        assertTrue(logs.matching(e -> e.all().contains("forged")).isEmpty(), "no body content in the log");
    }

    @Test
    void aSignedButUnusablePayloadIs400AndNotRedelivered() throws Exception {
        webhookRoute("sms", "/genesys/sms", "", r -> r.to("mock:sms"));

        WebhookDelivery delivery = done(dc().webhooks().deliver(WebhookDelivery.Kind.MESSAGE, url("/genesys/sms"),
                SMS_SECRET, "{\"no\":\"channel\"}".getBytes(StandardCharsets.UTF_8), "x"));

        assertEquals(WebhookDelivery.State.REJECTED, delivery.state());
        assertEquals(List.of(400), statuses(delivery));
        assertEquals(0, getMockEndpoint("mock:sms").getReceivedCounter());
    }

    @Test
    void aRefusedPayloadIsAnsweredWithWhatIsWrongWithIt() throws Exception {
        webhookRoute("sms", "/genesys/sms", "", r -> r.to("mock:sms"));
        String url = url("/genesys/sms");

        WebhookDelivery malformed = done(dc().webhooks().deliver(WebhookDelivery.Kind.MESSAGE, url, SMS_SECRET,
                "{\"channel\": {\"id\" 1}}".getBytes(StandardCharsets.UTF_8), "x"));
        WebhookDelivery noChannel = done(dc().webhooks().deliver(WebhookDelivery.Kind.MESSAGE, url, SMS_SECRET,
                "{\"no\":\"channel\"}".getBytes(StandardCharsets.UTF_8), "x"));
        WebhookDelivery wrongType = done(dc().webhooks().deliver(WebhookDelivery.Kind.MESSAGE, url, SMS_SECRET,
                "{\"channel\":{\"id\":\"c\",\"to\":{\"id\":{\"deep\":\"x<script>\"}}}}"
                        .getBytes(StandardCharsets.UTF_8), "x"));

        assertEquals(List.of(400), statuses(malformed));
        assertEquals("{\"status\":{\"code\":400,\"message\":\"Invalid payload: the body is not well-formed JSON (line 1,"
                     + " column 19)\"}}", malformed.attempts().get(0).body());
        assertEquals(List.of(400), statuses(noChannel));
        assertEquals("{\"status\":{\"code\":400,\"message\":\"Invalid payload: not a Third-Party Messaging message: no"
                     + " channel object\"}}", noChannel.attempts().get(0).body());
        assertEquals(List.of(400), statuses(wrongType));
        assertEquals("{\"status\":{\"code\":400,\"message\":\"Invalid payload: the field channel.to[0].id has the wrong type"
                     + " or value\"}}", wrongType.attempts().get(0).body(), "the path, never the value");
        assertEquals(0, getMockEndpoint("mock:sms").getReceivedCounter());
        assertFalse(logs.matching(e -> e.message().contains("cannot be used: the field channel.to[0].id")).isEmpty());
        assertTrue(logs.matching(e -> e.all().contains("<script>")).isEmpty(), "no body content in the log");
    }

    /**
     * Genesys adds values to its enums over time: a {@code status} this library does not know must not refuse the
     * delivery (400 is not redelivered to the messaging webhook, seed 002 L7278-7284: the message would be lost). The
     * route gets it as sent, in every output type, and a model written back keeps it.
     */
    @Test
    void aStatusThisLibraryDoesNotKnowIsPassedOnNotRefused() throws Exception {
        webhookRoute("sms", "/genesys/sms", "", r -> r.to("mock:sms"));
        webhookRoute("map", "/genesys/map", "outputType=map", r -> r.to("mock:map"));
        String json = "{\"channel\":{\"id\":\"" + SMS + "\",\"type\":\"sms\",\"from\":{\"id\":\"" + SMS
                      + "\"},\"to\":{\"id\":\"" + CONSUMER + "\"},\"messageId\":\"m-%s\"},\"type\":\"Text\","
                      + "\"text\":\"hello\",\"status\":\"Read\"}";

        WebhookDelivery model = done(dc().webhooks().deliver(WebhookDelivery.Kind.MESSAGE, url("/genesys/sms"),
                SMS_SECRET, String.format(json, "1").getBytes(StandardCharsets.UTF_8), "m-1"));
        WebhookDelivery map = done(dc().webhooks().deliver(WebhookDelivery.Kind.MESSAGE, url("/genesys/map"),
                SMS_SECRET, String.format(json, "2").getBytes(StandardCharsets.UTF_8), "m-2"));

        assertEquals(List.of(200), statuses(model));
        assertEquals(List.of(200), statuses(map));
        Message message = assertInstanceOf(Message.class,
                getMockEndpoint("mock:sms").getReceivedExchanges().get(0).getMessage().getBody());
        assertEquals("hello", message.getText());
        assertEquals(null, message.getStatus(), "not one of Delivered, Removed, Failed");
        assertEquals("Read", message.getStatusValue());
        assertEquals("Read", io.camelgenesys.core.json.GenesysJson.MAPPER.valueToTree(message).path("status").asText(),
                "written back as it came");
        Map<?, ?> asMap = assertInstanceOf(Map.class,
                getMockEndpoint("mock:map").getReceivedExchanges().get(0).getMessage().getBody());
        assertEquals("Read", asMap.get("status"));
    }

    /**
     * A limit of the JSON parser (nesting depth, a number's length) refuses a payload: the answer names the limit, not
     * a field of the wrong type.
     */
    @Test
    void aPayloadNestedTooDeeplyIsAnsweredWithTheLimit() throws Exception {
        webhookRoute("sms", "/genesys/sms", "", r -> r.to("mock:sms"));
        webhookRoute("json", "/genesys/json", "outputType=json", r -> r.to("mock:json"));
        String deep = "{\"channel\":{\"id\":\"c\"},\"extra\":" + "[".repeat(1200) + "]".repeat(1200) + "}";

        for (String path : List.of("/genesys/sms", "/genesys/json")) {
            WebhookDelivery delivery = done(dc().webhooks().deliver(WebhookDelivery.Kind.MESSAGE, url(path), SMS_SECRET,
                    deep.getBytes(StandardCharsets.UTF_8), "x"));

            assertEquals(List.of(400), statuses(delivery));
            assertEquals("{\"status\":{\"code\":400,\"message\":\"Invalid payload: the JSON nests deeper than the"
                         + " limit of 1000 levels\"}}", delivery.attempts().get(0).body(), path);
        }
        WebhookDelivery longNumber = done(dc().webhooks().deliver(WebhookDelivery.Kind.MESSAGE, url("/genesys/sms"),
                SMS_SECRET, ("{\"channel\":{\"id\":\"c\"},\"extra\":" + "9".repeat(1500) + "}")
                        .getBytes(StandardCharsets.UTF_8), "x"));
        assertEquals(List.of(400), statuses(longNumber));
        assertEquals("{\"status\":{\"code\":400,\"message\":\"Invalid payload: the body is over a limit of the JSON"
                     + " parser: Number value length (1500) exceeds the maximum allowed (1000, from"
                     + " `StreamReadConstraints.getMaxNumberLength()`)\"}}", longNumber.attempts().get(0).body());
        assertEquals(0, getMockEndpoint("mock:sms").getReceivedCounter());
        assertEquals(0, getMockEndpoint("mock:json").getReceivedCounter());
    }

    /**
     * The caller of the webhook gets the status and the component's own body: none of the headers the consumer sets
     * for the route ({@code GenesysWebhook*}), the route adds ({@code Genesys*}, {@code CamelGenesys*}) or the caller
     * sent (the signature), on success as on failure.
     */
    @Test
    void theHttpAnswerCarriesNoHeaderOfTheRouteOrTheRequest() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        webhookRoute("headers", "/genesys/headers", "", r -> r
                .setHeader("GenesysInternalNote", org.apache.camel.builder.Builder.constant("internal-7f3a"))
                .setHeader("CamelGenesysInternalNote", org.apache.camel.builder.Builder.constant("internal-7f3a"))
                .process(e -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("internal-7f3a is down");
                    }
                }));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        byte[] body = WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "headers", "hdr-1").toString()
                .getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                url("/genesys/headers")))
                .timeout(java.time.Duration.ofSeconds(20))
                .header(HubSignature.HEADER, HubSignature.sign(SMS_SECRET, body))
                .header("GenesysCallerNote", "caller-7f3a")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();

        java.net.http.HttpResponse<String> failed = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> processed = client.send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(500, failed.statusCode());
        assertEquals(200, processed.statusCode());
        assertEquals("{\"messageId\":\"hdr-1\"}", processed.body());
        for (java.net.http.HttpResponse<String> response : List.of(failed, processed)) {
            java.util.Set<String> names = new java.util.TreeSet<>(response.headers().map().keySet());
            names.removeAll(java.util.Set.of(":status", "content-type", "content-length"));
            assertTrue(names.isEmpty(), () -> "headers the component does not mean to send: " + response.headers().map());
            String all = response.headers().map() + response.body();
            for (String leak : List.of("7f3a", SMS_SECRET, "sha1=", "Exception")) {
                assertFalse(all.contains(leak), () -> leak + " in the answer: " + all);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ failures, slow routes

    @Test
    void aRouteFailureAnswers500AndTheRedeliveryIsProcessedExactlyOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        webhookRoute("flaky", "/genesys/flaky", "", r -> r.process(e -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the CRM is down");
            }
        }).to("mock:processed"));

        WebhookDelivery delivery = done(dc().sendAgentText(SMS, CONSUMER, "Retry me"));

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        assertEquals(List.of(500, 200), statuses(delivery));
        assertTrue(delivery.attempts().get(0).body().contains("could not be processed"));
        assertFalse(delivery.attempts().get(0).body().contains("the CRM is down"), "no exception goes back");
        assertEquals(2, calls.get());
        assertEquals(1, getMockEndpoint("mock:processed").getReceivedCounter(), "processed exactly once");
        assertEquals(delivery.messageId(), delivery.answeredMessageId());
    }

    @Test
    void aSlowRouteIsAnswered503AndTheRedeliveryWaitsForItsOutcome() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        webhookRoute("slow", "/genesys/slow", "responseTimeout=300", r -> r.process(e -> {
            calls.incrementAndGet();
            assertTrue(release.await(30, TimeUnit.SECONDS));
        }).to("mock:processed"));

        WebhookDelivery delivery = dc().sendAgentText(SMS, CONSUMER, "Take your time");
        // let Genesys try a few times while the route still runs, then let it finish
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (delivery.attempts().size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        done(delivery);

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        List<Integer> statuses = statuses(delivery);
        assertTrue(statuses.size() >= 3, statuses.toString());
        assertEquals(503, statuses.get(0));
        assertEquals(200, statuses.get(statuses.size() - 1));
        assertEquals(1, calls.get(), "the redeliveries joined the running route instead of starting it again");
        assertEquals(1, getMockEndpoint("mock:processed").getReceivedCounter());
    }

    @Test
    void acknowledgeImmediatelyAnswersAtOnceWhileASlowRouteGoesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        webhookRoute("early", "/genesys/early", "acknowledge=immediately", r -> r.process(e -> {
            assertTrue(release.await(30, TimeUnit.SECONDS));
        }).to("mock:processed"));
        MockEndpoint processed = getMockEndpoint("mock:processed");

        WebhookDelivery delivery = done(dc().sendAgentText(SMS, CONSUMER, "Slow CRM"));

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state(), "acknowledged before the route finished");
        assertEquals(List.of(200), statuses(delivery));
        assertEquals(delivery.messageId(), delivery.answeredMessageId());
        assertEquals(0, processed.getReceivedCounter());
        processed.expectedMessageCount(1);
        release.countDown();
        processed.assertIsSatisfied();
    }

    // ------------------------------------------------------------------------------------------ duplicates

    @Test
    void aDuplicateDeliveryIsAcknowledgedWithoutCallingTheRouteAgain() throws Exception {
        webhookRoute("dup", "/genesys/dup", "", r -> r.to("mock:processed"));
        String url = url("/genesys/dup");

        WebhookDelivery first = done(dc().webhooks().deliverMessage(url, SMS_SECRET,
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "once", "1613474523265-0")));
        WebhookDelivery again = done(dc().webhooks().deliverMessage(url, SMS_SECRET,
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "once", "1613474523265-0")));

        assertEquals(List.of(200), statuses(first));
        assertEquals(List.of(200), statuses(again));
        assertEquals("1613474523265-0", again.answeredMessageId());
        assertEquals(1, getMockEndpoint("mock:processed").getReceivedCounter());
    }

    @Test
    void aSharedIdempotentRepositoryIsUsedAndIdempotentFalseProcessesEveryDelivery() throws Exception {
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        context.getRegistry().bind("processedMessages", shared);
        webhookRoute("shared", "/genesys/shared", "idempotentRepository=#processedMessages", r -> r.to("mock:shared"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-messaging:webhook?webhookPath=/genesys/every&idempotent=false&secret=RAW({{sms.secret}})")
                        .to("mock:every");
            }
        });

        for (int i = 0; i < 2; i++) {
            done(dc().webhooks().deliverMessage(url("/genesys/shared"), SMS_SECRET,
                    WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "x", "m-shared")));
            done(dc().webhooks().deliverMessage(url("/genesys/every"), SMS_SECRET,
                    WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "x", "m-every")));
        }

        assertEquals(1, getMockEndpoint("mock:shared").getReceivedCounter());
        assertTrue(shared.contains(SMS + ":m-shared"));
        assertEquals(2, getMockEndpoint("mock:every").getReceivedCounter());
    }

    @Test
    void aSharedRepositoryNeverAcknowledgesWhatAnotherInstanceHasNotFinished() throws Exception {
        // two instances behind one URL, one shared repository (what the docs advise for several instances): instance
        // a is still processing a message when Genesys' redelivery (after a's 503) reaches instance b
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        context.getRegistry().bind("sharedMessages", shared);
        CountDownLatch aRunning = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        webhookRoute("instance-a", "/genesys/instance-a", "idempotentRepository=#sharedMessages", r -> r.process(e -> {
            aRunning.countDown();
            assertTrue(releaseA.await(30, TimeUnit.SECONDS));
            throw new IllegalStateException("instance a lost its CRM connection");
        }));
        webhookRoute("instance-b", "/genesys/instance-b", "idempotentRepository=#sharedMessages", r -> r.to("mock:b"));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        byte[] body = WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "two instances", "m-two").toString()
                .getBytes(StandardCharsets.UTF_8);
        java.util.function.Function<String, java.net.http.HttpRequest> request = path -> java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(url(path))).timeout(java.time.Duration.ofSeconds(30))
                .header(HubSignature.HEADER, HubSignature.sign(SMS_SECRET, body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();

        var toA = client.sendAsync(request.apply("/genesys/instance-a"),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(aRunning.await(30, TimeUnit.SECONDS));
        java.net.http.HttpResponse<String> toB = client.send(request.apply("/genesys/instance-b"),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        releaseA.countDown();

        assertEquals(200, toB.statusCode());
        assertEquals(1, getMockEndpoint("mock:b").getReceivedCounter(),
                "b answered Genesys 200: it must have processed the message, since a had not finished it (and then"
                                                                        + " failed)");
        int aStatus = toA.get(30, TimeUnit.SECONDS).statusCode();
        assertTrue(aStatus == 500 || aStatus == 503, "a failed (or was still running at its deadline): " + aStatus);
        // processed (by b): a redelivery to either instance is recognized
        for (String path : List.of("/genesys/instance-a", "/genesys/instance-b")) {
            assertEquals(200, client.send(request.apply(path), java.net.http.HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
        assertEquals(1, getMockEndpoint("mock:b").getReceivedCounter());
    }

    @Test
    void aKeyLeftInASharedRepositoryByAStoppedInstanceIsProcessedNotAcknowledged() throws Exception {
        // an instance that stopped (killed, crashed) while its route ran left the key added but never confirmed
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        shared.start();
        shared.add(SMS + ":m-left");
        context.getRegistry().bind("leftMessages", shared);
        webhookRoute("left", "/genesys/left", "idempotentRepository=#leftMessages", r -> r.to("mock:left"));

        WebhookDelivery redelivered = done(dc().webhooks().deliverMessage(url("/genesys/left"), SMS_SECRET,
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "left behind", "m-left")));
        WebhookDelivery again = done(dc().webhooks().deliverMessage(url("/genesys/left"), SMS_SECRET,
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "left behind", "m-left")));

        assertEquals(List.of(200), statuses(redelivered));
        assertEquals(List.of(200), statuses(again));
        assertEquals(1, getMockEndpoint("mock:left").getReceivedCounter(),
                "processed once: the unfinished key did not acknowledge it, the processed one does");
    }

    @Test
    void aRouteStoppedWhileMessagesAreInItIsAnswered200ExactlyForThoseItProcessed() throws Exception {
        // Camel stops a route's consumer first, then waits for the exchanges in the route: a message in the route then
        // must still be recorded and answered 200 (not 500, which would make Genesys deliver it, processed, again),
        // and one that never reached the route must not be answered 200
        java.util.concurrent.ExecutorService onePool = Executors.newSingleThreadExecutor();
        context.getRegistry().bind("onePool", onePool);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Map<String, Boolean> processed = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicReference<io.camelgenesys.core.webhook.GenesysWebhookProcessor> webhook
                = new java.util.concurrent.atomic.AtomicReference<>();
        webhookRoute("stopping", "/genesys/stopping", "workerPool=#onePool", r -> r.process(e -> {
            running.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS));
            processed.put(e.getMessage().getHeader(MessagingConstants.WEBHOOK_MESSAGE_ID, String.class), true);
            // Camel counts the exchange out of the route before its completion reaches the consumer: a stop that
            // waited for it goes on meanwhile (held here until it has, so that it happens every time)
            e.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
                @Override
                public void onDone(Exchange exchange) {
                    Await.until("the webhook processor stopped", 30_000, () -> webhook.get().isStopped());
                }
            });
        }));
        context.getShutdownStrategy().setTimeout(30);
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                byte[] body = WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "stop " + i, "m-stop-" + i)
                        .toString().getBytes(StandardCharsets.UTF_8);
                answers.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        url("/genesys/stopping"))).timeout(java.time.Duration.ofSeconds(40))
                        .header(HubSignature.HEADER, HubSignature.sign(SMS_SECRET, body))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
                if (i == 0) {
                    assertTrue(running.await(30, TimeUnit.SECONDS), "the first is in the route");
                }
            }
            io.camelgenesys.core.webhook.GenesysWebhookConsumer consumer
                    = (io.camelgenesys.core.webhook.GenesysWebhookConsumer) context.getRoute("stopping").getConsumer();
            io.camelgenesys.core.webhook.GenesysWebhookProcessor processor = consumer.getWebhookProcessor();
            webhook.set(processor);
            Await.until("the other two queued on the one worker thread", 30_000,
                    () -> processor.stats().received() == 3);
            Thread stopper = new Thread(() -> {
                try {
                    context.getRouteController().stopRoute("stopping");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "route-stopper");
            stopper.start();
            Await.until("the consumer stopped serving while the first is in its route", 30_000,
                    () -> !consumer.isServing());
            release.countDown();
            stopper.join(TimeUnit.SECONDS.toMillis(60));

            for (int i = 0; i < 3; i++) {
                java.net.http.HttpResponse<String> answer = answers.get(i).get(40, TimeUnit.SECONDS);
                String id = "m-stop-" + i;
                if (processed.containsKey(id)) {
                    assertEquals(200, answer.statusCode(), id + " was processed: " + answer.body());
                    assertEquals("{\"messageId\":\"" + id + "\"}", answer.body());
                } else {
                    assertTrue(answer.statusCode() >= 500, id + " was not processed: " + answer.statusCode());
                }
            }
            assertTrue(processed.containsKey("m-stop-0"), "the message in the route finished");
            assertTrue(logs.matching(e -> e.message().contains("idempotent repository failed")).isEmpty(),
                    () -> "the repository was there for the event in the route: " + logs.events());
        } finally {
            onePool.shutdownNow();
        }
    }

    @Test
    void twoWebhooksOnOnePathFailTheSecondRouteNamingThePath() throws Exception {
        // two channels, neither with a webhookPath: both default to /genesys-messaging/webhook. The engine took the
        // second consumer without a word and never called it: the email channel's messages reached the SMS route's
        // consumer, were refused 403 (another secret) and are not delivered again by Genesys
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-messaging:webhook?secret=RAW({{sms.secret}})").routeId("sms-default").to("mock:sms");
            }
        });
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("genesys-messaging:webhook?secret=RAW({{email.secret}})").routeId("email-default")
                                .to("mock:email");
                    }
                }));
        String message = org.apache.camel.util.ObjectHelper.getException(IllegalStateException.class, failure) != null
                ? org.apache.camel.util.ObjectHelper.getException(IllegalStateException.class, failure).getMessage()
                : String.valueOf(failure);
        assertTrue(message.contains("POST /genesys-messaging/webhook") && message.contains("sms-default")
                   && message.contains("webhookPath"), message);
        assertFalse(message.contains(SMS_SECRET) || message.contains(EMAIL_SECRET), message);

        // the first still serves its path; once it is stopped, its path can be taken by another route
        WebhookDelivery sms = done(dc().webhooks().deliverMessage(url("/genesys-messaging/webhook"), SMS_SECRET,
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "sms", "m-sms-default")));
        assertEquals(List.of(200), statuses(sms));
        context.getRouteController().stopRoute("sms-default");
        context.removeRoute("sms-default");
        if (context.getRoute("email-default") != null) {
            context.removeRoute("email-default");
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-messaging:webhook?secret=RAW({{email.secret}})").routeId("email-now").to("mock:email");
            }
        });
        WebhookDelivery email = done(dc().webhooks().deliverMessage(url("/genesys-messaging/webhook"), EMAIL_SECRET,
                WebhookPayloads.textMessage(EMAIL, "email", EMAIL, CONSUMER, "email", "m-email-default")));
        assertEquals(List.of(200), statuses(email));
        assertEquals(1, getMockEndpoint("mock:email").getReceivedCounter());
    }

    @Test
    void aClientThatExpects100ContinueIsToldToSendTheBody() throws Exception {
        webhookRoute("expect", "/genesys/expect", "", r -> r.to("mock:expect"));
        byte[] body = WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "expect", "m-expect").toString()
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /genesys/expect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n" + HubSignature.HEADER + ": "
                       + HubSignature.sign(SMS_SECRET, body) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String interim = readLine(in);
            assertTrue(interim.startsWith("HTTP/1.1 100"), "told to send the body: " + interim);
            readLine(in);
            out.write(body);
            out.flush();
            String status = readLine(in);
            assertTrue(status.startsWith("HTTP/1.1 200"), status);
        }
        assertEquals(1, getMockEndpoint("mock:expect").getReceivedCounter());
    }

    private static String readLine(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------------------------------ size

    @Test
    void aBodyOverMaxBodySizeIsRefusedBeforeItIsRead() throws Exception {
        webhookRoute("small", "/genesys/small", "maxBodySize=1024", r -> r.to("mock:small"));

        WebhookDelivery large = done(dc().sendAgentText(SMS, CONSUMER, "x".repeat(5_000)));
        assertEquals(413, statuses(large).get(0));
        assertEquals(0, getMockEndpoint("mock:small").getReceivedCounter());

        // a client that announces 10 MB and sends none of it gets 413 at once: nothing is waited for or read
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /genesys/small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "X-Hub-Signature: sha1=0000000000000000000000000000000000000000\r\n"
                       + "Content-Length: 10485760\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHead(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        }

        // the same limit for a chunked body, which has no Content-Length
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /genesys/small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "X-Hub-Signature: sha1=0000000000000000000000000000000000000000\r\n"
                       + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String chunk = "x".repeat(1000);
            for (int i = 0; i < 3; i++) {
                out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            String answer = readHead(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        }
        assertEquals(0, getMockEndpoint("mock:small").getReceivedCounter());
    }

    /**
     * A request whose body is still arriving when its route stops: the worker pool is gone by the time the body has
     * arrived. It must not be processed after the route stopped, nor on Vert.x' event loop (the only thread left to
     * run it): Genesys is answered 503 and delivers it again.
     */
    @Test
    void aBodyThatArrivesAfterTheRouteStoppedIsAnswered503AndNotProcessed() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> ranOn = new java.util.concurrent.atomic.AtomicReference<>();
        webhookRoute("late", "/genesys/late", "", r -> r.process(e -> ranOn.set(Thread.currentThread().getName()))
                .to("mock:late"));
        io.camelgenesys.core.webhook.GenesysWebhookProcessor processor
                = ((io.camelgenesys.core.webhook.GenesysWebhookConsumer) context.getRoute("late").getConsumer())
                        .getWebhookProcessor();
        byte[] body = WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "late", "m-late").toString()
                .getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /genesys/late HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + HubSignature.HEADER + ": " + HubSignature.sign(SMS_SECRET, body) + "\r\n"
                       + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            Await.until("the request is received", 30_000, () -> processor.stats().received() == 1);
            context.getRouteController().stopRoute("late");
            out.write(body, half, body.length - half);
            out.flush();
            String answer = readHead(socket.getInputStream());

            assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
        }
        assertEquals(null, ranOn.get(), "the route did not run");
        assertEquals(0, getMockEndpoint("mock:late").getReceivedCounter());
    }

    private static String readHead(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------------------------------ shapes

    @Test
    void theEmailShapeHasEveryRecipientAndTheReplyTo() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-messaging:webhook?webhookPath=/genesys/mail&secret=RAW({{email.secret}})").to("mock:mail");
            }
        });
        dc().messaging().setWebhookUrl(EMAIL, url("/genesys/mail"));
        MockEndpoint mail = getMockEndpoint("mock:mail");
        mail.expectedMessageCount(1);

        WebhookDelivery delivery = done(dc().sendAgentEmail(EMAIL,
                new WebhookPayloads.Party("no-reply@company.com", "Sender display name"),
                List.of(new WebhookPayloads.Party("recipient-1@mail.com", "First Recipient"),
                        new WebhookPayloads.Party("recipient-2@mail.com", "Second Recipient")),
                new WebhookPayloads.Party("reply-to@company.com", "Responder display name"), "Subject",
                "Plain text email body", "Html email body"));

        assertEquals(List.of(200), statuses(delivery));
        mail.assertIsSatisfied();
        Exchange exchange = mail.getReceivedExchanges().get(0);
        Message message = exchange.getMessage().getBody(Message.class);
        assertEquals("Email", message.getType());
        assertEquals("Subject", message.getSubject());
        assertEquals(List.of("recipient-1@mail.com", "recipient-2@mail.com"),
                message.getChannel().getTo().stream().map(p -> p.getId()).toList());
        assertEquals("reply-to@company.com", message.getChannel().getContext().getReplyTo().getId());
        assertEquals(List.of("text", "html"), message.getContent().stream().map(c -> c.getType()).toList());
        assertEquals("recipient-1@mail.com", exchange.getMessage().getHeader(MessagingConstants.WEBHOOK_TO));
        assertEquals("email", exchange.getMessage().getHeader(MessagingConstants.WEBHOOK_CHANNEL_TYPE));
        assertEquals(delivery.messageId(), delivery.answeredMessageId());
    }

    @Test
    void outputTypeMapGivesTheRouteAMap() throws Exception {
        webhookRoute("map", "/genesys/map", "outputType=map", r -> r.to("mock:map"));

        done(dc().sendAgentText(SMS, CONSUMER, "as a map"));

        Map<?, ?> body = assertInstanceOf(Map.class, getMockEndpoint("mock:map").getReceivedExchanges().get(0)
                .getMessage().getBody());
        assertEquals("as a map", body.get("text"));
    }

    // ------------------------------------------------------------------------------------------ concurrency

    @Test
    void moreDeliveriesInFlightThanThreadsAreEachProcessedOnce() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        context.getRegistry().bind("twoThreads", two);
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        webhookRoute("busy", "/genesys/busy", "workerPool=#twoThreads", r -> r.process(e -> {
            seen.computeIfAbsent(e.getMessage().getHeader(MessagingConstants.WEBHOOK_MESSAGE_ID, String.class),
                    k -> new AtomicInteger()).incrementAndGet();
        }).delay(20));
        try {
            List<WebhookDelivery> deliveries = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                deliveries.add(dc().sendAgentText(SMS, CONSUMER, "burst " + i));
            }
            for (WebhookDelivery d : deliveries) {
                done(d);
                assertEquals(WebhookDelivery.State.DELIVERED, d.state(), d::toString);
                assertEquals(d.messageId(), d.answeredMessageId());
            }
            assertEquals(60, seen.size());
            seen.forEach((id, n) -> assertEquals(1, n.get(), id));
        } finally {
            two.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------ health, lifecycle

    @Test
    void theConsumerHealthCheckSaysWhetherThePathIsServed() throws Exception {
        webhookRoute("healthy", "/genesys/healthy", "", r -> r.to("mock:healthy"));
        done(dc().sendAgentText(SMS, CONSUMER, "count me"));
        done(dc().webhooks().deliverMessage(url("/genesys/healthy"), "wrong",
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "forged", null)));

        HealthCheck check = HealthCheckHelper.getHealthCheck(context, "consumer:healthy");
        assertNotNull(check, "reported by Camel's consumers repository");
        HealthCheck.Result up = check.callReadiness();
        assertEquals(HealthCheck.State.UP, up.getState(), up::toString);
        assertEquals("/genesys/healthy", up.getDetails().get("genesys.webhook.path"));
        assertEquals(2L, up.getDetails().get("genesys.webhook.received"));
        assertEquals(1L, up.getDetails().get("genesys.webhook.processed"));
        assertEquals(1L, up.getDetails().get("genesys.webhook.refusedSignature"));
        assertTrue(String.valueOf(up.getDetails().get("genesys.webhook.lastRefusal")).contains("403"));

        context.getRouteController().suspendRoute("healthy");
        HealthCheck.Result down = check.callReadiness();
        // Camel's consumers repository reports a suspended route DOWN before asking the consumer's own check
        assertEquals(HealthCheck.State.DOWN, down.getState(), down::toString);
        HealthCheck own = ((HealthCheckAware) context.getRoute("healthy").getConsumer()).getHealthCheck();
        HealthCheck.Result ownDown = own.callReadiness();
        assertEquals(HealthCheck.State.DOWN, ownDown.getState());
        assertTrue(ownDown.getMessage().orElse("").contains("not served on POST /genesys/healthy"), ownDown::toString);
        WebhookDelivery whileSuspended = dc().sendAgentText(SMS, CONSUMER, "later");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (whileSuspended.attempts().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(503, whileSuspended.attempts().get(0).status(), "Genesys is told to deliver it again");

        context.getRouteController().resumeRoute("healthy");
        assertEquals(HealthCheck.State.UP, check.callReadiness().getState());
        assertEquals(WebhookDelivery.State.DELIVERED, done(whileSuspended).state());
        assertEquals(2, getMockEndpoint("mock:healthy").getReceivedCounter());
    }

    @Test
    void aWebhookNeedsNoGenesysCredentialsButASecret() throws Exception {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("genesys-messaging:webhook?webhookPath=/genesys/nosecret").to("mock:x");
                    }
                }));
        assertTrue(io.camelgenesys.core.test.GenesysRouteTestSupport.stackTrace(e).contains("secret must be set"));

        // the default path is /scheme/operation
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-messaging:webhook?secret=RAW({{sms.secret}})").to("mock:default");
            }
        });
        dc().messaging().setWebhookUrl(SMS, url("/genesys-messaging/webhook"));
        assertEquals(List.of(200), statuses(done(dc().sendAgentText(SMS, CONSUMER, "default path"))));
        assertEquals(1, getMockEndpoint("mock:default").getReceivedCounter());
    }

    @Test
    void theWebhookMetaComponentWorksTheSameWay() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:genesys-messaging:webhook?webhookComponentName=platform-http&webhookPath=/genesys/meta"
                     + "&secret=RAW({{sms.secret}})").routeId("meta").to("mock:meta");
            }
        });
        dc().messaging().setWebhookUrl(SMS, url("/genesys/meta"));

        WebhookDelivery good = done(dc().sendAgentText(SMS, CONSUMER, "via webhook:"));
        WebhookDelivery bad = done(dc().webhooks().deliverMessage(url("/genesys/meta"), "wrong",
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "forged", null)));

        assertEquals(List.of(200), statuses(good));
        assertEquals(good.messageId(), good.answeredMessageId());
        assertEquals(List.of(403), statuses(bad));
        assertEquals(1, getMockEndpoint("mock:meta").getReceivedCounter());
        assertEquals("meta", getMockEndpoint("mock:meta").getReceivedExchanges().get(0).getFromRouteId());
    }

    // ------------------------------------------------------------------------------------------ service location

    @Test
    void aWebhookIsServedHereSoItsServiceLocationIsItsPathAndAProducerShowsGenesys() throws Exception {
        webhookRoute("sms", "/genesys/sms", "", r -> r.to("mock:sms"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-interactions:webhook?webhookPath=/genesys/interactions&secret=RAW({{interactions.secret}})")
                        .routeId("interactions").to("mock:interactions");
                from("direct:send").to("genesys-messaging:sendMessage?" + io.camelgenesys.core.test.SimulatorSupport
                        .multicloud(sim()));
            }
        });
        Map<String, String> locations = new java.util.TreeMap<>();
        context.getEndpoints().stream().filter(e -> e instanceof org.apache.camel.spi.EndpointServiceLocation)
                .map(e -> (org.apache.camel.spi.EndpointServiceLocation) e)
                .forEach(l -> locations.put(l.getServiceUrl(), l.getServiceProtocol() + " " + l.getServiceMetadata()));

        assertEquals("http {webhook=Genesys Messaging}", locations.get("/genesys/sms"));
        assertEquals("http {webhook=Genesys Interactions}", locations.get("/genesys/interactions"));
        String producer = locations.get(sim().baseUrl());
        assertNotNull(producer, "the producer's location is the Genesys host it calls: " + locations);
        assertTrue(producer.startsWith("http {platform=multicloud"), producer);
    }
}
