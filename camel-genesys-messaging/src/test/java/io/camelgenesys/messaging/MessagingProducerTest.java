package io.camelgenesys.messaging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysAuthException;
import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.core.webhook.HubSignature;
import io.camelgenesys.messaging.model.ContentPart;
import io.camelgenesys.messaging.model.MediaInfo;
import io.camelgenesys.messaging.model.Message;
import io.camelgenesys.messaging.model.MessageChannel;
import io.camelgenesys.messaging.model.MessageIds;
import io.camelgenesys.messaging.model.Party;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.simulator.Messaging;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The genesys-messaging producers through routes against the simulator's Third-Party Messaging API, which verifies
 * x-ccid and the X-Hub-Signature of every request over the bytes it received, as Digital Channels does: each operation,
 * each documented error, and no secret in any log line.
 */
class MessagingProducerTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    static final String SMS = Messaging.DEFAULT_SMS_CHANNEL;
    static final String SMS_SECRET = Messaging.DEFAULT_SMS_SECRET;
    static final String CCID = Messaging.DEFAULT_CONTACT_CENTER_ID;
    static final String CONSUMER = "16504661149";

    private LogCapture logs;

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        logs = LogCapture.install();
        return super.createCamelContext();
    }

    @AfterEach
    void noSecretLogged() {
        try {
            logs.assertNoneContains(List.of(SMS_SECRET, Messaging.DEFAULT_EMAIL_SECRET, "mc-secret", "agent1-password",
                    "mc-api-key"));
        } finally {
            logs.uninstall();
        }
    }

    static String messaging(GenesysSimulator sim, String operation, String options) {
        return "genesys-messaging:" + operation + "?" + SimulatorSupport.multicloud(sim) + "&contactCenterId=" + CCID
               + (options.isEmpty() ? "" : "&" + options);
    }

    private String sms(String operation, String options) {
        return messaging(sim(), operation, "channelId=" + SMS + "&secret=RAW(" + SMS_SECRET + ")"
                                           + (options.isEmpty() ? "" : "&" + options));
    }

    // ------------------------------------------------------------------------------------------ sendMessage

    @Test
    void sendMessageOfTextIsSignedOverTheExactBytesAndAnswersTheAcceptedId() throws Exception {
        String from = route(sms("sendMessage", "from=" + CONSUMER));

        Exchange exchange = template.request(from, e -> e.getMessage().setBody("Consumer message text"));

        assertNull(exchange.getException());
        MessageIds ids = assertInstanceOf(MessageIds.class, exchange.getMessage().getBody());
        assertEquals(1, ids.getIds().size());
        assertEquals(ids.getIds().get(0), exchange.getMessage().getHeader(MessagingConstants.ACCEPTED_MESSAGE_ID));
        assertEquals(0, exchange.getMessage().getHeader(GenesysConstants.STATUS_CODE));
        List<Messaging.InboundMessage> received = sim().digitalChannels().messaging().received(SMS);
        assertEquals(1, received.size());
        JsonNode message = received.get(0).message();
        assertEquals("Text", message.path("type").asText());
        assertEquals("Consumer message text", message.path("text").asText());
        assertEquals(CONSUMER, message.path("channel").path("from").path("id").asText());
        assertEquals(SMS, message.path("channel").path("to").path("id").asText(), "to defaults to the channel");
        String path = "/nexus/v3/channels/*/messages";
        assertEquals(CCID, sim().requests().lastHeader(path, "x-ccid"));
        assertEquals("mc-api-key", sim().requests().lastHeader(path, "x-api-key"));
        assertTrue(sim().requests().lastHeader(path, "Authorization").startsWith("Bearer "));
        assertTrue(sim().requests().lastHeader(path, HubSignature.HEADER).matches("sha1=[0-9a-f]{40}"));
    }

    @Test
    void sendMessageWithAMessageIdIsSafeToSendTwice() throws Exception {
        String from = route(sms("sendMessage", "from=" + CONSUMER + "&messageId=crm-1"));

        MessageIds first = template.requestBody(from, "Hello", MessageIds.class);
        MessageIds second = template.requestBody(from, "Hello", MessageIds.class);

        assertEquals(List.of("crm-1"), first.getIds());
        assertEquals(List.of("crm-1"), second.getIds());
        assertEquals(1, sim().digitalChannels().messaging().received(SMS).size());
        assertEquals(1, sim().digitalChannels().messaging().resentCount());
    }

    @Test
    void a429AndAnExpiredTokenAreRetriedWithTheSameSignedBytes() throws Exception {
        String from = route(sms("sendMessage", "from=" + CONSUMER));
        template.requestBody(from, "First", MessageIds.class);   // a token is now cached
        sim().tokens().revokeAll();
        String path = "/nexus/v3/channels/*/messages";
        sim().faults().on("POST", path).status(429).header("Retry-After", "1").times(1);

        MessageIds ids = template.requestBody(from, "Second", MessageIds.class);

        // 429 → wait → 401 (revoked) → new token → 200; the simulator checked the signature of what it accepted, so
        // the bytes sent again were signed as they were sent
        assertEquals(1, ids.getIds().size());
        assertEquals(4, sim().requests().count("POST", path));
        List<Messaging.InboundMessage> received = sim().digitalChannels().messaging().received(SMS);
        assertEquals(List.of("First", "Second"), received.stream().map(m -> m.message().path("text").asText()).toList(),
                "each message stored once");
    }

    @Test
    void aPostRefusedWithA5xxOrADroppedConnectionIsNotSentAgain() throws Exception {
        String from = route(sms("sendMessage", "from=" + CONSUMER));
        String path = "/nexus/v3/channels/*/messages";
        sim().faults().on("POST", path).status(503).times(1);
        CamelExecutionException e503 = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(from, "maybe processed"));
        assertEquals(503, assertInstanceOf(GenesysApiException.class, e503.getCause()).getHttpStatus());
        sim().faults().on("POST", path).drop().times(1);
        CamelExecutionException dropped = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(from, "maybe processed too"));
        assertNotNull(dropped.getCause());
        assertEquals(2, sim().requests().count("POST", path), "a POST that may have been processed is not repeated");
        assertTrue(sim().digitalChannels().messaging().received(SMS).isEmpty());
    }

    /** The page says so: a messageId does not make a resend safe in Genesys' documentation, so nothing is resent. */
    @Test
    void aSendWithAMessageIdRefusedWithA5xxIsNotSentAgainEither() throws Exception {
        String from = route(sms("sendMessage", "from=" + CONSUMER + "&messageId=crm-record-17"));
        String path = "/nexus/v3/channels/*/messages";
        sim().faults().on("POST", path).status(503).times(1);
        CamelExecutionException e503 = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(from, "maybe processed"));
        assertEquals(503, assertInstanceOf(GenesysApiException.class, e503.getCause()).getHttpStatus());
        assertEquals(1, sim().requests().count("POST", path), "sent once, not again after the 503");
    }

    @Test
    void moreSendsInFlightThanWorkerThreadsAreEachAcceptedOnce() throws Exception {
        java.util.concurrent.ExecutorService two = context.getExecutorServiceManager()
                .newFixedThreadPool(this, "two-workers", 2);
        context.getRegistry().bind("twoWorkers", two);
        String from = route(sms("sendMessage", "from=" + CONSUMER + "&workerPool=#twoWorkers"));
        List<java.util.concurrent.CompletableFuture<Object>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(template.asyncRequestBody(from, "Message " + i));
        }
        java.util.Set<String> accepted = new java.util.HashSet<>();
        for (java.util.concurrent.CompletableFuture<Object> f : all) {
            accepted.addAll(((MessageIds) f.get(60, java.util.concurrent.TimeUnit.SECONDS)).getIds());
        }
        assertEquals(100, accepted.size());
        List<String> texts = sim().digitalChannels().messaging().received(SMS).stream()
                .map(m -> m.message().path("text").asText()).sorted().toList();
        assertEquals(100, texts.size());
        assertEquals(100, new java.util.HashSet<>(texts).size(), "none lost, none stored twice");
    }

    @Test
    void bothShapesOfDataIdsAreRead() throws Exception {
        sim().digitalChannels().messaging().setIdsShape(Messaging.IdsShape.OBJECTS);
        String from = route(sms("sendMessage", "from=" + CONSUMER));

        MessageIds ids = template.requestBody(from, "objects", MessageIds.class);

        assertEquals(1, ids.getIds().size());
        assertFalse(ids.getIds().get(0).contains("{"), ids.getIds().toString());
        assertEquals(sim().digitalChannels().messaging().received(SMS).get(0).id(), ids.getIds().get(0));
    }

    @Test
    void sendMessageOfModelsAndJsonInOneRequest() throws Exception {
        String from = route(sms("sendMessage", "outputType=map"));
        Message one = new Message();
        one.setChannel(new MessageChannel());
        one.getChannel().setFrom(party(CONSUMER));
        one.setText("first");
        String two = "{\"channel\":{\"from\":{\"id\":\"" + CONSUMER + "\"}},\"type\":\"Text\",\"text\":\"second\"}";

        Object answer = template.requestBody(from, List.of(one, GenesysJson.toTree(two)));

        Map<?, ?> map = assertInstanceOf(Map.class, answer);
        assertEquals(2, ((List<?>) map.get("ids")).size());
        assertEquals(List.of("first", "second"), sim().digitalChannels().messaging().received(SMS).stream()
                .map(m -> m.message().path("text").asText()).toList());
    }

    @Test
    void theEmailChannelIdIsADomain() throws Exception {
        String from = route(messaging(sim(), "sendMessage", "channelId=" + Messaging.DEFAULT_EMAIL_CHANNEL
                                                            + "&secret=RAW(" + Messaging.DEFAULT_EMAIL_SECRET + ")"));
        Message email = new Message();
        email.setType("Email");
        email.setSubject("Order 42");
        ContentPart part = new ContentPart();
        part.setType("text");
        part.setText("Where is my order?");
        email.setContent(List.of(part));
        email.setChannel(new MessageChannel());
        email.getChannel().setFrom(party("ann@example.com"));
        email.getChannel().setTo(List.of(party("support@company.com")));

        MessageIds ids = template.requestBody(from, email, MessageIds.class);

        assertEquals(1, ids.getIds().size());
        JsonNode received = sim().digitalChannels().messaging().received(Messaging.DEFAULT_EMAIL_CHANNEL).get(0).message();
        assertEquals("Order 42", received.path("subject").asText());
        assertEquals("support@company.com", received.path("channel").path("to").path("id").asText(),
                "a single recipient is written as an object, as the seed's requests");
    }

    @Test
    void aWrongSecretIsA403NamingTheSecretOptionAndNotRetried() throws Exception {
        String from = route(messaging(sim(), "sendMessage", "channelId=" + SMS + "&secret=RAW(not-the-secret)&from="
                                                            + CONSUMER));

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, "x"));

        GenesysAuthException auth = assertInstanceOf(GenesysAuthException.class, e.getCause());
        assertEquals(403, auth.getHttpStatus());
        assertTrue(auth.getMessage().contains("X-Hub-Signature") && auth.getMessage().contains("secret option"),
                auth.getMessage());
        assertFalse(auth.getMessage().contains("not-the-secret"));
        assertEquals(1, sim().requests().count("POST", "/nexus/v3/channels/*/messages"));
        assertTrue(sim().digitalChannels().messaging().received().isEmpty());
    }

    @Test
    void anUnknownChannelIs404() throws Exception {
        String from = route(messaging(sim(), "sendMessage", "channelId=9999&secret=RAW(s)&from=" + CONSUMER));

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, "x"));

        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(404, api.getHttpStatus());
        assertEquals(404, api.getStatusCode());
        assertTrue(api.getMessage().contains("Channel 9999 not found"), api.getMessage());
    }

    @Test
    void anotherContactCenterDoesNotKnowTheChannel() throws Exception {
        String from = route(sms("sendMessage", "from=" + CONSUMER));

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(from, "x", MessagingConstants.CONTACT_CENTER_ID, "another-center"));

        assertEquals(404, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());
        assertEquals("another-center", sim().requests().lastHeader("/nexus/v3/channels/*/messages", "x-ccid"));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() throws Exception {
        String noCcid = route("genesys-messaging:sendMessage?" + SimulatorSupport.multicloud(sim()) + "&channelId=" + SMS
                              + "&secret=RAW(" + SMS_SECRET + ")&from=" + CONSUMER);
        String noSecret = route(messaging(sim(), "sendMessage", "channelId=" + SMS + "&from=" + CONSUMER));
        String noFrom = route(sms("sendMessage", ""));
        String noChannel = route(messaging(sim(), "sendMessage", "secret=RAW(" + SMS_SECRET + ")&from=" + CONSUMER));

        assertRefused(noCcid, "x", "contactCenterId option");
        assertRefused(noSecret, "x", "set the secret option");
        assertRefused(noFrom, "x", "channel.from is required");
        assertRefused(noChannel, "x", "The channelId is required");
        assertRefused(noFrom, null, "sendMessage needs a message body");
        assertRefused(noFrom, "{\"messages\":[]}", "messages must be a non-empty list");
        assertRefused(noFrom, "{\"channel\":{\"from\":{\"id\":\"1\"}},\"type\":\"Text\"}", "text is required");
        assertRefused(noFrom, "{\"channel\":{\"from\":{\"id\":\"1\"}},\"type\":\"Fax\",\"text\":\"x\"}",
                "type must be one of Text, Email, RichMedia, Receipt");
        assertEquals(0, sim().requests().count("*", "/nexus/v3/**"));
    }

    // ------------------------------------------------------------------------------------------ sendReceipt

    @Test
    void sendReceiptDeliveredFromTheOptions() throws Exception {
        String from = route(sms("sendReceipt", "receiptStatus=Delivered&to=" + CONSUMER));

        Exchange exchange = template.request(from, e -> e.getMessage().setHeader(MessagingConstants.MESSAGE_ID,
                "1613474523265-0"));

        assertNull(exchange.getException());
        assertNull(exchange.getMessage().getBody(), "a receipt is answered {\"status\":{\"code\":0}}, no ids");
        List<Messaging.Receipt> receipts = sim().digitalChannels().messaging().receipts("1613474523265-0");
        assertEquals(1, receipts.size());
        assertEquals("Delivered", receipts.get(0).status());
        JsonNode sent = receipts.get(0).message();
        assertEquals(SMS, sent.path("channel").path("from").path("id").asText(), "from defaults to the channel");
        assertEquals(CONSUMER, sent.path("channel").path("to").path("id").asText());
    }

    @Test
    void sendReceiptFailedWithAReasonCode() throws Exception {
        String from = route(sms("sendReceipt", "receiptStatus=Failed&reasonCode=530&reasonMessage=No+such+number&to="
                                               + CONSUMER + "&messageId=m-1"));

        template.sendBody(from, null);

        Messaging.Receipt receipt = sim().digitalChannels().messaging().receipts("m-1").get(0);
        assertEquals("Failed", receipt.status());
        assertEquals(530, receipt.reasons().path(0).path("code").asInt());
        assertEquals("No such number", receipt.reasons().path(0).path("message").asText());
    }

    @Test
    void sendReceiptForTheWebhookMessageInTheBody() throws Exception {
        String from = route(sms("sendReceipt", "receiptStatus=Removed"));
        Message webhook = new Message();
        webhook.setType("Text");
        webhook.setText("Agent message text");
        webhook.setChannel(new MessageChannel());
        webhook.getChannel().setId(SMS);
        webhook.getChannel().setFrom(party(SMS));
        webhook.getChannel().setTo(List.of(party(CONSUMER)));
        webhook.getChannel().setMessageId("1613474523265-7");

        template.sendBody(from, webhook);

        Messaging.Receipt receipt = sim().digitalChannels().messaging().receipts("1613474523265-7").get(0);
        assertEquals("Removed", receipt.status());
        assertEquals(CONSUMER, receipt.message().path("channel").path("to").path("id").asText());
    }

    @Test
    void receiptsOutsideTheDocumentedRulesAreRefusedBeforeSending() throws Exception {
        String delivered = route(sms("sendReceipt", "receiptStatus=Delivered&to=" + CONSUMER + "&messageId=m"));
        String noStatus = route(sms("sendReceipt", "to=" + CONSUMER + "&messageId=m"));

        assertRefused(delivered, null, Map.of(MessagingConstants.REASON_CODE, 530), "reasons apply only to a Failed");
        assertRefused(delivered, null, Map.of(MessagingConstants.RECEIPT_STATUS, "Failed",
                MessagingConstants.REASON_CODE, 999), "reasons[0].code must be one of 305, 310, 350, 500, 510, 512");
        assertRefused(noStatus, null, Map.of(), "receiptStatus (Delivered, Removed or Failed)");
        assertEquals(0, sim().requests().count("*", "/nexus/v3/**"));
    }

    // ------------------------------------------------------------------------------------------ media

    @Test
    void uploadGetAndDeleteMediaStreamingTheDownload(@TempDir Path dir) throws Exception {
        byte[] png = new byte[200_000];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) (i * 31);
        }
        String upload = route(sms("uploadMedia", "fileName=photo.png"));
        MediaInfo media = template.requestBody(upload, png, MediaInfo.class);

        assertNotNull(media.getMediaId());
        assertEquals("genesys://nexus/" + media.getMediaId(), media.getUrl());
        assertEquals("image/png", media.getMimetype(), "guessed from the file name");
        assertEquals(png.length, media.getLength());
        assertTrue(sim().requests().lastHeader("/nexus/v3/channels/*/media", "Content-Type")
                .startsWith("multipart/form-data; boundary="));

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").to(sms("getMedia", "")).to("file:" + dir + "?fileName=${header."
                                                                   + MessagingConstants.DOWNLOAD_FILE_NAME + "}");
            }
        });
        Exchange download = template.request("direct:download",
                e -> e.getMessage().setHeader(MessagingConstants.MEDIA_ID, media.getMediaId()));
        assertNull(download.getException());
        assertEquals("image/png", download.getMessage().getHeader(Exchange.CONTENT_TYPE));
        assertEquals("photo.png", download.getMessage().getHeader(MessagingConstants.DOWNLOAD_FILE_NAME));
        assertEquals("photo.png", download.getMessage().getHeader(Exchange.FILE_NAME), "to(\"file:dir\") keeps the name");
        assertArrayEquals(png, Files.readAllBytes(dir.resolve("photo.png")));

        String delete = route(sms("deleteMedia", "mediaId=" + media.getMediaId()));
        MediaInfo deleted = template.requestBody(delete, null, MediaInfo.class);
        assertEquals(media.getMediaId(), deleted.getMediaId());
        assertTrue(sim().digitalChannels().messaging().media(media.getMediaId()).isEmpty());

        String get = route(sms("getMedia", "mediaId=" + media.getMediaId()));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(get, (Object) null));
        GenesysApiException notFound = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(404, notFound.getHttpStatus());
        assertTrue(notFound.getMessage().contains("not found in channel " + SMS), notFound.getMessage());
    }

    @Test
    void uploadFromAFileConsumerUsesItsFileName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("terms.pdf"), "%PDF-1.4 terms");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir + "?noop=true").routeId("upload").to(sms("uploadMedia", "")).to("mock:uploaded");
            }
        });
        getMockEndpoint("mock:uploaded").expectedMessageCount(1);
        getMockEndpoint("mock:uploaded").assertIsSatisfied(20_000);

        MediaInfo media = getMockEndpoint("mock:uploaded").getReceivedExchanges().get(0).getMessage()
                .getBody(MediaInfo.class);
        assertEquals("terms.pdf", media.getFilename());
        assertEquals("application/pdf", media.getMimetype());
        Messaging.Media stored = sim().digitalChannels().messaging().media(media.getMediaId()).orElseThrow();
        assertEquals("%PDF-1.4 terms", new String(stored.content(), StandardCharsets.UTF_8));
    }

    @Test
    void mediaErrors() throws Exception {
        String upload = route(sms("uploadMedia", "fileName=run.exe&mediaType=application/x-msdownload"));
        CamelExecutionException unsupported = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(upload, new byte[] { 1, 2, 3 }));
        assertEquals(415, assertInstanceOf(GenesysApiException.class, unsupported.getCause()).getHttpStatus());

        // Genesys refuses request bodies over 512,000 bytes: refused here, nothing sent
        int before = sim().requests().count("POST", "/nexus/v3/channels/*/media");
        CamelExecutionException tooLarge = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(upload, new byte[600_000]));
        assertInstanceOf(IllegalArgumentException.class, tooLarge.getCause());
        assertTrue(tooLarge.getCause().getMessage().contains("over the 512,000 bytes"), tooLarge.getCause().getMessage());
        assertEquals(before, sim().requests().count("POST", "/nexus/v3/channels/*/media"));

        String noMediaId = route(sms("getMedia", ""));
        assertRefused(noMediaId, null, "The mediaId is required");
    }

    @Test
    void aDownloadIsRetriedAfterA503AndStillStreams() throws Exception {
        String upload = route(sms("uploadMedia", "fileName=a.txt&mediaType=text/plain"));
        MediaInfo media = template.requestBody(upload, "streamed".getBytes(StandardCharsets.UTF_8), MediaInfo.class);
        sim().faults().on("GET", "/nexus/v3/channels/*/media/*").status(503).times(1);
        String get = route(sms("getMedia", "mediaId=" + media.getMediaId() + "&retryInitialDelay=10"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:read").to(get).convertBodyTo(String.class);
            }
        });

        Exchange exchange = template.request("direct:read", e -> {
        });

        assertNull(exchange.getException());
        assertEquals("streamed", exchange.getMessage().getBody(String.class));
        assertEquals(2, sim().requests().count("GET", "/nexus/v3/channels/*/media/*"));
    }

    @Test
    void theWebhookIsNotAProducer() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:nope").to("genesys-messaging:webhook?secret=RAW(s)");
            }
        }));
        String messages = GenesysRouteTestSupport.stackTrace(e);
        assertTrue(messages.contains("genesys-messaging:webhook is a consumer: use it in from()"), messages);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Party party(String id) {
        Party p = new Party();
        p.setId(id);
        return p;
    }

    private void assertRefused(String from, Object body, String expected) {
        assertRefused(from, body, Map.of(), expected);
    }

    private void assertRefused(String from, Object body, Map<String, Object> headers, String expected) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeaders(from, body, headers));
        Throwable cause = e.getCause();
        assertInstanceOf(IllegalArgumentException.class, cause, () -> stackTrace(e));
        assertTrue(cause.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + cause.getMessage());
    }
}
