package io.camelgenesys.simulator.notifications;

import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.ErrorBodies;
import io.camelgenesys.simulator.Json;

/**
 * The notification controls of the admin surface ({@code /simulator/notifications/**}), for standalone users: the
 * same switches as {@link Notifications}' Java API.
 */
public final class NotificationsAdmin {

    static final String PREFIX = "/simulator/notifications";

    private NotificationsAdmin() {
    }

    public static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    public static ApiResponse handle(Notifications n, String method, String path, byte[] body) {
        String sub = path.substring(PREFIX.length());
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        return switch (sub) {
            case "", "/" -> get ? ApiResponse.ok(n.describe()) : notAllowed("GET");
            case "/counters" -> get ? ApiResponse.ok(n.describeCounters()) : notAllowed("GET");
            case "/publish" -> {
                if (!post) {
                    yield notAllowed("POST");
                }
                ObjectNode json = object(body);
                String topic = json.path("topicName").asText("");
                if (topic.isBlank() || !json.has("eventBody")) {
                    throw ApiException.badRequest("topicName and eventBody are required");
                }
                yield ApiResponse.ok(Json.object().put("channels", n.publish(topic, json.get("eventBody"))));
            }
            case "/sockets/close" -> {
                if (!post) {
                    yield notAllowed("POST");
                }
                ObjectNode json = object(body);
                boolean notice = json.path("notice").asBoolean(true);
                yield oneOrAll(json, () -> n.closeSockets(notice), id -> n.closeSocket(id, notice), "has no socket");
            }
            case "/sockets/drop" -> post ? oneOrAll(object(body), n::dropSockets, n::dropSocket, "has no socket")
                    : notAllowed("POST");
            case "/expire" -> post ? oneOrAll(object(body), n::expireAll, n::expire, "does not exist")
                    : notAllowed("POST");
            case "/settings" -> post ? settings(n, object(body)) : notAllowed("POST");
            default -> ApiResponse.json(404, ErrorBodies.cloud(404, "not.found", "No admin resource at " + path));
        };
    }

    /** Applies a switch to the body's {@code channelId}, or to every channel without one. */
    private static ApiResponse oneOrAll(ObjectNode json, Runnable all, Predicate<String> one, String unknown) {
        String channelId = text(json, "channelId");
        if (channelId == null) {
            all.run();
        } else if (!one.test(channelId)) {
            throw ApiException.notFound("Channel " + channelId + " " + unknown);
        }
        return ApiResponse.noContent();
    }

    private static ApiResponse settings(Notifications n, ObjectNode json) {
        // checked first, so that a bad field changes nothing
        for (String f : new String[] {"heartbeatIntervalMs", "socketClosingGraceMs", "channelLifetimeMs", "channelLimit",
                "topicLimit"}) {
            if (json.has(f) && !json.get(f).isIntegralNumber()) {
                throw ApiException.badRequest(f + " must be an integer");
            }
        }
        if (json.has("heartbeatsPaused") && !json.get("heartbeatsPaused").isBoolean()) {
            throw ApiException.badRequest("heartbeatsPaused must be a boolean");
        }
        if (json.has("heartbeatIntervalMs")) {
            n.heartbeatInterval(Duration.ofMillis(json.get("heartbeatIntervalMs").asLong()));
        }
        if (json.has("heartbeatsPaused")) {
            n.pauseHeartbeats(json.get("heartbeatsPaused").asBoolean());
        }
        if (json.has("socketClosingGraceMs")) {
            n.socketClosingGrace(Duration.ofMillis(json.get("socketClosingGraceMs").asLong()));
        }
        if (json.has("channelLifetimeMs")) {
            n.channelLifetime(Duration.ofMillis(json.get("channelLifetimeMs").asLong()));
        }
        if (json.has("channelLimit")) {
            n.channelLimit(json.get("channelLimit").asInt());
        }
        if (json.has("topicLimit")) {
            n.topicLimit(json.get("topicLimit").asInt());
        }
        return ApiResponse.noContent();
    }

    private static ObjectNode object(byte[] body) {
        if (body == null || body.length == 0) {
            return Json.object();
        }
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("The request body is not valid JSON");
        }
        if (!(json instanceof ObjectNode object)) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        return object;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ApiResponse notAllowed(String allowed) {
        return ApiResponse.json(405, ErrorBodies.cloud(405, "method.not.allowed", "Allowed methods: " + allowed))
                .header("Allow", allowed);
    }
}
