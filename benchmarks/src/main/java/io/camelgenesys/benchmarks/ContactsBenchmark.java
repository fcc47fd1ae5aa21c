package io.camelgenesys.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.AsyncApiCallback;
import com.mypurecloud.sdk.v2.api.ExternalContactsApiAsync;
import com.mypurecloud.sdk.v2.api.request.GetExternalcontactsContactRequest;
import com.mypurecloud.sdk.v2.api.request.PostExternalcontactsContactsRequest;
import com.mypurecloud.sdk.v2.connector.ApiClientConnector;
import com.mypurecloud.sdk.v2.connector.ApiClientConnectorProperties;
import com.mypurecloud.sdk.v2.connector.ApiClientConnectorProperty;
import com.mypurecloud.sdk.v2.connector.ApiClientConnectorProvider;
import com.mypurecloud.sdk.v2.connector.apache.ApacheHttpClientConnector;
import com.mypurecloud.sdk.v2.model.PhoneNumber;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.http.impl.client.HttpClients;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Benchmark "contacts get/create": the genesys-contacts component through a Camel route beside a raw Jetty 12 client
 * and the official Genesys Cloud Java SDK ({@code com.mypurecloud:platform-client-v2:198.1.0}), all sending
 * {@code GET /api/v2/externalcontacts/contacts/{contactId}} and {@code POST /api/v2/externalcontacts/contacts} to the
 * same embedded simulator in the same run, at concurrency 1 and 64.
 * <p>
 * Peers, alternated round by round:
 * <ul>
 * <li>{@value #RAW}: the baseline; the request as bytes on the wire (the create body is serialized once, before the
 * run), the response buffered and its status checked, nothing parsed;</li>
 * <li>{@value #CAMEL}: {@code from("direct:get").to("genesys-contacts:get?contactId=...&rateLimit=0")} and
 * {@code from("direct:create").to("genesys-contacts:create?rateLimit=0")} (a {@code Map} body), driven through the
 * direct endpoint's {@code AsyncProducer}; the response must come back as the component's {@code ExternalContact}
 * with the expected id;</li>
 * <li>{@value #SDK}: {@code ExternalContactsApiAsync} on an {@code ApiClient} as the SDK ships it (its default
 * connector, Apache HttpClient 4 with its default pool of 2 connections per host, each asynchronous call a blocking
 * call on a cached thread pool);</li>
 * <li>{@value #SDK_POOLED}: the same connector class with its pool raised to 64 connections per host, the fair SDK
 * peer at concurrency 64 (at concurrency 1 both SDK peers are the same).</li>
 * </ul>
 * The SDK gets its token from the simulator's {@code POST /oauth/token} exactly as its
 * {@code authorizeClientCredentials} would send it, and takes it with {@code withAccessToken}: the SDK sends token
 * requests to {@code https://login.} + the base path's domain, which cannot point at a loopback simulator.
 * <p>
 * Run: see benchmarks/README.md. Settings: {@link Harness.Settings#fromSystemProperties()},
 * {@code -Dbench.concurrency=1,64} and {@code -Dbench.operations=get,create}.
 */
public final class ContactsBenchmark {

    public static final String RAW = "raw Jetty HttpClient";
    public static final String CAMEL = "camel genesys-contacts (rateLimit=0)";
    public static final String SDK = "Genesys SDK 198.1.0 (default pool)";
    public static final String SDK_POOLED = "Genesys SDK 198.1.0 (pool 64)";
    /** The blocking peers of "get, blocking callers": N threads, each one call after the other. */
    public static final String SDK_BLOCKING = "SDK ExternalContactsApi blocking";
    public static final String SDK_BLOCKING_DEFAULT = "SDK blocking (default pool of 2)";
    public static final String CAMEL_BLOCKING = "camel requestBody(genesys-contacts:get)";
    public static final String CAMEL_BLOCKING_ROUTE = "camel requestBody(direct:get)";
    public static final String RAW_BLOCKING = "raw Jetty send() blocking";
    /**
     * With {@code -Dbench.handoff=true}: raw Jetty whose completion is handed to a worker pool (Camel's default
     * profile, as the component's) before the next request, as the component must (a route never continues on a Jetty
     * thread): the cost of that thread rule alone.
     */
    public static final String RAW_HANDOFF = ExecutorGetBenchmark.RAW_HANDOFF;
    /**
     * With {@code -Dbench.handoff=true}: the same, also doing the JSON work any client of this API must do, and the
     * least of it: the {@code Map} body written with Jackson per request, the answer read into the component's
     * {@code ExternalContact} and its id checked (no body rules, no option resolution, no Camel exchange).
     */
    public static final String RAW_JSON_HANDOFF = "raw Jetty + Jackson, completion on a worker pool";
    /**
     * With {@code -Dbench.mixed=true}: {@value #RAW}, {@value #CAMEL} and {@value #RAW_JSON_HANDOFF} for {@code get}
     * and for {@code create}, all six in the same rounds ("contacts get and create in the same rounds"), so that the
     * two operations' ratios are taken under the same conditions: measured in separate windows, the create window
     * also carries the young-GC pauses of the contacts the in-process simulator keeps, which the get window does not,
     * and on a loaded machine the first window also the end of the JIT's warm-up.
     * Each peer's name ends with the operation, as {@code " (get)"}.
     */
    public static final String MIXED = "contacts get and create in the same rounds";

    /** The operations this benchmark knows. */
    public static final List<String> OPERATIONS = List.of("get", "create");

    static final String CONTACTS = "/api/v2/externalcontacts/contacts";
    private static final String SIMULATOR_THREADS = "genesys-simulator";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The contact every create sends (and the one every get reads): the same fields for every peer. */
    static final Map<String, Object> CONTACT = contact();

    private ContactsBenchmark() {
    }

    private static Map<String, Object> contact() {
        Map<String, Object> phone = new LinkedHashMap<>();
        phone.put("display", "+1 317-555-0100");
        phone.put("e164", "+13175550100");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("firstName", "Ada");
        c.put("lastName", "Lovelace");
        c.put("title", "Analyst");
        c.put("workEmail", "ada.lovelace@example.com");
        c.put("workPhone", phone);
        return Map.copyOf(c);
    }

    public static void main(String[] args) throws Exception {
        int[] concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "1,64").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        List<String> operations = Arrays.stream(System.getProperty("bench.operations", "get,create").split(","))
                .map(String::trim).toList();
        run(Harness.Settings.fromSystemProperties(), operations, concurrencies, System.out,
                !"false".equals(System.getProperty("bench.blocking")));
    }

    /** Runs each operation at each concurrency, prints each result, and returns them in that order. */
    public static List<Harness.Result> run(Harness.Settings settings, List<String> operations, int[] concurrencies,
                                           PrintStream out) throws Exception {
        return run(settings, operations, concurrencies, out, false);
    }

    /**
     * As {@link #run(Harness.Settings, List, int[], PrintStream)}, then, with {@code blocking} and {@code get} among
     * the operations, "get, blocking callers" at each concurrency (those results last).
     */
    public static List<Harness.Result> run(Harness.Settings settings, List<String> operations, int[] concurrencies,
                                           PrintStream out, boolean blocking) throws Exception {
        for (String op : operations) {
            if (!OPERATIONS.contains(op)) {
                throw new IllegalArgumentException("bench.operations: unknown operation " + op + ", expected one of "
                                                   + OPERATIONS);
            }
        }
        out.println("contacts get/create: " + CAMEL + " vs " + RAW + " vs the official Genesys Cloud Java SDK,"
                    + " against the embedded simulator");
        out.println(Harness.environment());
        // a budget the run cannot reach: the simulator never answers 429 here
        GenesysSimulator sim = GenesysSimulator.builder().rateLimit(100_000_000, Duration.ofMinutes(1)).build();
        HttpClient raw = null;
        CamelContext camel = null;
        ExecutorService workers = null;
        boolean handoff = Boolean.getBoolean("bench.handoff");
        boolean mixed = Boolean.getBoolean("bench.mixed") && operations.containsAll(OPERATIONS);
        Sdk sdk = null;
        Sdk sdkPooled = null;
        try {
            sim.start();
            String base = sim.baseUrl();
            raw = ExecutorGetBenchmark.rawClient();
            String token = ExecutorGetBenchmark.cloudToken(raw, base, sim.cloudClientId(), sim.cloudClientSecret());
            byte[] contactJson = JSON.writeValueAsBytes(CONTACT);
            String contactId = createContact(raw, base, token, contactJson);

            String connection = "baseUrl=" + base + "&clientId=" + sim.cloudClientId() + "&clientSecret=RAW("
                                + sim.cloudClientSecret() + ")&rateLimit=0";
            camel = camelContext("camel-contacts", connection, contactId);
            if (handoff || mixed) {
                // the component's default worker pool: Camel's default profile (10 threads, unbounded queue)
                workers = camel.getExecutorServiceManager().newDefaultThreadPool(ContactsBenchmark.class,
                        "bench-workers");
            }
            sdk = Sdk.start(base, token, false);
            sdkPooled = Sdk.start(base, token, true);

            Harness harness = new Harness(settings, name -> !name.startsWith(SIMULATOR_THREADS));
            List<Harness.Result> results = new ArrayList<>();
            for (String op : operations) {
                boolean get = op.equals("get");
                List<Harness.Peer> peers = new ArrayList<>(List.of(
                        new Harness.Peer(RAW, get ? rawGet(raw, base + CONTACTS + "/" + contactId, token)
                                : rawCreate(raw, base + CONTACTS, token, contactJson)),
                        new Harness.Peer(CAMEL, get ? camelGet(camel, contactId) : camelCreate(camel)),
                        new Harness.Peer(SDK, get ? sdk.get(contactId) : sdk.create()),
                        new Harness.Peer(SDK_POOLED, get ? sdkPooled.get(contactId) : sdkPooled.create())));
                if (handoff) {
                    ExecutorService pool = workers;
                    Harness.Call direct = get ? rawGet(raw, base + CONTACTS + "/" + contactId, token)
                            : rawCreate(raw, base + CONTACTS, token, contactJson);
                    peers.add(new Harness.Peer(RAW_HANDOFF, done -> direct.start(
                            failure -> pool.execute(() -> done.done(failure)))));
                    peers.add(new Harness.Peer(RAW_JSON_HANDOFF, get
                            ? rawJsonGet(raw, base + CONTACTS + "/" + contactId, token, contactId, pool)
                            : rawJsonCreate(raw, base + CONTACTS, token, pool)));
                }
                for (int concurrency : concurrencies) {
                    Harness.Result r = harness.measure("contacts " + op, concurrency, peers);
                    Harness.print(r, RAW, out);
                    Harness.printRatio(r, "component vs SDK (default pool), req/s", CAMEL, SDK, out);
                    Harness.printRatio(r, "component vs SDK (pool 64), req/s", CAMEL, SDK_POOLED, out);
                    Harness.printCostRatio(r, CAMEL, RAW, out);
                    Harness.printCostRatio(r, CAMEL, SDK_POOLED, out);
                    if (handoff) {
                        Harness.printRatio(r, "raw Jetty with the component's hand-off vs raw Jetty, req/s", RAW_HANDOFF,
                                RAW, out);
                        Harness.printRatio(r, "component vs raw Jetty with the same hand-off, req/s", CAMEL,
                                RAW_HANDOFF, out);
                        Harness.printRatio(r, "component vs raw Jetty + Jackson with the same hand-off, req/s", CAMEL,
                                RAW_JSON_HANDOFF, out);
                        Harness.printCostRatio(r, CAMEL, RAW_JSON_HANDOFF, out);
                    }
                    if (Boolean.getBoolean("bench.verbose")) {
                        Harness.printRounds(r, out);
                    }
                    results.add(r);
                }
            }
            if (mixed) {
                results.addAll(mixed(harness, raw, camel, base, token, contactId, workers, concurrencies, out));
            }
            if (blocking && operations.contains("get")) {
                results.addAll(blocking(harness, camel, getUri(connection, contactId), sdkPooled, sdk, raw, base, token,
                        contactId, concurrencies, out));
            }
            out.println();
            out.printf(Locale.ROOT, "contacts in the simulator's store at the end: %,d%n",
                    sim.externalContacts().contactCount());
            return results;
        } finally {
            closeQuietly(sdkPooled);
            closeQuietly(sdk);
            if (workers != null) {
                workers.shutdownNow();
            }
            ExecutorGetBenchmark.stopQuietly(camel);
            if (raw != null) {
                raw.stop();
            }
            sim.stop();
        }
    }

    /** {@value #MIXED}: see {@link #MIXED}. */
    private static List<Harness.Result> mixed(Harness harness, HttpClient raw, CamelContext camel, String base,
                                              String token, String contactId, ExecutorService workers,
                                              int[] concurrencies, PrintStream out) throws Exception {
        String url = base + CONTACTS + "/" + contactId;
        byte[] contactJson = JSON.writeValueAsBytes(CONTACT);
        List<Harness.Peer> peers = List.of(
                new Harness.Peer(RAW + " (get)", rawGet(raw, url, token)),
                new Harness.Peer(CAMEL + " (get)", camelGet(camel, contactId)),
                new Harness.Peer(RAW_JSON_HANDOFF + " (get)", rawJsonGet(raw, url, token, contactId, workers)),
                new Harness.Peer(RAW + " (create)", rawCreate(raw, base + CONTACTS, token, contactJson)),
                new Harness.Peer(CAMEL + " (create)", camelCreate(camel)),
                new Harness.Peer(RAW_JSON_HANDOFF + " (create)", rawJsonCreate(raw, base + CONTACTS, token, workers)));
        List<Harness.Result> results = new ArrayList<>();
        for (int concurrency : concurrencies) {
            Harness.Result r = harness.measure(MIXED, concurrency, peers);
            Harness.print(r, RAW + " (get)", out);
            for (String op : OPERATIONS) {
                String suffix = " (" + op + ")";
                Harness.printRatio(r, op + ": component vs raw Jetty, req/s", CAMEL + suffix, RAW + suffix, out);
                Harness.printRatio(r, op + ": component vs raw Jetty + Jackson with the hand-off, req/s",
                        CAMEL + suffix, RAW_JSON_HANDOFF + suffix, out);
                Harness.printCostRatio(r, CAMEL + suffix, RAW + suffix, out);
                Harness.printCostRatio(r, CAMEL + suffix, RAW_JSON_HANDOFF + suffix, out);
            }
            if (Boolean.getBoolean("bench.verbose")) {
                Harness.printRounds(r, out);
            }
            results.add(r);
        }
        return results;
    }

    /**
     * "get, blocking callers": N caller threads each make one blocking call after the other, as an application that
     * calls Genesys synchronously does. The SDK does its I/O on the calling thread; the component's
     * {@code requestBody} hands the request to Jetty and waits. The SDK (pool 64) is the baseline.
     */
    private static List<Harness.Result> blocking(Harness harness, CamelContext camel, String getUri, Sdk sdk,
                                                 Sdk sdkDefault, HttpClient raw, String base, String token,
                                                 String contactId, int[] concurrencies, PrintStream out)
            throws Exception {
        org.apache.camel.ProducerTemplate template = camel.createProducerTemplate();
        // resolved once, as the SDK peer builds its request once: the template does not parse the URI per call
        Endpoint endpoint = camel.getEndpoint(getUri);
        Endpoint route = camel.getEndpoint("direct:get");
        String url = base + CONTACTS + "/" + contactId;
        String authorization = "Bearer " + token;
        com.mypurecloud.sdk.v2.api.ExternalContactsApi api = new com.mypurecloud.sdk.v2.api.ExternalContactsApi(
                sdk.client());
        com.mypurecloud.sdk.v2.api.ExternalContactsApi apiDefault = new com.mypurecloud.sdk.v2.api.ExternalContactsApi(
                sdkDefault.client());
        GetExternalcontactsContactRequest request = GetExternalcontactsContactRequest.builder()
                .withContactId(contactId).build();
        List<Harness.Peer> peers = List.of(
                Harness.Peer.blocking(SDK_BLOCKING, () -> expect(contactId, api.getExternalcontactsContact(request).getId())),
                Harness.Peer.blocking(CAMEL_BLOCKING, () -> expect(contactId,
                        template.requestBody(endpoint, null, ExternalContact.class).getId())),
                Harness.Peer.blocking(CAMEL_BLOCKING_ROUTE, () -> expect(contactId,
                        template.requestBody(route, null, ExternalContact.class).getId())),
                Harness.Peer.blocking(RAW_BLOCKING, () -> {
                    ContentResponse r = raw.newRequest(url)
                            .headers(h -> h.put(HttpHeader.ACCEPT, "application/json")
                                    .put(HttpHeader.AUTHORIZATION, authorization))
                            .timeout(60, TimeUnit.SECONDS).send();
                    if (r.getStatus() != 200) {
                        throw new IllegalStateException("GET " + url + " answered " + r.getStatus());
                    }
                }),
                Harness.Peer.blocking(SDK_BLOCKING_DEFAULT, () -> expect(contactId,
                        apiDefault.getExternalcontactsContact(request).getId())));
        List<Harness.Result> results = new ArrayList<>();
        try {
            for (int concurrency : concurrencies) {
                Harness.Result r = harness.measure("contacts get, blocking callers", concurrency, peers);
                Harness.print(r, SDK_BLOCKING, out);
                Harness.printCostRatio(r, CAMEL_BLOCKING, SDK_BLOCKING, out);
                Harness.printCostRatio(r, CAMEL_BLOCKING_ROUTE, SDK_BLOCKING, out);
                Harness.printRatio(r, "requestBody(endpoint) vs the SDK as shipped (2 connections per host), req/s",
                        CAMEL_BLOCKING, SDK_BLOCKING_DEFAULT, out);
                if (Boolean.getBoolean("bench.verbose")) {
                    Harness.printRounds(r, out);
                }
                results.add(r);
            }
        } finally {
            template.stop();
        }
        return results;
    }

    private static void expect(String id, String got) {
        if (!id.equals(got)) {
            throw new IllegalStateException("Expected contact " + id + ", got " + got);
        }
    }

    // ---- raw Jetty peer ------------------------------------------------------------------------------------------

    private static Harness.Call rawGet(HttpClient client, String url, String token) {
        String authorization = "Bearer " + token;
        return done -> send(client.newRequest(url).method(HttpMethod.GET), authorization, 200, done);
    }

    private static Harness.Call rawCreate(HttpClient client, String url, String token, byte[] body) {
        String authorization = "Bearer " + token;
        return done -> send(client.newRequest(url).method(HttpMethod.POST)
                .body(new BytesRequestContent("application/json", body)), authorization, -1, done);
    }

    /** {@value #RAW_JSON_HANDOFF}, get: the answer read into the model on the worker, its id checked. */
    private static Harness.Call rawJsonGet(HttpClient client, String url, String token, String contactId,
                                           ExecutorService workers) {
        String authorization = "Bearer " + token;
        return done -> sendForJson(client.newRequest(url).method(HttpMethod.GET), authorization, 200, workers,
                contact -> contactId.equals(contact.getId()), done);
    }

    /** {@value #RAW_JSON_HANDOFF}, create: the {@code Map} written per request, the answer read on the worker. */
    private static Harness.Call rawJsonCreate(HttpClient client, String url, String token, ExecutorService workers) {
        String authorization = "Bearer " + token;
        return done -> {
            byte[] body;
            try {
                body = JSON.writeValueAsBytes(CONTACT);
            } catch (java.io.IOException e) {
                done.done(e);
                return;
            }
            sendForJson(client.newRequest(url).method(HttpMethod.POST)
                    .body(new BytesRequestContent("application/json", body)), authorization, -1, workers,
                    contact -> contact.getId() != null, done);
        };
    }

    /** Sends as {@link #send} does; the completion goes to a worker, which reads the body into the model. */
    private static void sendForJson(Request request, String authorization, int expectedStatus, ExecutorService workers,
                                    java.util.function.Predicate<ExternalContact> check, Harness.Done done) {
        request.headers(h -> h.put(HttpHeader.ACCEPT, "application/json").put(HttpHeader.AUTHORIZATION, authorization))
                .timeout(60, TimeUnit.SECONDS)
                .send(new BufferingResponseListener() {
                    @Override
                    public void onComplete(Result result) {
                        byte[] body = getContent();
                        workers.execute(() -> done.done(failure(result, body)));
                    }

                    private Throwable failure(Result result, byte[] body) {
                        int status = result.getResponse().getStatus();
                        if (result.isFailed()) {
                            return result.getFailure();
                        } else if (expectedStatus < 0 ? status / 100 != 2 : status != expectedStatus) {
                            return new IllegalStateException(request.getMethod() + " " + request.getURI()
                                                             + " answered " + status);
                        }
                        try {
                            ExternalContact contact = JSON.readValue(body, ExternalContact.class);
                            return check.test(contact) ? null
                                    : new IllegalStateException("Unexpected contact " + contact.getId());
                        } catch (java.io.IOException | RuntimeException e) {
                            return e;
                        }
                    }
                });
    }

    /** Sends with Accept and the bearer token; {@code expectedStatus} -1 accepts any 2xx. */
    private static void send(Request request, String authorization, int expectedStatus, Harness.Done done) {
        request.headers(h -> h.put(HttpHeader.ACCEPT, "application/json").put(HttpHeader.AUTHORIZATION, authorization))
                .timeout(60, TimeUnit.SECONDS)
                .send(new BufferingResponseListener() {
                    @Override
                    public void onComplete(Result result) {
                        int status = result.getResponse().getStatus();
                        if (result.isFailed()) {
                            done.done(result.getFailure());
                        } else if (expectedStatus < 0 ? status / 100 != 2 : status != expectedStatus) {
                            done.done(new IllegalStateException(request.getMethod() + " " + request.getURI()
                                                                + " answered " + status + ": "
                                                                + getContentAsString()));
                        } else {
                            done.done(null);
                        }
                    }
                });
    }

    /** POST /api/v2/externalcontacts/contacts once, for the contact that the get runs read. */
    private static String createContact(HttpClient client, String base, String token, byte[] body) throws Exception {
        ContentResponse r = client.POST(base + CONTACTS)
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + token))
                .body(new BytesRequestContent("application/json", body))
                .timeout(10, TimeUnit.SECONDS)
                .send();
        if (r.getStatus() / 100 != 2) {
            throw new IllegalStateException("POST " + CONTACTS + " answered " + r.getStatus() + ": "
                                            + r.getContentAsString());
        }
        JsonNode id = JSON.readTree(r.getContent()).get("id");
        if (id == null || !id.isTextual()) {
            throw new IllegalStateException("No id in " + r.getContentAsString());
        }
        return id.asText();
    }

    // ---- Camel peer ----------------------------------------------------------------------------------------------

    private static CamelContext camelContext(String name, String connectionOptions, String contactId)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        String getUri = getUri(connectionOptions, contactId);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to(getUri);
                from("direct:create").to("genesys-contacts:create?" + connectionOptions);
            }
        });
        context.start();
        return context;
    }

    static String getUri(String connectionOptions, String contactId) {
        return "genesys-contacts:get?contactId=" + contactId + "&" + connectionOptions;
    }

    private static Harness.Call camelGet(CamelContext context, String contactId) throws Exception {
        return camelCall(context, "direct:get", null, contact -> contactId.equals(contact.getId()));
    }

    private static Harness.Call camelCreate(CamelContext context) throws Exception {
        return camelCall(context, "direct:create", CONTACT, contact -> contact.getId() != null);
    }

    /** Sends each exchange into the route asynchronously: the producer returns at once, the callback completes it. */
    private static Harness.Call camelCall(CamelContext context, String uri, Object body,
                                          java.util.function.Predicate<ExternalContact> check) throws Exception {
        Endpoint direct = context.getEndpoint(uri);
        AsyncProducer producer = direct.createAsyncProducer();
        ServiceHelper.startService(producer);
        context.addService(producer, true); // stopped with the context
        return done -> {
            Exchange exchange = direct.createExchange(ExchangePattern.InOut);
            exchange.getMessage().setBody(body);
            producer.process(exchange, doneSync -> {
                Throwable failure = exchange.getException();
                if (failure == null && !(exchange.getMessage().getBody() instanceof ExternalContact c && check.test(c))) {
                    failure = new IllegalStateException("Unexpected body: " + exchange.getMessage().getBody());
                }
                done.done(failure);
            });
        };
    }

    // ---- SDK peer ------------------------------------------------------------------------------------------------

    /** One SDK ApiClient with its API and the executor of its asynchronous calls (daemon threads, shut down after). */
    private record Sdk(ApiClient client, ExternalContactsApiAsync api, ExecutorService executor)
            implements AutoCloseable {

        static Sdk start(String base, String token, boolean pooled) {
            ExecutorService executor = Executors.newCachedThreadPool(daemonThreads(pooled ? "sdk-pool64-" : "sdk-"));
            ApiClient.Builder builder = ApiClient.Builder.standard()
                    .withBasePath(base)
                    .withAccessToken(token)
                    // the same as the SDK's default (a cached pool), with daemon threads that close() shuts down
                    .withProperty(ApiClientConnectorProperty.ASYNC_EXECUTOR_SERVICE, executor);
            if (pooled) {
                builder.withProperty(ApiClientConnectorProperty.CONNECTOR_PROVIDER, new PooledApacheConnector(executor));
            }
            ApiClient client = builder.build();
            return new Sdk(client, new ExternalContactsApiAsync(client), executor);
        }

        Harness.Call get(String contactId) {
            GetExternalcontactsContactRequest request = GetExternalcontactsContactRequest.builder()
                    .withContactId(contactId).build();
            return done -> api.getExternalcontactsContactAsync(request, callback(done,
                    c -> contactId.equals(c.getId())));
        }

        Harness.Call create() {
            return done -> {
                com.mypurecloud.sdk.v2.model.ExternalContact contact = new com.mypurecloud.sdk.v2.model.ExternalContact();
                contact.setFirstName((String) CONTACT.get("firstName"));
                contact.setLastName((String) CONTACT.get("lastName"));
                contact.setTitle((String) CONTACT.get("title"));
                contact.setWorkEmail((String) CONTACT.get("workEmail"));
                @SuppressWarnings("unchecked")
                Map<String, Object> phoneFields = (Map<String, Object>) CONTACT.get("workPhone");
                PhoneNumber phone = new PhoneNumber();
                phone.setDisplay((String) phoneFields.get("display"));
                phone.setE164((String) phoneFields.get("e164"));
                contact.setWorkPhone(phone);
                api.postExternalcontactsContactsAsync(PostExternalcontactsContactsRequest.builder().withBody(contact)
                        .build(), callback(done, c -> c.getId() != null));
            };
        }

        private static AsyncApiCallback<com.mypurecloud.sdk.v2.model.ExternalContact> callback(
                Harness.Done done, java.util.function.Predicate<com.mypurecloud.sdk.v2.model.ExternalContact> check) {
            return new AsyncApiCallback<>() {
                @Override
                public void onCompleted(com.mypurecloud.sdk.v2.model.ExternalContact contact) {
                    done.done(contact != null && check.test(contact) ? null
                            : new IllegalStateException("Unexpected SDK result: " + contact));
                }

                @Override
                public void onFailed(Throwable failure) {
                    done.done(failure);
                }
            };
        }

        @Override
        public void close() throws Exception {
            try {
                client.close();
            } finally {
                executor.shutdownNow();
            }
        }
    }

    /**
     * The SDK's own Apache connector ({@link ApacheHttpClientConnector}) on an Apache HttpClient whose pool allows 64
     * connections per host instead of the default 2; plugged in through the SDK's {@code CONNECTOR_PROVIDER} property.
     */
    private static final class PooledApacheConnector implements ApiClientConnectorProvider {
        private final ExecutorService executor;

        PooledApacheConnector(ExecutorService executor) {
            this.executor = executor;
        }

        @Override
        public ApiClientConnector create(ApiClientConnectorProperties properties) {
            return new ApacheHttpClientConnector(HttpClients.custom().setMaxConnPerRoute(64).setMaxConnTotal(64)
                    .disableRedirectHandling().build(), executor);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("Closing " + c + " failed: " + e);
            }
        }
    }
}
