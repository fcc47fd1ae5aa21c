package io.camelgenesys.core.metrics;

/**
 * What a shared connection reports to Micrometer, one method per event. {@link #NONE} (every method does nothing)
 * when Micrometer or a registry is absent; callers that must measure something first (a {@code System.nanoTime()})
 * ask {@link #enabled()}. Counts the connection keeps anyway (retries, 429s, tokens) are read by the meters when
 * scraped, not reported here. No Micrometer type appears here, so this interface loads without Micrometer.
 */
public interface ConnectionMetrics {

    /** Reports nothing. */
    ConnectionMetrics NONE = new ConnectionMetrics() {
    };

    /** Whether events are recorded (Micrometer and a registry are there). */
    default boolean enabled() {
        return false;
    }

    /**
     * One HTTP exchange with Genesys through the connection's pipeline: each attempt counts (a retry and the replay
     * after a 401 are requests of their own), token requests do not ({@code genesys.token.refreshes}).
     *
     * @param operation     the operation name ({@code GenesysRequest#operation()}), never a path
     * @param status        the HTTP status, {@code 0} when no response came (an I/O error, a timeout)
     * @param durationNanos from sending to the response (or the failure)
     */
    default void request(String operation, int status, long durationNanos) {
    }

    /** A request waited this long for the connection's rate budget before it could be sent. */
    default void rateLimitWait(long nanos) {
    }

    /** A CometD session on {@code path} handshook again (a new session after a lost one). */
    default void cometdRehandshake(String path) {
    }

    /** The connection closed: its meters are removed from the registry. */
    default void close() {
    }
}
