package io.camelgenesys.benchmarks;

import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelgenesys.core.webhook.HubSignature;
import io.camelgenesys.messaging.model.MessageIds;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.Messaging;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * camel-genesys-messaging, two measurements in one run, each against a peer in the same run:
 * <ol>
 * <li><b>Webhook deliveries per second</b>: signed Third-Party Messaging webhook requests (the SMS shape, a new
 * {@code channel.messageId} and its {@code X-Hub-Signature} each, as Genesys sends them) through
 * {@code from("genesys-messaging:webhook")}, beside a bare {@code from("platform-http:...")} route given the same
 * bodies and headers that only answers {@code {"messageId":...}}, on the same platform-http server (Vert.x, Camel
 * Main's) and the same client (a raw Jetty client standing in for Genesys). The difference is what the consumer adds:
 * the size check and the body read, the signature over the raw bytes, parsing into the model, the redelivery check in
 * the idempotent repository, the hand-over to the worker pool and the answer. Target: at least 0.8x the bare route.</li>
 * <li><b>sendMessage</b>: {@code to("genesys-messaging:sendMessage")} through a route, beside a raw Jetty client
 * sending the same request (same JSON, x-api-key, bearer token, x-ccid and signature) to the simulator.</li>
 * </ol>
 * Run: see benchmarks/README.md ({@code -Dexec.mainClass=io.camelgenesys.benchmarks.MessagingBenchmark}); settings from
 * {@link Harness.Settings#fromSystemProperties()}, {@code -Dbench.concurrency=1,16} and {@code -Dbench.parts=webhook,send}
 * (one of the two to run only that part).
 */
public final class MessagingBenchmark {

    public static final String BARE = "bare platform-http route";
    public static final String WEBHOOK = "genesys-messaging:webhook";
    public static final String WEBHOOK_EARLY = "genesys-messaging:webhook (acknowledge=immediately)";
    public static final String RAW_SEND = "raw Jetty HttpClient";
    public static final String SEND = "genesys-messaging:sendMessage";

    private static final String SECRET = "bench-channel-secret-0123456789";
    private static final String CONSUMER = "16504661149";
    private static final String SIMULATOR_THREADS = "genesys-simulator";

    private MessagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "1,16").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        run(Harness.Settings.fromSystemProperties(), concurrencies, System.out);
    }

    /** Both measurements at each concurrency; returns the webhook results, then the sendMessage results. */
    public static List<Harness.Result> run(Harness.Settings settings, int[] concurrencies, PrintStream out)
            throws Exception {
        out.println("camel-genesys-messaging: signed webhook deliveries (" + WEBHOOK + " vs " + BARE
                    + ") and sendMessage (" + SEND + " vs " + RAW_SEND + ")");
        out.println(Harness.environment());
        List<String> parts = Arrays.asList(System.getProperty("bench.parts", "webhook,send").split(","));
        List<Harness.Result> results = new ArrayList<>();
        if (parts.contains("webhook")) {
            results.addAll(webhooks(settings, concurrencies, out));
        }
        if (parts.contains("send")) {
            results.addAll(sendMessage(settings, concurrencies, out));
        }
        return results;
    }

    // ---- 1. webhook deliveries -----------------------------------------------------------------------------------

    static List<Harness.Result> webhooks(Harness.Settings settings, int[] concurrencies, PrintStream out)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("webhook-bench");
        HttpClient genesys = ExecutorGetBenchmark.rawClient();
        try {
            MainHttpServer server = new MainHttpServer();
            server.setPort(port);
            camel.addService(server);
            camel.getPropertiesComponent().addInitialProperty("bench.secret", SECRET);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/bench/bare?httpMethodRestrict=POST").routeId("bare")
                            .setBody(simple("{\"messageId\":\"${header.X-Bench-Id}\"}"));
                    from("genesys-messaging:webhook?webhookPath=/bench/webhook&secret=RAW({{bench.secret}})")
                            .routeId("webhook")
                            .setProperty("seen", header("CamelGenesysWebhookMessageId"));
                    from("genesys-messaging:webhook?webhookPath=/bench/early&acknowledge=immediately"
                         + "&secret=RAW({{bench.secret}})").routeId("early")
                            .setProperty("seen", header("CamelGenesysWebhookMessageId"));
                }
            });
            camel.start();
            String base = "http://127.0.0.1:" + port;
            AtomicLong ids = new AtomicLong();
            List<Harness.Peer> peers = List.of(
                    new Harness.Peer(BARE, deliver(genesys, base + "/bench/bare", ids)),
                    new Harness.Peer(WEBHOOK, deliver(genesys, base + "/bench/webhook", ids)),
                    new Harness.Peer(WEBHOOK_EARLY, deliver(genesys, base + "/bench/early", ids)));
            // the whole process is the integrator here: every thread counts but the client's
            Harness harness = new Harness(settings, name -> !name.startsWith("raw-jetty"));
            return measureEach(harness, "signed webhook deliveries", concurrencies, peers, WEBHOOK, BARE, out);
        } finally {
            ExecutorGetBenchmark.stopQuietly(camel);
            genesys.stop();
        }
    }

    /**
     * What Genesys sends: the seed's SMS shape with a new messageId, signed over the exact bytes; the answer must be
     * 200 with that messageId. The bare route gets the same bytes and headers (and the id in a header, so that it can
     * answer it without parsing).
     */
    private static Harness.Call deliver(HttpClient client, String url, AtomicLong ids) {
        return done -> {
            String id = "bench-" + ids.incrementAndGet();
            byte[] body = ("{\"channel\":{\"id\":\"0123456789\",\"type\":\"sms\",\"from\":{\"id\":\"0123456789\"},"
                           + "\"to\":{\"id\":\"" + CONSUMER + "\"},\"messageId\":\"" + id + "\"},\"type\":\"Text\","
                           + "\"text\":\"Agent message text\"}").getBytes(StandardCharsets.UTF_8);
            String expected = "{\"messageId\":\"" + id + "\"}";
            client.newRequest(url).method("POST")
                    .headers(h -> h.put(HubSignature.HEADER, HubSignature.sign(SECRET, body))
                            .put("X-B3-TraceId", id).put("X-Bench-Id", id))
                    .body(new BytesRequestContent("application/json", body))
                    .timeout(60, TimeUnit.SECONDS)
                    .send(new BufferingResponseListener() {
                        @Override
                        public void onComplete(Result result) {
                            if (result.isFailed()) {
                                done.done(result.getFailure());
                            } else if (result.getResponse().getStatus() != 200
                                       || !expected.equals(getContentAsString())) {
                                done.done(new IllegalStateException(url + " answered "
                                                                    + result.getResponse().getStatus() + ": "
                                                                    + getContentAsString()));
                            } else {
                                done.done(null);
                            }
                        }
                    });
        };
    }

    /** Measures the peers at each concurrency and prints each result with the cost of {@code subject} per request. */
    private static List<Harness.Result> measureEach(Harness harness, String title, int[] concurrencies,
                                                    List<Harness.Peer> peers, String subject, String baseline,
                                                    PrintStream out) throws Exception {
        List<Harness.Result> results = new ArrayList<>();
        for (int concurrency : concurrencies) {
            Harness.Result r = harness.measure(title, concurrency, peers);
            Harness.print(r, baseline, out);
            Harness.printCostRatio(r, subject, baseline, out);
            if (Boolean.getBoolean("bench.verbose")) {
                Harness.printRounds(r, out);
            }
            results.add(r);
        }
        return results;
    }

    // ---- 2. sendMessage ------------------------------------------------------------------------------------------

    static List<Harness.Result> sendMessage(Harness.Settings settings, int[] concurrencies, PrintStream out)
            throws Exception {
        GenesysSimulator sim = GenesysSimulator.builder().rateLimit(10_000_000, Duration.ofMinutes(1)).build();
        HttpClient raw = null;
        CamelContext camel = null;
        try {
            sim.start();
            raw = ExecutorGetBenchmark.rawClient();
            String token = StatsDeliveryBenchmark.multicloudToken(sim);
            String url = sim.baseUrl() + "/nexus/v3/channels/" + Messaging.DEFAULT_SMS_CHANNEL + "/messages";
            camel = new DefaultCamelContext();
            camel.getCamelContextExtension().setName("send-bench");
            String options = "platform=multicloud&baseUrl=" + sim.baseUrl() + "&apiKey=RAW(" + sim.multicloudApiKey()
                             + ")&clientId=" + sim.multicloudClientId() + "&clientSecret=RAW("
                             + sim.multicloudClientSecret() + ")&username=agent1&password=RAW(agent1-password)"
                             + "&rateLimit=0&contactCenterId=" + Messaging.DEFAULT_CONTACT_CENTER_ID + "&channelId="
                             + Messaging.DEFAULT_SMS_CHANNEL + "&secret=RAW(" + Messaging.DEFAULT_SMS_SECRET + ")&from="
                             + CONSUMER;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("genesys-messaging:sendMessage?" + options);
                }
            });
            camel.start();
            List<Harness.Peer> peers = List.of(
                    new Harness.Peer(RAW_SEND, rawSend(raw, url, token, sim.multicloudApiKey())),
                    new Harness.Peer(SEND, camelSend(camel)));
            Harness harness = new Harness(settings, name -> !name.startsWith(SIMULATOR_THREADS));
            return measureEach(harness, "sendMessage", concurrencies, peers, SEND, RAW_SEND, out);
        } finally {
            ExecutorGetBenchmark.stopQuietly(camel);
            if (raw != null) {
                raw.stop();
            }
            sim.stop();
        }
    }

    /** The request sendMessage makes, by hand: the JSON, signed, with x-api-key, the bearer token and x-ccid. */
    private static Harness.Call rawSend(HttpClient client, String url, String token, String apiKey) {
        String authorization = "Bearer " + token;
        byte[] body = ("{\"messages\":[{\"channel\":{\"from\":{\"id\":\"" + CONSUMER + "\"},\"to\":{\"id\":\""
                       + Messaging.DEFAULT_SMS_CHANNEL + "\"}},\"type\":\"Text\",\"text\":\"Consumer message text\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        return done -> client.newRequest(url).method("POST")
                .headers(h -> h.put(HttpHeader.ACCEPT, "application/json").put(HttpHeader.AUTHORIZATION, authorization)
                        .put("x-api-key", apiKey).put("x-ccid", Messaging.DEFAULT_CONTACT_CENTER_ID)
                        .put(HubSignature.HEADER, HubSignature.sign(Messaging.DEFAULT_SMS_SECRET, body)))
                .body(new BytesRequestContent("application/json", body))
                .timeout(60, TimeUnit.SECONDS)
                .send(new BufferingResponseListener() {
                    @Override
                    public void onComplete(Result result) {
                        if (result.isFailed()) {
                            done.done(result.getFailure());
                        } else if (result.getResponse().getStatus() != 200) {
                            done.done(new IllegalStateException("POST " + url + " answered "
                                                                + result.getResponse().getStatus() + ": "
                                                                + getContentAsString()));
                        } else {
                            done.done(null);
                        }
                    }
                });
    }

    private static Harness.Call camelSend(CamelContext context) throws Exception {
        Endpoint direct = context.getEndpoint("direct:send");
        AsyncProducer producer = direct.createAsyncProducer();
        ServiceHelper.startService(producer);
        context.addService(producer, true);
        return done -> {
            Exchange exchange = direct.createExchange(ExchangePattern.InOut);
            exchange.getMessage().setBody("Consumer message text");
            producer.process(exchange, doneSync -> {
                Throwable failure = exchange.getException();
                if (failure == null && !(exchange.getMessage().getBody() instanceof MessageIds ids
                                         && ids.getIds() != null && ids.getIds().size() == 1)) {
                    failure = new IllegalStateException("Unexpected body: " + exchange.getMessage().getBody());
                }
                done.done(failure);
            });
        };
    }
}
