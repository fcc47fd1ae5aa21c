package io.camelgenesys.core.webhook;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Test-only endpoint: what a Genesys webhook endpoint needs beyond the base. Operation {@code message} behaves like
 * the third-party messaging webhook (JSON parsed into the body, answers {@code {"messageId": ...}}); any other
 * operation keeps the base defaults (exact bytes in, the route's body out).
 */
public class TestWebhookEndpoint extends DefaultEndpoint implements GenesysWebhookEndpoint {

    private final String operation;
    private final GenesysWebhookConfiguration configuration;

    public TestWebhookEndpoint(String uri, TestWebhookComponent component, String operation,
                               GenesysWebhookConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public GenesysWebhookConfiguration getGenesysWebhookConfiguration() {
        return configuration;
    }

    @Override
    public GenesysWebhookProcessor createWebhookProcessor(Processor next) {
        return "message".equals(operation)
                ? new TestMessageProcessor(this, configuration, next)
                : GenesysWebhookEndpoint.super.createWebhookProcessor(next);
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
