package io.camelgenesys.simulator;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.simulator.notifications.Notifications;
import org.eclipse.jetty.client.ContentResponse;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Notifications API calls the notification tests make, with one bearer token. */
final class NotifyRest {

    static final String CHANNELS = "/api/v2/notifications/channels";

    private final TestHttp http;
    final String token;

    NotifyRest(TestHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    /** POST /channels → the Channel. */
    JsonNode createChannel() throws Exception {
        return http.cloudOk("POST", CHANNELS, token, null);
    }

    static String topics(String... topics) {
        StringBuilder body = new StringBuilder("[");
        for (String t : topics) {
            body.append(body.length() > 1 ? "," : "").append("{\"id\":\"").append(t).append("\"}");
        }
        return body.append(']').toString();
    }

    /** A channel with a connected socket. */
    record Connected(String id, String uri, NotificationSocket socket) {
    }

    /** Creates a channel and connects a socket to it (the simulator has it connected on return). */
    Connected open(TestWebSockets ws, Notifications notifications) throws Exception {
        JsonNode channel = createChannel();
        String id = channel.get("id").asText();
        String uri = channel.get("connectUri").asText();
        NotificationSocket socket = ws.connect(uri);
        assertTrue(notifications.awaitConnected(id, Duration.ofSeconds(5)));
        return new Connected(id, uri, socket);
    }

    /** PUT or POST the topics; must answer 200. */
    JsonNode subscribe(String method, String channelId, String... topics) throws Exception {
        return http.cloudOk(method, CHANNELS + "/" + channelId + "/subscriptions", token, topics(topics));
    }

    ContentResponse call(String method, String path, String json) throws Exception {
        return http.cloudCall(method, path, token, json);
    }

    int head(String channelId) throws Exception {
        return http.cloud("HEAD", CHANNELS + "/" + channelId, token).send().getStatus();
    }
}
