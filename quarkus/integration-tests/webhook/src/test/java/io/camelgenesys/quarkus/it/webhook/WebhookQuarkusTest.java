package io.camelgenesys.quarkus.it.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.camelgenesys.core.webhook.HubSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Core's webhook base on Quarkus (JVM mode): the consumer's platform-http endpoint is served by
 * camel-quarkus-platform-http on the Quarkus HTTP port (Vert.x), the test's requests are real HTTP to that port. A
 * signed webhook reaches the route as JSON and is answered by the endpoint; a missing or wrong signature is refused
 * before the route; a route failure answers 500 so that Genesys redelivers.
 */
@QuarkusTest
class WebhookQuarkusTest {

    private static final String BODY = "{\"id\":\"evt-1\",\"messageId\":\"m-42\",\"channel\":{\"platform\":\"Open\"},\"text\":\"Grüße\"}";

    @Inject
    CamelContext context;

    @ConfigProperty(name = "genesys.webhook.secret")
    String secret;

    @BeforeEach
    void resetMocks() {
        MockEndpoint.resetMocks(context);
    }

    private byte[] body() {
        return BODY.getBytes(StandardCharsets.UTF_8);
    }

    /** POSTs {@code body} to the Quarkus HTTP port, with {@code signature} as X-Hub-Signature unless null. */
    private static ValidatableResponse post(String path, String signature, byte[] body) {
        RequestSpecification request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header(HubSignature.HEADER, signature);
        }
        return request.when().post(path).then();
    }

    @Test
    void signedWebhookReachesTheRouteAndIsAnswered() throws InterruptedException {
        MockEndpoint message = context.getEndpoint("mock:message", MockEndpoint.class);
        message.expectedMessageCount(1);

        post("/hooks/message", HubSignature.sign(secret, body()), body())
                .statusCode(200)
                .body("messageId", is("m-42"));

        message.assertIsSatisfied();
        assertEquals(Map.of("id", "evt-1", "messageId", "m-42", "channel", Map.of("platform", "Open"), "text", "Grüße"),
                message.getReceivedExchanges().get(0).getMessage().getBody(Map.class));
    }

    @Test
    void missingOrWrongSignatureNeverReachesTheRoute() throws InterruptedException {
        MockEndpoint message = context.getEndpoint("mock:message", MockEndpoint.class);
        message.expectedMessageCount(0);

        post("/hooks/message", null, body()).statusCode(401);
        post("/hooks/message", HubSignature.sign("another-secret", body()), body()).statusCode(403);
        // signed for other bytes than the ones sent
        post("/hooks/message", HubSignature.sign(secret, body()),
                BODY.replace("evt-1", "evt-2").getBytes(StandardCharsets.UTF_8)).statusCode(403);

        message.assertIsSatisfied();
    }

    @Test
    void routeFailureAnswers500SoThatGenesysRedelivers() throws InterruptedException {
        MockEndpoint fail = context.getEndpoint("mock:fail", MockEndpoint.class);
        fail.expectedMessageCount(1);

        post("/hooks/fail", HubSignature.sign(secret, body()), body()).statusCode(500);

        fail.assertIsSatisfied();
    }
}
