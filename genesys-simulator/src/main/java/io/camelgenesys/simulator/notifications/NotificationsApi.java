package io.camelgenesys.simulator.notifications;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.Routes;

/**
 * The Notifications API of Genesys Cloud as the official SDK defines it (purecloud-platform-client-v2 262.0.0
 * {@code NotificationsApi}, {@code contract/notifications.json}): channels, their subscriptions, the available topics.
 * A channel belongs to the OAuth client of the token that created it; another client sees 404.
 */
final class NotificationsApi {

    static final String BASE = "/api/v2/notifications";

    private final Notifications notifications;

    NotificationsApi(Notifications notifications) {
        this.notifications = notifications;
    }

    void register(Routes routes) {
        routes.add("POST", BASE + "/channels", Auth.CLOUD, this::createChannel);
        routes.add("GET", BASE + "/channels", Auth.CLOUD, this::listChannels);
        routes.add("HEAD", BASE + "/channels/{channelId}", Auth.CLOUD, this::headChannel);
        routes.add("GET", BASE + "/channels/{channelId}/subscriptions", Auth.CLOUD, this::getSubscriptions);
        routes.add("PUT", BASE + "/channels/{channelId}/subscriptions", Auth.CLOUD, r -> subscribe(r, true));
        routes.add("POST", BASE + "/channels/{channelId}/subscriptions", Auth.CLOUD, r -> subscribe(r, false));
        routes.add("DELETE", BASE + "/channels/{channelId}/subscriptions", Auth.CLOUD, this::deleteSubscriptions);
        routes.add("GET", BASE + "/availabletopics", Auth.CLOUD, this::availableTopics);
    }

    private ApiResponse createChannel(ApiRequest request) {
        Notifications.Channel c = notifications.create(request.principal(), request.accessToken());
        return ApiResponse.ok(notifications.describe(c));
    }

    private ApiResponse listChannels(ApiRequest request) {
        String include = request.query("includechannels", "token");
        if (!include.equals("token") && !include.equals("oauthclient")) {
            throw ApiException.badRequest("includechannels must be token or oauthclient, got " + include);
        }
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        for (Notifications.Channel c : notifications.channelsOf(request.principal())) {
            boolean ownToken = c.token.equals(request.accessToken());
            if (ownToken) {
                entities.add(notifications.describe(c));
            } else if (include.equals("oauthclient")) {
                // "Channel Ids for other access tokens will not be shown, but will be presented to show their existence"
                entities.addObject().put("expires", notifications.describe(c).get("expires").asText());
            }
        }
        return ApiResponse.ok(body);
    }

    private Notifications.Channel channel(ApiRequest request) {
        String id = request.pathParam("channelId");
        return notifications.channel(id, request.principal())
                .orElseThrow(() -> ApiException.notFound("Channel " + id + " does not exist or has expired"));
    }

    private ApiResponse headChannel(ApiRequest request) {
        // HEAD: the status says it all ("Returns a 200 OK if channel exists, and a 404 Not Found if it doesnt")
        return notifications.channel(request.pathParam("channelId"), request.principal()).isPresent()
                ? ApiResponse.status(200) : ApiResponse.status(404);
    }

    private ApiResponse getSubscriptions(ApiRequest request) {
        return ApiResponse.ok(listing(notifications.topicsOf(channel(request)), List.of()));
    }

    private ApiResponse subscribe(ApiRequest request, boolean replace) {
        Notifications.Channel c = channel(request);
        boolean ignoreErrors = Checks.boolParam(request, "ignoreErrors", false);
        JsonNode body = request.json();
        if (!body.isArray()) {
            throw ApiException.badRequest("The body must be a JSON array of ChannelTopic, e.g. [{\"id\":\"v2.users.{id}"
                                          + ".presence\"}]");
        }
        List<String> accepted = new ArrayList<>();
        List<ObjectNode> rejected = new ArrayList<>();
        int i = 0;
        for (JsonNode item : body) {
            JsonNode id = item.path("id");
            if (!item.isObject() || !id.isTextual() || id.asText().isBlank()) {
                throw ApiException.badRequest("[" + i + "].id is required: the topic name");
            }
            String topic = id.asText();
            if (notifications.topics().isServed(topic)) {
                accepted.add(topic);
            } else if (ignoreErrors) {
                ObjectNode r = Json.object();
                r.put("id", topic);
                r.put("state", "Rejected");
                r.put("rejectionReason", "The topic " + topic + " is not a valid topic");
                rejected.add(r);
            } else {
                throw ApiException.badRequest("[" + i + "].id: the topic " + topic + " is not a valid topic; see GET "
                                              + BASE + "/availabletopics");
            }
            i++;
        }
        if (!notifications.subscribe(c, accepted, replace)) {
            throw ApiException.badRequest("A channel can be subscribed to at most " + notifications.topicLimit()
                                          + " topics; this request would make it more");
        }
        return ApiResponse.ok(listing(notifications.topicsOf(c), rejected));
    }

    private ApiResponse deleteSubscriptions(ApiRequest request) {
        notifications.unsubscribeAll(channel(request));
        return ApiResponse.noContent();
    }

    private ApiResponse availableTopics(ApiRequest request) {
        return ApiResponse.ok(Json.object().set("entities", notifications.topics().available()));
    }

    private static ObjectNode listing(List<String> topics, List<ObjectNode> rejected) {
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        for (String topic : topics) {
            entities.addObject().put("id", topic).put("state", "Permitted");
        }
        rejected.forEach(entities::add);
        return body;
    }
}
