package io.camelgenesys.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.Nexus.CCID;
import static io.camelgenesys.simulator.Nexus.EMAIL;
import static io.camelgenesys.simulator.Nexus.EMAIL_SECRET;
import static io.camelgenesys.simulator.Nexus.SMS;
import static io.camelgenesys.simulator.Nexus.SMS_SECRET;
import static io.camelgenesys.simulator.TestHttp.body;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Third-Party Messaging API over real HTTP, with the seed's payloads, signed as integrators must sign them. */
class MessagingApiTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    /** The seed's SMS data flow, step 1 (L7305-7331). */
    static final String SMS_TEXT = """
            {"messages":[{"channel":{"from":{"id":"16504661149"},"to":{"id":"0123456789"}},
              "type":"Text","text":"Consumer message text"}]}""";

    GenesysSimulator sim;
    Messaging messaging;
    String token;
    Nexus nexus;

    @BeforeEach
    void setUp() throws Exception {
        sim = SIM.simulator();
        messaging = sim.digitalChannels().messaging();
        token = http.multicloudToken();
        nexus = new Nexus(http, token);
    }

    static JsonNode ok(ContentResponse response) {
        assertEquals(200, response.getStatus(), response.getContentAsString());
        JsonNode body = body(response);
        assertEquals(0, body.path("status").path("code").asInt(-1), response.getContentAsString());
        return body;
    }

    /** The seed's ResponseError: {@code {"status":{"code":<the HTTP status>,"message":…}}}; returns the message. */
    static String error(ContentResponse response, int status) {
        assertEquals(status, response.getStatus(), response.getContentAsString());
        JsonNode body = body(response);
        assertEquals(status, body.path("status").path("code").asInt(), response.getContentAsString());
        return body.path("status").path("message").asText();
    }

    // ---- signatures ----------------------------------------------------------------------------------------------

    @Test
    void signatureIsHmacSha1InHexWithThePrefix() {
        // RFC 2202 test case 2: the simulator's signer is checked against a published vector, not against itself.
        assertEquals("sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
                HubSignatures.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = HubSignatures.sign("s", body);
        assertTrue(HubSignatures.verify("s", body, signature.toUpperCase()));
        assertFalse(HubSignatures.verify("s", body, signature.substring(5)));
        assertFalse(HubSignatures.verify("t", body, signature));
        assertFalse(HubSignatures.verify("s", "{ }".getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void missingSignatureIsRefusedWith403AndNothingIsRecorded() throws Exception {
        ContentResponse response = TestHttp.json(http.multicloud("POST", Nexus.BASE + "/channels/" + SMS + "/messages",
                token).headers(h -> h.put(MessagingApi.CCID_HEADER, CCID)), SMS_TEXT).send();
        assertTrue(error(response, 403).contains("X-Hub-Signature header is required"));
        assertEquals(0, messaging.received().size());
    }

    @Test
    void signatureWithAnotherSecretIsRefused() throws Exception {
        assertTrue(error(nexus.messages(SMS, EMAIL_SECRET, SMS_TEXT), 403).contains("does not match"));
        assertEquals(0, messaging.received().size());
    }

    @Test
    void signatureOfOtherBytesIsRefused() throws Exception {
        // Signed over the pretty-printed JSON, sent compact: the same JSON, other bytes.
        byte[] sent = SMS_TEXT.replace("\n", "").getBytes(StandardCharsets.UTF_8);
        ContentResponse response = http.multicloud("POST", Nexus.BASE + "/channels/" + SMS + "/messages", token)
                .headers(h -> {
                    h.put(MessagingApi.CCID_HEADER, CCID);
                    h.put(HubSignatures.HEADER, HubSignatures.sign(SMS_SECRET, SMS_TEXT.getBytes(StandardCharsets.UTF_8)));
                })
                .body(new org.eclipse.jetty.client.BytesRequestContent("application/json", sent)).send();
        error(response, 403);
    }

    @Test
    void contactCenterAndChannelAreChecked() throws Exception {
        ContentResponse noCcid = http.multicloud("POST", Nexus.BASE + "/channels/" + SMS + "/messages", token)
                .headers(h -> h.put(HubSignatures.HEADER, HubSignatures.sign(SMS_SECRET, SMS_TEXT.getBytes(StandardCharsets.UTF_8))))
                .body(new org.eclipse.jetty.client.StringRequestContent("application/json", SMS_TEXT)).send();
        assertTrue(error(noCcid, 400).contains("x-ccid"));
        assertEquals("Channel 1234567890 not found", error(nexus.messages("1234567890", SMS_SECRET, SMS_TEXT), 404));
        messaging.addChannel(new Messaging.Channel("5550001", "sms", "other", "another-contact-center", null));
        assertEquals("Channel 5550001 not found", error(nexus.messages("5550001", "other", SMS_TEXT), 404));
    }

    @Test
    void multicloudApiKeyAndBearerComeFirst() throws Exception {
        ContentResponse noKey = http.request("POST", Nexus.BASE + "/channels/" + SMS + "/messages")
                .headers(h -> h.put("Authorization", "Bearer " + token)).send();
        assertEquals(403, noKey.getStatus());
        assertEquals("Forbidden", body(noKey).path("message").asText());
        ContentResponse noToken = http.request("POST", Nexus.BASE + "/channels/" + SMS + "/messages")
                .headers(h -> h.put("x-api-key", sim.multicloudApiKey())).send();
        error(noToken, 401);
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    @Test
    void textMessageIsAcceptedWithItsId() throws Exception {
        JsonNode ids = ok(nexus.messages(SMS, SMS_SECRET, SMS_TEXT)).path("data").path("ids");
        assertEquals(1, ids.size());
        assertTrue(ids.get(0).isTextual(), ids.toString());
        assertTrue(ids.get(0).asText().matches("\\d{13}-\\d+"), ids.toString());
        Messaging.InboundMessage received = messaging.received(SMS).get(0);
        assertEquals(ids.get(0).asText(), received.id());
        assertEquals("Consumer message text", received.message().path("text").asText());
        assertEquals("16504661149", received.message().path("channel").path("from").path("id").asText());
    }

    @Test
    void idsCanBeAnsweredInTheSchemaShape() throws Exception {
        messaging.setIdsShape(Messaging.IdsShape.OBJECTS);
        JsonNode ids = ok(nexus.messages(SMS, SMS_SECRET, SMS_TEXT)).path("data").path("ids");
        assertTrue(ids.get(0).isObject(), ids.toString());
        assertEquals(messaging.received().get(0).id(), ids.get(0).path("id").asText());
    }

    @Test
    void aProvidedMessageIdIsAnsweredAndAResentMessageIsStoredOnce() throws Exception {
        String text = """
                {"messages":[{"channel":{"from":{"id":"16504661149"},"to":{"id":"0123456789"},"messageId":"crm-1"},
                  "type":"Text","text":"once"}]}""";
        assertEquals("crm-1", ok(nexus.messages(SMS, SMS_SECRET, text)).path("data").path("ids").get(0).asText());
        assertEquals("crm-1", ok(nexus.messages(SMS, SMS_SECRET, text)).path("data").path("ids").get(0).asText());
        assertEquals(1, messaging.received().size());
        assertEquals(1, messaging.resentCount());
    }

    @Test
    void severalMessagesAnswerIdsInOrder() throws Exception {
        String two = """
                {"messages":[
                  {"channel":{"from":{"id":"1"},"to":{"id":"0123456789"}},"type":"Text","text":"a"},
                  {"channel":{"from":{"id":"1"},"to":{"id":"0123456789"},"messageId":"m-1"},"type":"Receipt","status":"Delivered"},
                  {"channel":{"from":{"id":"1"},"to":{"id":"0123456789"}},"type":"Text","text":"b"}]}""";
        JsonNode ids = ok(nexus.messages(SMS, SMS_SECRET, two)).path("data").path("ids");
        assertEquals(2, ids.size());
        List<Messaging.InboundMessage> received = messaging.received();
        assertEquals(List.of(ids.get(0).asText(), ids.get(1).asText()), List.of(received.get(0).id(), received.get(1).id()));
        assertEquals(1, messaging.receipts("m-1").size());
    }

    @Test
    void receiptsUseTheSameCallAndAnswerOnlyTheStatus() throws Exception {
        // The seed's SMS receipt (L7382-7408) and email receipt with a reason (L7488-7523).
        JsonNode delivered = ok(nexus.messages(SMS, SMS_SECRET, """
                {"messages":[{"channel":{"from":{"id":"0123456789"},"to":{"id":"16504661149"},
                  "messageId":"1613474523265-0"},"type":"Receipt","status":"Delivered"}]}"""));
        assertEquals("{\"status\":{\"code\":0}}", delivered.toString());
        JsonNode failed = ok(nexus.messages(EMAIL, EMAIL_SECRET, """
                {"messages":[{"channel":{"from":{"id":"no-reply@company.com"},"to":{"id":"recipient-1@mail.com"},
                  "messageId":"f7acbac6-68db-4031-aec2-4bbd02627c4b"},"type":"Receipt","status":"Failed",
                  "reasons":[{"code":350,"message":"Message not allowed. Your account has been suspended."}]}]}"""));
        assertFalse(failed.has("data"));
        ok(nexus.messages(SMS, SMS_SECRET, """
                {"messages":[{"channel":{"from":{"id":"0123456789"},"to":{"id":"16504661149"},
                  "messageId":"1613474523265-0"},"type":"Receipt","status":"Removed"}]}"""));

        List<Messaging.Receipt> receipts = messaging.receipts("1613474523265-0");
        assertEquals(List.of("Delivered", "Removed"), receipts.stream().map(Messaging.Receipt::status).toList());
        Messaging.Receipt email = messaging.receipts("f7acbac6-68db-4031-aec2-4bbd02627c4b").get(0);
        assertEquals(EMAIL, email.channelId());
        assertEquals(350, email.reasons().get(0).path("code").asInt());
        assertEquals(0, messaging.received().size());
    }

    @Test
    void everyDocumentedReasonCodeIsAccepted() throws Exception {
        for (int code : List.of(305, 310, 350, 510, 512, 520, 530, 500)) {
            ok(nexus.messages(SMS, SMS_SECRET, receipt("Failed", "[{\"code\":" + code + "}]")));
        }
        assertEquals(8, messaging.receipts("m-9").size());
    }

    @Test
    void badReceiptsAreRefusedNamingTheField() throws Exception {
        assertTrue(error(nexus.messages(SMS, SMS_SECRET, receipt("Read", null)), 400).contains("messages[0].status"));
        assertTrue(error(nexus.messages(SMS, SMS_SECRET, receipt("Delivered", "[{\"code\":350}]")), 400)
                .contains("only when status is Failed"));
        assertTrue(error(nexus.messages(SMS, SMS_SECRET, receipt("Failed", "[{\"code\":999}]")), 400)
                .contains("messages[0].reasons[0].code"));
        assertTrue(error(nexus.messages(SMS, SMS_SECRET, """
                {"messages":[{"channel":{"from":{"id":"a"},"to":{"id":"b"}},"type":"Receipt","status":"Delivered"}]}"""),
                400).contains("messageId is required"));
        assertEquals(0, messaging.receipts().size());
    }

    private static String receipt(String status, String reasons) {
        return "{\"messages\":[{\"channel\":{\"from\":{\"id\":\"0123456789\"},\"to\":{\"id\":\"16504661149\"},"
                + "\"messageId\":\"m-9\"},\"type\":\"Receipt\",\"status\":\"" + status + "\""
                + (reasons == null ? "" : ",\"reasons\":" + reasons) + "}]}";
    }

    @Test
    void badMessagesAreRefusedAndABadBatchRecordsNothing() throws Exception {
        assertEquals("messages is required", error(nexus.messages(SMS, SMS_SECRET, "{}"), 400));
        assertTrue(error(nexus.messages(SMS, SMS_SECRET, "{\"messages\":[]}"), 400).contains("non-empty"));
        assertTrue(error(nexus.messages(SMS, SMS_SECRET, "{\"messages\":[{\"type\":\"Text\",\"text\":\"x\"}]}"), 400)
                .contains("messages[0].channel"));
        assertTrue(error(nexus.messages(SMS, SMS_SECRET, """
                {"messages":[{"channel":{"from":{},"to":{"id":"b"}},"type":"Text","text":"x"}]}"""), 400)
                .contains("messages[0].channel.from.id"));
        assertTrue(error(nexus.messages(SMS, SMS_SECRET, """
                {"messages":[{"channel":{"from":{"id":"a"},"to":{"id":"b"}},"type":"Sticker"}]}"""), 400)
                .contains("messages[0].type must be one of"));
        assertTrue(error(nexus.messages(SMS, SMS_SECRET, """
                {"messages":[{"channel":{"from":{"id":"a"},"to":{"id":"b"}},"type":"Text","text":"ok"},
                             {"channel":{"from":{"id":"a"},"to":{"id":"b"}},"type":"Text"}]}"""), 400)
                .contains("messages[1].text is required"));
        assertTrue(error(nexus.messages(SMS, SMS_SECRET, "{\"messages\":"), 400).contains("not valid JSON"));
        assertEquals(0, messaging.received().size());
    }

    @Test
    void manyMessagesAtOnceAreEachStoredOnce() throws Exception {
        // more requests in flight than the simulator has threads; half of them are resends of a provided messageId
        sim.setRateLimit(1_000, java.time.Duration.ofMinutes(1));
        List<java.util.concurrent.CompletableFuture<ContentResponse>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String id = i % 2 == 0 ? "" : ",\"messageId\":\"m-" + (i % 20) + "\"";
            byte[] body = ("{\"messages\":[{\"channel\":{\"from\":{\"id\":\"c" + i + "\"},\"to\":{\"id\":\"" + SMS
                    + "\"}" + id + "},\"type\":\"Text\",\"text\":\"t" + i + "\"}]}").getBytes(StandardCharsets.UTF_8);
            answers.add(new org.eclipse.jetty.client.CompletableResponseListener(
                    nexus.signed("POST", "/channels/" + SMS + "/messages", SMS_SECRET, "application/json", body)).send());
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (java.util.concurrent.CompletableFuture<ContentResponse> answer : answers) {
            ids.add(ok(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).path("data").path("ids").get(0).asText());
        }
        assertEquals(200 + 10, ids.size());
        assertEquals(210, messaging.received().size());
        assertEquals(190, messaging.resentCount());
    }

    @Test
    void emailChannelIdIsADomain() throws Exception {
        JsonNode ids = ok(nexus.messages(EMAIL, EMAIL_SECRET, """
                {"messages":[{"channel":{"from":{"id":"customer@mail.com"},"to":{"id":"support@company.com"}},
                  "type":"Email","subject":"Order 42","content":[{"type":"text","text":"Where is it?"}]}]}""")).path("data").path("ids");
        assertEquals(EMAIL, messaging.received().get(0).channelId());
        assertEquals(ids.get(0).asText(), messaging.received().get(0).id());
    }

    @Test
    void faultsApplyBeforeTheChecks() throws Exception {
        sim.faults().on("POST", "/nexus/v3/channels/*/messages").status(500).times(1);
        error(nexus.messages(SMS, SMS_SECRET, SMS_TEXT), 500);
        ok(nexus.messages(SMS, SMS_SECRET, SMS_TEXT));
        assertEquals(1, messaging.received().size());
    }

    // ---- media ---------------------------------------------------------------------------------------------------

    static final String BOUNDARY = "----genesys-test-boundary";

    /** A multipart/form-data body built byte for byte, so that the signature covers exactly what is sent. */
    static byte[] multipart(String field, String filename, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private ContentResponse upload(String channel, String secret, byte[] body) throws Exception {
        return nexus.signed("POST", "/channels/" + channel + "/media", secret,
                "multipart/form-data; boundary=" + BOUNDARY, body).send();
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    @Test
    void uploadGetAndDeleteMedia() throws Exception {
        byte[] image = png(300_000);
        JsonNode data = ok(upload(SMS, SMS_SECRET, multipart("file", "MyImage", "image/png", image))).path("data");
        String mediaId = data.path("mediaId").asText();
        assertEquals("genesys://nexus/" + mediaId, data.path("url").asText());
        assertEquals("MyImage", data.path("filename").asText());
        assertEquals("image/png", data.path("mimetype").asText());
        assertEquals(image.length, data.path("length").asInt());

        ContentResponse got = nexus.signed("GET", "/channels/" + SMS + "/media/" + mediaId, SMS_SECRET, null, new byte[0]).send();
        assertEquals(200, got.getStatus());
        assertEquals("image/png", got.getMediaType());
        assertArrayEquals(image, got.getContent());

        // media belongs to its channel
        error(nexus.signed("GET", "/channels/" + EMAIL + "/media/" + mediaId, EMAIL_SECRET, null, new byte[0]).send(), 404);

        JsonNode deleted = ok(nexus.signed("DELETE", "/channels/" + SMS + "/media/" + mediaId, SMS_SECRET, null,
                new byte[0]).send()).path("data");
        assertEquals(mediaId, deleted.path("mediaId").asText());
        assertEquals(image.length, deleted.path("length").asInt());
        assertTrue(error(nexus.signed("GET", "/channels/" + SMS + "/media/" + mediaId, SMS_SECRET, null, new byte[0])
                .send(), 404).contains(mediaId));
        error(nexus.signed("DELETE", "/channels/" + SMS + "/media/" + mediaId, SMS_SECRET, null, new byte[0]).send(), 404);
    }

    @Test
    void mediaRequestsWithoutBodyAreSignedOverTheEmptyBody() throws Exception {
        String mediaId = ok(upload(SMS, SMS_SECRET, multipart("file", "a.txt", "text/plain", new byte[] {1})))
                .path("data").path("mediaId").asText();
        // signed over the path instead of the (empty) body
        ContentResponse wrong = http.multicloud("GET", Nexus.BASE + "/channels/" + SMS + "/media/" + mediaId, token)
                .headers(h -> {
                    h.put(MessagingApi.CCID_HEADER, CCID);
                    h.put(HubSignatures.HEADER, HubSignatures.sign(SMS_SECRET, mediaId.getBytes(StandardCharsets.UTF_8)));
                }).send();
        error(wrong, 403);
        assertEquals(200, nexus.signed("GET", "/channels/" + SMS + "/media/" + mediaId, SMS_SECRET, null, new byte[0])
                .send().getStatus());
    }

    @Test
    void uploadErrors() throws Exception {
        // not multipart
        byte[] json = "{\"file\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(error(nexus.signed("POST", "/channels/" + SMS + "/media", SMS_SECRET, "application/json", json).send(),
                415).contains("multipart/form-data"));
        // no 'file' field
        assertTrue(error(upload(SMS, SMS_SECRET, multipart("image", "a.png", "image/png", png(10))), 400)
                .contains("'file'"));
        // a media type the channel does not take, until it does
        byte[] exe = multipart("file", "setup.exe", "application/x-msdownload", png(10));
        assertTrue(error(upload(SMS, SMS_SECRET, exe), 415).contains("application/x-msdownload"));
        messaging.setAllowedMediaTypes(List.of("*/*"));
        ok(upload(SMS, SMS_SECRET, exe));
        // the signature covers the multipart bytes
        error(upload(SMS, EMAIL_SECRET, multipart("file", "a.png", "image/png", png(10))), 403);
        // unknown channel
        error(upload("nope", SMS_SECRET, multipart("file", "a.png", "image/png", png(10))), 404);
        assertEquals(1, messaging.media().size());
    }

    @Test
    void resetClearsMessagesAndMediaAndKeepsChannels() throws Exception {
        messaging.addChannel("15550100", "sms", "kept");
        ok(nexus.messages(SMS, SMS_SECRET, SMS_TEXT));
        ok(upload(SMS, SMS_SECRET, multipart("file", "a.png", "image/png", png(10))));
        messaging.setIdsShape(Messaging.IdsShape.OBJECTS);
        sim.reset();
        assertEquals(0, messaging.received().size());
        assertEquals(0, messaging.media().size());
        assertEquals(Messaging.IdsShape.STRINGS, messaging.idsShape());
        assertTrue(messaging.channel("15550100").isPresent());
        messaging.removeChannel("15550100");
    }
}
