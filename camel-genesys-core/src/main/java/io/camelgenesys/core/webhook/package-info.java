/**
 * Receiving Genesys webhooks (Digital Channels third-party messaging and interactions webhooks) on Camel platform-http.
 * <p>
 * Genesys POSTs each event with {@code X-Hub-Signature: sha1=<hex>}, the HMAC-SHA1 of the raw body keyed with the
 * channel's secret ({@link io.camelgenesys.core.webhook.HubSignature}), and redelivers until it gets 2xx (200 for the
 * interactions webhook). {@link io.camelgenesys.core.webhook.GenesysWebhookProcessor} refuses a body over the size
 * limit before reading it whole (413), a missing signature (401) or a wrong one (403) before parsing anything, answers
 * what the route did (200, 500 on failure so that Genesys redelivers, 503 when it is still running) or acknowledges at
 * once, and recognizes redeliveries through a Camel {@code IdempotentRepository}.
 * <p>
 * A component's configuration class extends {@link io.camelgenesys.core.webhook.GenesysWebhookConfiguration}; its
 * endpoint implements {@link io.camelgenesys.core.webhook.GenesysWebhookEndpoint} (with the
 * {@link io.camelgenesys.core.webhook.GenesysWebhookHandler} that parses its payloads) and returns a
 * {@link io.camelgenesys.core.webhook.GenesysWebhookConsumer}. Both {@code from("scheme:op?...")} (platform-http
 * directly) and {@code from("webhook:scheme:op?...")} (the camel-webhook meta-component) then work.
 */
package io.camelgenesys.core.webhook;
