package io.camelgenesys.messaging;

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
 * Genesys Multicloud CX Third-Party Messaging: hand consumer messages and delivery receipts to Digital Channels, upload,
 * read and delete media, and receive what agents send through the channel with {@code from("genesys-messaging:webhook")}
 * (a signed webhook Genesys calls on your platform-http server).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-messaging", title = "Genesys Messaging",
             syntax = "genesys-messaging:operation", category = { Category.CLOUD, Category.SAAS, Category.CHAT },
             headersClass = MessagingConstants.class)
public class MessagingEndpoint extends GenesysDefaultEndpoint<MessagingOperation> implements GenesysWebhookEndpoint {

    @UriPath(description = "The operation: sendMessage, sendReceipt, uploadMedia, getMedia or deleteMedia in to();"
                           + " webhook in from().")
    @Metadata(required = true)
    private MessagingOperation operation;

    @UriParam
    private final MessagingConfiguration configuration;

    public MessagingEndpoint(String uri, Component component, MessagingConfiguration configuration) {
        super(uri, component, MessagingOperation.class);
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
        return new MessagingWebhookHandler(configuration.getOutputType());
    }

    @Override
    public MessagingConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public MessagingOperation getOperation() {
        return operation;
    }

    public void setOperation(MessagingOperation operation) {
        this.operation = operation;
    }
}
