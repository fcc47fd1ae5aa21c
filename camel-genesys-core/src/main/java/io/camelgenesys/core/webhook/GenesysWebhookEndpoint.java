package io.camelgenesys.core.webhook;

import java.util.List;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;

/**
 * Mixed into an endpoint that receives Genesys webhooks. The endpoint gives its options
 * ({@link #getWebhookConfiguration()}) and its payloads' {@link GenesysWebhookHandler}, and returns a
 * {@link GenesysWebhookConsumer} from {@code createConsumer}; the default methods make it a
 * {@link WebhookCapableEndpoint}, so that both
 * <pre>
 * from("genesys-messaging:webhook?webhookPath=/genesys/messages&amp;secret=RAW(...)")          // platform-http directly
 * from("webhook:genesys-messaging:webhook?webhookPath=/genesys/messages&amp;secret=RAW(...)")  // the webhook: meta-component
 * </pre>
 * receive, verify and answer the same way.
 */
public interface GenesysWebhookEndpoint extends WebhookCapableEndpoint {

    /** The endpoint's options (its configuration, which extends {@link GenesysWebhookConfiguration}). */
    GenesysWebhookConfiguration getWebhookConfiguration();

    /** How this endpoint's payloads become exchanges and answers. */
    GenesysWebhookHandler getWebhookHandler();

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
        return getWebhookConfiguration().resolveWebhookPath(getDefaultWebhookPath());
    }

    /**
     * The webhook: meta-component binds this handler to its REST consumer: the same verification and answers, the
     * route's exchanges made from this endpoint (with the meta route's id).
     */
    @Override
    default Processor createWebhookHandler(Processor next) {
        Endpoint self = this;
        return new GenesysWebhookProcessor(this, getWebhookConfiguration(), getWebhookHandler(), next,
                new GenesysWebhookProcessor.RouteExchanges() {
                    @Override
                    public Exchange create(Exchange request) {
                        Exchange exchange = self.createExchange();
                        exchange.getExchangeExtension().setFromEndpoint(self);
                        exchange.getExchangeExtension().setFromRouteId(request.getFromRouteId());
                        return exchange;
                    }

                    @Override
                    public void release(Exchange exchange) {
                        // not pooled
                    }
                });
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
        WebhookSupport.logUrlToConfigure(this, getWebhookConfiguration().retrieveMetaWebhookConfiguration());
    }

    /** Nothing to unregister: the webhook URL is configured on the Genesys side. */
    @Override
    default void unregisterWebhook() throws Exception {
        // no-op: see registerWebhook
    }

    /** Keeps the webhook: meta-component's configuration (used to log the external URL). */
    @Override
    default void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        getWebhookConfiguration().storeMetaWebhookConfiguration(webhookConfiguration);
    }
}
