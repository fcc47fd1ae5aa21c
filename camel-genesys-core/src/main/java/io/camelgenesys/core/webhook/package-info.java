/**
 * Receiving Genesys webhooks (Digital Channels third-party messaging and interactions webhooks) on Camel platform-http.
 * <p>
 * Genesys POSTs each event with {@code X-Hub-Signature: sha1=<hex>}, the HMAC-SHA1 of the raw body keyed with the
 * channel's secret ({@link io.camelgenesys.core.webhook.HubSignature}), and redelivers until it gets 200. A request
 * with a missing signature is answered 401, a wrong one 403, and neither reaches the route; a route failure is answered
 * 500 so that Genesys redelivers ({@link io.camelgenesys.core.webhook.GenesysWebhookProcessor}).
 * <p>
 * A component's endpoint implements {@link io.camelgenesys.core.webhook.GenesysWebhookEndpoint} and returns a
 * {@link io.camelgenesys.core.webhook.GenesysWebhookConsumer}; its options come from a nested
 * {@link io.camelgenesys.core.webhook.GenesysWebhookConfiguration}. Both {@code from("scheme:op?...")} (platform-http
 * directly) and {@code from("webhook:scheme:op?...")} (the camel-webhook meta-component) then work.
 */
package io.camelgenesys.core.webhook;
