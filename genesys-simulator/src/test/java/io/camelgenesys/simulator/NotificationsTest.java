package io.camelgenesys.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.simulator.notifications.Notifications;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Genesys Cloud Notifications API and its WebSocket, with a real HTTP client and a real WebSocket client (Jetty's):
 * channels, subscriptions, events from the simulator's own users and conversations, heartbeats, ping/pong.
 */
class NotificationsTest {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();
    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    @RegisterExtension
    static final TestWebSockets ws = new TestWebSockets();

    String token;
    NotifyRest rest;
    Notifications notifications;

    @BeforeEach
    void token() throws Exception {
        token = http.cloudToken();
        rest = new NotifyRest(http, token);
        notifications = SIM.simulator().notifications();
    }

    @Test
    void aChannelIsCreatedAsTheSdkDescribesIt() throws Exception {
        JsonNode channel = rest.createChannel();
        String id = channel.get("id").asText();
        assertTrue(id.matches("streaming-0-[a-z0-9]{26}"), id);
        assertEquals("ws://127.0.0.1:" + SIM.simulator().port() + "/channels/" + id, channel.get("connectUri").asText());
        Instant expires = Instant.parse(channel.get("expires").asText());
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofHours(23))), expires.toString());
        assertEquals(200, http.cloud("HEAD", "/api/v2/notifications/channels/" + id, token).send().getStatus());
        JsonNode list = http.cloudOk("GET", "/api/v2/notifications/channels", token, null);
        assertEquals(id, list.get("entities").get(0).get("id").asText());
        assertEquals(List.of(id), List.copyOf(notifications.channelIds()));
    }

    @Test
    void aPresenceChangeReachesTheSubscribedSocket() throws Exception {
        String user = SIM.simulator().cloudConversations().seedUsers(2).get(0);
        NotifyRest.Connected channel = rest.open(ws, notifications);
        String id = channel.id();
        NotificationSocket socket = channel.socket();
        String presence = "v2.users." + user + ".presence";
        String routing = "v2.users." + user + ".routingStatus";
        JsonNode topics = rest.subscribe("PUT", id, presence, routing);
        assertEquals(presence, topics.get("entities").get(0).get("id").asText());
        assertEquals(routing, topics.get("entities").get(1).get("id").asText());

        http.cloudOk("PATCH", "/api/v2/users/" + user + "/presences/purecloud", token,
                "{\"presenceDefinition\":{\"id\":\"presence-available\"},\"message\":\"back\"}");
        JsonNode event = socket.next(presence);
        assertEquals("2", event.get("version").asText());
        assertEquals("presence-available", event.at("/eventBody/presenceDefinition/id").asText());
        assertEquals("AVAILABLE", event.at("/eventBody/presenceDefinition/systemPresence").asText());
        assertEquals("back", event.at("/eventBody/message").asText());
        assertEquals("PURECLOUD", event.at("/eventBody/source").asText());
        assertFalse(event.at("/metadata/CorrelationId").asText().isEmpty());

        http.cloudOk("PUT", "/api/v2/users/" + user + "/routingstatus", token, "{\"status\":\"IDLE\"}");
        JsonNode status = socket.next(routing);
        assertEquals(user, status.at("/eventBody/id").asText());
        assertEquals("IDLE", status.at("/eventBody/routingStatus/status").asText());

        assertTrue(notifications.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(1, notifications.published(id, presence));
        assertEquals(1, notifications.delivered(id, presence));
        assertEquals(List.of(event.at("/metadata/CorrelationId").asText()),
                notifications.deliveredCorrelationIds(id, presence));
        assertEquals(1, notifications.delivered(routing));
        socket.close();
    }

    @Test
    void anyDefinedTopicCanBePublished() throws Exception {
        notifications.defineTopic("v2.test.{id}.events", "a test topic");
        NotifyRest.Connected channel = rest.open(ws, notifications);
        String id = channel.id();
        NotificationSocket socket = channel.socket();
        rest.subscribe("POST", id, "v2.test.a.events");
        assertEquals(1, notifications.publish("v2.test.a.events", java.util.Map.of("n", 1)));
        assertEquals(0, notifications.publish("v2.test.b.events", java.util.Map.of("n", 2)));
        assertEquals(1, socket.next("v2.test.a.events").at("/eventBody/n").asInt());
        assertEquals(1, notifications.published("v2.test.b.events"));
        socket.close();
    }

    @Test
    void aCombinedTopicIsOneSubscriptionForTheEventsOfEachOfItsTopics() throws Exception {
        String user = SIM.simulator().cloudConversations().seedUsers(1).get(0);
        NotifyRest.Connected channel = rest.open(ws, notifications);
        String id = channel.id();
        NotificationSocket socket = channel.socket();
        String combined = "v2.users." + user + "?presence&routingStatus";
        JsonNode listing = rest.subscribe("PUT", id, combined);
        assertEquals(1, listing.get("entities").size());
        assertEquals(combined, listing.at("/entities/0/id").asText());
        assertEquals(List.of(combined), notifications.subscriptions(id));

        http.cloudOk("PUT", "/api/v2/users/" + user + "/routingstatus", token, "{\"status\":\"IDLE\"}");
        http.cloudOk("PATCH", "/api/v2/users/" + user + "/presences/purecloud", token,
                "{\"presenceDefinition\":{\"id\":\"presence-on-queue\"}}");
        assertEquals("IDLE", socket.next("v2.users." + user + ".routingStatus").at("/eventBody/routingStatus/status")
                .asText());
        JsonNode presence = socket.next("v2.users." + user + ".presence");
        assertEquals("ON_QUEUE", presence.at("/eventBody/presenceDefinition/systemPresence").asText());
        assertEquals("", presence.at("/eventBody/message").asText());
        assertTrue(notifications.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(1, notifications.delivered(id, "v2.users." + user + ".presence"));

        String message = http.cloudError(400, "POST", NotifyRest.CHANNELS + "/" + id + "/subscriptions", token,
                NotifyRest.topics("v2.users." + user + "?presence&nosuch"));
        assertTrue(message.contains("?presence&nosuch"), message);
        socket.close();
    }

    @Test
    void noTokenIs401() throws Exception {
        ContentResponse response = http.request("POST", "/api/v2/notifications/channels").send();
        assertEquals(401, response.getStatus());
    }
}
