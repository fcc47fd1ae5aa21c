package io.camelgenesys.core.webhook;

import java.util.regex.Pattern;

import io.camelgenesys.core.metrics.ConsumerMetrics;
import io.camelgenesys.core.metrics.GenesysMetrics;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a Genesys webhook request and hands it to the route; wraps the route's processor.
 * <ul>
 * <li>No {@code X-Hub-Signature} header: 401 (unless {@code signatureRequired=false}); a wrong one: 403. The route is
 * not called, the answer is a short JSON error, and one WARN line is logged without the secret, the signature or the
 * body.</li>
 * <li>Otherwise {@link #onVerified} maps the raw body into the message (by default the exact bytes received, as a
 * {@code byte[]}); when it fails the answer is 400 (the request is authentic but unusable: redelivery would not
 * help).</li>
 * <li>The route then runs. When it fails (an exception is left on the exchange, or it is marked rollback-only) the
 * answer is 500 so that Genesys redelivers; the exception is logged once (Camel's error handler normally logs it
 * already, then only a DEBUG line is added) and moved to the {@link Exchange#EXCEPTION_CAUGHT} property so that the
 * HTTP engine writes this answer rather than a stack trace. As a consequence, route {@code onCompletion} blocks see a
 * completed exchange.</li>
 * <li>When it succeeds, {@link #onSuccess} shapes the answer: by default the status is 200 (unless the route set
 * {@link Exchange#HTTP_RESPONSE_CODE}) and the body is what the route left.</li>
 * </ul>
 * Each answer is counted in the {@code genesys.webhook.deliveries} meter of the route when Micrometer is there
 * ({@link ConsumerMetrics#webhookDelivery}), whether the request came through the endpoint's own consumer or the
 * {@code webhook:} meta-component.
 * <p>
 * Subclass it to parse the payload into a model and to answer what the API specifies (for example
 * {@code {"messageId": ...}}), and return the subclass from {@link GenesysWebhookEndpoint#createWebhookProcessor}.
 */
public class GenesysWebhookProcessor extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysWebhookProcessor.class);

    /** The optional Genesys trace header; logged when it looks like a trace id. */
    public static final String TRACE_HEADER = "X-B3-TraceId";

    private static final Pattern SAFE_TRACE_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private final GenesysWebhookConfiguration configuration;
    private final AsyncProcessor next;
    private final String source;
    private final Endpoint endpoint;
    /** The route's meters, found at the first request (the route id comes with it); {@code null} until then. */
    private volatile ConsumerMetrics metrics;

    /**
     * @param endpoint      the Genesys endpoint the webhook belongs to (only its base URI, without options, is used, in
     *                      log lines)
     * @param configuration its webhook options; validated here
     * @param next          the route's processor
     */
    public GenesysWebhookProcessor(Endpoint endpoint, GenesysWebhookConfiguration configuration, Processor next) {
        if (configuration == null || next == null) {
            throw new IllegalArgumentException("configuration and next are required");
        }
        configuration.validate();
        this.configuration = configuration;
        this.next = AsyncProcessorConverterHelper.convert(next);
        this.endpoint = endpoint;
        this.source = endpoint != null ? URISupport.sanitizeUri(endpoint.getEndpointBaseUri()) : "genesys webhook";
    }

    public GenesysWebhookConfiguration getConfiguration() {
        return configuration;
    }

    /** The route's processor. */
    public AsyncProcessor getNext() {
        return next;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        ConsumerMetrics m = metrics(exchange);
        if (!m.enabled()) {
            return verifyAndRoute(exchange, callback);
        }
        return verifyAndRoute(exchange, doneSync -> {
            // every answer below sets its status; 200 is what platform-http answers otherwise
            Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            m.webhookDelivery(status != null ? status : 200);
            callback.done(doneSync);
        });
    }

    private ConsumerMetrics metrics(Exchange exchange) {
        ConsumerMetrics m = metrics;
        if (m == null) {
            synchronized (this) {
                m = metrics;
                if (m == null) {
                    m = GenesysMetrics.of(exchange.getContext()).consumer(routeId(exchange));
                    metrics = m;
                }
            }
        }
        return m;
    }

    /**
     * The route of the request: the exchange's, as the endpoint's own consumer sets it; the {@code webhook:}
     * meta-component's platform-http consumers set none, so then the route whose consumer delegates to this endpoint.
     */
    private String routeId(Exchange exchange) {
        String id = exchange.getFromRouteId();
        if (id != null || endpoint == null) {
            return id;
        }
        for (Route route : exchange.getContext().getRoutes()) {
            if (route.getEndpoint() instanceof DelegateEndpoint d && d.getEndpoint() == endpoint) {
                return route.getRouteId();
            }
        }
        return null;
    }

    /** Removes the route's meters (the consumer stopped). */
    @Override
    protected void doStop() throws Exception {
        ConsumerMetrics m = metrics;
        metrics = null;
        if (m != null) {
            m.close();
        }
        super.doStop();
    }

    private boolean verifyAndRoute(Exchange exchange, AsyncCallback callback) {
        final byte[] body;
        try {
            body = readBody(exchange);
            String signature = exchange.getMessage().getHeader(HubSignature.HEADER, String.class);
            if (signature == null || signature.isBlank()) {
                if (configuration.isSignatureRequired()) {
                    reject(exchange, 401, "Missing X-Hub-Signature header");
                    callback.done(true);
                    return true;
                }
            } else if (configuration.hasSecret()
                    && !HubSignature.matches(configuration.getSecret(), body, signature)) {
                reject(exchange, 403, "Invalid X-Hub-Signature");
                callback.done(true);
                return true;
            }
        } catch (Exception e) {
            // reading the body failed (e.g. the client went away): nothing was routed, let Genesys try again
            LOG.warn("Genesys webhook {}: cannot read the request ({}); answering 500", source, e.getClass().getName());
            respondJson(exchange, 500, errorJson(500, "Cannot read the request"));
            callback.done(true);
            return true;
        }

        try {
            onVerified(exchange, body);
        } catch (Exception e) {
            // the body is authentic but unusable; do not log its contents, nor the message (parsers quote the input)
            LOG.warn("Genesys webhook {}: request refused, its verified payload cannot be read ({}){}; answering 400",
                    source, e.getClass().getName(), traceSuffix(exchange));
            respondJson(exchange, 400, errorJson(400, "Invalid payload"));
            callback.done(true);
            return true;
        }

        return next.process(exchange, doneSync -> {
            try {
                afterRoute(exchange);
            } finally {
                callback.done(doneSync);
            }
        });
    }

    private void afterRoute(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure == null && !exchange.isRollbackOnly() && !exchange.isRollbackOnlyLast()) {
            try {
                onSuccess(exchange);
                return;
            } catch (Exception e) {
                failure = e;
                LOG.warn("Genesys webhook {}: cannot write the answer{}; answering 500", source, traceSuffix(exchange), e);
            }
        } else if (failure == null) {
            LOG.warn("Genesys webhook {}: the route marked the exchange {} rollback-only{}; answering 500 so that Genesys"
                     + " redelivers",
                    source, exchange.getExchangeId(), traceSuffix(exchange));
        } else if (exchange.getExchangeExtension().isErrorHandlerHandledSet()) {
            // Camel's error handler has already logged it (unless told not to): do not log it a second time
            LOG.debug("Genesys webhook {}: the route failed on exchange {} ({}){}; answering 500 so that Genesys redelivers",
                    source, exchange.getExchangeId(), failure.getClass().getName(), traceSuffix(exchange));
        } else {
            LOG.warn("Genesys webhook {}: the route failed on exchange {}{}; answering 500 so that Genesys redelivers",
                    source, exchange.getExchangeId(), traceSuffix(exchange), failure);
        }
        if (failure != null) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
            exchange.setException(null);
        }
        exchange.setRollbackOnly(false);
        exchange.setRollbackOnlyLast(false);
        respondJson(exchange, 500, errorJson(500, "The webhook could not be processed"));
    }

    /**
     * Reads the raw request body, exactly as received. Platform-http engines deliver a Vert.x {@code Buffer}, an
     * {@code InputStream} or a {@code byte[]}; Camel's type converters turn each into the same bytes.
     */
    protected byte[] readBody(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        if (message.getBody() == null) {
            return new byte[0];
        }
        return message.getMandatoryBody(byte[].class);
    }

    /**
     * Maps the verified body into the message before the route runs. By default the body becomes the exact bytes that
     * were received (a {@code byte[]}, which converts to {@code String}, {@code InputStream}, ...). Override to parse it
     * into a model, e.g. {@code exchange.getMessage().setBody(mapper.readValue(body, Events.class))}. An exception here
     * answers 400 without calling the route.
     */
    protected void onVerified(Exchange exchange, byte[] body) throws Exception {
        exchange.getMessage().setBody(body);
    }

    /**
     * Shapes the answer after the route succeeded. By default: 200 unless the route set
     * {@link Exchange#HTTP_RESPONSE_CODE}, and the body the route left. Override to answer what the API specifies, e.g.
     * {@code respondJson(exchange, 200, "{\"messageId\":\"...\"}")}. An exception here answers 500.
     */
    protected void onSuccess(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        if (message.getHeader(Exchange.HTTP_RESPONSE_CODE) == null) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        }
    }

    /** Sets the HTTP status, {@code Content-Type: application/json} and the body of the answer. */
    protected static void respondJson(Exchange exchange, int status, String json) {
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(json);
    }

    private void reject(Exchange exchange, int status, String reason) {
        LOG.warn("Genesys webhook {}: request refused, {}{}; answering {}", source, reason, traceSuffix(exchange), status);
        // the signature is not a secret, but there is no reason to echo it back as a response header
        exchange.getMessage().removeHeader(HubSignature.HEADER);
        respondJson(exchange, status, errorJson(status, reason));
    }

    private static String errorJson(int status, String message) {
        // fixed texts only: nothing from the request goes into the answer
        return "{\"status\":" + status + ",\"error\":\"" + message + "\"}";
    }

    /** The Genesys trace id for log correlation, only when it cannot inject anything into the log line. */
    private static String traceSuffix(Exchange exchange) {
        String trace = exchange.getMessage().getHeader(TRACE_HEADER, String.class);
        return trace != null && SAFE_TRACE_ID.matcher(trace).matches() ? " (" + TRACE_HEADER + " " + trace + ")" : "";
    }

    @Override
    public String toString() {
        return "GenesysWebhookProcessor[" + source + "]";
    }
}
