package io.camelgenesys.core.webhook;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Genesys webhooks on the platform-http server: on start it opens a {@code platform-http} consumer on the
 * endpoint's webhook path (POST only) whose processor is the verifying {@link GenesysWebhookProcessor} followed by the
 * route; on stop it closes it. Works with any platform-http engine on the classpath (camel-platform-http-main / Vert.x,
 * Quarkus, Spring Boot).
 */
public class GenesysWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysWebhookConsumer.class);

    private final GenesysWebhookEndpoint webhookEndpoint;
    private volatile Consumer httpConsumer;
    private volatile Processor handler;
    private volatile String path;

    public GenesysWebhookConsumer(GenesysWebhookEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.webhookEndpoint = endpoint;
    }

    /** The path served, once started. */
    public String getPath() {
        return path;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        GenesysWebhookConfiguration configuration = webhookEndpoint.getGenesysWebhookConfiguration();
        String resolved = webhookEndpoint.resolveWebhookPath();
        Processor handler = webhookEndpoint.createWebhookProcessor(getProcessor());
        // started and stopped with this consumer: its stop removes its meters
        ServiceHelper.startService(handler);
        // muteException: should anything escape the handler, no stack trace goes back to the caller
        Endpoint http = getEndpoint().getCamelContext()
                .getEndpoint("platform-http:" + resolved + "?httpMethodRestrict=POST&muteException=true");
        Consumer consumer = http.createConsumer(new Entry(handler));
        ServiceHelper.startService(consumer);
        this.httpConsumer = consumer;
        this.handler = handler;
        this.path = resolved;
        if (configuration.hasSecret()) {
            LOG.info("Receiving Genesys webhooks on POST {} (X-Hub-Signature {})", resolved,
                    configuration.isSignatureRequired() ? "required" : "verified when present");
        } else {
            LOG.warn("Receiving Genesys webhooks on POST {} WITHOUT signature verification (no secret set,"
                     + " signatureRequired=false): anyone who can reach this path can call the route",
                    resolved);
        }
    }

    @Override
    protected void doStop() throws Exception {
        Consumer consumer = httpConsumer;
        httpConsumer = null;
        if (consumer != null) {
            ServiceHelper.stopAndShutdownService(consumer);
        }
        ServiceHelper.stopService(handler);
        handler = null;
        super.doStop();
    }

    /**
     * The first processor of a request: makes the exchange look as if this consumer created it (from endpoint and
     * route id), as route-level features and the Camel tooling expect, then verifies and routes it.
     */
    private final class Entry extends AsyncProcessorSupport {
        private final AsyncProcessor handler;

        Entry(Processor handler) {
            this.handler = AsyncProcessorConverterHelper.convert(handler);
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            exchange.getExchangeExtension().setFromEndpoint(getEndpoint());
            exchange.getExchangeExtension().setFromRouteId(getRouteId());
            return handler.process(exchange, callback);
        }
    }
}
