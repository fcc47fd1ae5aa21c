package io.camelgenesys.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.TestEndpoint;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.simulator.Route;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 "Secrets": every error path that quotes a response or names a URL, swept for the access token, the client
 * secret, the password, the API key, the refresh token, the HTTP Basic values made of them and a static access token,
 * across the exception (message, toString, body excerpt, Genesys message, details, errors, every cause and the whole
 * stack trace text), every log line (camel-genesys at TRACE) and every connection health check (message, details,
 * error). The servers here echo what they received, as misbehaving proxies and gateways do.
 * <p>
 * The webhook secret has its own sweep in {@code GenesysWebhookRouteTest}: every test there checks the captured log,
 * and the endpoint's toString and exception messages.
 */
class SecretsSweepRouteTest extends GenesysRouteTestSupport {

    private static final String FAKE_ACCESS = "at-sweep-71f3c2d9a0b4";
    private static final String FAKE_REFRESH = "rt-sweep-5e8a1b0c9d2f";
    private static final String REFRESH = "rt-option-0b5d1e9a77c3";
    private static final String STATIC = "static-sweep-token-4c2a9e";
    private static final String ITEMS = "/api/v2/simulator/items/";

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private LogCapture logs;
    private final List<Route> routes = new ArrayList<>();
    /** Tokens the simulator issued during the test, collected by the echoing routes. */
    private final Set<String> issued = new LinkedHashSet<>();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @BeforeEach
    void capture() {
        logs = LogCapture.install();
    }

    @AfterEach
    void noSecretLogged() {
        routes.forEach(r -> sim().routes().remove(r));
        try {
            assertFalse(logs.events().isEmpty(), "the capture saw the routes run");
            logs.assertNoneContains(secrets());
        } finally {
            logs.uninstall();
        }
    }

