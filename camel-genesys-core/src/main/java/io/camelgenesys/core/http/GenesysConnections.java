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
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one CamelContext, keyed by platform, URLs and credentials (hashed: a key never holds a
 * secret) and by the HTTP settings of the client a connection owns: proxy, TLS ({@code sslContextParameters}, the
 * same instance), connect and request timeouts and pool size. Endpoints that differ in any of those get their own
 * connection, so an endpoint never silently runs with another endpoint's HTTP settings; the price is a token and a
 * rate budget of its own, which is logged. Endpoints {@link #acquire} on start and {@link #release} on stop; the last
 * release closes the connection. The registry is a context service, so stopping the context closes whatever is left.
 */
public final class GenesysConnections extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysConnections.class);
    private static final String REGISTRY_NAME = "camelGenesysConnections";

    private final CamelContext camelContext;
    private final Map<Key, GenesysConnection> byKey = new HashMap<>();
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
            // called first thing when the context stops, before Camel's graceful shutdown waits for the exchanges
            camelContext.addLifecycleStrategy(new LifecycleStrategySupport() {
                @Override
                public void onContextStopping(CamelContext context) {
                    created.stopping();
                }
            });
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
        Key key = key(config);
        GenesysConnection c = byKey.get(key);
        if (c == null) {
            String id = config.getPlatform() + "-" + sequence.incrementAndGet();
            c = new GenesysConnection(camelContext, id, config);
            c.start();
            byKey.forEach((other, connection) -> {
                if (other.credentials().equals(key.credentials())) {
                    LOG.info("{} uses the same credentials as {} but other HTTP settings ({}): it has its own HTTP"
                             + " client, token and rate budget", id, connection.id(), key.http().differences(other.http()));
                }
            });
            byKey.put(key, c);
            registerHealthCheck(c);
            LOG.debug("Opened {} to {}", c, io.camelgenesys.core.auth.Secrets.url(c.baseUrl()));
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

    /**
     * The CamelContext is stopping: every open connection releases the requests waiting for a rate-limit turn or a
     * retry ({@link GenesysConnection#stopping()}), so that Camel's graceful shutdown does not wait for them until its
     * timeout. Connections opened after a restart of the context start afresh.
     */
    public synchronized void stopping() {
        for (GenesysConnection c : byKey.values()) {
            c.stopping();
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

    /** What makes two endpoints share a connection: the same credentials and the same HTTP settings. */
    record Key(String credentials, HttpSettings http) {
    }

    /**
     * The settings of the HTTP client a connection owns. {@code sslContextParameters} is compared by identity (Camel's
     * SSLContextParameters has no equals): endpoints that refer to the same bean share, two beans do not.
     */
    record HttpSettings(String proxyHost, Integer proxyPort, Identity ssl, long connectTimeout, long requestTimeout,
            int maxConnectionsPerHost) {

        /** The settings that differ, each as {@code name this vs other}, for the log line. */
        String differences(HttpSettings other) {
            StringBuilder sb = new StringBuilder();
            diff(sb, "proxyHost", proxyHost, other.proxyHost);
            diff(sb, "proxyPort", proxyPort, other.proxyPort);
            diff(sb, "sslContextParameters", ssl, other.ssl);
            diff(sb, "connectTimeout", connectTimeout, other.connectTimeout);
            diff(sb, "requestTimeout", requestTimeout, other.requestTimeout);
            diff(sb, "maxConnectionsPerHost", maxConnectionsPerHost, other.maxConnectionsPerHost);
            return sb.toString();
        }

        private static void diff(StringBuilder sb, String name, Object mine, Object theirs) {
            if (!java.util.Objects.equals(mine, theirs)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(name).append(' ').append(mine).append(" vs ").append(theirs);
            }
        }
    }

    /** An object compared by identity; shown by class name and identity hash (its toString may say too much). */
    record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }

        @Override
        public String toString() {
            return value == null ? "none" : value.getClass().getSimpleName() + "@" + Integer.toHexString(hashCode());
        }
    }

    static Key key(GenesysConfiguration c) {
        StringBuilder sb = new StringBuilder();
        for (Object part : new Object[] {
                c.getPlatform(), c.apiBaseUrl(), c.authBaseUrl(), c.getApiKey(), c.getClientId(), c.getClientSecret(),
                c.getUsername(), c.getPassword(), c.effectiveGrantType(), c.getRefreshToken(), c.getAuthorizationToken(),
                c.getAccessToken() }) {
            sb.append(part).append('\u0000');
        }
        String credentials;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            credentials = HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // GenesysHttpClient's default proxy port, so that 8080 and unset are the same client
        Integer proxyPort = c.getProxyHost() == null ? null : c.getProxyPort() != null ? c.getProxyPort() : 8080;
        return new Key(credentials, new HttpSettings(c.getProxyHost(), proxyPort,
                new Identity(c.getSslContextParameters()), c.getConnectTimeout(), c.getRequestTimeout(),
                c.getMaxConnectionsPerHost()));
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
