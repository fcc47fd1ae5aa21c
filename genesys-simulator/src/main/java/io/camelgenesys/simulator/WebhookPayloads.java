package io.camelgenesys.simulator;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bodies Digital Channels POSTs to integrators, in the shapes of seed 002: the Third-Party Messaging webhook's
 * SMS/text message (L7354-7373, {@code to} an object) and email message (L7426-7479, {@code to} an array), and the
 * Interactions webhook's {@code EventsPayload} (L3180-3261).
 */
public final class WebhookPayloads {

    /** Interaction events (L3245-3246). */
    public static final String STARTED = "STARTED";
    public static final String FINISHED = "FINISHED";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private WebhookPayloads() {
    }

    /** A party of an email message: an address and an optional display name. */
    public record Party(String id, String name) {

        public Party {
            Objects.requireNonNull(id, "id");
        }

        public static Party of(String id) {
            return new Party(id, null);
        }

        ObjectNode toJson() {
            ObjectNode node = Json.object().put("id", id);
            if (name != null) {
                node.put("name", name);
            }
            return node;
        }
    }

    /**
     * One event of an {@code EventsPayload}; every field is optional in the seed.
     *
     * @param event              {@value #STARTED} or {@value #FINISHED}
     * @param id                 the interaction id
     * @param mediaType          {@code chat} or {@code email}
     * @param interactionSubtype {@code InboundNew}, {@code Outbound}, {@code SMS}, {@code WhatsApp},
     *                           {@code FacebookPublic}, {@code FacebookPrivate}, {@code TwitterPublic},
     *                           {@code TwitterPrivate}
     * @param selfUri            where the interaction is read, e.g.
     *                           {@code <nexus>/nexus/v3/chat/sessions/<sessionId>/<interactionId>}
     */
    public record InteractionEvent(String event, String id, String mediaType, String interactionSubtype,
            String selfUri) {
    }

    /** @return a new message id in the seed's format ({@code <epoch millis>-<n>}, e.g. {@code 1613474523265-0}) */
    public static String newMessageId() {
        return System.currentTimeMillis() + "-" + SEQUENCE.getAndIncrement();
    }

    /**
     * The SMS/text webhook message: {@code {"channel":{"id","type","from":{"id"},"to":{"id"},"messageId"},
     * "type":"Text","text"}}.
     *
     * @param channelId   the channel
     * @param channelType its type, e.g. {@code sms}
     * @param from        the sender (for SMS the channel's number)
     * @param to          the consumer
     * @param text        the agent's text
     * @param messageId   the message id, or {@code null} for a new one
     */
    public static ObjectNode textMessage(String channelId, String channelType, String from, String to, String text,
            String messageId) {
        ObjectNode message = Json.object();
        ObjectNode channel = message.putObject("channel");
        channel.put("id", channelId);
        channel.put("type", channelType);
        channel.putObject("from").put("id", from);
        channel.putObject("to").put("id", to);
        channel.put("messageId", messageId == null ? newMessageId() : messageId);
        message.put("type", "Text");
        message.put("text", text);
        return message;
    }

    /**
     * The email webhook message: {@code {"channel":{"id","type":"email","from":{"id","name"},"to":[{"id","name"}…],
     * "messageId","context":{"replyTo":{"id","name"}}},"type":"Email","subject","content":[{"type":"text","text"},
     * {"type":"html","text"}]}}.
     *
     * @param replyTo   {@code null} for no {@code context}
     * @param text      the plain-text part, or {@code null}
     * @param html      the HTML part, or {@code null}
     * @param messageId the message id, or {@code null} for a new one (the seed's email example uses a UUID)
     */
    public static ObjectNode emailMessage(String channelId, Party from, List<Party> to, Party replyTo, String subject,
            String text, String html, String messageId) {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("An email message needs at least one recipient");
        }
        ObjectNode message = Json.object();
        ObjectNode channel = message.putObject("channel");
        channel.put("id", channelId);
        channel.put("type", "email");
        channel.set("from", from.toJson());
        ArrayNode recipients = channel.putArray("to");
        to.forEach(party -> recipients.add(party.toJson()));
        channel.put("messageId", messageId == null ? UUID.randomUUID().toString() : messageId);
        if (replyTo != null) {
            channel.putObject("context").set("replyTo", replyTo.toJson());
        }
        message.put("type", "Email");
        message.put("subject", subject);
        ArrayNode content = message.putArray("content");
        if (text != null) {
            content.addObject().put("type", "text").put("text", text);
        }
        if (html != null) {
            content.addObject().put("type", "html").put("text", html);
        }
        return message;
    }

    /**
     * The Interactions webhook body: {@code {"operationId","data":{"entities":[{"event","entity":{"id","mediaType",
     * "interactionSubtype","selfUri"}}…]}}}.
     *
     * @param operationId the operation id, or {@code null} for a new UUID
     */
    public static ObjectNode interactionEvents(String operationId, List<InteractionEvent> events) {
        ObjectNode payload = Json.object();
        payload.put("operationId", operationId == null ? UUID.randomUUID().toString() : operationId);
        ArrayNode entities = payload.putObject("data").putArray("entities");
        for (InteractionEvent event : events) {
            ObjectNode item = entities.addObject();
            putIfPresent(item, "event", event.event());
            ObjectNode entity = item.putObject("entity");
            putIfPresent(entity, "id", event.id());
            putIfPresent(entity, "mediaType", event.mediaType());
            putIfPresent(entity, "interactionSubtype", event.interactionSubtype());
            putIfPresent(entity, "selfUri", event.selfUri());
        }
        return payload;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
