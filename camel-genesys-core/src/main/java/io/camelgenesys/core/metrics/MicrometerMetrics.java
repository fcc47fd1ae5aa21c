package io.camelgenesys.core.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

import io.camelgenesys.core.http.GenesysConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import static io.camelgenesys.core.metrics.GenesysMetrics.*;

/**
 * The Micrometer side of {@link GenesysMetrics}: the only class of camel-genesys that refers to Micrometer, loaded
 * only when {@link GenesysMetrics#micrometerPresent()}. Meters are created on first use and kept (a map lookup per
 * event, no allocation once created); function counters read counts the connection or consumer keeps anyway. Each
 * facade remembers what it registered and removes it on {@code close()}.
 */
final class MicrometerMetrics implements GenesysMetrics.Backend {

    private final MeterRegistry registry;
    private final String camelContext;

    private MicrometerMetrics(MeterRegistry registry, String camelContext) {
        this.registry = registry;
        this.camelContext = camelContext;
    }

    /** The registry camel-micrometer would use, or {@code null} (nothing is created). */
    static GenesysMetrics.Backend find(CamelContext context) {
        MeterRegistry registry = lookup(context.getRegistry());
        return registry != null ? new MicrometerMetrics(registry, context.getName()) : null;
    }

    /** camel-micrometer's order: by name, then the only one by type; a composite before any registry. */
    static MeterRegistry lookup(Registry camel) {
        MeterRegistry found = lookup(camel, CompositeMeterRegistry.class);
        return found != null ? found : lookup(camel, MeterRegistry.class);
    }

    private static MeterRegistry lookup(Registry camel, Class<? extends MeterRegistry> type) {
        MeterRegistry byName = camel.lookupByNameAndType(METRICS_REGISTRY_NAME, type);
        if (byName != null) {
            return byName;
        }
        Set<? extends MeterRegistry> byType = camel.findByType(type);
        return byType != null && byType.size() == 1 ? byType.iterator().next() : null;
    }

    @Override
    public ConnectionMetrics connection(GenesysConnection connection) {
        return new Connection(connection);
    }

    @Override
    public ConsumerMetrics consumer(String routeId) {
        return new Consumer(routeId);
    }

    @Override
    public String describe() {
        return registry.getClass().getSimpleName();
    }

    /** Meters registered by one facade, removed together. */
    private class Owned {
        final Set<Meter> meters = ConcurrentHashMap.newKeySet();

        <M extends Meter> M own(M meter) {
            meters.add(meter);
            return meter;
        }

        <T> void functionCounter(String name, T state, ToDoubleFunction<T> count, Tags tags, String description) {
            own(FunctionCounter.builder(name, state, count).tags(tags).description(description).register(registry));
        }

        void removeAll() {
            for (Meter m : meters) {
                registry.remove(m);
            }
            meters.clear();
        }
    }

    private final class Connection extends Owned implements ConnectionMetrics {
        private final GenesysConnection connection;
        private final Tags tags;
        private final ConcurrentHashMap<String, StatusTimers> requests = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Counter> rehandshakes = new ConcurrentHashMap<>();
        private final Timer rateLimitWait;

