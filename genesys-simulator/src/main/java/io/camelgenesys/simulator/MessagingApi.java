package io.camelgenesys.simulator;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

/**
 * The HTTP face of {@link Messaging}: the Third-Party Messaging API of seed 002 ({@code /nexus/v3/channels/...},
 * L7560-8555), which integrators call to hand consumer messages and delivery receipts to Digital Channels.
 * <ul>
 * <li>{@code POST /channels/{channelId}/messages} with {@code {"messages":[…]}}: {@code Text} (and {@code Email},
 * {@code RichMedia}) messages answer {@code {"status":{"code":0},"data":{"ids":[…]}}}; a batch of receipts only
 * ({@code type:"Receipt"}, {@code status} {@code Delivered}/{@code Removed}/{@code Failed}, {@code reasons} with the
 * documented codes when {@code Failed}) answers {@code {"status":{"code":0}}};</li>
 * <li>{@code POST /channels/{channelId}/media} (multipart, field {@code file}) → {@code UploadResponse};</li>
 * <li>{@code GET /channels/{channelId}/media/{mediaId}} → the bytes, with the uploaded media type;</li>
 * <li>{@code DELETE /channels/{channelId}/media/{mediaId}} → the deleted resource's {@code UploadResponse}.</li>
 * </ul>
 * After the Multicloud {@code x-api-key} and bearer checks of the pipeline, every request is checked as Digital
 * Channels checks its integrators: {@code x-ccid} present (else 400), the channel registered in that contact center
 * (else 404 "Channel … not found"), then {@code X-Hub-Signature} the HMAC-SHA1 of the exact bytes received, keyed with
 * the channel secret (else 403), all before the body is parsed. Media requests without a body are signed over the
 * empty body, an upload over its whole multipart body.
 */
final class MessagingApi {

    static final String CCID_HEADER = "x-ccid";
    static final Set<String> RECEIPT_STATUSES = Set.of("Delivered", "Removed", "Failed");
    /** The failure reason codes of seed 002 L7551-7559. */
    static final Set<Integer> REASON_CODES = Set.of(305, 310, 350, 510, 512, 520, 530, 500);
    static final List<String> MESSAGE_TYPES = List.of("Text", "Email", "RichMedia", "Receipt");

    private final Messaging messaging;
    private final Consumer<Messaging.InboundMessage> onMessage;

    private MessagingApi(Messaging messaging, Consumer<Messaging.InboundMessage> onMessage) {
        this.messaging = messaging;
        this.onMessage = onMessage;
    }

    /**
     * @param onMessage told of every newly received message (not resent ones, not receipts), on the request thread
     */
    static void register(Routes routes, Messaging messaging, Consumer<Messaging.InboundMessage> onMessage) {
        MessagingApi api = new MessagingApi(messaging, onMessage);
        String channels = DigitalChannels.BASE_PATH + "/channels/{channelId}";
        routes.add("POST", channels + "/messages", Auth.MULTICLOUD, api::sendMessages);
        routes.add("POST", channels + "/media", Auth.MULTICLOUD, api::uploadMedia);
        routes.add("GET", channels + "/media/{mediaId}", Auth.MULTICLOUD, api::getMedia);
        routes.add("DELETE", channels + "/media/{mediaId}", Auth.MULTICLOUD, api::deleteMedia);
    }

    // ---- the checks Digital Channels makes on every request ------------------------------------------------------

    private Messaging.Channel verified(ApiRequest request) {
        String contactCenterId = request.header(CCID_HEADER);
        if (contactCenterId == null || contactCenterId.isBlank()) {
            throw ApiException.badRequest("The " + CCID_HEADER + " header (the ID of the contact center) is required");
        }
        String channelId = DigitalChannels.pathSegment(request, "channelId");
        Messaging.Channel channel = messaging.channel(channelId).orElse(null);
        // A channel of another contact center is not found in this one.
        if (channel == null || !channel.contactCenterId().equals(contactCenterId.strip())) {
            throw ApiException.notFound("Channel " + channelId + " not found");
        }
        String signature = request.header(HubSignatures.HEADER);
        if (signature == null || signature.isBlank()) {
            throw new ApiException(403, "forbidden", "The " + HubSignatures.HEADER
                    + " header is required: sha1=<hex HMAC-SHA1 of the request body keyed with the channel secret>");
        }
        if (!HubSignatures.verify(channel.secret(), request.body(), signature)) {
            throw new ApiException(403, "forbidden", "The " + HubSignatures.HEADER + " header does not match the "
                    + request.body().length + "-byte body: sign the exact bytes sent with the secret of channel "
                    + channelId);
        }
        return channel;
    }

    // ---- messages and receipts -----------------------------------------------------------------------------------

