package io.camelgenesys.core.notifications;

/**
 * Receives the lifecycle events of a {@link GenesysNotifications} session. Methods are called on CometD / Jetty
 * threads: they must return quickly and never block (hand long work to an executor).
 */
public interface GenesysNotificationsListener {

    /**
     * The session state changed.
     *
     * @param previous the state before
     * @param current  the state now
     * @param error    the last error message when {@code current} is not {@code CONNECTED}, else {@code null}; never
     *                 contains a credential
     */
    default void onStateChange(GenesysNotificationsState previous, GenesysNotificationsState current, String error) {
    }

    /**
     * A new CometD session replaced a lost one: called on its handshake reply, before its channels are subscribed
     * again, so before any of its messages reaches a channel listener (unlike {@link #onResubscribed}, which comes
     * after the subscribe replies, when messages of the new session may already have arrived). The moment to mark
     * what the new session's messages must be told apart from.
     *
     * @param handshakeCount the number of successful handshakes so far (2 after the first re-handshake)
     */
    default void onNewSession(long handshakeCount) {
    }

    /**
     * A new CometD session replaced a lost one (server-side session loss, re-handshake, or a new handshake after the
     * server ended the session) and every remembered channel has been subscribed again (the subscribe replies have
     * arrived). Messages published while there was no session are lost: this is the moment to re-create server-side
     * resources tied to the session (e.g. Statistics subscriptions) or to re-read current values.
     *
     * @param handshakeCount the number of successful handshakes so far (2 after the first re-handshake)
     */
    default void onResubscribed(long handshakeCount) {
    }

    /**
     * The server refused a re-subscription made after a re-handshake (the first subscription of a channel reports a
     * refusal through the future of {@link GenesysNotifications#subscribe}). The channel's listeners no longer
     * receive messages.
     *
     * @param channel the channel
     * @param error   the Bayeux error, e.g. {@code 403::subscription denied}
     */
    default void onSubscriptionRefused(String channel, String error) {
    }
}
