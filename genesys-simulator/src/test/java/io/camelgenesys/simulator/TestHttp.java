package io.camelgenesys.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Fields;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real HTTP client (Jetty) for the tests, with the few helpers every test class needs. Registered as an extension
 * beside the simulator's ({@code @RegisterExtension static final TestHttp http = new TestHttp(SIM);}) it starts
 * before the class's tests and stops after them.
 */
final class TestHttp implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    final HttpClient client = new HttpClient();
    private final Supplier<GenesysSimulator> simulator;

    TestHttp(GenesysSimulatorExtension extension) {
        // resolved per request: the extension creates its simulator in its own beforeAll
        this.simulator = extension::simulator;
    }

    TestHttp(GenesysSimulator sim) throws Exception {
        this.simulator = () -> sim;
        start();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    private void start() throws Exception {
        // The tests look at 302s themselves.
        client.setFollowRedirects(false);
        client.start();
        // Jetty's client fails a 401 that has no WWW-Authenticate challenge ("HTTP protocol violation") instead of
        // returning it. Genesys documents 401 bodies, not challenges, so a Genesys client must drop this handler.
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
    }

    Request request(String method, String path) {
        return client.newRequest(simulator.get().baseUrl() + path).method(method).timeout(10, TimeUnit.SECONDS);
    }

    Request get(String path) {
        return request("GET", path);
    }

    /** A Genesys Cloud API request with a bearer token. */
    Request cloud(String method, String path, String token) {
        return request(method, path).headers(h -> h.put("Authorization", "Bearer " + token));
    }

    Request multicloud(String method, String path, String token) {
        return request(method, path).headers(h -> {
            h.put("Authorization", "Bearer " + token);
            h.put("x-api-key", simulator.get().multicloudApiKey());
        });
    }

    /** A Genesys Cloud request with a bearer token and, unless null, a JSON body; sent. */
    ContentResponse cloudCall(String method, String path, String token, String json) throws Exception {
        Request request = cloud(method, path, token);
        return send(json == null ? request : json(request, json));
    }

    /** {@link #cloudCall} that must answer 200; returns the body. */
    JsonNode cloudOk(String method, String path, String token, String json) throws Exception {
        return cloudAnswer(200, method, path, token, json);
    }

    /** {@link #cloudCall} that must answer this 2xx status (e.g. 201 Created); returns the body. */
    JsonNode cloudAnswer(int status, String method, String path, String token, String json) throws Exception {
        ContentResponse response = cloudCall(method, path, token, json);
        assertEquals(status, response.getStatus(), response.getContentAsString());
        return body(response);
    }

    /** {@link #cloudCall} that must answer a Cloud error body with this status; returns its message. */
    String cloudError(int status, String method, String path, String token, String json) throws Exception {
        ContentResponse response = cloudCall(method, path, token, json);
        assertEquals(status, response.getStatus(), response.getContentAsString());
        JsonNode error = body(response);
        assertEquals(status, error.get("status").asInt(), response.getContentAsString());
        assertTrue(error.hasNonNull("code") && error.hasNonNull("contextId"), response.getContentAsString());
        return error.get("message").asText();
    }

    static Request json(Request request, String json) {
        return request.body(new StringRequestContent("application/json", json));
    }

    static ContentResponse send(Request request) throws Exception {
        return request.send();
    }

    static JsonNode body(ContentResponse response) {
        return Json.parse(response.getContentAsString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** POST /oauth/token with the Cloud client; returns the raw response. */
    ContentResponse cloudTokenResponse(String clientId, String secret, String grantType) throws Exception {
        Fields form = new Fields();
        if (grantType != null) {
            form.put("grant_type", grantType);
        }
        return request("POST", "/oauth/token")
                .headers(h -> h.put("Authorization", basic(clientId, secret)))
                .body(new FormRequestContent(form))
                .send();
    }

    String cloudToken() throws Exception {
        ContentResponse response = cloudTokenResponse(simulator.get().cloudClientId(), simulator.get().cloudClientSecret(), "client_credentials");
        assertEquals(200, response.getStatus(), response.getContentAsString());
        return body(response).get("access_token").asText();
    }

    /** POST /auth/v3/oauth/token with the given api key, client and form. */
    ContentResponse multicloudTokenResponse(String apiKey, String clientId, String secret, Fields form) throws Exception {
        Request request = client.newRequest(simulator.get().baseUrl() + "/auth/v3/oauth/token")
                .method(HttpMethod.POST)
                .timeout(10, TimeUnit.SECONDS)
                .body(new FormRequestContent(form));
        request.headers(h -> {
            if (apiKey != null) {
                h.put("x-api-key", apiKey);
            }
            if (clientId != null) {
                h.put("Authorization", basic(clientId, secret));
            }
        });
        return request.send();
    }

    ContentResponse multicloudTokenResponse(Fields form) throws Exception {
        return multicloudTokenResponse(simulator.get().multicloudApiKey(), simulator.get().multicloudClientId(), simulator.get().multicloudClientSecret(), form);
    }

    static Fields form(String... namesAndValues) {
        Fields form = new Fields();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    /** A Multicloud token by the password grant of the first configured user. */
    String multicloudToken() throws Exception {
        String user = simulator.get().multicloudUsers().keySet().iterator().next();
        ContentResponse response = multicloudTokenResponse(
                form("grant_type", "password", "username", user, "password", simulator.get().multicloudUsers().get(user)));
        assertEquals(200, response.getStatus(), response.getContentAsString());
        return body(response).get("access_token").asText();
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
