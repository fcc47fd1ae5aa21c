package io.camelgenesys.statistics;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a genesys-stats subscribe consumer: UP when its CometD session is connected, the Statistics service is
 * available, its subscription exists on Genesys and its updates reach the session (see the consumer's delivery
 * check); DOWN otherwise, saying which and what to fix. Id
 * {@code genesys-stats-consumer-<routeId>}; the consumer sets it as its health check ({@code HealthCheckAware}), so
 * Camel's "consumers" repository reports it as {@code consumer:<routeId>}, as for camel-kafka.
 */
public final class StatisticsConsumerHealthCheck extends AbstractHealthCheck {

    private final StatisticsConsumer consumer;

    public StatisticsConsumerHealthCheck(StatisticsConsumer consumer, String routeId) {
        super("camel", "genesys-stats-consumer-" + routeId);
        this.consumer = consumer;
    }

    @Override
    public boolean isLiveness() {
        // a Genesys outage must not make an orchestrator restart the application
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StatisticsConsumer.Status s = consumer.status();
        builder.detail("genesys.statistics.subscriptionId", s.subscriptionId() != null ? s.subscriptionId() : "");
        builder.detail("genesys.statistics.serviceState", s.serviceAvailable() ? "AVAILABLE" : "UNAVAILABLE");
        builder.detail("genesys.statistics.subscriptionsCreated", s.subscriptionsCreated());
        builder.detail("genesys.cometd.state", s.cometd().name());
        // values not delivered because a newer (or the same) value of their statistic had been delivered
        builder.detail("genesys.statistics.staleValuesDropped", s.staleDropped());
        builder.detail("genesys.statistics.overflowValuesDropped", s.overflowDropped());
        if (s.up()) {
            builder.up();
        } else {
            builder.down().message(s.message());
        }
    }
}
