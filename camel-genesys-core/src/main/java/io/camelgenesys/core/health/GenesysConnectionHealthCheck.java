package io.camelgenesys.core.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysErrors;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one Genesys connection: DOWN when no token can be obtained, or when the last request got no response
 * or a 5xx; UP otherwise. Details: last HTTP status, requests, retries, failures, the rate-limit budget left.
 * Enabled while a producer of a component with {@code healthCheckProducerEnabled} uses the connection (see
 * {@link GenesysHealthCheckRepository}).
 */
public final class GenesysConnectionHealthCheck extends AbstractHealthCheck {

    private final GenesysConnection connection;

    public GenesysConnectionHealthCheck(GenesysConnection connection) {
        super("camel-genesys", "genesys-connection-" + connection.id());
        this.connection = connection;
    }

    @Override
    public boolean isEnabled() {
        return super.isEnabled() && connection.healthCheckUsers() > 0;
    }

    @Override
    public boolean isLiveness() {
        // a Genesys outage must not make an orchestrator restart the application
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("genesys.connection", connection.id());
        builder.detail("genesys.baseUrl", connection.baseUrl());
        builder.detail("genesys.requests", connection.requestCount());
        builder.detail("genesys.retries", connection.retryCount());
        builder.detail("genesys.failures", connection.failureCount());
        builder.detail("genesys.lastHttpStatus", connection.lastStatus());
        Integer remaining = connection.rateLimiter().lastRemaining();
        if (remaining != null) {
            builder.detail("genesys.rateLimitRemaining", remaining);
        }
        if (!connection.tokens().hasValidToken()) {
            try {
                // token obtainable? (single flight: a concurrent request shares this attempt)
                connection.tokens().authorization().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                Throwable cause = GenesysErrors.unwrap(e);
                builder.down().message("No Genesys access token: " + cause.getMessage()).error(cause);
                return;
            }
        }
        int status = connection.lastStatus();
        if (status == 0 && connection.lastTransportFailure() != null) {
            builder.down().message("The last Genesys request got no response: "
                                   + connection.lastTransportFailure().getMessage());
            return;
        }
        if (status >= 500) {
            builder.down().message("The last Genesys request failed with HTTP " + status);
            return;
        }
        builder.up();
    }
}
