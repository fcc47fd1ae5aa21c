package io.camelgenesys.core.webhook;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Genesys webhooks on the platform-http server: on start it opens a {@code platform-http} consumer on the
 * endpoint's webhook path (POST only, the body left unread by the engine so that a body over the limit is never
 * buffered) whose processor is the {@link GenesysWebhookProcessor}; the route runs on exchanges this consumer creates.
 * Works with any platform-http engine on the classpath (camel-platform-http-main / Vert.x, Quarkus, Spring Boot).
 * <p>
 * Its readiness check ({@link GenesysWebhookHealthCheck}, reported by Camel's {@code consumers} repository as
 * {@code consumer:<routeId>}) is UP while the path is served.
 */
public class GenesysWebhookConsumer extends DefaultConsumer
        implements Suspendable, GenesysWebhookProcessor.RouteExchanges {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysWebhookConsumer.class);

    /**
     * The paths served by Genesys webhook consumers, per context, with the route serving each. The platform-http
     * engines accept a second consumer on a path already served and leave it without requests: the second webhook
     * would look started (and its health check UP) while the first refused its channel's messages 403 (another
     * secret), which Genesys does not deliver again. Two endpoints without webhookPath share the default path.
     */
    private static final Map<CamelContext, Map<String, String>> SERVED = Collections.synchronizedMap(new WeakHashMap<>());

    private final GenesysWebhookEndpoint webhookEndpoint;
    /** The path this consumer holds in {@link #SERVED}, or null. */
    private String claimed;
    private volatile Consumer httpConsumer;
    private volatile GenesysWebhookProcessor processor;
    private volatile String path;

    public <E extends Endpoint & GenesysWebhookEndpoint> GenesysWebhookConsumer(E endpoint, Processor processor) {
        super(endpoint, processor);
        this.webhookEndpoint = endpoint;
    }

    /** The path served, once started. */
    public String getPath() {
        return path;
    }

    /** The request processor, once started (its counters are the health check's details). */
    public GenesysWebhookProcessor getWebhookProcessor() {
        return processor;
    }

    /** Whether the platform-http consumer serves the path now. */
    public boolean isServing() {
        Consumer http = httpConsumer;
        return isRunAllowed() && !isSuspended() && http != null && ServiceHelper.isStarted(http);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // fail when the route is created: a missing secret, a bad size or timeout
        webhookEndpoint.getWebhookConfiguration().validateWebhook();
        HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "consumers", HealthCheckRepository.class);
        if (repository != null) {
            GenesysWebhookHealthCheck check = new GenesysWebhookHealthCheck(this, getRouteId());
            check.setCamelContext(getEndpoint().getCamelContext());
            check.setEnabled(!(getEndpoint().getComponent() instanceof GenesysComponent c)
                             || c.isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        GenesysWebhookConfiguration configuration = webhookEndpoint.getWebhookConfiguration();
        String resolved = webhookEndpoint.resolveWebhookPath();
        claim(resolved);
        GenesysWebhookProcessor handler = null;
        Consumer consumer;
        try {
            handler = new GenesysWebhookProcessor(getEndpoint(), configuration, webhookEndpoint.getWebhookHandler(),
                    getProcessor(), this);
            // useBodyHandler=false: the engine hands over the unread request (Vert.x) so the size limit holds before
            // anything is buffered; muteException: should anything escape, no stack trace goes back to the caller
            Endpoint http = getEndpoint().getCamelContext().getEndpoint("platform-http:" + resolved
                                                                        + "?httpMethodRestrict=POST&muteException=true"
                                                                        + "&useBodyHandler=false");
            consumer = http.createConsumer(handler);
            ServiceHelper.startService(handler, consumer);
        } catch (Exception | Error e) {
            if (handler != null) {
                ServiceHelper.stopAndShutdownService(handler);
            }
            unclaim();
            throw e;
        }
        this.processor = handler;
        this.httpConsumer = consumer;
        this.path = resolved;
        if (configuration.hasSecret()) {
            LOG.info("Receiving Genesys webhooks on POST {} (X-Hub-Signature {}, acknowledge={})", resolved,
                    configuration.isSignatureRequired() ? "required" : "verified when present",
                    configuration.getAcknowledge());
        } else {
            LOG.warn("Receiving Genesys webhooks on POST {} WITHOUT signature verification (no secret set,"
                     + " signatureRequired=false): anyone who can reach this path can call the route",
                    resolved);
        }
    }

    @Override
    protected void doStop() throws Exception {
        Consumer consumer = httpConsumer;
        GenesysWebhookProcessor handler = processor;
        httpConsumer = null;
        if (consumer != null) {
            ServiceHelper.stopAndShutdownService(consumer);
        }
        if (handler != null) {
            ServiceHelper.stopAndShutdownService(handler);
        }
        unclaim();
        super.doStop();
    }

    /** Takes the path for this consumer's route; fails, naming both routes, when another Genesys webhook serves it. */
    private void claim(String path) {
        CamelContext context = getEndpoint().getCamelContext();
        String route = getRouteId() != null ? getRouteId() : getEndpoint().getEndpointBaseUri();
        synchronized (SERVED) {
            Map<String, String> paths = SERVED.computeIfAbsent(context, c -> new HashMap<>());
            String other = paths.putIfAbsent(path, route);
            if (other != null && !other.equals(route)) {
                throw new IllegalStateException("Route " + route + " cannot serve Genesys webhooks on POST " + path
                                                + ": route " + other + " serves that path already. Give each webhook"
                                                + " endpoint its own webhookPath (Genesys calls one URL per channel;"
                                                + " the default is /{scheme}/{operation} for all of them)");
            }
        }
        claimed = path;
    }

    private void unclaim() {
        String path = claimed;
        claimed = null;
        if (path != null) {
            CamelContext context = getEndpoint().getCamelContext();
            synchronized (SERVED) {
                Map<String, String> paths = SERVED.get(context);
                if (paths != null) {
                    paths.remove(path);
                    if (paths.isEmpty()) {
                        SERVED.remove(context);
                    }
                }
            }
        }
    }

    /** A suspended route's path answers 503 (the engine's), so that Genesys delivers again later. */
    @Override
    protected void doSuspend() throws Exception {
        ServiceHelper.suspendService(httpConsumer);
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeService(httpConsumer);
        super.doResume();
    }

    // the route's exchanges: this consumer's, as for any Camel consumer (from endpoint, route id, pooling)

    @Override
    public Exchange create(Exchange request) {
        return createExchange(false);
    }

    @Override
    public void release(Exchange exchange) {
        releaseExchange(exchange, false);
    }
}
