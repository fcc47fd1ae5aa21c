package io.camelgenesys.core.webhook;

import java.util.List;

import org.apache.camel.Processor;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;

/**
 * Mixed into an endpoint that receives Genesys webhooks. The endpoint implements
 * {@link #getGenesysWebhookConfiguration()} (its nested {@code @UriParam}) and, in {@code createConsumer}, returns a
 * {@link GenesysWebhookConsumer}; the default methods make it a {@link WebhookCapableEndpoint}, so that both
 * <pre>
 * from("genesys-messaging:webhook?webhookPath=/genesys/messages&amp;secret=RAW(...)")          // platform-http directly
 * from("webhook:genesys-messaging:webhook?webhookPath=/genesys/messages&amp;secret=RAW(...)")  // the webhook: meta-component
 * </pre>
 * verify the {@code X-Hub-Signature} the same way. Override {@link #createWebhookProcessor} to shape the answer or
 * parse the payload, and {@link #getDefaultWebhookPath()} when the default path must be unique per endpoint (e.g. per
 * channel).
 */
public interface GenesysWebhookEndpoint extends WebhookCapableEndpoint {

    /** The endpoint's webhook options. */
    GenesysWebhookConfiguration getGenesysWebhookConfiguration();

    /**
     * The processor that verifies a request and then calls {@code next} (the route). Override to return a
     * {@link GenesysWebhookProcessor} subclass.
     */
    default GenesysWebhookProcessor createWebhookProcessor(Processor next) {
        return new GenesysWebhookProcessor(this, getGenesysWebhookConfiguration(), next);
    }

    /**
     * The path served when {@code webhookPath} is not set: {@code /{scheme}/{operation}}, e.g.
     * {@code /genesys-messaging/webhook}.
     */
    default String getDefaultWebhookPath() {
        String base = getEndpointBaseUri();
        int colon = base.indexOf(':');
        String scheme = colon > 0 ? base.substring(0, colon) : base;
        String rest = colon > 0 ? base.substring(colon + 1) : "";
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        return rest.isEmpty() ? "/" + scheme : "/" + scheme + "/" + rest;
    }

    /** The path the {@link GenesysWebhookConsumer} listens on. */
    default String resolveWebhookPath() {
        return getGenesysWebhookConfiguration().resolveWebhookPath(getDefaultWebhookPath());
    }

    /** The webhook: meta-component binds this handler (the verifying processor) to its REST consumer. */
    @Override
    default Processor createWebhookHandler(Processor next) {
        return createWebhookProcessor(next);
    }

    /** Genesys delivers webhooks with POST only. */
    @Override
    default List<String> getWebhookMethods() {
        return List.of("POST");
    }

    /**
     * Nothing to register: Genesys has no API to register a webhook URL; it is configured on the Genesys side (ask
     * your Genesys representative). The URL to give them is logged.
     */
    @Override
    default void registerWebhook() throws Exception {
        WebhookSupport.logUrlToConfigure(this, getGenesysWebhookConfiguration().retrieveMetaWebhookConfiguration());
    }

    /** Nothing to unregister: the webhook URL is configured on the Genesys side. */
    @Override
    default void unregisterWebhook() throws Exception {
        // no-op: see registerWebhook
    }

    /** Keeps the webhook: meta-component's configuration (used to log the external URL). */
    @Override
    default void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        getGenesysWebhookConfiguration().storeMetaWebhookConfiguration(webhookConfiguration);
    }
}
