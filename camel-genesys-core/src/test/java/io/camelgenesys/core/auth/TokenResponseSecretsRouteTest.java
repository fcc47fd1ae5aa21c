package io.camelgenesys.core.auth;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.logging.log4j.Level;
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
 * Issue 9, item 3: a token endpoint that answers 200 with truncated JSON must not put the access token it did send
 * into the exception, the WARN log line or the health check.
 */
class TokenResponseSecretsRouteTest extends GenesysRouteTestSupport {

    private static final String TOKEN = "tok-5f1c0b7e-truncated-body-token";

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private LogCapture logs;

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
        logs.uninstall();
    }

    @Test
    void aTruncatedTokenResponseNeverShowsTheToken() throws Exception {
        sim().faults().on("POST", "/oauth/token").status(200)
                .body("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":", "application/json");
        String r = route(cloud("createItem", "retryEnabled=false"));

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(r, Map.of("name", "x")));
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(200, api.getHttpStatus());
        assertTrue(api.getMessage().contains("token"), api.getMessage());
        assertTrue(api.getMessage().contains("not valid JSON"), "says what is wrong: " + api.getMessage());
        assertNoToken("exception message", api.getMessage());
        assertNoToken("exception toString", api.toString());
        assertNoToken("body excerpt", api.getBodyExcerpt());
        assertNoToken("error message", api.getErrorMessage());
        for (Throwable c = api; c != null; c = c.getCause()) {
            assertNoToken("cause " + c.getClass().getName(), String.valueOf(c.getMessage()));
        }

        List<String> health = connectionHealthTexts();
        assertTrue(health.get(0).startsWith("DOWN"), health.get(0));
        assertFalse(health.isEmpty(), "the connection has a health check");
        assertNoToken("health check", String.join("\n", health));

        assertFalse(logs.matching(c -> c.level() == Level.WARN).isEmpty(), "the failure is logged at WARN");
        logs.assertNoneContains(List.of(TOKEN));
    }

    private static void assertNoToken(String where, String text) {
        assertFalse(text != null && text.contains(TOKEN), "the token is in the " + where + ": " + text);
    }
}
