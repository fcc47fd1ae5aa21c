package io.camelgenesys.core;

import org.apache.camel.CamelException;

/**
 * The CamelContext is stopping, and a request that was waiting (for its turn in the rate budget, for a retry after a
 * failure, or for an access token) was released instead of keeping the shutdown waiting: it was not sent (again).
 * Genesys refused nothing, so the record is not bad: leave it for the next run rather than dead-lettering it. The
 * message names the request and what it waited for; the cause, when there is one, is the failure a retry waited
 * to recover from.
 */
public class GenesysStoppingException extends CamelException {

    private static final long serialVersionUID = 1L;

    public GenesysStoppingException(String message) {
        super(message);
    }

    public GenesysStoppingException(String message, Throwable cause) {
        super(message, cause);
    }
}
