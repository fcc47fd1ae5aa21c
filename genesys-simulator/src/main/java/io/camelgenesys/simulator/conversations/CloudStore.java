package io.camelgenesys.simulator.conversations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.Json;

/**
 * The Genesys Cloud data behind conversations, recordings, users and queues, in the shapes of the official SDK's
 * models (purecloud-platform-client-v2 262.0.0: Conversation, Recording, User, RoutingStatus, UserPresence,
 * QueueMember). One lock (this object) for everything: these stores are small and every request is short.
 */
public final class CloudStore {

    /** The system presences of Genesys Cloud, by the id the simulator gives their definitions. */
    public static final Map<String, String> PRESENCE_DEFINITIONS = Map.of(
            "presence-available", "Available", "presence-away", "Away", "presence-busy", "Busy",
            "presence-offline", "Offline", "presence-on-queue", "On Queue", "presence-break", "Break",
            "presence-meal", "Meal", "presence-meeting", "Meeting", "presence-training", "Training",
            "presence-idle", "Idle");

    /** RoutingStatus.status as the SDK enumerates it. */
    public static final List<String> ROUTING_STATUSES = List.of("OFF_QUEUE", "IDLE", "INTERACTING", "NOT_RESPONDING",
            "COMMUNICATING");

    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, ObjectNode> conversations = new LinkedHashMap<>();
    private final Map<String, List<String>> queues = new LinkedHashMap<>();
    /** recording id -> size of its media, in bytes */
    private final Map<String, Long> mediaSizes = new LinkedHashMap<>();
    private int seededUsers;
    private volatile ChangeListener listener;

    /**
     * Told of every change of a user's presence or routing status and of every conversation added, under this store's
     * lock (so in the order of the changes). It must only queue work: it runs inside a request.
     */
    public interface ChangeListener {
        void presenceChanged(String userId, ObjectNode presence);

        void routingStatusChanged(String userId, ObjectNode routingStatus);

        void conversationAdded(ObjectNode conversation);
    }

    /** The notifications side listens here (one listener; {@code null} for none). */
    public void setChangeListener(ChangeListener listener) {
        this.listener = listener;
    }

    static String now() {
        return Instant.now().toString();
    }

