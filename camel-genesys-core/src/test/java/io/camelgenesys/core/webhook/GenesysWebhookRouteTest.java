package io.camelgenesys.core.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import io.camelgenesys.core.test.LogCapture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelgenesys.core.webhook.HubSignatureTest.BODY;
import static io.camelgenesys.core.webhook.HubSignatureTest.BODY_SIGNATURE;
import static io.camelgenesys.core.webhook.HubSignatureTest.SECRET;
import static io.camelgenesys.core.webhook.HubSignatureTest.UTF8_BODY;
import static io.camelgenesys.core.webhook.HubSignatureTest.UTF8_BODY_SIGNATURE;
import static io.camelgenesys.core.webhook.HubSignatureTest.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook base through real Camel routes and real HTTP: camel-platform-http-main (Vert.x) on a free port, the
 * test-only {@code genesys-webhook-test} component, both directly and through the {@code webhook:} meta-component.
 */
class GenesysWebhookRouteTest extends CamelTestSupport {

    private static final int PORT = AvailablePortFinder.getNextAvailable();
    /**
     * Routes take the secret from a property placeholder, as users should (the resolved endpoint URI holds the secret,
     * so every runtime log line about the endpoint is still checked); {@link #LITERAL_SECRET_OPTION} is a literal one.
     * Logs are captured with camel-genesys at TRACE and Camel at INFO: Camel core at DEBUG prints resolved property
     * values and route models unmasked (DefaultPropertiesParser, DefaultCamelContextExtension, AbstractCamelContext).
     */
    private static final String SECRET_OPTION = "secret=RAW({{genesys.webhook.secret}})";
    private static final String LITERAL_SECRET_OPTION = "secret=RAW(" + SECRET + ")";
    private static final String BOOM = "boom-route-failure";

    /** In the bodies the faulty routes get, and in the handler's exception messages: never to be logged. */
    private static final String BODY_MARKER = "body-text-5c1e";
    /**
     * How long a caller of the faulty routes waits: below their responseTimeout (8 s), so that a request nobody
     * answers fails the test instead of being answered 503 at the deadline (which comes at least 8 s after the send),
     * and long enough for 40 deliveries at once on two workers on a loaded machine (it was 3 s).
     */
    private static final Duration CALLER_WAIT = Duration.ofSeconds(6);
    private static final String HANDLER_FAILED = "{\"status\":{\"code\":500,\"message\":\"The webhook handler failed\"}}";
    private static final String REPOSITORY_FAILED
            = "{\"status\":{\"code\":500,\"message\":\"The idempotent repository failed\"}}";
    private static final String ROUTE_FAILED
            = "{\"status\":{\"code\":500,\"message\":\"The webhook could not be processed\"}}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LogCapture logs;
    private final FaultyRepository repository = new FaultyRepository();
    /** What the faulty routes throw, once, for a message id. */
    private final Map<String, Supplier<Throwable>> routeFailures = new ConcurrentHashMap<>();
    private final ExecutorService twoWorkers = Executors.newFixedThreadPool(2);

