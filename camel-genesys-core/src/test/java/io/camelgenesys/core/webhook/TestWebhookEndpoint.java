package io.camelgenesys.core.webhook;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Test-only endpoint: what a Genesys webhook endpoint needs beyond the base. Operation {@code message} behaves like
 * the third-party messaging webhook (JSON parsed into a Map body, its {@code messageId} recognizes redeliveries and is
 * answered as {@code {"messageId": ...}}); any other operation keeps the raw handler (exact bytes in, the route's body
 * out).
 */
public class TestWebhookEndpoint extends DefaultEndpoint implements GenesysWebhookEndpoint {

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
