package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.simulator.notifications.Notifications;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's notifications side against the contract extracted from Genesys' SDKs
 * ({@code contract/notifications.json}): every NotificationsApi operation is served at its path and method, every
 * answer is in its response model, and every WebSocket message is a message of the Java SDK's notification handler
 * ({@code webSocket.eventFields}, {@code metadataFields}) whose body is in the model of its topic ({@code topics}), of
 * the socket-closing listener ({@code socketClosingBody}) or of {@code channel.metadata}.
 */
class NotificationsContractTest {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();
    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    @RegisterExtension
    static final TestWebSockets ws = new TestWebSockets();

    @Test
    void everyOperationIsServedAtTheSdkPath() throws Exception {
        SdkContract contract = SdkContract.load("notifications");
        Set<String> served = new HashSet<>();
        SIM.simulator().routes().list().forEach(r -> served.add(r.method() + " " + r.pattern().pattern()));
        List<String> missing = new ArrayList<>();
        for (JsonNode op : contract.root.get("operations")) {
            String key = op.get("method").asText() + " " + op.get("path").asText();
            if (!served.contains(key)) {
                missing.add(op.get("operationId").asText() + " " + key);
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(8, contract.root.get("operations").size());
    }

    @Test
    void answersAndMessagesAreInTheSdkModels() throws Exception {
        SdkContract contract = SdkContract.load("notifications");
        Map<String, String> responses = new java.util.HashMap<>();
        contract.root.get("operations").forEach(op -> responses.put(op.get("operationId").asText(),
                op.path("response").path("ref").asText(null)));
        List<String> problems = new ArrayList<>();
        Notifications n = SIM.simulator().notifications();
        n.heartbeatInterval(Duration.ofMillis(100));
        n.socketClosingGrace(Duration.ZERO);
        String token = http.cloudToken();
        CloudConversations cloud = SIM.simulator().cloudConversations();
        List<String> users = cloud.seedUsers(2);
        String queue = cloud.addQueue(users);

        JsonNode channel = http.cloudOk("POST", "/api/v2/notifications/channels", token, null);
        problems.addAll(contract.check(channel, responses.get("postNotificationsChannels"), "postNotificationsChannels"));
        String id = channel.get("id").asText();
        http.cloudOk("POST", "/api/v2/notifications/channels", http.cloudToken(), null); // another token's
        for (String include : List.of("", "?includechannels=token", "?includechannels=oauthclient")) {
            problems.addAll(contract.check(http.cloudOk("GET", "/api/v2/notifications/channels" + include, token, null),
                    responses.get("getNotificationsChannels"), "getNotificationsChannels" + include));
        }
        problems.addAll(contract.check(http.cloudOk("GET", "/api/v2/notifications/availabletopics", token, null),
                responses.get("getNotificationsAvailabletopics"), "getNotificationsAvailabletopics"));

        NotificationSocket socket = ws.connect(channel.get("connectUri").asText());
        assertTrue(n.awaitConnected(id, Duration.ofSeconds(5)));
        String base = "/api/v2/notifications/channels/" + id + "/subscriptions";
        String user = users.get(0);
        JsonNode put = http.cloudOk("PUT", base, token, "[{\"id\":\"v2.users." + user + ".presence\"},{\"id\":\"v2.users."
                + user + ".routingStatus\"}]");
        problems.addAll(contract.check(put, responses.get("putNotificationsChannelSubscriptions"), "put"));
        JsonNode post = http.cloudOk("POST", base + "?ignoreErrors=true", token, "[{\"id\":\"v2.users." + user
                + ".conversations\"},{\"id\":\"v2.routing.queues." + queue + ".conversations\"},{\"id\":\"v2.no.such\"}]");
        problems.addAll(contract.check(post, responses.get("postNotificationsChannelSubscriptions"), "post"));
        problems.addAll(contract.check(http.cloudOk("GET", base, token, null),
                responses.get("getNotificationsChannelSubscriptions"), "getNotificationsChannelSubscriptions"));

        http.cloudOk("PATCH", "/api/v2/users/" + user + "/presences/purecloud", token,
                "{\"presenceDefinition\":{\"id\":\"presence-on-queue\"}}");
        http.cloudOk("PUT", "/api/v2/users/" + user + "/routingstatus", token, "{\"status\":\"INTERACTING\"}");
        cloud.addConversation(user, queue, java.time.Instant.now().minusSeconds(60), 1000);
        socket.send("{\"message\":\"ping\"}");
        Set<String> seen = new HashSet<>();
        List<JsonNode> messages = new ArrayList<>();
        while (!seen.containsAll(Set.of("v2.users." + user + ".presence", "v2.users." + user + ".routingStatus",
                "v2.users." + user + ".conversations", "v2.routing.queues." + queue + ".conversations",
                "channel.metadata:pong", "channel.metadata:WebSocket Heartbeat"))) {
            JsonNode m = socket.next();
            messages.add(m);
            String topic = m.path("topicName").asText();
            seen.add("channel.metadata".equals(topic) ? topic + ":" + m.at("/eventBody/message").asText() : topic);
        }
        n.closeSockets(true);
        messages.add(socket.next("v2.system.socket_closing"));
        assertEquals(1000, socket.awaitClosed().code());
        for (JsonNode m : messages) {
            problems.addAll(checkMessage(contract, m));
        }
        ContentResponse delete = http.cloudCall("DELETE", base, token, null);
        assertTrue(delete.getStatus() == 204 || delete.getStatus() == 200, delete.getContentAsString());
        assertEquals(List.of(), problems);
    }

    private static List<String> checkMessage(SdkContract contract, JsonNode m) {
        JsonNode facts = contract.root.get("webSocket");
        List<String> problems = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        facts.get("eventFields").forEach(f -> fields.add(f.asText()));
        String topic = m.path("topicName").asText();
        m.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                problems.add(topic + ": " + f + " is not a field of the SDK's NotificationEvent");
            }
        });
        Set<String> metadata = new HashSet<>();
        facts.get("metadataFields").forEach(f -> metadata.add(f.asText()));
        m.path("metadata").fieldNames().forEachRemaining(f -> {
            if (!metadata.contains(f)) {
                problems.add(topic + ": metadata." + f + " is not a field of the SDK's Metadata");
            }
        });
        JsonNode body = m.get("eventBody");
        if (topic.equals(facts.get("metadataTopic").asText())) {
            Set<String> meta = new HashSet<>();
            facts.get("channelMetadataFields").forEach(f -> meta.add(f.asText()));
            body.fieldNames().forEachRemaining(f -> {
                if (!meta.contains(f)) {
                    problems.add(topic + ": " + f + " is not a field of ChannelMetadataNotification");
                }
            });
            return problems;
        }
        if (topic.equals(facts.get("socketClosingTopic").asText())) {
            problems.addAll(contract.check(body, facts.get("socketClosingBody").asText(), topic));
            return problems;
        }
        for (JsonNode t : contract.root.get("topics")) {
            String regex = t.get("topic").asText().replace(".", "\\.").replace("{id}", "[^.]+");
            if (topic.matches(regex)) {
                problems.addAll(contract.check(body, t.get("model").asText(), topic));
                return problems;
            }
        }
        problems.add(topic + ": no topic of the contract");
        return problems;
    }
}
