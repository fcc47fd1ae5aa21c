package io.camelgenesys.simulator;

import java.time.Duration;

import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(
            GenesysSimulator.builder().rateLimit(3, Duration.ofSeconds(30)));

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);


    @Test
    void headersCountDownThen429() throws Exception {
        String token = http.cloudToken();
        for (int remaining = 2; remaining >= 0; remaining--) {
            ContentResponse response = send(http.cloud("GET", "/api/v2/simulator/items", token));
            assertEquals(200, response.getStatus());
            assertEquals("3", response.getHeaders().get("X-Rate-Limit-Limit"));
            assertEquals(String.valueOf(remaining), response.getHeaders().get("X-Rate-Limit-Remaining"));
            long reset = Long.parseLong(response.getHeaders().get("X-Rate-Limit-Reset"));
            assertTrue(reset >= 1 && reset <= 30, "reset " + reset);
        }
        ContentResponse limited = send(http.cloud("GET", "/api/v2/simulator/items", token));
        assertEquals(429, limited.getStatus());
        long retryAfter = Long.parseLong(limited.getHeaders().get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 30);
        assertEquals("0", limited.getHeaders().get("X-Rate-Limit-Remaining"));
        assertEquals("too.many.requests", body(limited).get("code").asText());
        assertEquals(429, body(limited).get("status").asInt());
        assertEquals("Rate limit exceeded the maximum. Retry the request in [" + retryAfter + "] seconds",
                body(limited).get("message").asText());
        assertEquals(1, SIM.simulator().requests().rateLimited());
        assertEquals(4, SIM.simulator().requests().count("GET", "/api/v2/simulator/items"));

        // The budget is per token: another token has its own.
        assertEquals(200, send(http.cloud("GET", "/api/v2/simulator/items", http.cloudToken())).getStatus());
        // Token requests are not rate limited.
        for (int i = 0; i < 5; i++) {
            http.cloudToken();
        }
    }

    @Test
    void windowResetsAndLimitChangesAtRuntime() throws Exception {
        // a window under a second (Retry-After rounds up to 1), as long as a loaded machine leaves the next request in it
        SIM.simulator().setRateLimit(1, Duration.ofMillis(950));
        String token = http.cloudToken();
        assertEquals(200, send(http.cloud("GET", "/api/v2/simulator/items", token)).getStatus());
        ContentResponse limited = send(http.cloud("GET", "/api/v2/simulator/items", token));
        assertEquals(429, limited.getStatus());
        assertEquals("1", limited.getHeaders().get("Retry-After"), "whole seconds, at least 1");
        Thread.sleep(1000);
        assertEquals(200, send(http.cloud("GET", "/api/v2/simulator/items", token)).getStatus());
    }

    @Test
    void resetRestoresTheConfiguredLimit() throws Exception {
        SIM.simulator().setRateLimit(100, Duration.ofMinutes(1));
        SIM.simulator().reset();
        ContentResponse response = send(http.cloud("GET", "/api/v2/simulator/items", http.cloudToken()));
        assertEquals("3", response.getHeaders().get("X-Rate-Limit-Limit"));
    }
}