    private Set<String> secrets() {
        Set<String> s = new LinkedHashSet<>(List.of("cloud-secret", "mc-secret", "mc-api-key", "agent1-password",
                "gws-password", basic("cloud-client", "cloud-secret"), basic("mc-client", "mc-secret"),
                basic("gws-user", "gws-password"), FAKE_ACCESS, FAKE_REFRESH, REFRESH, STATIC));
        s.addAll(issued);
        String last = sim().tokens().lastIssuedAccessToken();
        if (last != null) {
            s.add(last);
        }
        return s;
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An API route that answers whatever the handler makes of the request, without authenticating it. */
    private void echo(String method, String path, java.util.function.Function<String, ApiResponse> answer) {
        routes.add(sim().routes().add(method, path, Auth.NONE, req -> {
            String authorization = req.header("Authorization");
            if (authorization != null && authorization.startsWith("Bearer ")) {
                issued.add(authorization.substring(7));
            }
            return answer.apply(authorization + " x-api-key=" + req.header("x-api-key"));
        }));
    }

    private GenesysApiException failure(String uri, Object body) throws Exception {
        String r = route(uri);
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(r, body));
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e.getCause());
        sweep(api);
        return api;
    }

    /** Every text the failure and the health checks expose. */
    private void sweep(GenesysApiException e) {
        List<String> texts = new ArrayList<>();
        texts.add(e.getMessage());
        texts.add(e.toString());
        texts.add(e.getBodyExcerpt());
        texts.add(e.getErrorMessage());
        texts.add(e.getErrorCode());
        texts.add(e.getOperation());
        texts.add(String.valueOf(e.getDetail()));
        texts.add(String.valueOf(e.getErrors()));
        texts.add(stackTrace(e));
        texts.addAll(connectionHealthTexts());
        for (String text : texts) {
            for (String secret : secrets()) {
                if (text != null && text.contains(secret)) {
                    throw new AssertionError("A secret (" + secret.length() + " chars) is exposed in: "
                                             + text.replace(secret, "<SECRET>"));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ token endpoint

    @Test
    void tokenEndpointTruncatedJson() throws Exception {
        sim().faults().on("POST", "/auth/v3/oauth/token").status(200)
                .body("{\"access_token\":\"" + FAKE_ACCESS + "\",\"refresh_token\":\"" + FAKE_REFRESH
                      + "\",\"scope\":\"*\",\"token_type\":\"bearer\",\"expires_in\":");
        GenesysApiException e = failure(multicloud("multicloudCall", "itemId=op"), Map.of("a", 1));
        assertEquals(200, e.getHttpStatus());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("/auth/v3/oauth/token"), "names the token endpoint: " + e.getMessage());
    }

    @Test
    void tokenEndpointHtmlErrorPage() throws Exception {
        sim().faults().on("POST", "/oauth/token").status(500).body("<html><head><title>500</title></head><body>"
                + "<h1>Internal error</h1><pre>POST /oauth/token\nAuthorization: Basic " + basic("cloud-client", "cloud-secret")
                + "\n\ngrant_type=client_credentials&amp;client_secret=cloud-secret</pre></body></html>", "text/html");
        GenesysApiException e = failure(cloud("createItem", "retryInitialDelay=10"), Map.of("name", "x"));
        assertEquals(500, e.getHttpStatus());
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    }

    @Test
    void tokenEndpoint500EchoingTheRequest() throws Exception {
        sim().faults().on("POST", "/auth/v3/oauth/token").status(500).body("{\"error\":\"server_error\","
                + "\"error_description\":\"Cannot process POST /auth/v3/oauth/token x-api-key: mc-api-key Authorization: Basic "
                + basic("mc-client", "mc-secret") + " body grant_type=password&username=agent1&password=agent1-password"
                + "&scope=*\"}");
        GenesysApiException e = failure(multicloud("multicloudCall", "itemId=op&retryInitialDelay=10"), Map.of("a", 1));
        assertEquals(500, e.getHttpStatus());
        assertEquals("server_error", e.getErrorCode());
        assertTrue(e.getMessage().contains("username=agent1"), "what is not secret stays: " + e.getMessage());
    }

    @Test
    void refusedRefreshTokenEchoedByTheTokenEndpoint() throws Exception {
        // the simulator answers 400 invalid_grant "Invalid refresh token: <the token>", as Spring OAuth servers do
        GenesysApiException e = failure("genesys-test:multicloudCall?itemId=op&platform=multicloud&baseUrl="
                                        + sim().baseUrl() + "&apiKey=RAW(mc-api-key)&clientId=mc-client"
                                        + "&clientSecret=RAW(mc-secret)&grantType=refreshToken&refreshToken=RAW(" + REFRESH
                                        + ")", Map.of("a", 1));
        assertEquals(400, e.getHttpStatus());
        assertTrue(e.getMessage().contains("refreshToken"), "names the option to fix: " + e.getMessage());
        assertTrue(e.getMessage().contains("Invalid refresh token"), "Genesys' reason stays: " + e.getMessage());
    }

    @Test
    void tokenEndpointAnswerWithoutAccessTokenButWithSecrets() throws Exception {
        sim().faults().on("POST", "/oauth/token").status(200).body("{\"refresh_token\":\"" + FAKE_REFRESH
                                                                   + "\",\"client_secret\":\"cloud-secret\"}");
        GenesysApiException e = failure(cloud("createItem", ""), Map.of("name", "x"));
        assertTrue(e.getMessage().contains("without an access_token"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------ API calls

    @Test
    void apiErrorEchoingTheAuthorizationHeader() throws Exception {
        echo("GET", ITEMS + "echo-400", sent -> ApiResponse.json(400, Map.of(
                "message", "Bad request, received " + sent, "code", "bad.request", "status", 400,
                "details", List.of(Map.of("fieldName", "Authorization", "entityValue", sent)),
                "errors", List.of(Map.of("message", "header " + sent)))));
        GenesysApiException e = failure(cloud("getItem", "itemId=echo-400"), null);
        assertEquals(400, e.getHttpStatus());
        assertEquals("bad.request", e.getErrorCode());
        assertTrue(e.getMessage().contains("Bad request, received Bearer "), e.getMessage());
        assertFalse(issued.isEmpty(), "the route saw the token");
    }

    @Test
    void multicloudErrorEchoingTheApiKeyAndToken() throws Exception {
        echo("POST", "/test/v3/operations/echo-500", sent -> ApiResponse.json(500, Map.of("status", Map.of(
                "code", 500, "message", "Gateway failure for " + sent,
                "detail", Map.of("apiKey", "mc-api-key", "authorization", sent, "note", "x-api-key: mc-api-key")))));
        GenesysApiException e = failure(multicloud("multicloudCall", "itemId=echo-500"), Map.of("a", 1));
        assertEquals(500, e.getHttpStatus());
        assertTrue(e.getMessage().contains("Gateway failure"), e.getMessage());
    }

    @Test
    void malformedSuccessBodyEchoingTheToken() throws Exception {
        echo("GET", ITEMS + "echo-malformed", sent -> ApiResponse.raw(200, "application/json",
                "{\"id\":\"x\",\"seen\": " + sent + " <html>"));
        GenesysApiException e = failure(cloud("getItem", "itemId=echo-malformed"), null);
        assertEquals(200, e.getHttpStatus());
        assertTrue(e.getBodyExcerpt().contains("<html>"), "the excerpt stays useful: " + e.getBodyExcerpt());
    }

    @Test
    void redirectWithATokenInItsLocation() throws Exception {
        echo("GET", ITEMS + "echo-redirect", sent -> {
            String location = "https://storage.example.com/bucket/export.csv?access_token=" + sent.substring(7, sent.indexOf(' ', 7))
                              + "&X-Amz-Signature=" + FAKE_ACCESS + "&X-Amz-Security-Token=" + FAKE_REFRESH;
            return ApiResponse.raw(302, "text/html", "<a href=\"" + location + "\">Moved</a>").header("Location", location);
        });
        GenesysApiException e = failure(cloud("getItem", "itemId=echo-redirect"), null);
        assertEquals(302, e.getHttpStatus());
        assertTrue(e.getMessage().contains("https://storage.example.com/bucket/export.csv"), e.getMessage());
    }

    @Test
    void refusedStaticTokenEchoedInTheError() throws Exception {
        echo("GET", ITEMS + "echo-401", sent -> ApiResponse.json(401, Map.of("message", "Token " + sent + " is not valid",
                "code", "bad.credentials", "status", 401)));
        GenesysApiException e = failure("genesys-test:getItem?itemId=echo-401&baseUrl=" + sim().baseUrl()
                                        + "&accessToken=RAW(" + STATIC + ")", null);
        assertInstanceOf(GenesysAuthException.class, e);
        assertEquals(401, e.getHttpStatus());
    }

    @Test
    void rateLimitedAnswerEchoingTheRequest() throws Exception {
        echo("GET", ITEMS + "echo-429", sent -> ApiResponse.json(429, Map.of("message", "Too many requests for " + sent,
                "code", "too.many.requests", "status", 429)).header("Retry-After", "0"));
        GenesysApiException e = failure(cloud("getItem", "itemId=echo-429&retryEnabled=false"), null);
        assertInstanceOf(GenesysRateLimitException.class, e);
    }

    @Test
    void webServicesBasicCredentialsEchoed() throws Exception {
        echo("GET", ITEMS + "echo-gws", sent -> ApiResponse.json(403, Map.of("statusCode", 403,
                "statusMessage", "Forbidden for " + sent)));
        GenesysApiException e = failure("genesys-test:getItem?itemId=echo-gws&platform=webServices&baseUrl=" + sim().baseUrl()
                                        + "&username=gws-user&password=RAW(gws-password)", null);
        assertEquals(403, e.getHttpStatus());
    }

    @Test
    void toStringsOfEndpointsConnectionsAndProvidersShowNoSecret() throws Exception {
        List<String> uris = List.of(cloud("getItem", "itemId=a"), multicloud("multicloudCall", "itemId=a"),
                "genesys-test:getItem?itemId=a&baseUrl=" + sim().baseUrl() + "&accessToken=RAW(" + STATIC + ")",
                "genesys-test:multicloudCall?itemId=a&platform=multicloud&baseUrl=" + sim().baseUrl()
                + "&apiKey=RAW(mc-api-key)&clientId=mc-client&clientSecret=RAW(mc-secret)&refreshToken=RAW(" + REFRESH + ")");
        List<String> texts = new ArrayList<>();
        for (String uri : uris) {
            template.request(route(uri), x -> x.getMessage().setBody(Map.of("a", 1)));
            TestEndpoint endpoint = context.getEndpoint(uri, TestEndpoint.class);
            texts.add(endpoint.toString());
            texts.add(endpoint.getConfiguration().toString());
            texts.add(endpoint.getConnection().toString());
            texts.add(endpoint.getConnection().tokens().toString());
            texts.add(endpoint.getConnection().secrets().toString());
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            texts.add(endpoint.toString());
        }
        for (String text : texts) {
            for (String secret : secrets()) {
                assertFalse(text.contains(secret), "a secret in: " + text.replace(secret, "<SECRET>"));
            }
        }
    }
}
