package io.camelgenesys.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.simulator.notifications.Notifications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The life of a notification socket with a real WebSocket client: heartbeats, ping/pong, the socket-closing notice,
 * closes and drops, expiry, one socket per channel, the channel limit, faults on the upgrade, a server restart, and
 * the admin surface.
 */
class NotificationsSocketsTest {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();
    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    @RegisterExtension
    static final TestWebSockets ws = new TestWebSockets();
    static final String TOPIC = "v2.test.a.events";

    Notifications n;
    NotifyRest rest;

    @BeforeEach
    void setUp() throws Exception {
        n = SIM.simulator().notifications();
        n.defineTopic("v2.test.{id}.events", "a test topic");
        rest = new NotifyRest(http, http.cloudToken());
    }

    /** A channel subscribed to {@link #TOPIC} with a connected socket. */
    NotifyRest.Connected connected() throws Exception {
        NotifyRest.Connected c = rest.open(ws, n);
        rest.subscribe("PUT", c.id(), TOPIC);
        return c;
    }

    @Test
    void heartbeatsComeAtTheIntervalUntilPausedAndAPingIsAnsweredByAPong() throws Exception {
        n.heartbeatInterval(Duration.ofMillis(100));
        NotifyRest.Connected c = connected();
        for (int i = 0; i < 2; i++) {
            JsonNode beat = c.socket().next("channel.metadata");
            assertEquals("WebSocket Heartbeat", beat.at("/eventBody/message").asText());
        }
        n.pauseHeartbeats(true);
        assertTrue(n.awaitIdle(Duration.ofSeconds(5)));
        long sent = n.heartbeatsSent(c.id());
        assertTrue(sent >= 2, "heartbeats sent: " + sent);
        // every heartbeat written before the pause is read before the quiet window opens: written is not yet received,
        // and on a loaded machine the last one could still be on its way and land in the window
        for (long received = 2; received < sent; received++) {
            assertEquals("WebSocket Heartbeat", c.socket().next().at("/eventBody/message").asText());
        }
        assertNull(c.socket().messages.poll(400, TimeUnit.MILLISECONDS), "no heartbeat while paused");
        assertEquals(sent, n.heartbeatsSent(c.id()));

        c.socket().send("{\"message\":\"ping\"}");
        JsonNode pong = c.socket().next();
        assertEquals("channel.metadata", pong.get("topicName").asText());
        assertEquals("pong", pong.at("/eventBody/message").asText());
        c.socket().send("not json");          // ignored, the socket stays
        c.socket().send("{\"message\":\"ping\"}");
        assertEquals("pong", c.socket().next().at("/eventBody/message").asText());
        c.socket().close();
    }

