package io.camelgenesys.core.webhook;

import io.camelgenesys.core.auth.Secrets;
import org.apache.camel.Endpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logging for the default methods of {@link GenesysWebhookEndpoint} (an interface cannot hold a private logger). */
final class WebhookSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysWebhookEndpoint.class);

    private WebhookSupport() {
    }

    static void logUrlToConfigure(Endpoint endpoint, WebhookConfiguration meta) {
        String url = "this service's public URL";
        if (meta != null) {
            try {
                url = meta.getWebhookExternalUrl() != null
                        // user info and query masked: a gateway's credentials in the URL are not logged
                        ? Secrets.url(meta.computeFullExternalUrl())
                        // without webhookExternalUrl the host Camel computes (e.g. 0.0.0.0) means nothing to Genesys
                        : "<this service's public base URL>" + meta.computeFullPath(true);
            } catch (Exception e) {
                LOG.debug("Cannot compute the external webhook URL", e);
            }
        }
        LOG.info("{}: Genesys webhook URLs cannot be registered through an API; ask your Genesys representative to"
                 + " configure {} for the channel",
                URISupport.sanitizeUri(endpoint.getEndpointBaseUri()), url);
    }
}
