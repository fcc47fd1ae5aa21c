package io.camelgenesys.core.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.health.GenesysConnectionHealthCheck;
import io.camelgenesys.core.health.GenesysHealthCheckRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one CamelContext, keyed by platform, URLs and credentials (hashed: a key never holds a
 * secret). Endpoints {@link #acquire} on start and {@link #release} on stop; the last release closes the connection.
 * The registry is a context service, so stopping the context closes whatever is left.
 */
public final class GenesysConnections extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysConnections.class);
    private static final String REGISTRY_NAME = "camelGenesysConnections";

    private final CamelContext camelContext;
    private final Map<String, GenesysConnection> byKey = new HashMap<>();
    private final Map<GenesysConnection, GenesysConnectionHealthCheck> healthChecks = new HashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    private GenesysConnections(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** The registry of a CamelContext, created on first use. */
    public static GenesysConnections of(CamelContext camelContext) {
        synchronized (camelContext) {
            GenesysConnections existing = camelContext.getRegistry().lookupByNameAndType(REGISTRY_NAME,
                    GenesysConnections.class);
            if (existing != null) {
                return existing;
            }
            GenesysConnections created = new GenesysConnections(camelContext);
            camelContext.getRegistry().bind(REGISTRY_NAME, created);
            try {
                camelContext.addService(created, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot register the Genesys connection registry", e);
            }
            return created;
        }
    }

    /** The registry of a CamelContext if one was created, else {@code null} (creates nothing). */
    public static GenesysConnections find(CamelContext camelContext) {
        return camelContext.getRegistry().lookupByNameAndType(REGISTRY_NAME, GenesysConnections.class);
    }

    /** The shared connection for this configuration, created and started when it is the first. */
    public synchronized GenesysConnection acquire(GenesysConfiguration config) throws Exception {
        String key = key(config);
        GenesysConnection c = byKey.get(key);
        if (c == null) {
            String id = config.getPlatform() + "-" + sequence.incrementAndGet();
            c = new GenesysConnection(camelContext, id, config);
            c.start();
            byKey.put(key, c);
            registerHealthCheck(c);
            LOG.debug("Opened {} to {}", c, c.baseUrl());
        } else if (c.rateLimiter().limit() != Math.max(0, config.getRateLimit())
                   || c.rateLimiter().periodMillis() != Math.max(1, config.getRateLimitPeriod())) {
            LOG.warn("An endpoint asks for rateLimit={} per {} ms, but it shares credentials with an endpoint that already"
                     + " set {} per {} ms; the shared budget stays as first set", config.getRateLimit(),
                    config.getRateLimitPeriod(), c.rateLimiter().limit(), c.rateLimiter().periodMillis());
        }
        c.retain();
        return c;
    }

    public synchronized void release(GenesysConnection connection) {
        if (connection != null && connection.releaseReference() <= 0) {
            byKey.values().remove(connection);
            unregisterHealthCheck(connection);
            connection.stop();
            LOG.debug("Closed {}", connection);
        }
    }

    /** How many connections are open (for tests and health). */
    public synchronized int size() {
        return byKey.size();
    }

    private void registerHealthCheck(GenesysConnection c) {
        GenesysHealthCheckRepository repository = GenesysHealthCheckRepository.of(camelContext);
        if (repository != null) {
            GenesysConnectionHealthCheck check = new GenesysConnectionHealthCheck(c);
            repository.addHealthCheck(check);
            healthChecks.put(c, check);
        }
    }

    private void unregisterHealthCheck(GenesysConnection c) {
        GenesysConnectionHealthCheck check = healthChecks.remove(c);
        GenesysHealthCheckRepository repository = GenesysHealthCheckRepository.of(camelContext);
        if (check != null && repository != null) {
            repository.removeHealthCheck(check);
        }
    }

    /** The open connections (a snapshot), for the dev console. */
    public synchronized java.util.List<GenesysConnection> connections() {
        return java.util.List.copyOf(byKey.values());
    }

    static String key(GenesysConfiguration c) {
        StringBuilder sb = new StringBuilder();
        for (Object part : new Object[] {
                c.getPlatform(), c.apiBaseUrl(), c.authBaseUrl(), c.getApiKey(), c.getClientId(), c.getClientSecret(),
                c.getUsername(), c.getPassword(), c.effectiveGrantType(), c.getRefreshToken(), c.getAuthorizationToken(),
                c.getAccessToken() }) {
            sb.append(part).append('\u0000');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected synchronized void doStop() {
        for (GenesysConnection c : byKey.values()) {
            unregisterHealthCheck(c);
            c.stop();
        }
        byKey.clear();
    }
}
