package io.camelgenesys.core.health;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.NonManagedService;
import org.apache.camel.StaticService;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * camel-genesys' own health check repository ({@code camel-genesys}, as camel-kafka has {@code camel-kafka}): one
 * readiness check per shared connection ({@link GenesysConnectionHealthCheck}). A connection check is a producer
 * check: enabled while Camel's producer checks are on globally ({@code camel.health.producersEnabled=true}, off by
 * default) and a started producer of a component with {@code healthCheckProducerEnabled=true} uses the connection;
 * consumers report
 * through Camel's {@code consumers} repository ({@code consumer:<routeId>}), governed by
 * {@code healthCheckConsumerEnabled}. The repository itself is registered once per CamelContext, when the first
 * connection opens.
 */
public final class GenesysHealthCheckRepository extends ServiceSupport
        implements CamelContextAware, WritableHealthCheckRepository, StaticService, NonManagedService {

    public static final String ID = "camel-genesys";

    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
    private volatile CamelContext camelContext;
    private volatile boolean enabled = true;

    /** The repository of a CamelContext, registered on first use; {@code null} when health checks are not in use. */
    public static GenesysHealthCheckRepository of(CamelContext camelContext) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
        if (registry == null) {
            return null;
        }
        synchronized (registry) {
            if (registry.getRepository(ID).orElse(null) instanceof GenesysHealthCheckRepository existing) {
                return existing;
            }
            GenesysHealthCheckRepository created = new GenesysHealthCheckRepository();
            created.setCamelContext(camelContext);
            registry.register(created);
            return created;
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The enabled checks only: Camel's HealthCheckHelper invokes whatever a repository streams, and a disabled check
     * answers UNKNOWN ("Disabled"), which Camel Spring Boot's readiness probe counts as not ready (a connection used
     * only by a consumer would keep a Spring Boot application out of service).
     */
    @Override
    public Stream<HealthCheck> stream() {
        return enabled ? checks.stream().filter(HealthCheck::isEnabled) : Stream.empty();
    }

    @Override
    public void addHealthCheck(HealthCheck check) {
        CamelContextAware.trySetCamelContext(check, camelContext);
        checks.add(check);
    }

    @Override
    public void removeHealthCheck(HealthCheck check) {
        checks.remove(check);
    }
}