    /**
     * Jetty reports a socket's open after it wrote the 101 answer, so a client that saw its socket open may subscribe
     * and an event be published before the channel knows the socket: the event waits for it (it was counted
     * undelivered and lost, and NotificationsRouteTest's first event went missing on a loaded machine).
     */
    @Test
    void anEventPublishedBeforeTheServerReportsTheSocketOpenWaitsForIt() throws Exception {
        CompletableFuture<Void> hold = new CompletableFuture<>();
        n.holdSocketOpens(hold);
        JsonNode channel = rest.createChannel();
        String id = channel.get("id").asText();
        NotificationSocket socket = ws.connect(channel.get("connectUri").asText()); // open for the client
        assertFalse(n.isConnected(id), "the open is held");
        rest.subscribe("PUT", id, TOPIC);
        assertEquals(1, n.publish(TOPIC, Map.of("before", "open")));
        hold.complete(null);
        assertEquals("open", socket.next(TOPIC).at("/eventBody/before").asText());
        assertTrue(n.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(1, n.delivered(id, TOPIC));
        socket.close();
    }

    @Test
    void theSocketClosingNoticeComesFirstEventsFlowDuringTheGraceThenTheSocketClosesAndTheChannelStays()
            throws Exception {
        n.socketClosingGrace(Duration.ofMillis(500));
        NotifyRest.Connected c = connected();
        // the socket stays open until the event published after the notice was read has arrived: a loaded machine can
        // take longer than the grace between reading the notice and publishing, and the close would then come first
        CompletableFuture<Void> closeHold = new CompletableFuture<>();
        n.holdSocketCloses(closeHold);
        n.closeSockets(true);
        JsonNode notice = c.socket().next();
        assertEquals("v2.system.socket_closing", notice.get("topicName").asText());
        assertEquals(c.id(), notice.at("/eventBody/channelId").asText());
        assertEquals(1, n.publish(TOPIC, Map.of("during", "grace")));
        assertEquals("grace", c.socket().next(TOPIC).at("/eventBody/during").asText());
        assertFalse(c.socket().closed.isDone(), "the socket closed before the event published after its notice");
        closeHold.complete(null);
        NotificationSocket.Closed closed = c.socket().awaitClosed();
        assertEquals(1000, closed.code());

        assertEquals(200, rest.head(c.id()));
        assertEquals(List.of(TOPIC), n.subscriptions(c.id()));
        NotificationSocket again = ws.connect(c.uri());
        assertTrue(n.awaitConnected(c.id(), Duration.ofSeconds(5)));
        n.publish(TOPIC, Map.of("after", "reconnect"));
        assertEquals("reconnect", again.next(TOPIC).at("/eventBody/after").asText());
        assertEquals(2, n.connectionCount(c.id()));
        assertTrue(n.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(2, n.delivered(c.id(), TOPIC));
        assertEquals(2, n.published(c.id(), TOPIC));
        again.close();
    }

    @Test
    void theNoticeGoesAheadOfQueuedEventsAndTheGraceRunsFromItsWriteThenLaterEventsAreUndelivered() throws Exception {
        n.socketClosingGrace(Duration.ofMillis(300));
        NotifyRest.Connected c = connected();
        int burst = 5000;
        // the burst stays queued until the close is announced: a fast machine would have written it all already
        CompletableFuture<Void> hold = new CompletableFuture<>();
        n.holdDeliveries(hold);
        for (int i = 0; i < burst; i++) {
            n.publish(TOPIC, Map.of("seq", i));
        }
        n.closeSockets(true);
        hold.complete(null);
        // read in order up to the notice: it overtook the events still queued when the close was announced
        int before = 0;
        while (true) {
            JsonNode m = c.socket().next();
            if ("v2.system.socket_closing".equals(m.get("topicName").asText())) {
                break;
            }
            if (TOPIC.equals(m.get("topicName").asText())) {
                before++;
            }
        }
        assertEquals(0, before, "events of the burst written ahead of the notice");
        // the queued events follow it, during the grace, in order, and the socket closes after them
        NotificationSocket.Closed closed = c.socket().awaitClosed();
        assertEquals(1000, closed.code());
        List<Integer> after = c.socket().drain(TOPIC).stream().map(e -> e.at("/eventBody/seq").asInt()).toList();
        assertEquals(burst - before, after.size());
        for (int i = 0; i < after.size(); i++) {
            assertEquals(before + i, after.get(i));
        }
        // published after the close and before a socket connects to the channel again: delivered to nobody, counted
        assertEquals(1, n.publish(TOPIC, Map.of("seq", burst)));
        assertTrue(n.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(burst, n.delivered(c.id(), TOPIC));
        assertEquals(burst + 1, n.published(c.id(), TOPIC));
        assertEquals(1, n.undelivered(c.id(), TOPIC));
    }

    @Test
    void withoutTheNoticeTheSocketClosesAtOnce() throws Exception {
        NotifyRest.Connected c = connected();
        n.closeSockets(false);
        assertEquals(1000, c.socket().awaitClosed().code());
        assertTrue(c.socket().drain("v2.system.socket_closing").isEmpty());
        assertEquals(200, rest.head(c.id()));
    }

    /**
     * The close is a closing handshake: the server keeps the connection until the client answers its close frame, so a
     * client still reading a backlog gets every event the simulator counts delivered, even when it writes (a ping)
     * before it reached the close frame. (Jetty 12 ends the connection right after writing a close frame whose code is
     * not 1000, 1005 or 3000+, without waiting: the client's ping then met a closed socket, whose RST discarded what
     * the client had not read yet, events the simulator had counted delivered.)
     */
    @Test
    void aClientStillReadingItsBacklogWhenTheSocketClosesGetsEveryEventCountedDeliveredEvenIfItPings()
            throws Exception {
        JsonNode channel = rest.createChannel();
        String id = channel.get("id").asText();
        HeldSocket held = new HeldSocket();
        ws.client.connect(held, java.net.URI.create(channel.get("connectUri").asText())).get(10, TimeUnit.SECONDS);
        assertTrue(n.awaitConnected(id, Duration.ofSeconds(5)));
        rest.subscribe("PUT", id, TOPIC);
        String filler = "x".repeat(1000);
        for (int i = 0; i < 2000; i++) { // about 2 MB the client does not read yet: in the kernels' buffers
            n.publish(TOPIC, Map.of("seq", i, "filler", filler));
        }
        n.closeSockets(false); // the close frame after them
        assertTrue(n.awaitIdle(Duration.ofSeconds(10)));
        assertFalse(held.closed.isDone());
        held.session.sendText("{\"message\":\"ping\"}", org.eclipse.jetty.websocket.api.Callback.NOOP);
        Thread.sleep(300); // the ping reaches the server (a connection already closed there answers it with a reset)
        held.session.demand();
        NotificationSocket.Closed closed = held.closed.get(10, TimeUnit.SECONDS);
        assertEquals(n.delivered(id, TOPIC), held.events.get(), "events read of those counted delivered; close " + closed);
        assertEquals(2000, held.events.get());
    }

    /** A client that reads nothing until told to ({@code session.demand()}), then everything. */
    public static final class HeldSocket implements org.eclipse.jetty.websocket.api.Session.Listener {
        final java.util.concurrent.atomic.AtomicInteger events = new java.util.concurrent.atomic.AtomicInteger();
        final CompletableFuture<NotificationSocket.Closed> closed = new CompletableFuture<>();
        volatile org.eclipse.jetty.websocket.api.Session session;

        @Override
        public void onWebSocketOpen(org.eclipse.jetty.websocket.api.Session s) {
            this.session = s;
        }

        @Override
        public void onWebSocketText(String message) {
            if (message.contains(TOPIC)) {
                events.incrementAndGet();
            }
            session.demand();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            closed.complete(new NotificationSocket.Closed(statusCode, reason));
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            closed.complete(new NotificationSocket.Closed(1006, String.valueOf(cause)));
        }
    }

    @Test
    void aDroppedSocketGetsNoCloseFrameAndEventsWithoutASocketAreCountedUndelivered() throws Exception {
        NotifyRest.Connected c = connected();
        assertTrue(n.dropSocket(c.id()));
        assertEquals(1006, c.socket().awaitClosed().code());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (n.isConnected(c.id()) && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertFalse(n.isConnected(c.id()));
        assertEquals(1, n.publish(TOPIC, Map.of("lost", true)));
        assertEquals(1, n.published(c.id(), TOPIC));
        assertEquals(0, n.delivered(c.id(), TOPIC));
        assertEquals(1, n.undelivered(c.id(), TOPIC));
    }

    @Test
    void anExpiredChannelGoesWithItsSubscriptionsAndItsSocket() throws Exception {
        NotifyRest.Connected c = connected();
        assertTrue(n.expire(c.id()));
        NotificationSocket.Closed closed = c.socket().awaitClosed();
        assertEquals(1000, closed.code());
        assertEquals("Channel expired", closed.reason());
        assertEquals(404, rest.head(c.id()));
        assertEquals(404, rest.call("GET", NotifyRest.CHANNELS + "/" + c.id() + "/subscriptions", null).getStatus());
        assertEquals(List.of(), n.subscriptions(c.id()));
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> ws.client.connect(new NotificationSocket(), java.net.URI.create(c.uri())).get(5, TimeUnit.SECONDS));
        assertTrue(String.valueOf(refused.getCause()).contains("404"), String.valueOf(refused.getCause()));
        assertEquals(0, n.publish(TOPIC, Map.of()));

        // by its lifetime: set by the last subscribe, so that a slow setup cannot outlive it before the channel is used
        NotifyRest.Connected short1 = connected();
        n.channelLifetime(Duration.ofMillis(300));
        rest.subscribe("PUT", short1.id(), TOPIC);
        assertEquals("Channel expired", short1.socket().awaitClosed().reason());
        assertFalse(n.channelIds().contains(short1.id()));
    }

    @Test
    void resubscribingRenewsTheChannel() throws Exception {
        JsonNode channel = rest.createChannel();
        String id = channel.get("id").asText();
        Instant first = Instant.parse(channel.get("expires").asText());
        n.channelLifetime(Duration.ofHours(48));
        rest.subscribe("POST", id, TOPIC);
        JsonNode listed = http.cloudOk("GET", NotifyRest.CHANNELS, rest.token, null).get("entities").get(0);
        Instant renewed = Instant.parse(listed.get("expires").asText());
        assertTrue(renewed.isAfter(first.plus(Duration.ofHours(23))), first + " -> " + renewed);
    }

    @Test
    void aSecondConnectionTakesTheChannelOver() throws Exception {
        NotifyRest.Connected c = connected();
        NotificationSocket second = ws.connect(c.uri());
        NotificationSocket.Closed closed = c.socket().awaitClosed();
        assertEquals(1000, closed.code());
        assertEquals("Another connection to this channel was opened", closed.reason());
        n.publish(TOPIC, Map.of("to", "second"));
        assertEquals("second", second.next(TOPIC).at("/eventBody/to").asText());
        assertEquals(2, n.connectionCount(c.id()));
        second.close();
    }

    @Test
    void overTheChannelLimitTheLeastRecentlyUsedUnconnectedChannelGoes() throws Exception {
        n.channelLimit(3);
        NotifyRest.Connected oldest = connected();
        String second = rest.createChannel().get("id").asText();
        String third = rest.createChannel().get("id").asText();
        String fourth = rest.createChannel().get("id").asText();
        assertEquals(List.of(oldest.id(), third, fourth), List.copyOf(n.channelIds()));
        assertEquals(404, rest.head(second));
        oldest.socket().close();
    }

    @Test
    void theUpgradeGoesThroughTheFaultSwitchboard() throws Exception {
        JsonNode channel = rest.createChannel();
        SIM.simulator().faults().on("GET", "/channels/*").status(503).times(1);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> ws.client.connect(new NotificationSocket(),
                java.net.URI.create(channel.get("connectUri").asText())).get(5, TimeUnit.SECONDS));
        assertTrue(String.valueOf(refused.getCause()).contains("503"), String.valueOf(refused.getCause()));
        NotificationSocket socket = ws.connect(channel.get("connectUri").asText());
        assertTrue(n.awaitConnected(channel.get("id").asText(), Duration.ofSeconds(5)));
        assertEquals(2, SIM.simulator().requests().count("GET", "/channels/*"));
        socket.close();
    }

    @Test
    void aPlainHttpRequestToTheSocketIs400AndAnUnknownChannel404() throws Exception {
        JsonNode channel = rest.createChannel();
        String path = "/channels/" + channel.get("id").asText();
        org.eclipse.jetty.client.ContentResponse plain = http.get(path).send();
        assertEquals(400, plain.getStatus());
        assertTrue(plain.getContentAsString().contains("WebSocket upgrade"), plain.getContentAsString());
        assertEquals(404, http.get("/channels/streaming-0-unknown").send().getStatus());
    }

    @Test
    void aServerRestartClosesSocketsAndKeepsChannels() throws Exception {
        NotifyRest.Connected c = connected();
        SIM.simulator().stop();
        c.socket().awaitClosed();
        SIM.simulator().start();
        assertEquals(200, rest.head(c.id()));
        NotificationSocket again = ws.connect(c.uri());
        assertTrue(n.awaitConnected(c.id(), Duration.ofSeconds(5)));
        n.publish(TOPIC, Map.of("after", "restart"));
        assertEquals("restart", again.next(TOPIC).at("/eventBody/after").asText());
        again.close();
    }

    @Test
    void theAdminSurfaceHasTheSameSwitches() throws Exception {
        NotifyRest.Connected c = connected();
        JsonNode published = TestHttp.body(TestHttp.json(http.request("POST", "/simulator/notifications/publish"),
                "{\"topicName\":\"" + TOPIC + "\",\"eventBody\":{\"k\":1}}").send());
        assertEquals(1, published.get("channels").asInt());
        assertEquals(1, c.socket().next(TOPIC).at("/eventBody/k").asInt());
        assertTrue(n.awaitIdle(Duration.ofSeconds(5)));
        JsonNode counters = TestHttp.body(http.get("/simulator/notifications/counters").send());
        assertEquals(1, counters.at("/channels/" + c.id() + "/" + TOPIC.replace("/", "~1") + "/delivered").asInt());
        assertEquals(204, TestHttp.json(http.request("POST", "/simulator/notifications/settings"),
                "{\"heartbeatIntervalMs\":0,\"socketClosingGraceMs\":0}").send().getStatus());
        assertEquals(400, TestHttp.json(http.request("POST", "/simulator/notifications/settings"),
                "{\"topicLimit\":\"many\"}").send().getStatus());
        JsonNode state = TestHttp.body(http.get("/simulator/notifications").send());
        assertEquals(0, state.get("heartbeatIntervalMs").asInt());
        assertTrue(state.at("/channels/0/connected").asBoolean());
        assertEquals(204, TestHttp.json(http.request("POST", "/simulator/notifications/sockets/close"),
                "{\"notice\":true}").send().getStatus());
        assertEquals("v2.system.socket_closing", c.socket().next().get("topicName").asText());
        assertEquals(1000, c.socket().awaitClosed().code());
        assertEquals(204, TestHttp.json(http.request("POST", "/simulator/notifications/expire"),
                "{\"channelId\":\"" + c.id() + "\"}").send().getStatus());
        assertEquals(404, rest.head(c.id()));
    }

    @Test
    void resetClosesEverySocketAndForgetsTheChannels() throws Exception {
        NotifyRest.Connected c = connected();
        SIM.simulator().reset();
        assertEquals(1000, c.socket().awaitClosed().code());
        assertTrue(n.channelIds().isEmpty());
        assertEquals(0, n.published(c.id(), TOPIC));
    }
}
