package io.camelgenesys.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.camelgenesys.simulator.TestHttp.basic;
import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.json;
import static io.camelgenesys.simulator.TestHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication of API paths in the three styles, and the route extension point. */
class ApiAuthAndRoutesTest {

    static GenesysSimulator sim;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = GenesysSimulator.builder().build();
        // What a later module does: register its API.
        sim.routes().add("POST", "/statistics/v3/subscriptions/{id}/values", request -> {
            JsonNode body = request.jsonObject();
            if (!body.has("data")) {
                throw ApiException.badRequest("data is required");
            }
            return ApiResponse.json(200, Json.object()
                    .put("id", request.pathParam("id"))
                    .put("verbose", request.query("verbose", "INFO"))
                    .put("user", request.principal())
                    .set("echo", body.get("data")))
                    .header("X-Test", "yes");
        });
        sim.routes().add("GET", "/api/v2/contacts", request -> ApiResponse.ok(Json.object()
                .put("statusCode", 0).put("user", request.principal())));
        sim.routes().add("POST", "/open/hook", Auth.NONE, request -> ApiResponse.status(202));
        sim.start();
        http = new TestHttp(sim);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        sim.stop();
    }

    @Test
    void cloudPathWithoutTokenIs401() throws Exception {
        ContentResponse response = send(http.get("/api/v2/simulator/items"));
        assertEquals(401, response.getStatus());
        JsonNode error = body(response);
        assertEquals("bad.credentials", error.get("code").asText());
        assertEquals(401, error.get("status").asInt());
        assertNotNull(error.get("message").asText());
        assertNotNull(response.getHeaders().get("ININ-Correlation-ID"));
        assertNull(response.getHeaders().get("X-Rate-Limit-Limit"), "no budget without a token");
    }

    @Test
    void invalidAndRevokedTokensAre401() throws Exception {
        assertEquals(401, send(http.cloud("GET", "/api/v2/simulator/items", "not-a-token")).getStatus());

        String token = http.cloudToken();
        assertEquals(200, send(http.cloud("GET", "/api/v2/simulator/items", token)).getStatus());
        sim.tokens().revoke(token);
        assertEquals(401, send(http.cloud("GET", "/api/v2/simulator/items", token)).getStatus());

        String other = http.cloudToken();
        sim.tokens().revokeAll();
        assertEquals(401, send(http.cloud("GET", "/api/v2/simulator/items", other)).getStatus());
    }

    @Test
    void multicloudChecksApiKeyFirstThenToken() throws Exception {
        String token = http.multicloudToken();
        String path = "/statistics/v3/subscriptions/s1/values?verbose=DEBUG";

        ContentResponse noKey = send(http.cloud("POST", path, token));
        assertEquals(403, noKey.getStatus());
        assertEquals("Forbidden", body(noKey).get("message").asText());

        ContentResponse noToken = send(http.request("POST", path).headers(h -> h.put("x-api-key", "mc-api-key")));
        assertEquals(401, noToken.getStatus());
        assertEquals(401, body(noToken).path("status").path("code").asInt());
        assertTrue(body(noToken).path("status").has("message"));

        ContentResponse cloudToken = send(http.multicloud("POST", path, http.cloudToken()));
        assertEquals(401, cloudToken.getStatus(), "a Cloud token is not a Multicloud token");

        ContentResponse ok = send(json(http.multicloud("POST", path, token), "{\"data\":{\"a\":1}}"));
        assertEquals(200, ok.getStatus(), ok.getContentAsString());
        JsonNode answer = body(ok);
        assertEquals("s1", answer.get("id").asText());
        assertEquals("DEBUG", answer.get("verbose").asText());
        assertEquals("agent1", answer.get("user").asText());
        assertEquals(1, answer.get("echo").get("a").asInt());
        assertEquals("yes", ok.getHeaders().get("X-Test"));
        assertNotNull(ok.getHeaders().get("X-Rate-Limit-Remaining"));
    }

    @Test
    void apiExceptionIsRenderedInTheRouteStyle() throws Exception {
        String token = http.multicloudToken();
        ContentResponse bad = send(json(http.multicloud("POST", "/statistics/v3/subscriptions/s1/values", token), "{}"));
        assertEquals(400, bad.getStatus());
        assertEquals(400, body(bad).path("status").path("code").asInt());
        assertEquals("data is required", body(bad).path("status").path("message").asText());

        ContentResponse malformed = send(json(http.multicloud("POST", "/statistics/v3/subscriptions/s1/values", token), "{nope"));
        assertEquals(400, malformed.getStatus());
    }

    @Test
    void webServicesUseBasicAuth() throws Exception {
        ContentResponse denied = send(http.get("/api/v2/contacts"));
        assertEquals(401, denied.getStatus());
        assertEquals(20, body(denied).get("statusCode").asInt(), "Web Services' code: User is not authenticated");
        assertTrue(denied.getHeaders().get("WWW-Authenticate").startsWith("Basic"));

        ContentResponse wrong = send(http.get("/api/v2/contacts").headers(h -> h.put("Authorization", basic("gws-user", "x"))));
        assertEquals(401, wrong.getStatus());

        ContentResponse ok = send(http.get("/api/v2/contacts")
                .headers(h -> h.put("Authorization", basic("gws-user", "gws-password"))));
        assertEquals(200, ok.getStatus());
        assertEquals("gws-user", body(ok).get("user").asText());
    }

    @Test
    void unknownPathsAndMethods() throws Exception {
        String token = http.cloudToken();
        ContentResponse missing = send(http.cloud("GET", "/api/v2/nothing/here", token));
        assertEquals(404, missing.getStatus());
        assertEquals("not.found", body(missing).get("code").asText());

        ContentResponse method = send(http.cloud("PATCH", "/api/v2/simulator/items", token));
        assertEquals(405, method.getStatus());
        assertTrue(method.getHeaders().get("Allow").contains("GET"));

        assertEquals(404, send(http.get("/elsewhere")).getStatus());
        assertEquals(202, send(http.request("POST", "/open/hook")).getStatus());
    }

    @Test
    void everyResponseHasItsOwnCorrelationId() throws Exception {
        String first = send(http.get("/elsewhere")).getHeaders().get("ININ-Correlation-ID");
        String second = send(http.get("/elsewhere")).getHeaders().get("ININ-Correlation-ID");
        assertNotNull(first);
        assertNotEquals(first, second);
    }

    @Test
    void routesCanBeRemoved() throws Exception {
        Route route = sim.routes().add("GET", "/api/v2/temporary", request -> ApiResponse.ok(Json.object()));
        String token = http.cloudToken();
        assertEquals(200, send(http.cloud("GET", "/api/v2/temporary", token)).getStatus());
        assertTrue(sim.routes().remove(route));
        assertEquals(404, send(http.cloud("GET", "/api/v2/temporary", token)).getStatus());
    }
}
