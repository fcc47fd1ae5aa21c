package io.camelgenesys.quarkus.it.webhook;

import io.camelgenesys.core.webhook.TestWebhookComponent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Core's test-only {@code genesys-webhook-test} component for the application: it has no extension of its own (it is
 * in core's test-jar), so it is a CDI bean named by its scheme, which Camel Quarkus' registry resolves.
 */
@Singleton
class WebhookComponentProducer {

    @Produces
    @Singleton
    @Named(TestWebhookComponent.SCHEME)
    TestWebhookComponent genesysWebhookTest() {
        return new TestWebhookComponent();
    }
}
