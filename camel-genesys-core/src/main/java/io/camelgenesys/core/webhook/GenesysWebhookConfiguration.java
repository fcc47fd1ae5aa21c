package io.camelgenesys.core.webhook;

import io.camelgenesys.core.GenesysConfiguration;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a component whose endpoints receive Genesys webhooks ({@code genesys-messaging:webhook},
 * {@code genesys-interactions:webhook}), on top of the shared ones: the component's configuration class extends this
 * one, as every component's extends {@link GenesysConfiguration} (camel-component-maven-plugin flattens inherited
 * options into the component and endpoint configurers; a nested configuration object is not generated correctly).
 * <p>
 * A webhook endpoint needs no Genesys credentials: Genesys calls it. The secret is {@code secret = true} and named
 * {@code secret}, a name on Camel's masking list, so that Camel masks it in logged URIs; {@link #toString()} never
 * shows it.
 * <p>
 * There is no option to register the webhook: Genesys webhook URLs are configured on the Genesys side (by your
 * Genesys representative); there is no API for it.
 */
@UriParams
public class GenesysWebhookConfiguration extends GenesysConfiguration {

    /** Genesys' limit for an answer to a Third-Party Messaging webhook (seed 002 L7273). */
    public static final long GENESYS_RESPONSE_LIMIT_MILLIS = 10_000;

    @UriParam(label = "consumer",
              description = "The HTTP path the webhook is served on by the platform-http server (camel-platform-http-main,"
                            + " Quarkus, Spring Boot), e.g. /genesys/messages. Genesys must be configured to call this"
                            + " path on your server. Defaults to /{scheme}/{operation}, e.g. /genesys-messaging/webhook."
                            + " Not used with the webhook: meta-component, whose own webhookPath option applies.")
    private String webhookPath;

    @UriParam(label = "security", secret = true,
              description = "The channel secret: the HMAC-SHA1 key of X-Hub-Signature: sha1=... Webhook consumers verify"
                            + " the signature Genesys puts on each request body with it; genesys-messaging producers"
                            + " sign every request with it. Not the OAuth clientSecret.")
    private String secret;

    @UriParam(label = "security", defaultValue = "true",
              description = "Webhook consumers: whether a request without a valid X-Hub-Signature is refused (401 when"
                            + " the header is missing, 403 when it is wrong; the route is not called). Set to false"
                            + " only for a channel Genesys does not sign: requests without the header are then"
                            + " accepted, and a header that is present is still verified when a secret is set.")
    private boolean signatureRequired = true;

    @UriParam(label = "consumer", defaultValue = "1048576",
              description = "Webhook consumers: the largest request body accepted, in bytes. A larger one is answered"
                            + " 413 before it is read whole: at once when its Content-Length says so, else as soon as"
                            + " more bytes arrive (the connection is then closed).")
    private int maxBodySize = 1_048_576;

    @UriParam(label = "consumer", defaultValue = "afterRoute",
              description = "Webhook consumers: when Genesys gets its answer. afterRoute: once the route finished (200"
                            + " when it succeeded, 500 when it failed so that Genesys redelivers, 503 when it is still"
                            + " running after responseTimeout). immediately: 200 as soon as the request is verified and"
                            + " handed to the route, for routes slower than Genesys' 10 seconds; a message handed over"
                            + " but not yet processed is then lost if the application stops, since Genesys does not"
                            + " redeliver what was acknowledged.")
    private WebhookAcknowledge acknowledge = WebhookAcknowledge.afterRoute;

