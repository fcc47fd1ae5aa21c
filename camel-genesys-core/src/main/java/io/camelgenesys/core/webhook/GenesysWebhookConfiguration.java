package io.camelgenesys.core.webhook;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of an endpoint that receives Genesys webhooks (for example {@code genesys-messaging:webhook} and
 * {@code genesys-messaging:interactions}). An endpoint holds one as a nested {@code @UriParam}; a component keeps a
 * default one and gives each endpoint a {@link #copy()}.
 * <p>
 * There is no {@code webhookAutoRegister}-style option: Genesys webhook URLs are configured on the Genesys side (by
 * your Genesys representative), there is no API to register them.
 * <p>
 * The secret is {@code secret = true} and named {@code secret}, a name on Camel's masking list, so that Camel masks it
 * in logged URIs and in configuration summaries; {@link #toString()} never shows it either.
 */
@UriParams
public class GenesysWebhookConfiguration implements Cloneable {

    @UriParam(label = "consumer",
              description = "The HTTP path the webhook is served on by the platform-http server (camel-platform-http-main,"
                            + " Quarkus, Spring Boot, ...), e.g. /genesys/messaging. Genesys must be configured to call"
                            + " this path on your server. Defaults to /{scheme}/{operation}, e.g."
                            + " /genesys-messaging/webhook. Not used with the webhook: meta-component, whose own"
                            + " webhookPath option applies.")
    private String webhookPath;

    @UriParam(label = "security", secret = true,
              description = "The webhook secret of the Genesys channel: the HMAC-SHA1 key Genesys signs each request body"
                            + " with (X-Hub-Signature: sha1=...). Required unless signatureRequired=false. Not the OAuth"
                            + " clientSecret.")
    private String secret;

    @UriParam(label = "security", defaultValue = "true",
              description = "Whether a request without a valid X-Hub-Signature is refused: 401 when the header is missing,"
                            + " 403 when it is wrong; the route is not called. Set to false only for a channel that"
                            + " Genesys does not sign (no secret): requests without the header are then accepted, and a"
                            + " header that is present is still verified when a secret is set.")
    private boolean signatureRequired = true;

    // the webhook: meta-component's configuration, when the endpoint is used through it; not an option
    private transient WebhookConfiguration metaWebhookConfiguration;

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
     * Checks that the options make sense together.
     *
     * @throws IllegalArgumentException when a signature is required but no secret is set
     */
    public void validate() {
        if (signatureRequired && !hasSecret()) {
            throw new IllegalArgumentException(
                    "The Genesys webhook secret must be set (option secret), or signatureRequired=false for a channel"
                                               + " that Genesys does not sign");
        }
    }

    // not a bean property on purpose (no get/set pair): it must not look like an endpoint option

    /** Keeps the webhook: meta-component's configuration of the endpoint (null when used directly). */
    public void storeMetaWebhookConfiguration(WebhookConfiguration configuration) {
        this.metaWebhookConfiguration = configuration;
    }

    /** The webhook: meta-component's configuration of the endpoint, or null when used directly. */
    public WebhookConfiguration retrieveMetaWebhookConfiguration() {
        return metaWebhookConfiguration;
    }

    /** A copy for one endpoint. */
    public GenesysWebhookConfiguration copy() {
        try {
            return (GenesysWebhookConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "GenesysWebhookConfiguration[webhookPath=" + webhookPath
               + ", secret=" + (hasSecret() ? "xxxxxx" : "<none>")
               + ", signatureRequired=" + signatureRequired + "]";
    }
}
