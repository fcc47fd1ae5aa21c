package io.camelgenesys.core.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysAuthException;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, item 4: a token request that throws before its future completes must not leave the single-flight future
 * set (every later caller would wait for it forever). Each exchange here must fail with a clear error, quickly.
 */
class TokenSingleFlightRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    /** The exchange's failure, or a test failure when it does not end within 10 s (the defect: it never ends). */
    private Throwable failsWithin10Seconds(String route) throws Exception {
        CompletableFuture<Object> call = template.asyncRequestBody(route, Map.of("name", "x"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS),
                "the exchange ended (a hung exchange throws TimeoutException instead)");
        Throwable cause = e.getCause() instanceof CamelExecutionException c ? c.getCause() : e.getCause();
        return cause;
    }

    @Test
    void anAuthorizationCodeUsedUpWithoutARefreshTokenFailsEveryLaterCallClearly() throws Exception {
        // Genesys exchanges the code for a short-lived token and (unlike the seed's example) no refresh token: when it
        // expires there is nothing left to renew it with
        String token = sim().tokens().issueAccessToken(Auth.MULTICLOUD, "agent1");
        sim().faults().on("POST", "/auth/v3/oauth/token").status(200)
                .body("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":1}").times(1);
        String code = sim().tokens().issueAuthorizationCode("agent1", "https://app.example/cb");
        String r = route("genesys-test:multicloudCall?itemId=op&platform=multicloud&baseUrl=" + sim().baseUrl()
                         + "&apiKey=RAW(mc-api-key)&clientId=mc-client&clientSecret=RAW(mc-secret)"
                         + "&authorizationToken=RAW(" + code + ")&redirectUri=https://app.example/cb&retryEnabled=false");
        sim().routes().add("POST", "/test/v3/operations/{id}",
                req -> io.camelgenesys.simulator.ApiResponse.ok(Map.of("status", Map.of("code", 0), "data", Map.of())));
        template.requestBody(r, Map.of("name", "first")); // the code is exchanged
        TimeUnit.MILLISECONDS.sleep(1500); // the token expired (and its proactive refresh has run)
        for (int i = 0; i < 3; i++) {
            Throwable e = failsWithin10Seconds(r);
            GenesysAuthException auth = assertInstanceOf(GenesysAuthException.class, e);
            assertTrue(auth.getMessage().contains("authorizationToken"), "names the option to fix: " + auth.getMessage());
        }
        assertEquals(1, sim().tokens().requestCount(), "only the code exchange reached the token endpoint");
    }

    @Test
    void aTokenUrlThatCannotBeSentFailsEveryCallClearly() throws Exception {
        String r = route("genesys-test:createItem?baseUrl=" + sim().baseUrl() + "&loginUrl=RAW(http://login^host:1)"
                         + "&clientId=cloud-client&clientSecret=RAW(cloud-secret)&retryEnabled=false");
        for (int i = 0; i < 3; i++) {
            Throwable e = failsWithin10Seconds(r);
            GenesysApiException api = assertInstanceOf(GenesysApiException.class, e);
            assertTrue(api.getMessage().contains("oauth/token"), "names the token endpoint: " + api.getMessage());
        }
        assertEquals(0, sim().requests().total(), "nothing reached Genesys");
    }
}
