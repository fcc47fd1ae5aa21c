package io.camelgenesys.core.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelgenesys.core.webhook.HubSignatureTest.SECRET;
import static io.camelgenesys.core.webhook.HubSignatureTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What reaches the HTTP caller of a webhook consumer, through real routes on camel-platform-http-main (Vert.x) and a
 * real HTTP client, both on platform-http directly ({@code /direct/...}) and through the {@code webhook:}
 * meta-component ({@code /meta/...}): the status, Content-Type/Length and the component's own body, never a header of
 * the route's exchange (the routes set {@code Genesys*} and {@code CamelGenesys*} headers holding a marker), never a
 * request header echoed back (the signature, a {@code Genesys*} header the caller sent), never the secret or the route's
 * exception; and a 400 names what is wrong with the payload. A handler or a route that throws an Error gets the same
 * treatment: the component's 500, nothing else.
 */
class WebhookResponseRouteTest extends CamelTestSupport {

    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static final String MARKER = "internal-value-7f3a";
    private static final String SECRET_OPTION = "secret=RAW(" + SECRET + ")";
    /** What a response may carry, besides the body: the status (h2c) and how the body is framed and typed. */
    private static final Set<String> ALLOWED = Set.of(":status", "content-type", "content-length", "connection");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return TestWebhookComponent.served(super.createCamelContext(), PORT);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String mode : new String[] { "direct", "meta" }) {
                    String prefix = "direct".equals(mode) ? "" : "webhook:";
                    String meta = "direct".equals(mode) ? "" : "webhookComponentName=platform-http&";
                    // raw: the route's body is the answer; message: the handler's {"messageId": ...}
                    for (String op : new String[] { "raw", "message" }) {
                        from(prefix + "genesys-webhook-test:" + op + "?" + meta + "webhookPath=/" + mode + "/ok/" + op
                             + "&" + SECRET_OPTION)
                                .setHeader("GenesysInternal", constant(MARKER))
                                .setHeader("CamelGenesysInternal", constant(MARKER))
                                .setHeader("X-Route-Header", constant(MARKER))
                                .setBody(constant("accepted"));
                        from(prefix + "genesys-webhook-test:" + op + "?" + meta + "webhookPath=/" + mode + "/fail/" + op
                             + "&" + SECRET_OPTION)
                                .setHeader("GenesysInternal", constant(MARKER))
                                .setHeader("CamelGenesysInternal", constant(MARKER))
                                .throwException(new IllegalStateException("route failed with " + MARKER));
                    }
                    from(prefix + "genesys-webhook-test:raw?" + meta + "webhookPath=/" + mode + "/handled/raw&"
                         + SECRET_OPTION)
                            .onException(IllegalStateException.class).handled(true)
                                .setHeader("GenesysInternal", constant(MARKER)).setBody(constant("handled"))
                            .end()
                            .setHeader("CamelGenesysInternal", constant(MARKER))
                            .throwException(new IllegalStateException(MARKER));
                    from(prefix + "genesys-webhook-test:message?" + meta + "webhookPath=/" + mode
                         + "/slow/message&responseTimeout=200&" + SECRET_OPTION)
                            .setHeader("GenesysInternal", constant(MARKER)).delay(1500);
                    from(prefix + "genesys-webhook-test:raw?" + meta + "webhookPath=/" + mode + "/small/raw&maxBodySize=4&"
                         + SECRET_OPTION)
                            .setHeader("GenesysInternal", constant(MARKER));
                    from(prefix + "genesys-webhook-test:faulty?" + meta + "webhookPath=/" + mode + "/faulty&"
                         + SECRET_OPTION)
                            .setHeader("GenesysInternal", constant(MARKER))
                            .setHeader("CamelGenesysInternal", constant(MARKER))
                            .process(e -> {
                                if ("error".equals(e.getMessage().getBody(Map.class).get("fail"))) {
                                    throw new AssertionError("route failed with " + MARKER);
                                }
                            });
                }
            }
        };
    }

    private HttpResponse<String> post(String path, String body, boolean signed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("GenesysCallerHeader", MARKER)
                .header("X-B3-TraceId", "463ac35c9f6413ad")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signed) {
            request.header(HubSignature.HEADER, HubSignature.sign(SECRET, utf8(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A delivery whose handler fails as {@code handlerFailure} says ({@link TestWebhookEndpoint#FAILURE}); the caller
     * waits 6 s, less than the consumer's responseTimeout (8 s, counted from a later moment): a request nobody
     * answers fails the test instead of being answered 503, and a loaded machine has time to answer (it was 3 s).
     */
    private HttpResponse<String> postFaulty(String path, String body, String handlerFailure) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .timeout(Duration.ofSeconds(6))
                .header("Content-Type", "application/json")
                .header("GenesysCallerHeader", MARKER)
                .header(HubSignature.HEADER, HubSignature.sign(SECRET, utf8(body)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (handlerFailure != null) {
            request.header(TestWebhookEndpoint.FAILURE, handlerFailure);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Only the allowed headers, and nothing of the route, the request, the secret or the exception in the body. */
    private static void onlyWhatTheComponentSends(HttpResponse<String> response, String body) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(response.headers().map().keySet());
        names.removeIf(n -> ALLOWED.contains(n.toLowerCase()));
        assertTrue(names.isEmpty(), () -> "headers the component does not mean to send: " + response.headers().map());
        assertFalse(response.headers().map().toString().contains(MARKER), response.headers().map().toString());
        for (String leak : new String[] { MARKER, SECRET, HubSignature.sign(SECRET, utf8(body)), "Exception" }) {
            assertFalse(response.body().contains(leak), () -> "the answer carries " + leak + ": " + response.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "direct", "meta" })
    void aSuccessCarriesTheAnswerAndNoHeaderOfTheRouteOrTheRequest(String mode) throws Exception {
        HttpResponse<String> raw = post("/" + mode + "/ok/raw", "x", true);
        assertEquals(200, raw.statusCode());
        assertEquals("accepted", raw.body());
        onlyWhatTheComponentSends(raw, "x");

        String message = "{\"messageId\":\"ok-" + mode + "\"}";
        HttpResponse<String> answered = post("/" + mode + "/ok/message", message, true);
        assertEquals(200, answered.statusCode());
        assertEquals("{\"messageId\":\"ok-" + mode + "\"}", answered.body());
        assertEquals("application/json", answered.headers().firstValue("Content-Type").orElse(null));
        onlyWhatTheComponentSends(answered, message);

        HttpResponse<String> duplicate = post("/" + mode + "/ok/message", message, true);
        assertEquals(200, duplicate.statusCode(), "a redelivery acknowledged without the route");
        onlyWhatTheComponentSends(duplicate, message);

        HttpResponse<String> handled = post("/" + mode + "/handled/raw", "x", true);
        assertEquals(200, handled.statusCode(), "a failure the route handled is a success");
        assertEquals("handled", handled.body());
        onlyWhatTheComponentSends(handled, "x");
    }

    @ParameterizedTest
    @ValueSource(strings = { "direct", "meta" })
    void aFailedOrSlowRouteIsAnsweredWithTheComponentsErrorOnly(String mode) throws Exception {
        for (String op : new String[] { "raw", "message" }) {
            String body = "{\"messageId\":\"fail-" + mode + "-" + op + "\"}";
            HttpResponse<String> failed = post("/" + mode + "/fail/" + op, body, true);
            assertEquals(500, failed.statusCode());
            assertEquals("{\"status\":{\"code\":500,\"message\":\"The webhook could not be processed\"}}", failed.body());
            onlyWhatTheComponentSends(failed, body);
        }
        String body = "{\"messageId\":\"slow-" + mode + "\"}";
        HttpResponse<String> slow = post("/" + mode + "/slow/message", body, true);
        assertEquals(503, slow.statusCode());
        onlyWhatTheComponentSends(slow, body);
    }

    @ParameterizedTest
    @ValueSource(strings = { "direct", "meta" })
    void aHandlerOrRouteThrowingAnErrorIsAnsweredWithTheComponentsErrorOnly(String mode) throws Exception {
        // a route that throws an Error leaves its exchange in Camel's inflight count (Camel's route processors catch
        // Exceptions only), so the context's stop would wait its whole graceful timeout for it
        context.getShutdownStrategy().setTimeout(1);
        String body = "{\"messageId\":\"error-" + mode + "\",\"text\":\"" + MARKER + "\"}";
        for (String failure : new String[] { "assertion", "recursion" }) {
            HttpResponse<String> handler = postFaulty("/" + mode + "/faulty", body, failure);
            assertEquals(500, handler.statusCode(), failure);
            assertEquals("{\"status\":{\"code\":500,\"message\":\"The webhook handler failed\"}}", handler.body());
            onlyWhatTheComponentSends(handler, body);
        }
        String failing = "{\"messageId\":\"route-error-" + mode + "\",\"fail\":\"error\"}";
        HttpResponse<String> route = postFaulty("/" + mode + "/faulty", failing, null);
        assertEquals(500, route.statusCode());
        assertEquals("{\"status\":{\"code\":500,\"message\":\"The webhook could not be processed\"}}", route.body());
        onlyWhatTheComponentSends(route, failing);
    }

    @ParameterizedTest
    @ValueSource(strings = { "direct", "meta" })
    void refusedRequestsNameWhatIsWrongAndEchoNothing(String mode) throws Exception {
        String message = "{\"messageId\":\"refused-" + mode + "\"}";

        HttpResponse<String> unsigned = post("/" + mode + "/ok/message", message, false);
        assertEquals(401, unsigned.statusCode());
        assertEquals("{\"status\":{\"code\":401,\"message\":\"Missing X-Hub-Signature header\"}}", unsigned.body());
        onlyWhatTheComponentSends(unsigned, message);

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/" + mode
                                                                                  + "/ok/message"))
                .header(HubSignature.HEADER, HubSignature.sign("not-the-secret", utf8(message)))
                .header("GenesysCallerHeader", MARKER)
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode());
        assertEquals("{\"status\":{\"code\":403,\"message\":\"Invalid X-Hub-Signature\"}}", forged.body());
        onlyWhatTheComponentSends(forged, message);
        assertFalse(forged.body().contains(HubSignature.sign("not-the-secret", utf8(message))));

        HttpResponse<String> malformed = post("/" + mode + "/ok/message", "{\"messageId\" \"x\"}", true);
        assertEquals(400, malformed.statusCode());
        assertEquals("{\"status\":{\"code\":400,\"message\":\"Invalid payload: the body is not well-formed JSON (line 1,"
                     + " column 14)\"}}",
                malformed.body(), "where the parser stopped, not what it read");
        onlyWhatTheComponentSends(malformed, "{\"messageId\" \"x\"}");

        HttpResponse<String> notAnObject = post("/" + mode + "/ok/message", "[\"" + MARKER + "\"]", true);
        assertEquals(400, notAnObject.statusCode());
        assertEquals("{\"status\":{\"code\":400,\"message\":\"Invalid payload: the body is empty or not a JSON object\"}}",
                notAnObject.body());
        onlyWhatTheComponentSends(notAnObject, "[\"" + MARKER + "\"]");

        HttpResponse<String> tooLarge = post("/" + mode + "/small/raw", "12345", true);
        assertEquals(413, tooLarge.statusCode());
        onlyWhatTheComponentSends(tooLarge, "12345");
    }
}
