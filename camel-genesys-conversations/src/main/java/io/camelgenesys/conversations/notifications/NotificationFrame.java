package io.camelgenesys.conversations.notifications;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.json.GenesysJson;

/**
 * One WebSocket text frame of a Genesys Cloud notification channel, as the SDK's notification envelope has it:
 * {@code {topicName, version, eventBody, metadata}}. Heartbeats ({@value #HEARTBEAT_TOPIC}, also the answer to a
 * ping) and the server's notice {@value #SOCKET_CLOSING_TOPIC} are frames too.
 *
 * @param topicName     the topic the event was published on, e.g. {@code v2.users.<id>.presence}
 * @param version       the envelope's version, {@code null} when absent
 * @param eventBody     the event (a JSON object), never {@code null} (an empty object when absent)
 * @param correlationId {@code metadata.CorrelationId}, {@code null} when absent
 */
public record NotificationFrame(String topicName, String version, JsonNode eventBody, String correlationId) {

    /** Heartbeats ("WebSocket Heartbeat") and pongs come on this topic. */
    public static final String HEARTBEAT_TOPIC = "channel.metadata";
    /** Genesys sends this before it closes a socket (e.g. a service restart): the client should reconnect now. */
    public static final String SOCKET_CLOSING_TOPIC = "v2.system.socket_closing";
    /** The text a client sends to ask for a pong (Genesys answers on {@value #HEARTBEAT_TOPIC}). */
    public static final String PING = "{\"message\":\"ping\"}";

    /**
     * Reads a frame.
     *
     * @throws IllegalArgumentException naming what is wrong (not JSON, not an object, no topicName); the message
     *                                  quotes no more than the start of the frame
     */
    public static NotificationFrame parse(String text) {
        JsonNode node;
        try {
            node = GenesysJson.MAPPER.readTree(text == null ? "" : text);
        } catch (IOException e) {
            throw new IllegalArgumentException("A notification frame is not JSON (" + firstLine(e.getMessage())
                                               + "): " + excerpt(text));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A notification frame is not a JSON object: " + excerpt(text));
        }
        JsonNode topic = node.get("topicName");
        if (topic == null || !topic.isTextual() || topic.asText().isBlank()) {
            throw new IllegalArgumentException("A notification frame has no topicName: " + excerpt(text));
        }
        JsonNode body = node.get("eventBody");
        if (body == null || body.isNull()) {
            body = GenesysJson.MAPPER.createObjectNode();
        }
        JsonNode version = node.get("version");
        JsonNode metadata = node.get("metadata");
        JsonNode correlation = metadata != null && metadata.isObject() ? metadata.get("CorrelationId") : null;
        return new NotificationFrame(topic.asText(), version == null || version.isNull() ? null : version.asText(), body,
                correlation == null || correlation.isNull() ? null : correlation.asText());
    }

    public boolean isHeartbeat() {
        return HEARTBEAT_TOPIC.equals(topicName);
    }

    public boolean isSocketClosing() {
        return SOCKET_CLOSING_TOPIC.equals(topicName);
    }

    /** What identifies this event for de-duplication across two sockets: the correlation id, else topic and body. */
    public String key() {
        return correlationId != null ? topicName + "#" + correlationId : topicName + "|" + eventBody;
    }

    /** The start of a frame for a log line or an error: never a whole large frame. */
    static String excerpt(String text) {
        if (text == null) {
            return "(nothing)";
        }
        String t = text.replaceAll("\\s+", " ");
        return t.length() <= 200 ? "'" + t + "'" : "'" + t.substring(0, 200) + "...' (" + text.length() + " characters)";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
