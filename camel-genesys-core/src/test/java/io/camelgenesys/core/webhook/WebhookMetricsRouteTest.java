package io.camelgenesys.core.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.camelgenesys.core.metrics.GenesysMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static io.camelgenesys.core.webhook.HubSignatureTest.BODY;
import static io.camelgenesys.core.webhook.HubSignatureTest.BODY_SIGNATURE;
import static io.camelgenesys.core.webhook.HubSignatureTest.SECRET;
import static io.camelgenesys.core.webhook.HubSignatureTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code genesys.webhook.deliveries} through real routes and real HTTP (camel-platform-http-main): each answer counted
 * once under its route, outcome and status, for the endpoint's own consumer and the {@code webhook:} meta-component;
 * the route's meters go when it stops.
 */
class WebhookMetricsRouteTest extends CamelTestSupport {

    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static final String SECRET_OPTION = "secret=RAW(" + SECRET + ")";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = TestWebhookComponent.served(super.createCamelContext(), PORT);
        context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-webhook-test:message?webhookPath=/hooks/message&" + SECRET_OPTION).routeId("message")
                        .choice().when(body().convertToString().contains("boom"))
                        .throwException(new IllegalStateException("boom")).end();

                from("webhook:genesys-webhook-test:meta?webhookComponentName=platform-http&webhookPath=/hooks/meta&"
                     + SECRET_OPTION).routeId("meta")
                        .setBody(constant("ok"));
            }
        };
    }

    @Test
    void eachAnswerIsCountedOnceByOutcomeAndStatus() throws Exception {
        byte[] body = utf8(BODY);
        assertEquals(200, post("/hooks/message", body, BODY_SIGNATURE));
        assertEquals(200, post("/hooks/message", body, BODY_SIGNATURE));
        assertEquals(401, post("/hooks/message", body, null));
        assertEquals(403, post("/hooks/message", body, HubSignature.sign("not-the-secret", body)));
        byte[] notJson = utf8("{not json");
        assertEquals(400, post("/hooks/message", notJson, HubSignature.sign(SECRET, notJson)));
        byte[] boom = utf8("{\"channelId\":\"boom\",\"messages\":[]}");
        assertEquals(500, post("/hooks/message", boom, HubSignature.sign(SECRET, boom)));

        assertEquals(2, deliveries("message", "delivered", 200));
        assertEquals(1, deliveries("message", "rejected", 401));
        assertEquals(1, deliveries("message", "rejected", 403));
        assertEquals(1, deliveries("message", "invalid", 400));
        assertEquals(1, deliveries("message", "failed", 500));
        assertEquals(6, meters.find(GenesysMetrics.WEBHOOK_DELIVERIES).tag(GenesysMetrics.TAG_ROUTE_ID, "message")
                .counters().stream().mapToDouble(Counter::count).sum(), "each request once");

        // the webhook: meta-component's route, the same way
        assertEquals(200, post("/hooks/meta", body, BODY_SIGNATURE));
        assertEquals(403, post("/hooks/meta", utf8(BODY + " "), BODY_SIGNATURE));
        assertEquals(1, deliveries("meta", "delivered", 200));
        assertEquals(1, deliveries("meta", "rejected", 403));
        assertEquals(context.getName(), meters.get(GenesysMetrics.WEBHOOK_DELIVERIES).tag(GenesysMetrics.TAG_ROUTE_ID,
                "meta").counter().getId().getTag(GenesysMetrics.TAG_CAMEL_CONTEXT));

        // a stopped route's meters are removed; another route's stay
        context.getRouteController().stopRoute("message");
        assertTrue(meters.find(GenesysMetrics.WEBHOOK_DELIVERIES).tag(GenesysMetrics.TAG_ROUTE_ID, "message")
                .counters().isEmpty());
        assertEquals(1, deliveries("meta", "delivered", 200));
        context.getRouteController().stopRoute("meta");
        assertTrue(meters.find(GenesysMetrics.WEBHOOK_DELIVERIES).counters().isEmpty(),
                "the meta-component's route removes its meters too");
    }

    private long deliveries(String routeId, String outcome, int status) {
        Counter c = meters.find(GenesysMetrics.WEBHOOK_DELIVERIES).tags(GenesysMetrics.TAG_ROUTE_ID, routeId,
                GenesysMetrics.TAG_OUTCOME, outcome, GenesysMetrics.TAG_STATUS, Integer.toString(status)).counter();
        return c == null ? 0 : (long) c.count();
    }

    private int post(String path, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(HubSignature.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