    /** Adds {@code n} users named {@code Agent <i>} with email {@code agent<i>@example.com}, OFF_QUEUE and Offline. */
    public synchronized List<String> seedUsers(int n) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = ++seededUsers;
            String id = UUID.randomUUID().toString();
            ObjectNode user = Json.object();
            user.put("id", id);
            user.put("name", String.format("Agent %04d", i));
            user.put("email", String.format("agent%04d@example.com", i));
            user.put("state", "active");
            user.put("username", String.format("agent%04d@example.com", i));
            user.put("version", 1);
            user.put("selfUri", "/api/v2/users/" + id);
            ObjectNode status = user.putObject("routingStatus");
            status.put("userId", id);
            status.put("status", "OFF_QUEUE");
            status.put("startTime", now());
            user.set("presence", presence(id, "presence-offline", null));
            users.put(id, user);
            ids.add(id);
        }
        return ids;
    }

    static ObjectNode presence(String userId, String definitionId, String message) {
        ObjectNode p = Json.object();
        p.put("source", "PURECLOUD");
        p.put("sourceId", "purecloud");
        p.put("primary", true);
        ObjectNode d = p.putObject("presenceDefinition");
        d.put("id", definitionId);
        d.put("systemPresence", PRESENCE_DEFINITIONS.get(definitionId));
        d.put("selfUri", "/api/v2/presencedefinitions/" + definitionId);
        if (message != null) {
            p.put("message", message);
        }
        p.put("modifiedDate", now());
        p.put("selfUri", "/api/v2/users/" + userId + "/presences/purecloud");
        return p;
    }

    /** Adds a queue whose members are {@code userIds}. */
    public synchronized String addQueue(List<String> userIds) {
        String id = UUID.randomUUID().toString();
        queues.put(id, new ArrayList<>(userIds));
        return id;
    }

    /** Adds a finished five-minute call between an agent and a customer that ended now, one recording per size. */
    public synchronized String addConversation(String agentUserId, long... recordingSizes) {
        return addConversation(agentUserId, null, Instant.now().minusSeconds(300), recordingSizes);
    }

    /**
     * Adds a finished five-minute call that started at {@code start}, routed through {@code queueId} (or none), one
     * recording per size given (bytes of media).
     */
    public synchronized String addConversation(String agentUserId, String queueId, Instant start,
                                               long... recordingSizes) {
        String id = UUID.randomUUID().toString();
        Instant end = start.plusSeconds(300);
        ObjectNode c = Json.object();
        c.put("id", id);
        c.put("startTime", start.toString());
        c.put("endTime", end.toString());
        ArrayNode participants = c.putArray("participants");
        ObjectNode customer = participants.addObject();
        customer.put("id", UUID.randomUUID().toString());
        customer.put("name", "Customer");
        customer.put("purpose", "customer");
        ObjectNode agent = participants.addObject();
        agent.put("id", UUID.randomUUID().toString());
        agent.put("name", agentUserId == null ? "Agent" : users.get(agentUserId).path("name").asText());
        agent.put("purpose", "agent");
        if (agentUserId != null) {
            agent.put("userId", agentUserId);
        }
        if (queueId != null) {
            agent.put("queueId", queueId);
        }
        c.put("recordingState", recordingSizes.length > 0 ? "ACTIVE" : "NONE");
        c.put("selfUri", "/api/v2/conversations/" + id);
        ArrayNode recordings = Json.array();
        for (long size : recordingSizes) {
            String rid = UUID.randomUUID().toString();
            ObjectNode r = recordings.addObject();
            r.put("id", rid);
            r.put("conversationId", id);
            r.put("startTime", c.get("startTime").asText());
            r.put("endTime", c.get("endTime").asText());
            r.put("media", "audio");
            r.put("fileState", "AVAILABLE");
            r.put("outputSizeInBytes", size);
            r.put("outputDurationMs", 300_000);
            r.put("selfUri", "/api/v2/conversations/" + id + "/recordings/" + rid);
            mediaSizes.put(rid, size);
        }
        c.set("_recordings", recordings);
        conversations.put(id, c);
        ChangeListener l = listener;
        if (l != null) {
            l.conversationAdded(conversation(id));
        }
        return id;
    }

    /** @return the ids of a conversation's recordings, in order */
    public synchronized List<String> recordingIds(String conversationId) {
        List<String> ids = new ArrayList<>();
        ObjectNode c = conversations.get(conversationId);
        if (c != null) {
            c.get("_recordings").forEach(r -> ids.add(r.get("id").asText()));
        }
        return ids;
    }

    /** @return the size of a recording's media, if the recording exists */
    public synchronized Optional<Long> mediaSize(String recordingId) {
        return Optional.ofNullable(mediaSizes.get(recordingId));
    }

    synchronized ObjectNode user(String id) {
        ObjectNode u = users.get(id);
        return u == null ? null : u.deepCopy();
    }

    synchronized List<ObjectNode> users() {
        List<ObjectNode> all = new ArrayList<>();
        users.values().forEach(u -> all.add(u.deepCopy()));
        return all;
    }

    synchronized void setRoutingStatus(String userId, String status) {
        ObjectNode rs = (ObjectNode) users.get(userId).get("routingStatus");
        rs.put("status", status);
        rs.put("startTime", now());
        ChangeListener l = listener;
        if (l != null) {
            l.routingStatusChanged(userId, rs.deepCopy());
        }
    }

    synchronized void setPresence(String userId, String definitionId, String message) {
        ObjectNode presence = presence(userId, definitionId, message);
        users.get(userId).set("presence", presence);
        ChangeListener l = listener;
        if (l != null) {
            l.presenceChanged(userId, presence.deepCopy());
        }
    }

    /** @return the conversation without the simulator's own fields, or {@code null} */
    synchronized ObjectNode conversation(String id) {
        ObjectNode c = conversations.get(id);
        if (c == null) {
            return null;
        }
        ObjectNode copy = c.deepCopy();
        copy.remove("_recordings");
        return copy;
    }

    synchronized List<ObjectNode> conversations() {
        List<ObjectNode> all = new ArrayList<>();
        conversations.keySet().forEach(id -> all.add(conversation(id)));
        return all;
    }

    synchronized ArrayNode recordings(String conversationId) {
        ObjectNode c = conversations.get(conversationId);
        return c == null ? null : c.get("_recordings").deepCopy();
    }

    synchronized List<String> queueMembers(String queueId) {
        List<String> members = queues.get(queueId);
        return members == null ? null : new ArrayList<>(members);
    }

    /** @return the user's presence as Genesys Cloud's own source reports it */
    public synchronized Optional<String> presenceOf(String userId) {
        ObjectNode u = users.get(userId);
        return u == null ? Optional.empty() : Optional.of(u.path("presence").path("presenceDefinition").path("id").asText());
    }

    /** @return the user's routing status */
    public synchronized Optional<String> routingStatusOf(String userId) {
        ObjectNode u = users.get(userId);
        return u == null ? Optional.empty() : Optional.of(u.path("routingStatus").path("status").asText());
    }

    public synchronized void clear() {
        users.clear();
        conversations.clear();
        queues.clear();
        mediaSizes.clear();
        seededUsers = 0;
    }
}
