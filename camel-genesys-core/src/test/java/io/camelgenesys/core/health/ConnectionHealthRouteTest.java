package io.camelgenesys.core.health;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 "Health that tells the truth", through Camel's health-check registry ({@link HealthCheckHelper}) against
 * the simulator: refused credentials that no refresh can fix are DOWN with a message naming the option to check,
 * never the secret; a success brings the connection back UP.
 */
class ConnectionHealthRouteTest extends GenesysRouteTestSupport {

    private static final List<String> SECRETS = List.of("cloud-secret", "mc-secret", "mc-api-key", "agent1-password",
            "wrong-secret", "wrong-key", "gws-password", "wrong-password-x", "static-refused-token-77");

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private LogCapture logs;
    private Route route;

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @BeforeEach
    void capture() {
        logs = LogCapture.install();
    }

    @AfterEach
    void release() {
        if (route != null) {
            sim().routes().remove(route);
        }
        try {
            logs.assertNoneContains(SECRETS);
        } finally {
            logs.uninstall();
        }
    }

    /**
     * The one camel-genesys connection check of this test, read through Camel's registry with Camel's producer checks
     * on ({@code camel.health.producersEnabled=true}: the connection checks are producer checks).
     */
    private HealthCheck.Result health() {
        enableProducerHealthChecks();
        List<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("genesys-connection-"))
                .toList();
        assertEquals(1, results.size(), "one connection: " + results);
        HealthCheck.Result result = results.get(0);
        String text = result.getMessage().orElse("") + " " + result.getDetails()
                      + result.getError().map(e -> " " + e.getMessage()).orElse("");
        String token = sim().tokens().lastIssuedAccessToken();
        for (String secret : token == null ? SECRETS : concat(SECRETS, token)) {
            assertFalse(text.contains(secret), "a secret in the health check: " + text.replace(secret, "<SECRET>"));
        }
        return result;
    }

    private static List<String> concat(List<String> a, String b) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
        all.add(b);
        return all;
    }

    private Exchange send(String uri) throws Exception {
        return template.request(route(uri), x -> x.getMessage().setBody(Map.of("name", "x")));
    }

    private static void assertDown(HealthCheck.Result result, String... mustName) {
        assertEquals(HealthCheck.State.DOWN, result.getState(), () -> "DOWN expected: " + result.getMessage());
        String message = result.getMessage().orElse("");
        for (String option : mustName) {
            assertTrue(message.contains(option), "the message names " + option + ": " + message);
        }
    }

    @Test
    void aStaticAccessTokenThatGenesysRefusesIsDown() throws Exception {
        String uri = "genesys-test:createItem?baseUrl=" + sim().baseUrl() + "&accessToken=RAW(static-refused-token-77)";
        context.getEndpoint(uri); // the endpoint exists, nothing has been sent yet
        send(uri);
        assertNotNull(send(uri).getException(), "Genesys refused it");
        assertDown(health(), "accessToken", "cannot be refreshed");
    }

    @Test
    void aStaticAccessTokenThatWorksIsUp() throws Exception {
        String token = sim().tokens().issueAccessToken(Auth.CLOUD, "cloud-client");
        Exchange e = send("genesys-test:createItem?baseUrl=" + sim().baseUrl() + "&accessToken=RAW(" + token + ")");
        assertEquals(null, e.getException());
        assertEquals(HealthCheck.State.UP, health().getState());
    }

    @Test
    void aRevokedClientIsDownUntilTheTokenEndpointAcceptsItAgain() throws Exception {
        String uri = cloud("createItem", "");
        assertEquals(null, send(uri).getException());
        assertEquals(HealthCheck.State.UP, health().getState());
        // the client is revoked: its tokens stop working and the token endpoint refuses it
        sim().faults().on("POST", "/oauth/token").status(401)
                .body("{\"error\":\"invalid_client\",\"error_description\":\"Client is disabled\"}");
        sim().tokens().revokeAll();
        assertNotNull(send(uri).getException());
        assertDown(health(), "clientId and clientSecret");
        sim().faults().clear();
        assertEquals(HealthCheck.State.UP, health().getState(), "the check obtains a token again");
    }

    @Test
    void aServerErrorTheOperationTakesAsItsAnswerIsNotDownAndAPlainOneIs() throws Exception {
        sim().faults().on("DELETE", "/api/v2/simulator/items/listed").status(500)
                .body("{\"message\":\"1 item was not deleted\",\"code\":\"partial\",\"status\":500}").times(1);
        Exchange answered = template.request(route(cloud("purgeItem", "itemId=listed")), x -> { });
        assertNotNull(answered.getException(), "the default execution reports the answer as an error");
        HealthCheck.Result afterAnswer = health();
        assertEquals(HealthCheck.State.UP, afterAnswer.getState(),
                () -> "a 500 the operation takes as its answer says nothing against Genesys: " + afterAnswer.getMessage());
        assertEquals(500, afterAnswer.getDetails().get("genesys.lastHttpStatus"), "the status is still shown");
        // the same status as a fault of a request that does not take it as an answer is DOWN, as before
        sim().faults().on("GET", "/api/v2/simulator/items/broken").status(500).times(1);
        assertNotNull(template.request(route(cloud("getItem", "itemId=broken")), x -> { }).getException());
        assertDown(health(), "HTTP 500");
    }

    @Test
    void aWrongClientSecretIsDown() throws Exception {
        String uri = "genesys-test:createItem?baseUrl=" + sim().baseUrl() + "&clientId=cloud-client&clientSecret=RAW(wrong-secret)";
        assertNotNull(send(uri).getException());
        assertDown(health(), "clientId and clientSecret");
    }

    @Test
    void aWrongApiKeyIsDown() throws Exception {
        String uri = "genesys-test:multicloudCall?itemId=op&platform=multicloud&baseUrl=" + sim().baseUrl()
                     + "&apiKey=RAW(wrong-key)&clientId=mc-client&clientSecret=RAW(mc-secret)&username=agent1"
                     + "&password=RAW(agent1-password)";
        assertNotNull(send(uri).getException());
        assertDown(health(), "apiKey");
    }

    @Test
    void aFreshTokenRefusedAgainIsDownNamingWhereTokensComeFromAndBackUpAfterASuccess() throws Exception {
        String uri = cloud("createItem", "");
        assertEquals(null, send(uri).getException());
        // tokens issued by one organization used on another's API: each fresh token is refused too
        sim().faults().on("POST", "/api/v2/simulator/items").status(401)
                .body("{\"message\":\"Invalid login credentials.\",\"code\":\"bad.credentials\",\"status\":401}");
        assertNotNull(send(uri).getException());
        assertDown(health(), "again after a token refresh", "loginUrl", "baseUrl");
        sim().faults().clear();
        assertEquals(null, send(uri).getException());
        assertEquals(HealthCheck.State.UP, health().getState(), "a success clears it");
    }

    @Test
    void webServicesBasicCredentialsRefusedAreDown() throws Exception {
        route = sim().routes().add("POST", "/api/v2/simulator/items", Auth.WEB_SERVICES,
                req -> ApiResponse.created(Map.of("id", "1")));
        String uri = "genesys-test:createItem?platform=webServices&baseUrl=" + sim().baseUrl()
                     + "&username=gws-user&password=RAW(wrong-password-x)";
        assertNotNull(send(uri).getException());
        assertDown(health(), "username and password");
    }

    @Test
    void aPermissionMissingForOneOperationIsAnUpDetail() throws Exception {
        String uri = cloud("createItem", "");
        sim().faults().on("POST", "/api/v2/simulator/items").status(403)
                .body("{\"message\":\"You are missing the following permission: externalContacts:contact:add\","
                      + "\"code\":\"missing.permissions\",\"status\":403}").times(1);
        assertNotNull(send(uri).getException());
        HealthCheck.Result result = health();
        assertEquals(HealthCheck.State.UP, result.getState(), "the connection works; one operation lacks a role");
        assertTrue(String.valueOf(result.getDetails().get("genesys.lastForbidden")).contains("roles"),
                String.valueOf(result.getDetails()));
    }
}