    @UriParam(label = "consumer", defaultValue = "8000",
              description = "Webhook consumers with acknowledge=afterRoute: milliseconds to wait for the route before"
                            + " answering 503 so that Genesys redelivers (the route goes on; the redelivery gets its"
                            + " outcome and is not processed twice). Genesys waits 10 seconds for an answer, so keep it"
                            + " below that, with room for the network.")
    private long responseTimeout = 8_000;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "Webhook consumers: whether redeliveries are recognized (by channel.messageId for messages,"
                            + " by operationId, interaction id and event for interaction events, by interaction id and"
                            + " event alone when a payload has no operationId) and acknowledged"
                            + " without calling the route again. A redelivery that arrives while the first delivery is"
                            + " still being processed waits for its outcome.")
    private boolean idempotent = true;

    @UriParam(label = "consumer",
              description = "Webhook consumers: the Camel IdempotentRepository that remembers processed messages, e.g."
                            + " #jdbcRepo for one shared by several instances or surviving restarts. By default each"
                            + " consumer keeps the last 10,000 in memory. In a repository given here each message has"
                            + " two keys: its own, added when it is admitted, and the same with #done, added once its"
                            + " route succeeded; only the #done key makes a redelivery acknowledged without the route,"
                            + " so a message another instance is still processing, or one an instance stopped before it"
                            + " finished, is processed again rather than lost.")
    private IdempotentRepository idempotentRepository;

    // the webhook: meta-component's configuration, when the endpoint is used through it; not an option (no @UriParam,
    // no bean property pair)
    private transient WebhookConfiguration metaWebhookConfiguration;

    @Override
    public GenesysWebhookConfiguration copy() {
        return (GenesysWebhookConfiguration) super.copy();
    }

    /** Whether a secret is set, without exposing it. */
    public boolean hasSecret() {
        return secret != null && !secret.isEmpty();
    }

    /**
     * The path to listen on: {@link #getWebhookPath()} when set, otherwise the given default; always with a leading
     * {@code /}.
     */
    public String resolveWebhookPath(String defaultPath) {
        String path = webhookPath != null && !webhookPath.isBlank() ? webhookPath.strip() : defaultPath;
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("webhookPath must be set");
        }
        if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            throw new IllegalArgumentException("webhookPath must be a plain path, without query or fragment: " + path);
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /**
     * Checks the webhook options, when a webhook consumer is created (a webhook endpoint needs no Genesys credentials,
     * so {@link #validate()}, which checks those, is not called for it).
     *
     * @throws IllegalArgumentException naming the option and the rule
     */
    public void validateWebhook() {
        if (signatureRequired && !hasSecret()) {
            throw new IllegalArgumentException(
                    "The Genesys webhook secret must be set (option secret), or signatureRequired=false for a channel"
                                               + " that Genesys does not sign");
        }
        if (maxBodySize < 1) {
            throw new IllegalArgumentException("maxBodySize must be at least 1 byte, was " + maxBodySize);
        }
        if (responseTimeout < 1) {
            throw new IllegalArgumentException("responseTimeout must be at least 1 millisecond, was " + responseTimeout);
        }
    }

    /** Keeps the webhook: meta-component's configuration of the endpoint (null when used directly). */
    public void storeMetaWebhookConfiguration(WebhookConfiguration configuration) {
        this.metaWebhookConfiguration = configuration;
    }

    /** The webhook: meta-component's configuration of the endpoint, or null when used directly. */
    public WebhookConfiguration retrieveMetaWebhookConfiguration() {
        return metaWebhookConfiguration;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public boolean isSignatureRequired() {
        return signatureRequired;
    }

    public void setSignatureRequired(boolean signatureRequired) {
        this.signatureRequired = signatureRequired;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public WebhookAcknowledge getAcknowledge() {
        return acknowledge;
    }

    public void setAcknowledge(WebhookAcknowledge acknowledge) {
        this.acknowledge = acknowledge;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public boolean isIdempotent() {
        return idempotent;
    }

    public void setIdempotent(boolean idempotent) {
        this.idempotent = idempotent;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[webhookPath=" + webhookPath + ", secret=" + (hasSecret() ? "xxxxxx" : "<none>")
               + ", signatureRequired=" + signatureRequired + ", acknowledge=" + acknowledge + ", " + super.toString()
               + "]";
    }
}