    /** A validated message, recorded only once the whole batch is valid (a bad batch records nothing). */
    private record Parsed(JsonNode message, String type, String messageId, String status, JsonNode reasons) {
    }

    private ApiResponse sendMessages(ApiRequest request) {
        Messaging.Channel channel = verified(request);
        ObjectNode body = request.jsonObject();
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw ApiException.badRequest("messages is required");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw ApiException.badRequest("messages must be a non-empty array");
        }
        List<Parsed> batch = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            batch.add(parse(messages.get(i), "messages[" + i + "]"));
        }
        ArrayNode ids = Json.array();
        for (Parsed parsed : batch) {
            if (parsed.type().equals("Receipt")) {
                messaging.receipt(channel.id(), parsed.messageId(), parsed.status(), parsed.reasons(), parsed.message());
                continue;
            }
            Messaging.Accepted accepted = messaging.receive(channel.id(), parsed.messageId(), parsed.type(),
                    parsed.message());
            Messaging.InboundMessage inbound = accepted.message();
            if (accepted.isNew()) {
                onMessage.accept(inbound);
            }
            if (messaging.idsShape() == Messaging.IdsShape.OBJECTS) {
                ids.addObject().put("id", inbound.id());
            } else {
                ids.add(inbound.id());
            }
        }
        ObjectNode answer = DigitalChannels.statusOk();
        // Receipts alone answer {"status":{"code":0}} (L7410-7417, L7525-7531).
        if (!ids.isEmpty()) {
            answer.putObject("data").set("ids", ids);
        }
        return ApiResponse.ok(answer);
    }

    private static Parsed parse(JsonNode message, String at) {
        if (message == null || !message.isObject()) {
            throw ApiException.badRequest(at + " must be an object");
        }
        JsonNode channel = message.get("channel");
        if (channel == null || !channel.isObject()) {
            throw ApiException.badRequest(at + ".channel is required and must be an object");
        }
        requiredId(channel, "from", at + ".channel");
        requiredId(channel, "to", at + ".channel");
        String messageId = optionalText(channel, "messageId", at + ".channel");
        String type = optionalText(message, "type", at);
        if (type == null || !MESSAGE_TYPES.contains(type)) {
            throw ApiException.badRequest(at + ".type must be one of " + MESSAGE_TYPES + ", got "
                    + (type == null ? "none" : "'" + type + "'"));
        }
        switch (type) {
            case "Text" -> {
                if (optionalText(message, "text", at) == null) {
                    throw ApiException.badRequest(at + ".text is required for a Text message");
                }
            }
            case "Email" -> email(message, at);
            case "Receipt" -> {
                return receipt(message, messageId, at);
            }
            default -> {
                // RichMedia: named by the seed (L7570) but never shown; accepted as sent.
            }
        }
        return new Parsed(message, type, messageId, null, null);
    }

    private static Parsed receipt(JsonNode message, String messageId, String at) {
        if (messageId == null) {
            throw ApiException.badRequest(at + ".channel.messageId is required for a Receipt: the messageId of the"
                    + " webhook message it reports on");
        }
        String status = optionalText(message, "status", at);
        if (status == null || !RECEIPT_STATUSES.contains(status)) {
            throw ApiException.badRequest(at + ".status must be one of Delivered, Removed, Failed, got "
                    + (status == null ? "none" : "'" + status + "'"));
        }
        JsonNode reasons = message.get("reasons");
        if (reasons != null && !reasons.isNull()) {
            if (!status.equals("Failed")) {
                throw ApiException.badRequest(at + ".reasons applies only when status is Failed, got status "
                        + status);
            }
            if (!reasons.isArray()) {
                throw ApiException.badRequest(at + ".reasons must be an array");
            }
            for (int i = 0; i < reasons.size(); i++) {
                JsonNode reason = reasons.get(i);
                String where = at + ".reasons[" + i + "]";
                JsonNode code = reason.get("code");
                if (code == null || !code.isIntegralNumber() || !REASON_CODES.contains(code.asInt())) {
                    throw ApiException.badRequest(where + ".code must be one of 305, 310, 350, 500, 510, 512, 520,"
                            + " 530, got " + (code == null ? "none" : code.toString()));
                }
                optionalText(reason, "message", where);
            }
        }
        return new Parsed(message, "Receipt", messageId, status, reasons);
    }

    /** The shape of the seed's email webhook message, read in the other direction: a subject and/or content parts. */
    private static void email(JsonNode message, String at) {
        String subject = optionalText(message, "subject", at);
        JsonNode content = message.get("content");
        if (content != null && !content.isNull()) {
            if (!content.isArray()) {
                throw ApiException.badRequest(at + ".content must be an array");
            }
            for (int i = 0; i < content.size(); i++) {
                String where = at + ".content[" + i + "]";
                String type = optionalText(content.get(i), "type", where);
                if (!"text".equals(type) && !"html".equals(type)) {
                    throw ApiException.badRequest(where + ".type must be text or html");
                }
                optionalText(content.get(i), "text", where);
            }
        } else if (subject == null) {
            throw ApiException.badRequest(at + " needs a subject or content for an Email message");
        }
    }

    private static void requiredId(JsonNode channel, String field, String at) {
        JsonNode party = channel.get(field);
        if (party == null || !party.isObject()) {
            throw ApiException.badRequest(at + "." + field + " is required and must be an object with an id");
        }
        if (optionalText(party, "id", at + "." + field) == null) {
            throw ApiException.badRequest(at + "." + field + ".id is required");
        }
    }

    /** @return the string field, {@code null} when absent or blank */
    private static String optionalText(JsonNode node, String field, String at) {
        String value = DigitalChannels.string(node, field, at);
        return value == null || value.isBlank() ? null : value;
    }

    // ---- media ---------------------------------------------------------------------------------------------------

    private ApiResponse uploadMedia(ApiRequest request) throws InterruptedException {
        Messaging.Channel channel = verified(request);
        String contentType = request.header(HttpHeader.CONTENT_TYPE.asString());
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(415, "unsupported.media.type", "Upload the media as multipart/form-data with the"
                    + " file in the 'file' field; got Content-Type " + contentType);
        }
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw ApiException.badRequest("The multipart/form-data Content-Type has no boundary");
        }
        MultiPartFormData.Parts parts;
        try {
            // The whole body is in memory (at most the pipeline's limit), so parts stay there and the parse completes
            // at once.
            MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
            parser.setMaxMemoryFileSize(SimulatorHandler.MAX_BODY_BYTES);
            parts = parser.parse(Content.Source.from(ByteBuffer.wrap(request.body()))).get();
        } catch (ExecutionException e) {
            throw ApiException.badRequest("The multipart body cannot be parsed: " + e.getCause().getMessage());
        }
        try (parts) {
            MultiPart.Part file = parts.getFirst("file");
            if (file == null) {
                throw ApiException.badRequest("The multipart body has no 'file' field");
            }
            String mimetype = file.getHeaders().get(HttpHeader.CONTENT_TYPE);
            mimetype = mimetype == null || mimetype.isBlank() ? "application/octet-stream"
                    : mimetype.split(";", 2)[0].strip();
            if (!messaging.isAllowedMediaType(mimetype)) {
                throw new ApiException(415, "unsupported.media.type", "Media type " + mimetype
                        + " is not supported; supported: " + String.join(", ", messaging.allowedMediaTypes()));
            }
            byte[] content = bytes(file);
            return ApiResponse.ok(uploadResponse(messaging.storeMedia(channel.id(), file.getFileName(), mimetype,
                    content)));
        }
    }

    private static byte[] bytes(MultiPart.Part part) {
        try {
            ByteBuffer buffer = Content.Source.asByteBuffer(part.getContentSource());
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("The 'file' field cannot be read: " + e.getMessage());
        }
    }

    private ApiResponse getMedia(ApiRequest request) {
        Messaging.Channel channel = verified(request);
        Messaging.Media media = requireMedia(channel, request);
        return ApiResponse.raw(200, media.mimetype(), media.content())
                .header("Content-Disposition", "attachment; filename=\"" + media.filename().replace("\"", "") + "\"");
    }

    private ApiResponse deleteMedia(ApiRequest request) {
        Messaging.Channel channel = verified(request);
        Messaging.Media media = requireMedia(channel, request);
        messaging.removeMedia(channel.id(), media.mediaId());
        return ApiResponse.ok(uploadResponse(media));
    }

    private Messaging.Media requireMedia(Messaging.Channel channel, ApiRequest request) {
        String mediaId = DigitalChannels.pathSegment(request, "mediaId");
        Messaging.Media media = messaging.media(channel.id(), mediaId);
        if (media == null) {
            throw ApiException.notFound("Media " + mediaId + " not found in channel " + channel.id());
        }
        return media;
    }

    /** {@code UploadResponse}: {@code {"status":{"code":0},"data":{mediaId,url,filename,mimetype,length}}}. */
    private static ObjectNode uploadResponse(Messaging.Media media) {
        ObjectNode body = DigitalChannels.statusOk();
        ObjectNode data = body.putObject("data");
        data.put("mediaId", media.mediaId());
        data.put("url", media.url());
        data.put("filename", media.filename());
        data.put("mimetype", media.mimetype());
        data.put("length", media.content().length);
        return body;
    }
}
