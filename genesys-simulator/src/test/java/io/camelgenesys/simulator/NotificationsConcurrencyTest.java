package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.simulator.notifications.Notifications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many channels and events at once: 40 sockets, presence changes from 20 clients over HTTP and direct publishes from
 * 8 threads, with 20 ms heartbeats in between. Every channel gets every event of its topics exactly once, each user's
 * changes in the order they were made, and the counters agree with what the clients received.
 */
class NotificationsConcurrencyTest {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();
    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    @RegisterExtension
    static final TestWebSockets ws = new TestWebSockets();
    static final int CHANNELS = 40;
    static final int USERS = 20;
    static final int CHANGES = 10;
    static final int PUBLISHERS = 8;
    static final int PUBLISHES = 50;

    @Test
    void everyEventReachesEverySubscribedChannelOnceAndInOrder() throws Exception {
        GenesysSimulator sim = SIM.simulator();
        sim.setRateLimit(1_000_000, Duration.ofMinutes(1));
        Notifications n = sim.notifications();
        n.channelLimit(CHANNELS);
        n.heartbeatInterval(Duration.ofMillis(20));
        n.defineTopic("v2.load.{id}.events", "load");
        List<String> users = sim.cloudConversations().seedUsers(USERS);
        String token = http.cloudToken();
        NotifyRest rest = new NotifyRest(http, token);
        List<String> topics = new ArrayList<>();
        users.forEach(u -> topics.add("v2.users." + u + ".presence"));
        topics.add("v2.load.all.events");

        List<String> ids = new ArrayList<>();
        List<NotificationSocket> sockets = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            JsonNode channel = rest.createChannel();
            ids.add(channel.get("id").asText());
            rest.subscribe("PUT", ids.get(i), topics.toArray(String[]::new));
            sockets.add(ws.connect(channel.get("connectUri").asText()));
            assertTrue(n.awaitConnected(ids.get(i), Duration.ofSeconds(5)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(USERS + PUBLISHERS);
        List<Future<?>> work = new ArrayList<>();
        for (String user : users) {
            work.add(pool.submit(() -> {
                for (int k = 0; k < CHANGES; k++) {
                    http.cloudOk("PATCH", "/api/v2/users/" + user + "/presences/purecloud", token,
                            "{\"presenceDefinition\":{\"id\":\"presence-busy\"},\"message\":\"" + k + "\"}");
                }
                return null;
            }));
        }
        for (int p = 0; p < PUBLISHERS; p++) {
            int publisher = p;
            work.add(pool.submit(() -> {
                for (int k = 0; k < PUBLISHES; k++) {
                    n.publish("v2.load.all.events", Map.of("publisher", publisher, "k", k));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        // the heartbeats went on during the whole load; they stop now, or on a slow machine the 40 channels' queues
        // might never be empty all at once between two 20 ms ticks and awaitIdle would wait in vain
        n.pauseHeartbeats(true);
        assertTrue(n.awaitIdle(Duration.ofSeconds(30)));

        assertEquals(USERS * CHANGES, users.stream().mapToLong(u -> n.published("v2.users." + u + ".presence")).sum());
        assertEquals(PUBLISHERS * PUBLISHES, n.published("v2.load.all.events"));
        for (int i = 0; i < CHANNELS; i++) {
            String id = ids.get(i);
            NotificationSocket socket = sockets.get(i);
            for (String user : users) {
                String topic = "v2.users." + user + ".presence";
                assertEquals(CHANGES, n.published(id, topic));
                assertEquals(CHANGES, n.delivered(id, topic), id + " " + topic);
                assertEquals(0, n.undelivered(id, topic));
            }
            assertEquals(PUBLISHERS * PUBLISHES, n.delivered(id, "v2.load.all.events"));
            // what the client received: every event once, each user's changes and each publisher's events in order
            int expected = USERS * CHANGES + PUBLISHERS * PUBLISHES;
            List<JsonNode> events = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events.size() < expected && System.nanoTime() < end) {
                JsonNode m = socket.messages.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && !"channel.metadata".equals(m.path("topicName").asText())) {
                    events.add(m);
                }
            }
            assertEquals(expected, events.size(), id);
            HashSet<String> correlationIds = new HashSet<>();
            int[] nextChange = new int[USERS];
            int[] nextPublish = new int[PUBLISHERS];
            for (JsonNode e : events) {
                assertTrue(correlationIds.add(e.at("/metadata/CorrelationId").asText()), "duplicate " + e);
                String topic = e.get("topicName").asText();
                if (topic.equals("v2.load.all.events")) {
                    int publisher = e.at("/eventBody/publisher").asInt();
                    assertEquals(nextPublish[publisher]++, e.at("/eventBody/k").asInt(), id);
                } else {
                    int user = users.indexOf(topic.substring("v2.users.".length(), topic.length() - ".presence".length()));
                    assertEquals(String.valueOf(nextChange[user]++), e.at("/eventBody/message").asText(), id);
                }
            }
            assertTrue(n.heartbeatsSent(id) > 0);
            socket.close();
        }
    }
}
