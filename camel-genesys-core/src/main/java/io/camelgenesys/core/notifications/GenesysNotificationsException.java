package io.camelgenesys.core.notifications;

/**
 * Genesys refused a CometD operation (e.g. a channel subscription). The message names the channel and the Bayeux
 * error; it never contains a credential.
 */
public class GenesysNotificationsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GenesysNotificationsException(String message) {
        super(message);
    }
}
