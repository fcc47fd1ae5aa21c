package io.camelgenesys.messaging.interactions;

import io.camelgenesys.core.GenesysDefaultEndpoint;
import io.camelgenesys.core.webhook.GenesysWebhookConfiguration;
import io.camelgenesys.core.webhook.GenesysWebhookConsumer;
import io.camelgenesys.core.webhook.GenesysWebhookEndpoint;
import io.camelgenesys.core.webhook.GenesysWebhookHandler;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * The Genesys Multicloud CX Interactions webhook: the STARTED and FINISHED events of chat and secure email
 * interactions, which Genesys POSTs (signed) to your platform-http server; {@code from("genesys-interactions:webhook")}
 * turns each into an exchange.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-interactions", title = "Genesys Interactions",
             syntax = "genesys-interactions:operation", consumerOnly = true,
             category = { Category.CLOUD, Category.SAAS, Category.CHAT }, headersClass = InteractionsConstants.class)
public class InteractionsEndpoint extends GenesysDefaultEndpoint<InteractionsOperation> implements GenesysWebhookEndpoint {

    @UriPath(description = "The operation: webhook (in from()).")
    @Metadata(required = true)
    private InteractionsOperation operation;

    @UriParam
    private final InteractionsConfiguration configuration;

    public InteractionsEndpoint(String uri, Component component, InteractionsConfiguration configuration) {
        super(uri, component, InteractionsOperation.class);
        this.configuration = configuration;
    }

    @Override
    protected Consumer createOperationConsumer(Processor processor) {
        return new GenesysWebhookConsumer(this, processor);
    }

    @Override
    public GenesysWebhookConfiguration getWebhookConfiguration() {
        return configuration;
    }

    @Override
    public GenesysWebhookHandler getWebhookHandler() {
        return new InteractionsWebhookHandler(configuration.getOutputType(), configuration.isBatch());
    }

    @Override
    public InteractionsConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public InteractionsOperation getOperation() {
        return operation;
    }

    public void setOperation(InteractionsOperation operation) {
        this.operation = operation;
    }
}
