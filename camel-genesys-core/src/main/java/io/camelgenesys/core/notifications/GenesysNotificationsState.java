package io.camelgenesys.core.notifications;

/**
 * The state of a {@link GenesysNotifications} CometD session, as health checks and consumers see it.
 */
public enum GenesysNotificationsState {

    /** Started, the first handshake or first {@code /meta/connect} has not succeeded yet. */
    CONNECTING,

    /** Handshaken and the last {@code /meta/connect} succeeded: messages flow. */
    CONNECTED,

    /**
     * Was connected, lost it (connect failure, server-side session loss, refused handshake) and is recovering: a
     * re-handshake or a new handshake after a backoff is under way.
     */
    RECONNECTING,

    /** Not started, or stopped: no session and no attempt to get one. */
    DISCONNECTED
}
