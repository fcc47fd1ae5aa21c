package io.camelgenesys.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.basic;
import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenEndpointsTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(
            GenesysSimulator.builder().tokenLifetime(Duration.ofMinutes(10)));

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);


    // ---- Genesys Cloud -------------------------------------------------------------------------------------------

    @Test
    void cloudClientCredentials() throws Exception {
        ContentResponse response = http.cloudTokenResponse("cloud-client", "cloud-secret", "client_credentials");
        assertEquals(200, response.getStatus());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/json"));
        assertNotNull(response.getHeaders().get("ININ-Correlation-ID"));
        JsonNode token = body(response);
        assertEquals("bearer", token.get("token_type").asText());
        assertEquals(600, token.get("expires_in").asLong());
        assertFalse(token.has("refresh_token"), "client credentials get no refresh token");
        assertEquals(token.get("access_token").asText(), SIM.simulator().tokens().lastIssuedAccessToken());
        assertEquals(1, SIM.simulator().tokens().requestCount("client_credentials"));
    }

    @Test
    void cloudBadClient() throws Exception {
        ContentResponse response = http.cloudTokenResponse("cloud-client", "wrong", "client_credentials");
        assertEquals(401, response.getStatus());
        JsonNode error = body(response);
        assertEquals("invalid_client", error.get("error").asText());
        assertEquals("Bad client credentials", error.get("error_description").asText());

        ContentResponse noAuth = TestHttp.send(http.request("POST", "/oauth/token")
                .body(new org.eclipse.jetty.client.FormRequestContent(form("grant_type", "client_credentials"))));
        assertEquals(401, noAuth.getStatus());
        assertEquals(2, SIM.simulator().tokens().requestCount());
    }

    @Test
    void cloudUnsupportedGrant() throws Exception {
        ContentResponse response = http.cloudTokenResponse("cloud-client", "cloud-secret", "password");
        assertEquals(400, response.getStatus());
        assertEquals("unsupported_grant_type", body(response).get("error").asText());
        assertEquals(1, SIM.simulator().tokens().requestCount("password"));
    }

    // ---- Multicloud ----------------------------------------------------------------------------------------------

    @Test
    void multicloudPasswordGrantAndRefresh() throws Exception {
        ContentResponse response = http.multicloudTokenResponse(
                form("grant_type", "password", "username", "agent1", "password", "agent1-password"));
        assertEquals(200, response.getStatus(), response.getContentAsString());
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        JsonNode token = body(response);
        assertEquals("bearer", token.get("token_type").asText());
        assertEquals("*", token.get("scope").asText());
        assertEquals(600, token.get("expires_in").asLong());
        String refresh = token.get("refresh_token").asText();
        assertFalse(refresh.isEmpty());

        ContentResponse refreshed = http.multicloudTokenResponse(form("grant_type", "refresh_token", "refresh_token", refresh));
        assertEquals(200, refreshed.getStatus(), refreshed.getContentAsString());
        assertNotEquals(token.get("access_token").asText(), body(refreshed).get("access_token").asText());
        assertEquals(refresh, body(refreshed).get("refresh_token").asText());
        assertEquals(1, SIM.simulator().tokens().requestCount("password"));
        assertEquals(1, SIM.simulator().tokens().requestCount("refresh_token"));
    }

    @Test
    void multicloudClientCredentials() throws Exception {
        ContentResponse response = http.multicloudTokenResponse(form("grant_type", "client_credentials"));
        assertEquals(200, response.getStatus());
        JsonNode token = body(response);
        assertTrue(token.has("access_token"));
        assertFalse(token.has("refresh_token"));
    }

    @Test
    void multicloudWrongApiKeyIsForbidden() throws Exception {
        ContentResponse wrong = http.multicloudTokenResponse("nope", "mc-client", "mc-secret", form("grant_type", "client_credentials"));
        assertEquals(403, wrong.getStatus());
        assertEquals("Forbidden", body(wrong).get("message").asText());
        ContentResponse missing = http.multicloudTokenResponse(null, "mc-client", "mc-secret", form("grant_type", "client_credentials"));
        assertEquals(403, missing.getStatus());
    }

    @Test
    void multicloudBadClient() throws Exception {
        ContentResponse response = http.multicloudTokenResponse("mc-api-key", "mc-client", "wrong", form("grant_type", "client_credentials"));
        assertEquals(401, response.getStatus());
        assertEquals("Unauthorized", body(response).get("error").asText());
        assertEquals("Bad credentials", body(response).get("error_description").asText());
    }

    @Test
    void multicloudBadUser() throws Exception {
        ContentResponse response = http.multicloudTokenResponse(
                form("grant_type", "password", "username", "agent1", "password", "wrong"));
        assertEquals(400, response.getStatus());
        assertEquals("invalid_grant", body(response).get("error").asText());
        assertEquals("Bad credentials", body(response).get("error_description").asText());
    }

    @Test
    void unknownAndRevokedRefreshTokens() throws Exception {
        ContentResponse unknown = http.multicloudTokenResponse(form("grant_type", "refresh_token", "refresh_token", "nope"));
        assertEquals(400, unknown.getStatus());
        assertEquals("invalid_grant", body(unknown).get("error").asText());

        ContentResponse issued = http.multicloudTokenResponse(
                form("grant_type", "password", "username", "agent1", "password", "agent1-password"));
        String refresh = body(issued).get("refresh_token").asText();
        SIM.simulator().tokens().revokeAll();
        ContentResponse revoked = http.multicloudTokenResponse(form("grant_type", "refresh_token", "refresh_token", refresh));
        assertEquals(400, revoked.getStatus());
        assertEquals("invalid_grant", body(revoked).get("error").asText());
    }

    @Test
    void unsupportedGrant() throws Exception {
        ContentResponse response = http.multicloudTokenResponse(form("grant_type", "implicit"));
        assertEquals(400, response.getStatus());
        assertEquals("unsupported_grant_type", body(response).get("error").asText());
    }

    @Test
    void authorizationCodeFlow() throws Exception {
        String redirect = "https://app.example/oauthcallback?tenant=a";
        String url = "/auth/v3/oauth/authorize?response_type=code&client_id=mc-client&state=70db3ab2&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        ContentResponse authorized = TestHttp.send(http.get(url)
                .headers(h -> h.put("Authorization", basic("agent1", "agent1-password"))));
        assertEquals(302, authorized.getStatus());
        URI location = URI.create(authorized.getHeaders().get("Location"));
        assertEquals("app.example", location.getHost());
        String query = location.getRawQuery();
        assertTrue(query.startsWith("tenant=a&code="), query);
        assertTrue(query.endsWith("&state=70db3ab2"), query);
        String code = query.replaceAll(".*code=([^&]+).*", "$1");

        ContentResponse wrongRedirect = http.multicloudTokenResponse(
                form("grant_type", "authorization_code", "code", SIM.simulator().tokens().issueAuthorizationCode("agent1", redirect),
                        "redirect_uri", "https://other.example/"));
        assertEquals(400, wrongRedirect.getStatus());
        assertEquals("invalid_grant", body(wrongRedirect).get("error").asText());

        ContentResponse exchanged = http.multicloudTokenResponse(
                form("grant_type", "authorization_code", "code", code, "redirect_uri", redirect));
        assertEquals(200, exchanged.getStatus(), exchanged.getContentAsString());
        assertTrue(body(exchanged).has("refresh_token"));

        ContentResponse reused = http.multicloudTokenResponse(
                form("grant_type", "authorization_code", "code", code, "redirect_uri", redirect));
        assertEquals(400, reused.getStatus(), "codes are single-use");
    }

    @Test
    void issuedAuthorizationCode() throws Exception {
        String code = SIM.simulator().tokens().issueAuthorizationCode("agent1", "https://app.example/cb");
        ContentResponse exchanged = http.multicloudTokenResponse(
                form("grant_type", "authorization_code", "code", code, "redirect_uri", "https://app.example/cb"));
        assertEquals(200, exchanged.getStatus(), exchanged.getContentAsString());
    }

    @Test
    void authorizeRejectsBadUser() throws Exception {
        ContentResponse response = TestHttp.send(http.get(
                "/auth/v3/oauth/authorize?response_type=code&client_id=mc-client&redirect_uri=https%3A%2F%2Fa.example%2F")
                .headers(h -> h.put("Authorization", basic("agent1", "wrong"))));
        assertEquals(401, response.getStatus());
    }

    @Test
    void tokensExpire() throws Exception {
        // long enough for the call with the fresh token on a loaded machine (300 ms was not), and waited out by
        // watching the token rather than by a fixed sleep
        SIM.simulator().setTokenLifetime(Duration.ofSeconds(2));
        String token = http.cloudToken();
        assertEquals(200, TestHttp.send(http.cloud("GET", "/api/v2/simulator/items", token)).getStatus());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (SIM.simulator().tokens().isValid(token) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ContentResponse expired = TestHttp.send(http.cloud("GET", "/api/v2/simulator/items", token));
        assertEquals(401, expired.getStatus());
        assertEquals("bad.credentials", body(expired).get("code").asText());
    }

    @Test
    void wrongMethodOnTokenEndpoint() throws Exception {
        ContentResponse response = TestHttp.send(http.get("/oauth/token"));
        assertEquals(405, response.getStatus());
        assertEquals(0, SIM.simulator().tokens().requestCount(), "only POSTs count as token requests");
    }
}
