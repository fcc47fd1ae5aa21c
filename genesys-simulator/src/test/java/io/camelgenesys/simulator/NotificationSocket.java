package io.camelgenesys.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A real WebSocket client (Jetty's) on a notification channel's {@code connectUri}: collects every message, and how
 * the socket ended.
 */
public final class NotificationSocket implements Session.Listener.AutoDemanding {

    /** How the socket ended: the close code and reason (1006 and the cause's message when no close frame came). */
    record Closed(int code, String reason) {
    }

    final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private volatile Session session;

    static NotificationSocket connect(WebSocketClient client, String connectUri) throws Exception {
        NotificationSocket socket = new NotificationSocket();
        client.connect(socket, URI.create(connectUri)).get(10, TimeUnit.SECONDS);
        return socket;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
    }

    @Override
    public void onWebSocketText(String message) {
        messages.add(Json.parse(message));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed.complete(new Closed(1006, String.valueOf(cause.getMessage())));
    }

    void send(String text) throws Exception {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        session.sendText(text, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
        sent.get(5, TimeUnit.SECONDS);
    }

    void close() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close();
        }
    }

    /** The next message (any topic), waiting up to 10 s. */
    JsonNode next() throws InterruptedException {
        JsonNode m = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(m, "no message within 10 s");
        return m;
    }

    /** The next message on this topic, skipping others (heartbeats). */
    JsonNode next(String topic) throws InterruptedException {
        return next(m -> topic.equals(m.path("topicName").asText()));
    }

    JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            JsonNode m = messages.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (m != null && wanted.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no such message within 10 s");
    }

    /** Every message received so far on this topic, taken off the queue (others are dropped too). */
    List<JsonNode> drain(String topic) {
        List<JsonNode> all = new ArrayList<>();
        messages.drainTo(all);
        return all.stream().filter(m -> topic.equals(m.path("topicName").asText())).toList();
    }

    Closed awaitClosed() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }
}
