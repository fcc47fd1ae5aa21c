package io.camelgenesys.simulator.notifications;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.conversations.CloudStore;

/**
 * Turns changes of the simulator's Genesys Cloud users and conversations into notification events, each body in the
 * SDK model of its topic (purecloud-platform-client-v2 262.0.0, {@code contract/notifications.json}):
 * {@code PresenceEventUserPresence}, {@code UserRoutingStatusUserRoutingStatus},
 * {@code ConversationEventTopicConversation} and {@code QueueConversationEventTopicConversation}. Called under the
 * store's lock, so events follow the order of the changes; publishing only queues them.
 */
final class CloudEvents implements CloudStore.ChangeListener {

    private final Notifications notifications;

    CloudEvents(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void presenceChanged(String userId, ObjectNode presence) {
        ObjectNode body = Json.object();
        body.put("source", presence.path("source").asText("PURECLOUD"));
        ObjectNode definition = body.putObject("presenceDefinition");
        definition.put("id", presence.path("presenceDefinition").path("id").asText());
        // The event spells the system presence in capitals (AVAILABLE, ON_QUEUE) where the REST PresenceDefinition
        // says "Available", "On Queue", and carries an empty message when there is none: the event Genesys shows in
        // its User Presence with Notifications guide (developer.genesys.cloud/useragentman/presence/user-presence-guide).
        definition.put("systemPresence", presence.path("presenceDefinition").path("systemPresence").asText()
                .toUpperCase(Locale.ROOT).replace(' ', '_'));
        body.put("primary", presence.path("primary").asBoolean(true));
        body.put("message", presence.path("message").asText(""));
        body.put("modifiedDate", presence.path("modifiedDate").asText());
        notifications.publish(topic(Topics.USER_PRESENCE, userId), body);
    }

    @Override
    public void routingStatusChanged(String userId, ObjectNode routingStatus) {
        ObjectNode body = Json.object();
        body.put("id", userId);
        ObjectNode status = body.putObject("routingStatus");
        status.put("status", routingStatus.path("status").asText());
        status.put("startTime", routingStatus.path("startTime").asText());
        notifications.publish(topic(Topics.USER_ROUTING_STATUS, userId), body);
    }

    @Override
    public void conversationAdded(ObjectNode conversation) {
        ObjectNode body = event(conversation);
        Set<String> users = new LinkedHashSet<>();
        Set<String> queues = new LinkedHashSet<>();
        for (JsonNode p : conversation.path("participants")) {
            if (p.hasNonNull("userId")) {
                users.add(p.get("userId").asText());
            }
            if (p.hasNonNull("queueId")) {
                queues.add(p.get("queueId").asText());
            }
        }
        users.forEach(u -> notifications.publish(topic(Topics.USER_CONVERSATIONS, u), body));
        queues.forEach(q -> notifications.publish(topic(Topics.QUEUE_CONVERSATIONS, q), body));
    }

    /** The conversation as its event topics carry it (the fields both conversation event models share). */
    private static ObjectNode event(ObjectNode conversation) {
        ObjectNode body = Json.object();
        body.put("id", conversation.path("id").asText());
        ArrayNode participants = body.putArray("participants");
        String start = conversation.path("startTime").asText();
        String end = conversation.path("endTime").asText(null);
        for (JsonNode p : conversation.path("participants")) {
            ObjectNode e = participants.addObject();
            e.put("id", p.path("id").asText());
            e.put("name", p.path("name").asText());
            e.put("purpose", p.path("purpose").asText());
            if (p.hasNonNull("userId")) {
                e.put("userId", p.get("userId").asText());
            }
            if (p.hasNonNull("queueId")) {
                e.put("queueId", p.get("queueId").asText());
            }
            e.put("connectedTime", start);
            if (end != null) {
                e.put("endTime", end);
            }
            ObjectNode call = e.putArray("calls").addObject();
            call.put("id", p.path("id").asText() + "-call");
            call.put("state", end == null ? "connected" : "disconnected");
            call.put("recording", !"NONE".equals(conversation.path("recordingState").asText("NONE")));
            call.put("direction", "inbound");
            call.put("connectedTime", start);
            if (end != null) {
                call.put("disconnectedTime", end);
                call.put("disconnectType", "endpoint");
            }
        }
        body.put("recordingState", conversation.path("recordingState").asText("NONE").toLowerCase(Locale.ROOT));
        return body;
    }

    static String topic(String template, String id) {
        return template.replace("{id}", id);
    }
}
