package io.camelgenesys.core.metrics;

import io.camelgenesys.core.http.GenesysConnection;
import org.apache.camel.CamelContext;

/**
 * The Micrometer meters of camel-genesys, for one CamelContext: {@code GenesysMetrics.of(camelContext)}, then
 * {@link #connection} (done by each shared connection when it opens) or {@link #consumer} (by a consumer when it
 * starts), each a facade with one method per event.
 * <p>
 * <b>Where the meters go.</b> Into the {@code MeterRegistry} that camel-micrometer uses, found the way camel-micrometer
 * finds it ({@code MicrometerUtils.getMeterRegistryFromCamelRegistry}): the bean named {@value #METRICS_REGISTRY_NAME}
 * ({@code MicrometerConstants.METRICS_REGISTRY_NAME}), else the only one in the Camel registry (a
 * {@code CompositeMeterRegistry} first, as Spring Boot's, then any {@code MeterRegistry}). Looked up when a connection
 * opens or a consumer starts; none is created.
 * <p>
 * <b>No cost without Micrometer.</b> {@code micrometer-core} is an optional dependency. When it is not on the
 * classpath, or no registry is found, every facade is the no-op {@link ConnectionMetrics#NONE} /
 * {@link ConsumerMetrics#NONE}, and no Micrometer class is ever loaded: only {@code MicrometerMetrics} refers to
 * Micrometer, and it is reached only after the check (tested by {@code NoMicrometerRouteTest}, run on a classpath
 * without Micrometer).
 * <p>
 * <b>Meters</b> (Micrometer names; a Prometheus registry shows {@code genesys_requests_seconds_count}, ...). Every
 * meter has the tag {@value #TAG_CAMEL_CONTEXT}; connection meters {@value #TAG_CONNECTION} (the connection id,
 * {@code cloud-1}, never a credential) and {@value #TAG_PLATFORM}; consumer meters {@value #TAG_ROUTE_ID}:
 * <ul>
 * <li>{@value #REQUESTS} (timer): each HTTP attempt through a connection, tags {@value #TAG_OPERATION} (the URI's
 * operation, never a path), {@value #TAG_STATUS} (the HTTP status, {@code IO_ERROR} when none came) and
 * {@value #TAG_OUTCOME} ({@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR},
 * {@code INFORMATIONAL}, {@code UNKNOWN});</li>
 * <li>{@value #RETRIES} (counter): retries the connection's retry scheduler scheduled (requests, tokens, CometD,
 * consumers);</li>
 * <li>{@value #RATE_LIMITED} (counter): 429 answers;</li>
 * <li>{@value #RATE_LIMIT_WAIT} (timer): requests that waited for the rate budget, and how long;</li>
 * <li>{@value #TOKEN_REFRESHES} (counter): access tokens requested, tag {@value #TAG_OUTCOME} {@code success} or
 * {@code failure} (the first token included);</li>
 * <li>{@value #COMETD_REHANDSHAKES} (counter): new CometD sessions after a lost one, tag {@value #TAG_PATH};</li>
 * <li>{@value #STATISTICS_VALUES} (counter): statistic values of a genesys-stats consumer, tag {@value #TAG_OUTCOME}
 * {@code delivered}, {@code stale} (not newer than one delivered) or {@code overflow} (the queue was full);</li>
 * <li>{@value #WEBHOOK_DELIVERIES} (counter): webhook requests answered, tags {@value #TAG_OUTCOME}
 * ({@code delivered}, {@code rejected}, {@code invalid}, {@code failed}) and {@value #TAG_STATUS}.</li>
 * </ul>
 * A connection's meters are removed when it closes, a consumer's when it stops.
 */
public final class GenesysMetrics {

    /** The name camel-micrometer gives its registry bean ({@code MicrometerConstants.METRICS_REGISTRY_NAME}). */
    public static final String METRICS_REGISTRY_NAME = "metricsRegistry";

    public static final String REQUESTS = "genesys.requests";
    public static final String RETRIES = "genesys.retries";
    public static final String RATE_LIMITED = "genesys.rate.limited";
    public static final String RATE_LIMIT_WAIT = "genesys.rate.limit.wait";
    public static final String TOKEN_REFRESHES = "genesys.token.refreshes";
    public static final String COMETD_REHANDSHAKES = "genesys.cometd.rehandshakes";
    public static final String STATISTICS_VALUES = "genesys.statistics.values";
    public static final String WEBHOOK_DELIVERIES = "genesys.webhook.deliveries";

    /** Camel's own tag names (camel-micrometer's route meters use them), so dashboards can join on them. */
    public static final String TAG_CAMEL_CONTEXT = "camelContext";
    public static final String TAG_ROUTE_ID = "routeId";
    public static final String TAG_CONNECTION = "connection";
    public static final String TAG_PLATFORM = "platform";
    public static final String TAG_OPERATION = "operation";
    public static final String TAG_STATUS = "status";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_PATH = "path";

    private static final String MICROMETER_CLASS = "io.micrometer.core.instrument.MeterRegistry";
    private static final boolean MICROMETER = present(MICROMETER_CLASS);
    private static final GenesysMetrics OFF = new GenesysMetrics(null);

    /** Package-private so that nothing outside this package sees an implementation (which refers to Micrometer). */
    interface Backend {
        ConnectionMetrics connection(GenesysConnection connection);

        ConsumerMetrics consumer(String routeId);

        String describe();
    }

    private final Backend backend;

    private GenesysMetrics(Backend backend) {
        this.backend = backend;
    }

    /**
     * The meters of a CamelContext: backed by its Micrometer registry, or doing nothing when Micrometer is not on the
     * classpath or no registry is in the Camel registry.
     */
    public static GenesysMetrics of(CamelContext camelContext) {
        if (!MICROMETER) {
            return OFF;
        }
        // reached only when Micrometer is there: this is where MicrometerMetrics (and Micrometer) may load
        Backend backend = MicrometerMetrics.find(camelContext);
        return backend != null ? new GenesysMetrics(backend) : OFF;
    }

    /** Whether Micrometer is on the classpath at all. */
    public static boolean micrometerPresent() {
        return MICROMETER;
    }

    /** Whether meters are recorded (Micrometer and a registry were found). */
    public boolean enabled() {
        return backend != null;
    }

    /** The meters of a connection, {@link ConnectionMetrics#NONE} when disabled; close them when it closes. */
    public ConnectionMetrics connection(GenesysConnection connection) {
        return backend != null ? backend.connection(connection) : ConnectionMetrics.NONE;
    }

    /**
     * The meters of a consumer, {@link ConsumerMetrics#NONE} when disabled; close them when it stops.
     *
     * @param routeId the consumer's route (the {@value #TAG_ROUTE_ID} tag)
     */
    public ConsumerMetrics consumer(String routeId) {
        return backend != null ? backend.consumer(routeId) : ConsumerMetrics.NONE;
    }

    /** Where meters go, for the dev console: the registry's class, or {@code off} and why. */
    public String describe() {
        if (backend != null) {
            return backend.describe();
        }
        return MICROMETER ? "off (no MeterRegistry in the Camel registry)" : "off (Micrometer is not on the classpath)";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, GenesysMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
