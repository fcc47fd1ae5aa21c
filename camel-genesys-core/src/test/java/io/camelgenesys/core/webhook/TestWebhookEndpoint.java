package io.camelgenesys.core.webhook;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Test-only endpoint: what a Genesys webhook endpoint needs beyond the base. Operation {@code message} behaves like
 * the third-party messaging webhook (JSON parsed into a Map body, its {@code messageId} recognizes redeliveries and is
 * answered as {@code {"messageId": ...}}); operation {@code faulty} is the same for one message or a JSON array of them
 * (one event each), and fails as the request's {@link #FAILURE} header says; any other operation keeps the raw handler
 * (exact bytes in, the route's body out).
 */
public class TestWebhookEndpoint extends DefaultEndpoint implements GenesysWebhookEndpoint {

    /**
     * How the {@code faulty} handler fails: {@code assertion} (an AssertionError quoting the body), {@code recursion} (a
     * real StackOverflowError), {@code runtimeAfterParse} (an IllegalStateException quoting the body, once the events
     * are built), {@code eventsFailAfterFirst} (the events list gives the first event, then throws an
     * IllegalStateException quoting the body), {@code eventsErrorAfterFirst} (the same with an AssertionError).
     */
    public static final String FAILURE = "X-Test-Handler-Failure";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String operation;
    private final GenesysWebhookConfiguration configuration;

    public TestWebhookEndpoint(String uri, TestWebhookComponent component, String operation,
                               GenesysWebhookConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public GenesysWebhookConfiguration getWebhookConfiguration() {
        return configuration;
    }

    @Override
    public GenesysWebhookHandler getWebhookHandler() {
        if ("faulty".equals(operation)) {
            return TestWebhookEndpoint::faulty;
        }
        if (!"message".equals(operation)) {
            return GenesysWebhookHandler.RAW;
        }
        return (body, request) -> {
            Map<?, ?> map = MAPPER.readValue(body, Map.class);
            String id = (String) map.get("messageId");
            return new GenesysWebhookHandler.Payload(
                    List.of(new GenesysWebhookHandler.Event(id, map, Map.of("TestMessageId", String.valueOf(id)))),
                    MAPPER.writeValueAsString(Map.of("messageId", String.valueOf(id))));
        };
    }

    private static GenesysWebhookHandler.Payload faulty(byte[] body, Exchange request) throws Exception {
        Object parsed = MAPPER.readValue(body, Object.class);
        List<?> messages = parsed instanceof List<?> list ? list : List.of(parsed);
        List<GenesysWebhookHandler.Event> events = new ArrayList<>();
        for (Object m : messages) {
            String id = String.valueOf(((Map<?, ?>) m).get("messageId"));
            events.add(new GenesysWebhookHandler.Event(id, m, Map.of("TestMessageId", id)));
        }
        String quoted = new String(body, StandardCharsets.UTF_8);
        String failure = request.getMessage().getHeader(FAILURE, "", String.class);
        List<GenesysWebhookHandler.Event> given = switch (failure) {
            case "assertion" -> throw new AssertionError("handler bug on " + quoted);
            case "recursion" -> List.of(new GenesysWebhookHandler.Event(String.valueOf(recurse(0)), null, null));
            case "runtimeAfterParse" -> throw new IllegalStateException("half done with " + quoted);
            case "eventsFailAfterFirst" -> failingAfterFirst(events, () -> new IllegalStateException("no more of " + quoted));
            case "eventsErrorAfterFirst" -> failingAfterFirst(events, () -> new AssertionError("no more of " + quoted));
            default -> events;
        };
        return new GenesysWebhookHandler.Payload(given, "{\"count\":" + events.size() + "}");
    }

    /** Never returns: a real StackOverflowError, as a handler recursing into a deeply nested document would get. */
    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    private static List<GenesysWebhookHandler.Event> failingAfterFirst(
            List<GenesysWebhookHandler.Event> events, java.util.function.Supplier<Throwable> failure) {
        return new AbstractList<>() {
            @Override
            public GenesysWebhookHandler.Event get(int index) {
                if (index > 0) {
                    Throwable t = failure.get();
                    if (t instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) t;
                }
                return events.get(0);
            }

            @Override
            public int size() {
                return events.size();
            }
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        GenesysWebhookConsumer consumer = new GenesysWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("genesys-webhook-test is consumer only");
    }
}
