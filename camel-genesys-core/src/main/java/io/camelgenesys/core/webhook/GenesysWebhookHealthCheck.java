package io.camelgenesys.core.webhook;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a Genesys webhook consumer: UP while its path is served by the platform-http server, DOWN otherwise.
 * Its details count what the webhook received (requests, processed events, redeliveries recognized, refusals by
 * signature, size and payload, route failures, answers given before the route finished) and say when the last request
 * came and why the last refusal happened. Refusals do not turn it DOWN: anyone can send a bad signature, and a
 * readiness check an outsider can flip would take the service out of its load balancer. Id
 * {@code genesys-webhook-consumer-<routeId>}; Camel's "consumers" repository reports it as {@code consumer:<routeId>}.
 */
public final class GenesysWebhookHealthCheck extends AbstractHealthCheck {

    private final GenesysWebhookConsumer consumer;

    public GenesysWebhookHealthCheck(GenesysWebhookConsumer consumer, String routeId) {
        super("camel", "genesys-webhook-consumer-" + routeId);
        this.consumer = consumer;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String path = consumer.getPath();
        builder.detail("genesys.webhook.path", path != null ? path : "");
        GenesysWebhookProcessor processor = consumer.getWebhookProcessor();
        if (processor != null) {
            GenesysWebhookProcessor.Stats s = processor.stats();
            builder.detail("genesys.webhook.received", s.received());
            builder.detail("genesys.webhook.processed", s.processed());
            builder.detail("genesys.webhook.duplicates", s.duplicates());
            builder.detail("genesys.webhook.refusedSignature", s.refusedSignature());
            builder.detail("genesys.webhook.refusedSize", s.refusedSize());
            builder.detail("genesys.webhook.refusedPayload", s.refusedPayload());
            builder.detail("genesys.webhook.failed", s.failed());
            builder.detail("genesys.webhook.timedOut", s.timedOut());
            if (s.lastRequestAt() != null) {
                builder.detail("genesys.webhook.lastRequestAt", s.lastRequestAt().toString());
            }
            if (s.lastRefusal() != null) {
                builder.detail("genesys.webhook.lastRefusal", s.lastRefusal());
            }
        }
        if (consumer.isServing()) {
            builder.up();
        } else {
            builder.down().message("The Genesys webhook is not served" + (path != null ? " on POST " + path : "")
                                   + ": the consumer is stopped or suspended");
        }
    }
}
