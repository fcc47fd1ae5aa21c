package io.camelgenesys.core.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.GenesysAuthException;
import io.camelgenesys.core.auth.Secrets;
import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysErrors;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;

/**
 * Readiness of one Genesys connection. DOWN, with a message naming what to fix, when:
 * <ul>
 * <li>no token can be obtained (the token endpoint refuses the client, the user or the API key, or cannot be
 * reached);</li>
 * <li>Genesys refused the connection's credentials for good on its last refusal: a static {@code accessToken} or
 * Basic credentials answered 401 (they cannot be refreshed), a freshly obtained token answered 401 again, or a 403
 * refused the API key; until a later call succeeds;</li>
 * <li>the last request got no response, or a 5xx (not one its operation takes as an answer, such as the 500 of
 * UDM's bulk deletes listing what they did not delete).</li>
 * </ul>
 * UP otherwise, including before the first call (nothing known against it). A 403 of a valid token lacking one
 * permission is not DOWN (the other operations work): it is the {@code genesys.lastForbidden} detail. Other details:
 * last HTTP status, requests, retries, failures, the rate-limit budget left. No message or detail holds a credential.
 * <p>
 * It is a producer check: enabled only while Camel's producer health checks are on globally
 * ({@code camel.health.producersEnabled=true}, off by default in Camel: Camel Main and Camel Spring Boot set it as the
 * enabled state of Camel's {@code producers} repository), a producer of a component with
 * {@code healthCheckProducerEnabled} (the default) is started and uses the connection (see
 * {@link GenesysHealthCheckRepository}). A disabled check is not reported at all.
 */
public final class GenesysConnectionHealthCheck extends AbstractHealthCheck {

    private final GenesysConnection connection;

    public GenesysConnectionHealthCheck(GenesysConnection connection) {
        super("camel-genesys", "genesys-connection-" + connection.id());
        this.connection = connection;
    }

    @Override
    public boolean isEnabled() {
        return super.isEnabled() && connection.healthCheckUsers() > 0 && producerChecksEnabled(getCamelContext());
    }

    /**
     * Whether Camel's producer health checks are on globally: {@code camel.health.producersEnabled}, which Camel Main
     * and Camel Spring Boot apply to the {@code producers} repository (disabled unless set to true), the repository
     * camel-kafka's producer checks live in. Absent, they are off, as in Camel.
     */
    static boolean producerChecksEnabled(CamelContext camelContext) {
        HealthCheckRegistry registry = camelContext == null ? null : HealthCheckRegistry.get(camelContext);
        return registry != null && registry.isEnabled()
               && registry.getRepository(ProducersHealthCheckRepository.REPOSITORY_ID)
                       .map(HealthCheckRepository::isEnabled).orElse(false);
    }

    @Override
    public boolean isLiveness() {
        // a Genesys outage must not make an orchestrator restart the application
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("genesys.connection", connection.id());
        builder.detail("genesys.baseUrl", Secrets.url(connection.baseUrl()));
        builder.detail("genesys.requests", connection.requestCount());
        builder.detail("genesys.retries", connection.retryCount());
        builder.detail("genesys.failures", connection.failureCount());
        builder.detail("genesys.lastHttpStatus", connection.lastStatus());
        Integer remaining = connection.rateLimiter().lastRemaining();
        if (remaining != null) {
            builder.detail("genesys.rateLimitRemaining", remaining);
        }
        GenesysAuthException forbidden = connection.lastForbidden();
        if (forbidden != null) {
            builder.detail("genesys.lastForbidden", forbidden.getMessage());
        }
        if (!connection.tokens().hasValidToken()) {
            try {
                // token obtainable? (single flight: a concurrent request shares this attempt)
                connection.tokens().authorization().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                Throwable cause = GenesysErrors.unwrap(e);
                String why = cause instanceof java.util.concurrent.TimeoutException
                        ? "the token request did not end within 10 s" : cause.getMessage();
                builder.down().message("No Genesys access token: " + why).error(cause);
                return;
            }
        }
        GenesysAuthException refused = connection.lastAuthFailure();
        if (refused != null) {
            builder.down().message("Genesys refuses the credentials: " + refused.getMessage()).error(refused);
            return;
        }
        int status = connection.lastStatus();
        if (status == 0 && connection.lastTransportFailure() != null) {
            builder.down().message("The last Genesys request got no response: "
                                   + Secrets.NONE.redact(connection.lastTransportFailure().getMessage()));
            return;
        }
        if (connection.lastStatusIsServerFault()) {
            builder.down().message("The last Genesys request failed with HTTP " + status);
            return;
        }
        builder.up();
    }
}