        Connection(GenesysConnection connection) {
            this.connection = connection;
            this.tags = Tags.of(TAG_CAMEL_CONTEXT, camelContext, TAG_CONNECTION, connection.id(), TAG_PLATFORM,
                    connection.platform().name());
            // the state object is this facade, which the connection holds: Micrometer keeps it weakly
            functionCounter(RETRIES, this, c -> c.connection.retryCount(), tags,
                    "Retries scheduled by the connection (requests, tokens, CometD, consumers)");
            functionCounter(RATE_LIMITED, this, c -> c.connection.rateLimitedCount(), tags,
                    "429 Too Many Requests answers");
            functionCounter(TOKEN_REFRESHES, this, c -> c.connection.tokens().tokensObtained(),
                    tags.and(TAG_OUTCOME, "success"), "Access tokens requested");
            functionCounter(TOKEN_REFRESHES, this, c -> c.connection.tokens().tokenFailures(),
                    tags.and(TAG_OUTCOME, "failure"), "Access tokens requested");
            rateLimitWait = own(Timer.builder(RATE_LIMIT_WAIT).tags(tags)
                    .description("Requests that waited for the rate budget, and how long").register(registry));
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void request(String operation, int status, long durationNanos) {
            String op = operation != null ? operation : "unknown";
            StatusTimers timers = requests.get(op);
            if (timers == null) {
                timers = requests.computeIfAbsent(op, StatusTimers::new);
            }
            timers.of(status).record(durationNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void rateLimitWait(long nanos) {
            rateLimitWait.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void cometdRehandshake(String path) {
            rehandshakes.computeIfAbsent(path, p -> own(Counter.builder(COMETD_REHANDSHAKES).tags(tags).tag(TAG_PATH, p)
                    .description("New CometD sessions after a lost one").register(registry))).increment();
        }

        @Override
        public void close() {
            removeAll();
            requests.clear();
            rehandshakes.clear();
        }

        /** The request timers of one operation, one per status seen (a handful): a scan, no allocation. */
        private final class StatusTimers {
            private final String operation;
            private volatile Entry[] entries = new Entry[0];

            StatusTimers(String operation) {
                this.operation = operation;
            }

            Timer of(int status) {
                for (Entry e : entries) {
                    if (e.status == status) {
                        return e.timer;
                    }
                }
                synchronized (this) {
                    for (Entry e : entries) {
                        if (e.status == status) {
                            return e.timer;
                        }
                    }
                    Timer timer = own(Timer.builder(REQUESTS).tags(tags).tag(TAG_OPERATION, operation)
                            .tag(TAG_STATUS, status == 0 ? "IO_ERROR" : Integer.toString(status))
                            .tag(TAG_OUTCOME, outcome(status))
                            .description("HTTP requests to Genesys through the connection").register(registry));
                    Entry[] more = java.util.Arrays.copyOf(entries, entries.length + 1);
                    more[entries.length] = new Entry(status, timer);
                    entries = more;
                    return timer;
                }
            }
        }
    }

    private record Entry(int status, Timer timer) {
    }

    /** Micrometer's (and Spring's) outcome names for HTTP client requests. */
    static String outcome(int status) {
        if (status >= 100 && status < 200) {
            return "INFORMATIONAL";
        } else if (status >= 200 && status < 300) {
            return "SUCCESS";
        } else if (status >= 300 && status < 400) {
            return "REDIRECTION";
        } else if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        } else if (status >= 500 && status < 600) {
            return "SERVER_ERROR";
        }
        return "UNKNOWN";
    }

    private final class Consumer extends Owned implements ConsumerMetrics {
        private final Tags tags;
        private final ConcurrentHashMap<Integer, Counter> webhooks = new ConcurrentHashMap<>();
        private volatile LongSupplier delivered;
        private volatile LongSupplier stale;
        private volatile LongSupplier overflow;

        Consumer(String routeId) {
            this.tags = Tags.of(TAG_CAMEL_CONTEXT, camelContext, TAG_ROUTE_ID, routeId != null ? routeId : "");
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void webhookDelivery(int status) {
            webhooks.computeIfAbsent(status, s -> own(Counter.builder(WEBHOOK_DELIVERIES).tags(tags)
                    .tag(TAG_OUTCOME, webhookOutcome(s)).tag(TAG_STATUS, Integer.toString(s))
                    .description("Webhook requests answered").register(registry))).increment();
        }

        @Override
        public void statisticsValues(LongSupplier delivered, LongSupplier stale, LongSupplier overflow) {
            this.delivered = delivered;
            this.stale = stale;
            this.overflow = overflow;
            String description = "Statistic values of the consumer: delivered to the route or dropped";
            functionCounter(STATISTICS_VALUES, this, c -> c.delivered.getAsLong(), tags.and(TAG_OUTCOME, "delivered"),
                    description);
            functionCounter(STATISTICS_VALUES, this, c -> c.stale.getAsLong(), tags.and(TAG_OUTCOME, "stale"),
                    description);
            functionCounter(STATISTICS_VALUES, this, c -> c.overflow.getAsLong(), tags.and(TAG_OUTCOME, "overflow"),
                    description);
        }

        @Override
        public void close() {
            removeAll();
            webhooks.clear();
        }
    }

    static String webhookOutcome(int status) {
        if (status >= 200 && status < 300) {
            return "delivered";
        } else if (status == 401 || status == 403) {
            return "rejected";
        } else if (status >= 400 && status < 500) {
            return "invalid";
        }
        return "failed";
    }
}