    @AfterEach
    void secretNeverLogged() {
        if (logs == null) {
            return;
        }
        try {
            List<String> leaks = logs.matching(e -> e.all().contains(SECRET))
                    .stream().map(LogCapture.Captured::all).toList();
            assertTrue(leaks.isEmpty(), () -> "the secret was logged: " + leaks);
        } finally {
            logs.uninstall();
            twoWorkers.shutdownNow();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        // captured from before the context starts: startup lines (route summary, webhook registration) are checked too
        logs = LogCapture.install();
        CamelContext context = TestWebhookComponent.served(super.createCamelContext(), PORT);
        context.getPropertiesComponent().addInitialProperty("genesys.webhook.secret", SECRET);
        context.getRegistry().bind("faultyRepository", repository);
        context.getRegistry().bind("twoWorkers", twoWorkers);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-webhook-test:raw?webhookPath=/hooks/raw&" + SECRET_OPTION).routeId("raw")
                        .to("mock:raw")
                        .setBody(constant("accepted"));

                from("genesys-webhook-test:message?webhookPath=/hooks/message&" + SECRET_OPTION).routeId("message")
                        .to("mock:message");

                from("genesys-webhook-test:fail?webhookPath=/hooks/fail&" + SECRET_OPTION).routeId("fail")
                        .to("mock:fail")
                        .throwException(new IllegalStateException(BOOM));

                from("genesys-webhook-test:defaultPath?" + SECRET_OPTION).routeId("defaultPath")
                        .to("mock:defaultPath");

                from("genesys-webhook-test:open?webhookPath=/hooks/open&signatureRequired=false").routeId("open")
                        .to("mock:open");

                from("webhook:genesys-webhook-test:meta?webhookComponentName=platform-http&webhookPath=/hooks/meta&"
                     + SECRET_OPTION).routeId("meta")
                        .to("mock:meta")
                        .setBody(constant("meta-accepted"));

                // the faulty handler, repository and route, on two worker threads: directly and through webhook:
                String faulty = "webhookPath=/hooks/faulty&idempotentRepository=#faultyRepository&workerPool=#twoWorkers&"
                                + SECRET_OPTION;
                from("genesys-webhook-test:faulty?" + faulty).routeId("faulty")
                        .process(e -> failIfAsked(e))
                        .to("mock:faulty");
                from("webhook:genesys-webhook-test:faulty?webhookComponentName=platform-http&"
                     + faulty.replace("/hooks/faulty", "/hooks/faulty-meta")).routeId("faultyMeta")
                        .process(e -> failIfAsked(e))
                        .to("mock:faulty");
            }
        };
    }

    private void failIfAsked(Exchange exchange) {
        Supplier<Throwable> failure = routeFailures.remove(exchange.getMessage().getHeader("TestMessageId", String.class));
        if (failure == null) {
            return;
        }
        Throwable t = failure.get();
        if (t instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) t;
    }

    private HttpResponse<String> post(String path, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-B3-TraceId", "463ac35c9f6413ad")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(HubSignature.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A signed delivery to the faulty routes, the handler failing as {@code handlerFailure} says (null: not). */
    private CompletableFuture<HttpResponse<String>> deliver(String path, String body, String handlerFailure) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .timeout(CALLER_WAIT)
                .header("Content-Type", "application/json")
                .header("X-B3-TraceId", "463ac35c9f6413ad")
                .header(HubSignature.HEADER, HubSignature.sign(SECRET, utf8(body)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (handlerFailure != null) {
            request.header(TestWebhookEndpoint.FAILURE, handlerFailure);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> deliverNow(String path, String body, String handlerFailure) throws Exception {
        return deliver(path, body, handlerFailure).get();
    }

    private static String message(String id) {
        return "{\"messageId\":\"" + id + "\",\"text\":\"" + BODY_MARKER + "\"}";
    }

    /** The WARN lines of the webhook processor that contain {@code text}. */
    private List<LogCapture.Captured> processorWarnings(String text) {
        return logs.matching(e -> e.level() == Level.WARN && GenesysWebhookProcessor.class.getName().equals(e.logger())
                                  && e.message().contains(text));
    }

    /** Nothing of a body or the secret in any line logged, its stack trace included. */
    private void nothingOfTheBodyLogged() {
        List<String> leaks = logs.matching(e -> e.all().contains(BODY_MARKER) || e.all().contains(SECRET))
                .stream().map(LogCapture.Captured::all).toList();
        assertTrue(leaks.isEmpty(), () -> "logged: " + leaks);
    }

    private static byte[] receivedBytes(MockEndpoint mock) {
        Object body = mock.getReceivedExchanges().get(0).getMessage().getBody();
        return assertInstanceOf(byte[].class, body);
    }

    @Test
    void validSignatureReachesTheRouteWithTheExactBody() throws Exception {
        MockEndpoint raw = getMockEndpoint("mock:raw");
        raw.expectedMessageCount(1);

        HttpResponse<String> response = post("/hooks/raw", utf8(BODY), BODY_SIGNATURE);

        assertEquals(200, response.statusCode());
        assertEquals("accepted", response.body(), "the default hook answers what the route left");
        raw.assertIsSatisfied();
        assertArrayEquals(utf8(BODY), receivedBytes(raw));
        Exchange exchange = raw.getReceivedExchanges().get(0);
        assertEquals("genesys-webhook-test://raw", exchange.getFromEndpoint().getEndpointBaseUri());
        assertEquals("raw", exchange.getFromRouteId());
    }

    @Test
    void nonAsciiUtf8BodyVerifiesAgainstTheOpenSslVector() throws Exception {
        MockEndpoint raw = getMockEndpoint("mock:raw");
        raw.expectedMessageCount(1);

        HttpResponse<String> response = post("/hooks/raw", utf8(UTF8_BODY), UTF8_BODY_SIGNATURE);

        assertEquals(200, response.statusCode());
        raw.assertIsSatisfied();
        assertArrayEquals(utf8(UTF8_BODY), receivedBytes(raw));
        assertEquals(UTF8_BODY, raw.getReceivedExchanges().get(0).getMessage().getBody(String.class));
    }

    @Test
    void upperCaseHexIsAccepted() throws Exception {
        HttpResponse<String> response = post("/hooks/raw", utf8(BODY), "sha1=" + BODY_SIGNATURE.substring(5).toUpperCase());
        assertEquals(200, response.statusCode());
        assertEquals(1, getMockEndpoint("mock:raw").getReceivedCounter());
    }

    @Test
    void hookShapesTheAnswerAndMapsTheBody() throws Exception {
        MockEndpoint message = getMockEndpoint("mock:message");
        message.expectedMessageCount(1);

        byte[] body = utf8("{\"channelId\":\"0123456789\",\"messageId\":\"m-42\"}");
        HttpResponse<String> response = post("/hooks/message", body, HubSignature.sign(SECRET, body));

        assertEquals(200, response.statusCode());
        assertEquals("{\"messageId\":\"m-42\"}", response.body());
        assertEquals("m-42", message.getReceivedExchanges().get(0).getMessage().getHeader("TestMessageId"));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        message.assertIsSatisfied();
        Map<?, ?> parsed = assertInstanceOf(Map.class, message.getReceivedExchanges().get(0).getMessage().getBody());
        assertEquals("0123456789", parsed.get("channelId"));
    }

    @Test
    void requestsAfterARefusalWithAnUnreadBodyAreServedOverHttp11AndHttp2() throws Exception {
        for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2)) {
            HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (String signature : java.util.Arrays.asList(BODY_SIGNATURE, null, BODY_SIGNATURE, null, BODY_SIGNATURE)) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/hooks/raw"))
                        .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofByteArray(utf8(BODY)));
                if (signature != null) {
                    request.header(HubSignature.HEADER, signature);
                }
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                statuses.add(response.statusCode());
                if (signature == null && response.version() == HttpClient.Version.HTTP_1_1) {
                    // the body was not read: the connection closes, and the answer says so
                    assertEquals("close", response.headers().firstValue("Connection").orElse(null));
                }
            }
            // HTTP/1.1: the client opens a new connection after each refusal; HTTP/2: only the refused stream ends
            assertEquals(List.of(200, 401, 200, 401, 200), statuses, version.toString());
        }
        assertEquals(6, getMockEndpoint("mock:raw").getReceivedCounter());
    }

    @Test
    void missingSignatureIs401AndNeverReachesTheRoute() throws Exception {
        HttpResponse<String> response = post("/hooks/raw", utf8(BODY), null);

        assertEquals(401, response.statusCode());
        assertEquals("{\"status\":{\"code\":401,\"message\":\"Missing X-Hub-Signature header\"}}", response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(0, getMockEndpoint("mock:raw").getReceivedCounter());
        assertRejectionLogged(401);
    }

    @Test
    void wrongSignatureIs403AndNeverReachesTheRoute() throws Exception {
        HttpResponse<String> response = post("/hooks/raw", utf8(BODY), HubSignature.sign("not-the-secret", utf8(BODY)));

        assertEquals(403, response.statusCode());
        assertEquals("{\"status\":{\"code\":403,\"message\":\"Invalid X-Hub-Signature\"}}", response.body());
        assertFalse(response.headers().firstValue(HubSignature.HEADER).isPresent(), "the signature is not echoed");
        assertEquals(0, getMockEndpoint("mock:raw").getReceivedCounter());
        assertRejectionLogged(403);
    }

    @Test
    void bodyTamperedAfterSigningIs403() throws Exception {
        byte[] tampered = utf8(BODY.replace("hello", "HELLO"));
        HttpResponse<String> response = post("/hooks/raw", tampered, BODY_SIGNATURE);

        assertEquals(403, response.statusCode());
        assertEquals(0, getMockEndpoint("mock:raw").getReceivedCounter());
    }

    @Test
    void malformedSignaturesAre403() throws Exception {
        for (String bad : List.of("garbage", "sha1=", "sha256=" + BODY_SIGNATURE.substring(5),
                BODY_SIGNATURE.substring(5), "sha1=zz" + BODY_SIGNATURE.substring(7))) {
            assertEquals(403, post("/hooks/raw", utf8(BODY), bad).statusCode(), bad);
        }
        assertEquals(0, getMockEndpoint("mock:raw").getReceivedCounter());
    }

    @Test
    void signedButUnreadablePayloadIs400AndNeverReachesTheRoute() throws Exception {
        byte[] notJson = utf8("{not json");
        HttpResponse<String> response = post("/hooks/message", notJson, HubSignature.sign(SECRET, notJson));

        assertEquals(400, response.statusCode());
        assertEquals(0, getMockEndpoint("mock:message").getReceivedCounter());
        assertTrue(logs.matching(e -> e.all().contains("not json")).isEmpty(), "the payload is not logged");
    }

    @Test
    void routeFailureIs500AndIsLoggedOnce() throws Exception {
        HttpResponse<String> response = post("/hooks/fail", utf8(BODY), BODY_SIGNATURE);

        assertEquals(500, response.statusCode());
        assertEquals("{\"status\":{\"code\":500,\"message\":\"The webhook could not be processed\"}}", response.body());
        assertFalse(response.body().contains(BOOM), "no exception details go back to the caller");
        assertEquals(1, getMockEndpoint("mock:fail").getReceivedCounter());
        // Camel's error handler logs the failure with its stack trace; the webhook processor does not repeat it
        List<LogCapture.Captured> withStack = logs.matching(e -> e.thrown() != null && e.throwableText().contains(BOOM));
        assertEquals(1, withStack.size(), () -> "logged with stack trace: " + withStack);
    }

    @Test
    void routeFailureWithoutErrorHandlerIsLoggedByTheProcessor() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("genesys-webhook-test:bare?webhookPath=/hooks/bare&" + SECRET_OPTION).routeId("bare")
                        .throwException(new IllegalStateException(BOOM + "-bare"));
            }
        });

        HttpResponse<String> response = post("/hooks/bare", utf8(BODY), BODY_SIGNATURE);

        assertEquals(500, response.statusCode());
        List<LogCapture.Captured> withStack
                = logs.matching(e -> e.thrown() != null && e.throwableText().contains(BOOM + "-bare"));
        assertEquals(1, withStack.size(), () -> "logged with stack trace: " + withStack);
        assertEquals(GenesysWebhookProcessor.class.getName(), withStack.get(0).logger());
    }

    @Test
    void webhookMetaComponentVerifiesTheSameWay() throws Exception {
        MockEndpoint meta = getMockEndpoint("mock:meta");

        assertEquals(401, post("/hooks/meta", utf8(BODY), null).statusCode());
        assertEquals(403, post("/hooks/meta", utf8(BODY), HubSignature.sign("not-the-secret", utf8(BODY))).statusCode());
        assertEquals(403, post("/hooks/meta", utf8(BODY + " "), BODY_SIGNATURE).statusCode());
        assertEquals(0, meta.getReceivedCounter());

        HttpResponse<String> ok = post("/hooks/meta", utf8(UTF8_BODY), UTF8_BODY_SIGNATURE);
        assertEquals(200, ok.statusCode());
        assertEquals("meta-accepted", ok.body());
        assertEquals(1, meta.getReceivedCounter());
        assertArrayEquals(utf8(UTF8_BODY), receivedBytes(meta));

        Endpoint delegate = context.getEndpoints().stream()
                .filter(e -> e instanceof TestWebhookEndpoint && e.getEndpointBaseUri().endsWith("meta"))
                .findFirst().orElseThrow();
        GenesysWebhookEndpoint webhookEndpoint = (GenesysWebhookEndpoint) delegate;
        assertEquals(List.of("POST"), webhookEndpoint.getWebhookMethods());
        assertInstanceOf(GenesysWebhookProcessor.class, webhookEndpoint.createWebhookHandler(e -> {
        }));
        assertEquals("meta", meta.getReceivedExchanges().get(0).getFromRouteId());
    }

    @Test
    void defaultPathIsSchemeAndOperation() throws Exception {
        assertEquals(200, post("/genesys-webhook-test/defaultPath", utf8(BODY), BODY_SIGNATURE).statusCode());
        assertEquals(1, getMockEndpoint("mock:defaultPath").getReceivedCounter());
    }

    @Test
    void onlyPostIsServed() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/hooks/raw")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        assertEquals(0, getMockEndpoint("mock:raw").getReceivedCounter());
    }

    @Test
    void signatureNotRequiredAcceptsUnsignedRequests() throws Exception {
        assertEquals(200, post("/hooks/open", utf8(BODY), null).statusCode());
        assertEquals(1, getMockEndpoint("mock:open").getReceivedCounter());
    }

    @Test
    void missingSecretFailsTheRouteStartWithoutLeakingOptions() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-webhook-test:nosecret?webhookPath=/hooks/nosecret").routeId("nosecret").to("mock:x");
            }
        }));
        assertTrue(rootMessage(e).contains("secret must be set"), rootMessage(e));
    }

    @Test
    void secretIsNotInEndpointToStringNorInExceptionMessages() {
        for (Endpoint endpoint : context.getEndpoints()) {
            assertFalse(endpoint.toString().contains(SECRET), endpoint.toString());
            if (endpoint instanceof GenesysWebhookEndpoint webhookEndpoint) {
                GenesysWebhookConfiguration configuration = webhookEndpoint.getWebhookConfiguration();
                String config = configuration.toString();
                assertFalse(config.contains(SECRET), config);
                assertTrue(config.contains(configuration.hasSecret() ? "secret=xxxxxx" : "secret=<none>"), config);
            }
        }
        for (org.apache.camel.Route route : context.getRoutes()) {
            assertFalse(route.getEndpoint().toString().contains(SECRET));
            assertFalse(route.getConsumer().toString().contains(SECRET), route.getConsumer().toString());
        }
        // a bad option next to the secret: the resolution error names the URI, masked
        Exception e = assertThrows(Exception.class,
                () -> context.getEndpoint("genesys-webhook-test:bad?" + LITERAL_SECRET_OPTION + "&signatureRequired=maybe"));
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.toString());
        }
        Exception unknown = assertThrows(Exception.class,
                () -> context.getEndpoint("genesys-webhook-test:bad2?" + LITERAL_SECRET_OPTION + "&noSuchOption=1"));
        for (Throwable t = unknown; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.toString());
        }
    }

    @Test
    void secretIsNotLoggedAcrossAWholeContextLifecycle() throws Exception {
        // captured since before the context started (createCamelContext): startup with the meta component's
        // registerWebhook message, traffic of every kind, then the stop
        post("/hooks/raw", utf8(BODY), BODY_SIGNATURE);
        post("/hooks/raw", utf8(BODY), null);
        post("/hooks/raw", utf8(BODY), "sha1=0000000000000000000000000000000000000000");
        post("/hooks/fail", utf8(BODY), BODY_SIGNATURE);
        post("/hooks/meta", utf8(BODY), BODY_SIGNATURE);
        context.stop();

        assertFalse(logs.events().isEmpty());
        assertFalse(logs.matching(e -> e.message().contains("ask your Genesys representative to configure"
                                                            + " <this service's public base URL>/hooks/meta")).isEmpty(),
                "registerWebhook says where the URL is configured");
        assertFalse(logs.matching(e -> e.message().contains("secret=xxxxxx")).isEmpty(), "Camel masked the option");
        assertFalse(logs.matching(e -> e.message().contains("Receiving Genesys webhooks on POST /hooks/raw")).isEmpty());
        // the @AfterEach check then scans every captured line for the secret
    }

    @Test
    void aWebhookExternalUrlWithCredentialsIsLoggedWithoutThem() throws Exception {
        // a gateway in front of the service that takes credentials in the URL (user info or a query key)
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:genesys-webhook-test:external?webhookComponentName=platform-http&webhookPath=/hooks/external"
                     + "&webhookExternalUrl=RAW(https://ops:urlpass-9d1c@gateway.example.com:8443/in?key=urlkey-77f0)&"
                     + SECRET_OPTION).routeId("external")
                        .to("mock:external");
            }
        });
        List<String> lines = logs.matching(e -> e.message().contains("ask your Genesys representative to configure")
                                                && e.message().contains("gateway.example.com"))
                .stream().map(LogCapture.Captured::all).toList();
        assertFalse(lines.isEmpty(), "registerWebhook logged the URL to configure");
        assertTrue(lines.get(0).contains("gateway.example.com:8443/in"), lines.get(0));
        List<String> leaks = logs.matching(e -> e.all().contains("urlpass-9d1c") || e.all().contains("urlkey-77f0"))
                .stream().map(LogCapture.Captured::all).toList();
        assertTrue(leaks.isEmpty(), () -> "the URL's credentials were logged: " + leaks);
    }

    // ------------------------------------------------------------------ a handler, repository or route that throws

    @Test
    void aHandlerThrowingAnErrorIsAnswered500AndTheRedeliveryRunsTheRoute() throws Exception {
        MockEndpoint faulty = getMockEndpoint("mock:faulty");
        int n = 0;
        for (String path : List.of("/hooks/faulty", "/hooks/faulty-meta")) {
            // an AssertionError; a real StackOverflowError (a VirtualMachineError: answered, then rethrown on the
            // worker); an Error from the events list after its first event was taken
            for (String failure : List.of("assertion", "recursion", "eventsErrorAfterFirst")) {
                String first = "h-" + (++n);
                String second = "h-" + (++n);
                String body = "[" + message(first) + "," + message(second) + "]";
                logs.clear();

                HttpResponse<String> response = deliverNow(path, body, failure);

                assertEquals(500, response.statusCode(), failure + " on " + path);
                assertEquals(HANDLER_FAILED, response.body());
                assertEquals(1, processorWarnings("the webhook handler failed").size(),
                        () -> "one WARN line: " + logs.events());
                nothingOfTheBodyLogged();
                // nothing was marked processed or left in flight: the redelivery runs the route for both
                HttpResponse<String> redelivered = deliverNow(path, body, null);
                assertEquals(200, redelivered.statusCode(), failure + " on " + path);
                assertEquals("{\"count\":2}", redelivered.body());
            }
        }
        assertEquals(n, faulty.getReceivedCounter(), "each message processed once, by its redelivery");
    }

    @Test
    void aHandlerThrowingARuntimeExceptionIsAnswered400AndNothingIsLeftAdmitted() throws Exception {
        MockEndpoint faulty = getMockEndpoint("mock:faulty");
        int n = 0;
        for (String path : List.of("/hooks/faulty", "/hooks/faulty-meta")) {
            // parse gets the events, then throws; the events list gives the first event, then throws
            for (String failure : List.of("runtimeAfterParse", "eventsFailAfterFirst")) {
                String first = "r-" + (++n);
                String second = "r-" + (++n);
                String body = "[" + message(first) + "," + message(second) + "]";
                logs.clear();

                HttpResponse<String> response = deliverNow(path, body, failure);

                assertEquals(400, response.statusCode(), failure + " on " + path);
                assertEquals("{\"status\":{\"code\":400,\"message\":\"Invalid payload: it cannot be read"
                             + " (IllegalStateException)\"}}", response.body());
                nothingOfTheBodyLogged();
                HttpResponse<String> redelivered = deliverNow(path, body, null);
                assertEquals(200, redelivered.statusCode(), failure + " on " + path);
            }
        }
        assertEquals(n, faulty.getReceivedCounter(), "each message processed once, by its redelivery");
    }

    @Test
    void aRepositoryThrowingAnErrorOnAddIsAnswered500AndTheRedeliveryRunsTheRoute() throws Exception {
        MockEndpoint faulty = getMockEndpoint("mock:faulty");
        int routed = 0;
        for (String path : List.of("/hooks/faulty", "/hooks/faulty-meta")) {
            String id = "add-" + path;
            repository.failOnce("add", id, () -> new AssertionError("add failed for " + BODY_MARKER));
            answeredRepositoryFailed(path, message(id), "the idempotent repository failed on add");
            assertEquals(routed, faulty.getReceivedCounter(), "the route is not called");
            assertEquals(200, deliverNow(path, message(id), null).statusCode());
            assertEquals(++routed, faulty.getReceivedCounter(), "the redelivery runs it");
        }
    }

    @Test
    void aRepositoryThrowingAnErrorOnConfirmIsAnswered500AndTheRedeliveryRunsTheRouteAgain() throws Exception {
        MockEndpoint faulty = getMockEndpoint("mock:faulty");
        int routed = 0;
        for (String path : List.of("/hooks/faulty", "/hooks/faulty-meta")) {
            // after the route succeeded: nothing records it, so it is forgotten and the redelivery runs it again
            String id = "confirm-" + path;
            repository.failOnce("confirm", id, StackOverflowError::new);
            answeredRepositoryFailed(path, message(id), "the idempotent repository failed on confirm");
            assertEquals(++routed, faulty.getReceivedCounter());
            assertEquals(200, deliverNow(path, message(id), null).statusCode());
            assertEquals(++routed, faulty.getReceivedCounter(), "the redelivery runs it again");
            assertEquals(200, deliverNow(path, message(id), null).statusCode());
            assertEquals(routed, faulty.getReceivedCounter(), "recorded once it was confirmed");
        }
    }

    @Test
    void aRepositoryThrowingAnErrorOnRemoveIsAnswered500AndTheNextEventStillRuns() throws Exception {
        MockEndpoint faulty = getMockEndpoint("mock:faulty");
        int routed = 0;
        for (String path : List.of("/hooks/faulty", "/hooks/faulty-meta")) {
            // after the first event's route failed: answered at once (not at the deadline), the second event runs
            String id = "remove-" + path;
            routeFailures.put(id, () -> new IllegalStateException(BOOM));
            // every time: a repository that cannot remove it (a second try would fail too)
            repository.failAlways("remove", id, () -> new AssertionError("remove failed"));
            answeredRepositoryFailed(path, "[" + message(id) + "," + message(id + "-next") + "]", "cannot be forgotten");
            // the first failed before the mock
            assertEquals(++routed, faulty.getReceivedCounter(), "the second event ran");
        }
    }

    /** A delivery the repository fails on: 500 naming it, one WARN line saying {@code warning}, nothing of the body. */
    private void answeredRepositoryFailed(String path, String body, String warning) throws Exception {
        logs.clear();
        HttpResponse<String> response = deliverNow(path, body, null);
        assertEquals(500, response.statusCode(), path);
        assertEquals(REPOSITORY_FAILED, response.body());
        assertEquals(1, processorWarnings(warning).size(), () -> "WARN: " + logs.events());
        nothingOfTheBodyLogged();
    }

    @Test
    void aRouteThrowingAnErrorIsAnswered500AndTheRedeliveryRunsIt() throws Exception {
        // a route that throws an Error leaves its exchange in Camel's inflight count (Camel's route processors catch
        // Exceptions only), so the context's stop would wait its whole graceful timeout for it
        context.getShutdownStrategy().setTimeout(1);
        MockEndpoint faulty = getMockEndpoint("mock:faulty");
        int n = 0;
        for (String path : List.of("/hooks/faulty", "/hooks/faulty-meta")) {
            for (Supplier<Throwable> failure : List.<Supplier<Throwable>> of(() -> new AssertionError(BOOM),
                    GenesysWebhookRouteTest::realStackOverflow, () -> new LinkageError(BOOM))) {
                String id = "route-" + (++n);
                routeFailures.put(id, failure);
                HttpResponse<String> response = deliverNow(path, message(id), null);
                assertEquals(500, response.statusCode(), id + " on " + path);
                assertEquals(ROUTE_FAILED, response.body());
                assertEquals(200, deliverNow(path, message(id), null).statusCode(), id);
            }
        }
        assertEquals(n, faulty.getReceivedCounter(), "each message processed once, by its redelivery");
        nothingOfTheBodyLogged();
        assertTrue(processorWarnings("the request failed").isEmpty(), () -> "logged once, as a route failure: "
                                                                            + processorWarnings("the request failed"));
    }

    private static Throwable realStackOverflow() {
        try {
            return realStackOverflow();
        } catch (StackOverflowError e) {
            return e;
        }
    }

    @Test
    void manyFailingDeliveriesAtOnceAreEachAnswered() throws Exception {
        // a route that throws an Error leaves its exchange in Camel's inflight count (Camel's route processors catch
        // Exceptions only), so the context's stop would wait its whole graceful timeout for it
        context.getShutdownStrategy().setTimeout(1);
        // 40 at once on two worker threads: handler errors, repository errors, route errors and successes mixed
        List<String> failures = List.of("assertion", "recursion", "eventsErrorAfterFirst", "repository", "route", "none");
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String kind = failures.get(i % failures.size());
            String id = "many-" + i;
            String path = i % 2 == 0 ? "/hooks/faulty" : "/hooks/faulty-meta";
            if ("repository".equals(kind)) {
                repository.failOnce("add", id, () -> new AssertionError("add failed"));
            } else if ("route".equals(kind)) {
                routeFailures.put(id, () -> new AssertionError(BOOM));
            }
            String handlerFailure = kind.equals("repository") || kind.equals("route") || kind.equals("none") ? null : kind;
            responses.add(deliver(path, "[" + message(id) + "," + message(id + "-b") + "]", handlerFailure));
            kinds.add(kind);
        }
        for (int i = 0; i < responses.size(); i++) {
            HttpResponse<String> response = responses.get(i).get();
            String expected = switch (kinds.get(i)) {
                case "none" -> "{\"count\":2}";
                case "repository" -> REPOSITORY_FAILED;
                case "route" -> ROUTE_FAILED;
                default -> HANDLER_FAILED;
            };
            assertEquals(expected, response.body(), kinds.get(i) + " #" + i);
            assertEquals("none".equals(kinds.get(i)) ? 200 : 500, response.statusCode());
        }
        // the redeliveries: every message processed, none twice
        List<CompletableFuture<HttpResponse<String>>> again = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            again.add(deliver(i % 2 == 0 ? "/hooks/faulty" : "/hooks/faulty-meta",
                    "[" + message("many-" + i) + "," + message("many-" + i + "-b") + "]", null));
        }
        for (CompletableFuture<HttpResponse<String>> response : again) {
            assertEquals(200, response.get().statusCode());
        }
        MockEndpoint faulty = getMockEndpoint("mock:faulty");
        assertEquals(80, faulty.getReceivedCounter());
        assertEquals(80, faulty.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader("TestMessageId")).distinct().count());
        nothingOfTheBodyLogged();
    }

    /** The in-memory repository, throwing for a key on the operation it was told, once or every time. */
    static final class FaultyRepository extends ServiceSupport implements IdempotentRepository {
        private final IdempotentRepository delegate = MemoryIdempotentRepository.memoryIdempotentRepository(1000);
        private final Map<String, Supplier<Throwable>> failures = new ConcurrentHashMap<>();
        private final Map<String, Supplier<Throwable>> always = new ConcurrentHashMap<>();

        void failOnce(String operation, String key, Supplier<Throwable> failure) {
            failures.put(operation + " " + key, failure);
        }

        void failAlways(String operation, String key, Supplier<Throwable> failure) {
            always.put(operation + " " + key, failure);
        }

        private void failIfArmed(String operation, String key) {
            Supplier<Throwable> failure = failures.remove(operation + " " + key);
            if (failure == null) {
                failure = always.get(operation + " " + key);
            }
            if (failure != null) {
                Throwable t = failure.get();
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
        }

        @Override
        public boolean add(String key) {
            failIfArmed("add", key);
            return delegate.add(key);
        }

        @Override
        public boolean contains(String key) {
            return delegate.contains(key);
        }

        @Override
        public boolean remove(String key) {
            failIfArmed("remove", key);
            return delegate.remove(key);
        }

        @Override
        public boolean confirm(String key) {
            failIfArmed("confirm", key);
            return delegate.confirm(key);
        }

        @Override
        public void clear() {
            delegate.clear();
        }
    }

    private void assertRejectionLogged(int status) {
        List<LogCapture.Captured> warns = logs.matching(
                e -> e.level() == Level.WARN && e.message().contains("request refused (" + status + ")"));
        assertEquals(1, warns.size(), () -> "rejection WARN lines: " + logs.events());
        String line = warns.get(0).message();
        assertTrue(line.contains("463ac35c9f6413ad"), "the Genesys trace id helps correlate: " + line);
        assertFalse(line.contains("0123456789"), "no body contents in the log: " + line);
        assertFalse(line.contains(BODY_SIGNATURE.substring(5)), "no signature in the log: " + line);
    }

    private static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
