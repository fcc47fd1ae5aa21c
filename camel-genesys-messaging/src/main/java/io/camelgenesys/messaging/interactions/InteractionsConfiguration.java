package io.camelgenesys.messaging.interactions;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.webhook.GenesysWebhookConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of genesys-interactions: the webhook consumer's (inherited from {@link GenesysWebhookConfiguration};
 * {@code secret} is the interactions webhook's own secret) and {@code batch}. Genesys calls the endpoint, so no Genesys
 * credentials are needed. The webhook belongs to Genesys Multicloud CX Digital Channels, so {@code platform} is
 * {@code multicloud} here.
 */
@UriParams
public class InteractionsConfiguration extends GenesysWebhookConfiguration {

    @UriParam(label = "consumer", defaultValue = "false",
              description = "One exchange per request (the whole EventsPayload, whatever number of events it holds)"
                            + " instead of one per event. A failure then makes Genesys redeliver the whole payload,"
                            + " which the route processes again (redeliveries are recognized by operationId, or"
                            + " without one by the interaction ids and events of all its events).")
    private boolean batch;

    public InteractionsConfiguration() {
        setPlatform(GenesysPlatform.multicloud);
    }

    @Override
    public InteractionsConfiguration copy() {
        return (InteractionsConfiguration) super.copy();
    }

    public boolean isBatch() {
        return batch;
    }

    public void setBatch(boolean batch) {
        this.batch = batch;
    }
}
