package io.camelgenesys.core.metrics;

import java.util.function.LongSupplier;

/**
 * What a consumer reports to Micrometer, one method per event, tagged with its route. {@link #NONE} (every method
 * does nothing) when Micrometer or a registry is absent. Get one with
 * {@code GenesysMetrics.of(camelContext).consumer(routeId)} when the consumer starts and {@link #close()} it when it
 * stops. No Micrometer type appears here, so this interface loads without Micrometer.
 */
public interface ConsumerMetrics {

    /** Reports nothing. */
    ConsumerMetrics NONE = new ConsumerMetrics() {
    };

    /** Whether events are recorded (Micrometer and a registry are there). */
    default boolean enabled() {
        return false;
    }

    /**
     * A webhook request was answered ({@code genesys.webhook.deliveries}): the outcome follows from the status,
     * {@code delivered} (2xx: the route processed it), {@code rejected} (401/403: no or a wrong signature),
     * {@code invalid} (other 4xx: an unusable payload) or {@code failed} (5xx: Genesys redelivers).
     *
     * @param status the HTTP status of the answer
     */
    default void webhookDelivery(int status) {
    }

    /**
     * Registers the statistics consumer's value counters ({@code genesys.statistics.values}), read from counts the
     * consumer keeps anyway when the registry is scraped (nothing per value).
     *
     * @param delivered values handed to the route
     * @param stale     values dropped because their statistic had a newer (or the same) value delivered already
     * @param overflow  values dropped because the route was so far behind that the queue was full
     */
    default void statisticsValues(LongSupplier delivered, LongSupplier stale, LongSupplier overflow) {
    }

    /** The consumer stopped: its meters are removed from the registry. */
    default void close() {
    }
}
