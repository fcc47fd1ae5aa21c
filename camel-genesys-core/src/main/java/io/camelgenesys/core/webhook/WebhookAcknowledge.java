package io.camelgenesys.core.webhook;

/**
 * When a Genesys webhook consumer answers Genesys (option {@code acknowledge}).
 */
public enum WebhookAcknowledge {
    /**
     * After the route: 200 when it succeeded, 500 when it failed, 503 when it has not finished within
     * {@code responseTimeout} (the route goes on; a redelivery then gets its outcome). Genesys redelivers on 5xx, so a
     * message is acknowledged only once it was processed.
     */
    afterRoute,
    /**
     * As soon as the request is verified, parsed and handed to the route: 200 at once, whatever the route then does.
     * For routes slower than Genesys' 10 seconds. What is handed over but not yet processed is lost if the process
     * stops (Genesys does not redeliver an acknowledged message).
     */
    immediately
}
