package io.camelgenesys.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small real HTTP server (Jetty) playing the integrator: it records every webhook request (headers and exact body
 * bytes) and answers from a script (status, body, delay), else with the default answer: 200 with
 * {@code {"messageId": <channel.messageId of the body>}}, as the seed's examples answer. Delayed answers are
 * scheduled, not slept. Registered as an extension ({@code @RegisterExtension static final WebhookReceiver integrator =
 * new WebhookReceiver();}) it runs for the test class; otherwise {@link #start()} and {@link #close()} it.
 */
final class WebhookReceiver implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    record Received(String path, HttpFields headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return Json.parse(body);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    record Answer(int status, String body, Duration delay) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Duration.ZERO);
        }
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final List<Received> all = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile Function<Received, Answer> otherwise = WebhookReceiver::echoMessageId;
    private final Server server;

    WebhookReceiver() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("webhook-receiver");
        threads.setDaemon(true);
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                ByteBuffer buffer = Content.Source.asByteBuffer(request);
                byte[] body = new byte[buffer.remaining()];
                buffer.get(body);
                Received r = new Received(Request.getPathInContext(request), HttpFields.build(request.getHeaders()).asImmutable(), body);
                all.add(r);
                received.add(r);
                Answer answer = script.pollFirst();
                Answer chosen = answer != null ? answer : otherwise.apply(r);
                Runnable write = () -> {
                    response.setStatus(chosen.status());
                    if (chosen.body() != null) {
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                        response.write(true, ByteBuffer.wrap(chosen.body().getBytes(StandardCharsets.UTF_8)), callback);
                    } else {
                        response.write(true, ByteBuffer.allocate(0), callback);
                    }
                };
                if (chosen.delay().isZero()) {
                    write.run();
                } else {
                    request.getComponents().getScheduler().schedule(write, chosen.delay().toMillis(), TimeUnit.MILLISECONDS);
                }
                return true;
            }
        });
    }

    WebhookReceiver start() throws Exception {
        server.start();
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    static Answer echoMessageId(Received r) {
        String messageId = r.json().path("channel").path("messageId").asText();
        return Answer.of(200, Json.object().put("messageId", messageId).toString());
    }

    /** The next requests are answered with these, in order; then the default answer again. */
    WebhookReceiver then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    WebhookReceiver otherwise(Function<Received, Answer> answer) {
        this.otherwise = answer;
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + path;
    }

    Received next(Duration timeout) throws InterruptedException {
        Received r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("No webhook request within " + timeout);
        }
        return r;
    }

    void reset() {
        received.clear();
        all.clear();
        script.clear();
        otherwise = WebhookReceiver::echoMessageId;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
