package io.camelgenesys.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Benchmark 1, "executor GET throughput": GET one item of the embedded simulator through a Camel route
 * ({@code from("direct:get").to("genesys-bench:getItem?...")}, so through core's generic producer, executor,
 * connection pipeline and Jetty client) beside a raw Jetty 12 {@link HttpClient} sending the same request (same URL,
 * same kind of bearer token from the simulator's token endpoint, same concurrency, same client settings).
 * <p>
 * Peers, alternated round by round:
 * <ul>
 * <li>{@value #RAW}: the baseline;</li>
 * <li>{@value #CAMEL}: the route with the client-side rate limiter off ({@code rateLimit=0});</li>
 * <li>{@value #CAMEL_LIMITED}: the same with the limiter on at a budget the run cannot reach, to show what the
 * limiter's bookkeeping costs.</li>
 * </ul>
 * Everything runs in one JVM on loopback: the simulator's work per request is the same for every peer, so the
 * throughput ratio understates the client-side difference; the CPU and allocation columns count only the client
 * side (every thread but the simulator's).
 * <p>
 * Run: see benchmarks/README.md. Settings: {@link Harness.Settings#fromSystemProperties()} and
 * {@code -Dbench.concurrency=1,64}.
 */
public final class ExecutorGetBenchmark {

    public static final String RAW = "raw Jetty HttpClient";
    public static final String CAMEL = "camel genesys-bench (rateLimit=0)";
    public static final String CAMEL_LIMITED = "camel genesys-bench (limiter on)";
    /**
     * With {@code -Dbench.handoff=true}: raw Jetty whose completion is handed to a worker pool before the next request,
     * as the component must (the route never continues on a Jetty thread): the cost of that thread rule alone.
     */
    public static final String RAW_HANDOFF = "raw Jetty, completion on a worker pool";
    /** With {@code -Dbench.aa=true}: the baseline again, under another name, to show the harness's own spread. */
    public static final String RAW_COPY = "raw Jetty HttpClient (A/A copy)";

    /** The limiter budget of {@value #CAMEL_LIMITED}: far above what two cores can send. */
    static final int LIMITER_BUDGET = 100_000;
    static final long LIMITER_PERIOD_MILLIS = 1_000;

    private static final String ITEMS = "/api/v2/simulator/items";
    /** The simulator's Jetty pool; its threads are left out of the client-side CPU and allocation figures. */
    private static final String SIMULATOR_THREADS = "genesys-simulator";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExecutorGetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "1,64").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        run(Harness.Settings.fromSystemProperties(), concurrencies, System.out);
    }

    /** Runs the benchmark at each concurrency, prints each result, and returns them. */
    public static List<Harness.Result> run(Harness.Settings settings, int[] concurrencies, PrintStream out)
            throws Exception {
        out.println("executor GET throughput: " + CAMEL + " vs " + RAW + " against the embedded simulator");
        out.println(Harness.environment());
        GenesysSimulator sim = GenesysSimulator.builder().rateLimit(10_000_000, Duration.ofMinutes(1)).build();
        HttpClient raw = null;
        CamelContext camel = null;
        CamelContext camelLimited = null;
        java.util.concurrent.ExecutorService workers = null;
        try {
            sim.start();
            String base = sim.baseUrl();
            raw = rawClient();
            String token = cloudToken(raw, base, sim.cloudClientId(), sim.cloudClientSecret());
            String itemId = createItem(raw, base, token);
            String url = base + ITEMS + "/" + itemId;

            String options = "baseUrl=" + base + "&clientId=" + sim.cloudClientId() + "&clientSecret=RAW("
                             + sim.cloudClientSecret() + ")&itemId=" + itemId;
            // one CamelContext each: connections (and so rate limiters) are shared per context and credentials
            camel = camelContext("camel", options + "&rateLimit=0");
            camelLimited = camelContext("camel-limited", options + "&rateLimit=" + LIMITER_BUDGET
                                                         + "&rateLimitPeriod=" + LIMITER_PERIOD_MILLIS);

            List<Harness.Peer> peers = new ArrayList<>(List.of(
                    new Harness.Peer(RAW, rawGet(raw, url, token)),
                    new Harness.Peer(CAMEL, camelGet(camel, itemId)),
                    new Harness.Peer(CAMEL_LIMITED, camelGet(camelLimited, itemId))));
            boolean aa = Boolean.getBoolean("bench.aa");
            if (aa) {
                peers.add(new Harness.Peer(RAW_COPY, rawGet(raw, url, token)));
            }
            boolean handoff = Boolean.getBoolean("bench.handoff");
            if (handoff) {
                // the component's default worker pool: Camel's default profile (10 threads, unbounded queue)
                workers = camel.getExecutorServiceManager().newDefaultThreadPool(ExecutorGetBenchmark.class,
                        "bench-workers");
                Executor pool = workers;
                Harness.Call direct = rawGet(raw, url, token);
                peers.add(new Harness.Peer(RAW_HANDOFF, done -> direct.start(
                        failure -> pool.execute(() -> done.done(failure)))));
            }
            Harness harness = new Harness(settings, name -> !name.startsWith(SIMULATOR_THREADS));
            List<Harness.Result> results = new ArrayList<>();
            for (int concurrency : concurrencies) {
                Harness.Result r = harness.measure("executor GET", concurrency, peers);
                Harness.print(r, RAW, out);
                Harness.printCostRatio(r, CAMEL, RAW, out);
                Harness.printRatio(r, "client-side limiter on/off, req/s", CAMEL_LIMITED, CAMEL, out);
                Harness.printCostRatio(r, CAMEL_LIMITED, CAMEL, out);
                if (aa) {
                    Harness.printRatio(r, "A/A: the baseline over itself, req/s", RAW_COPY, RAW, out);
                }
                if (handoff) {
                    Harness.printRatio(r, "component vs raw Jetty with the same hand-off, req/s", CAMEL, RAW_HANDOFF, out);
                    Harness.printCostRatio(r, CAMEL, RAW_HANDOFF, out);
                }
                if (Boolean.getBoolean("bench.verbose")) {
                    Harness.printRounds(r, out);
                }
                results.add(r);
            }
            return results;
        } finally {
            stopQuietly(camelLimited);
            stopQuietly(camel);
            if (workers != null) {
                workers.shutdownNow();
            }
            if (raw != null) {
                raw.stop();
            }
            sim.stop();
        }
    }

    // ---- raw Jetty peer ------------------------------------------------------------------------------------------

    /** A Jetty client set up like core's GenesysHttpClient (pool, connections per host, no redirects). */
    static HttpClient rawClient() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("raw-jetty");
        threads.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        connector.setExecutor(threads);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setMaxConnectionsPerDestination(64);
        client.setMaxRequestsQueuedPerDestination(65_536);
        client.start();
        return client;
    }

    private static Harness.Call rawGet(HttpClient client, String url, String token) {
        String authorization = "Bearer " + token;
        return done -> client.newRequest(url)
                .headers(h -> h.put(HttpHeader.ACCEPT, "application/json").put(HttpHeader.AUTHORIZATION, authorization))
                .timeout(60, TimeUnit.SECONDS)
                .send(new BufferingResponseListener() {
                    @Override
                    public void onComplete(Result result) {
                        if (result.isFailed()) {
                            done.done(result.getFailure());
                        } else if (result.getResponse().getStatus() != 200) {
                            done.done(new IllegalStateException("GET " + url + " answered "
                                                                + result.getResponse().getStatus() + ": "
                                                                + getContentAsString()));
                        } else {
                            done.done(null);
                        }
                    }
                });
    }

    /** POST /oauth/token, client credentials with HTTP Basic, as Genesys Cloud expects. */
    static String cloudToken(HttpClient client, String base, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Fields form = new Fields();
        form.put("grant_type", "client_credentials");
        ContentResponse r = client.POST(base + "/oauth/token")
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Basic " + basic))
                .body(new FormRequestContent(form))
                .timeout(10, TimeUnit.SECONDS)
                .send();
        return field(r, 200, "access_token");
    }

    private static String createItem(HttpClient client, String base, String token) throws Exception {
        ContentResponse r = client.POST(base + ITEMS)
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + token))
                .body(new StringRequestContent("application/json", "{\"name\":\"benchmark item\"}"))
                .timeout(10, TimeUnit.SECONDS)
                .send();
        return field(r, 201, "id");
    }

    private static String field(ContentResponse r, int expectedStatus, String name) throws Exception {
        if (r.getStatus() != expectedStatus) {
            throw new IllegalStateException(r.getRequest().getMethod() + " " + r.getRequest().getURI() + " answered "
                                            + r.getStatus() + ": " + r.getContentAsString());
        }
        JsonNode value = JSON.readTree(r.getContent()).get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("No " + name + " in " + r.getContentAsString());
        }
        return value.asText();
    }

    // ---- Camel peer ----------------------------------------------------------------------------------------------

    private static CamelContext camelContext(String name, String endpointOptions) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        BenchComponent.register(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to(BenchComponent.SCHEME + ":getItem?" + endpointOptions);
            }
        });
        context.start();
        return context;
    }

    /** Sends each exchange into the route asynchronously: the producer returns at once, the callback completes it. */
    private static Harness.Call camelGet(CamelContext context, String itemId) throws Exception {
        Endpoint direct = context.getEndpoint("direct:get");
        AsyncProducer producer = direct.createAsyncProducer();
        ServiceHelper.startService(producer);
        context.addService(producer, true); // stopped with the context
        return done -> {
            Exchange exchange = direct.createExchange(ExchangePattern.InOut);
            producer.process(exchange, doneSync -> {
                Throwable failure = exchange.getException();
                if (failure == null && !(exchange.getMessage().getBody() instanceof BenchItem item
                                         && itemId.equals(item.getId()))) {
                    failure = new IllegalStateException("Unexpected body: " + exchange.getMessage().getBody());
                }
                done.done(failure);
            });
        };
    }

    static void stopQuietly(CamelContext context) {
        if (context != null) {
            try {
                context.stop();
            } catch (RuntimeException e) {
                System.err.println("Stopping " + context.getName() + " failed: " + e);
            }
        }
    }
}
