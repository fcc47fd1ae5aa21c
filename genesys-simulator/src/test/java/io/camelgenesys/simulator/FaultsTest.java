package io.camelgenesys.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.json;
import static io.camelgenesys.simulator.TestHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);
    GenesysSimulator sim;
    String token;
    String itemPath;


    @BeforeEach
    void item() throws Exception {
        sim = SIM.simulator();
        token = http.cloudToken();
        ContentResponse created = send(json(http.cloud("POST", "/api/v2/simulator/items", token), "{\"name\":\"a\"}"));
        itemPath = "/api/v2/simulator/items/" + body(created).get("id").asText();
    }

    @Test
    void statusForNRequestsThenNormal() throws Exception {
        sim.faults().on("GET", "/api/v2/simulator/items/*").status(503).times(3);
        for (int i = 0; i < 3; i++) {
            ContentResponse response = send(http.cloud("GET", itemPath, token));
            assertEquals(503, response.getStatus());
            assertEquals("service.unavailable", body(response).get("code").asText());
            assertTrue(response.getHeaders().contains("ININ-Correlation-ID"));
        }
        assertEquals(200, send(http.cloud("GET", itemPath, token)).getStatus());
        assertEquals(3, sim.faults().hits("GET", "/api/v2/simulator/items/*"));
        assertEquals(4, sim.requests().count("GET", "/api/v2/simulator/items/*"));
    }

    @Test
    void removeEndsOneRuleWhileTheOthersStayAndClearForgetsTheCounts() throws Exception {
        FaultRule storm = sim.faults().on("GET", "/api/v2/simulator/items/*").status(429).header("Retry-After", "1");
        FaultRule slow = sim.faults().on("*", "/api/v2/simulator/items").status(503);
        assertEquals(429, send(http.cloud("GET", itemPath, token)).getStatus());
        assertTrue(sim.faults().remove(storm));
        assertEquals(200, send(http.cloud("GET", itemPath, token)).getStatus(), "the storm is over");
        assertEquals(503, send(http.cloud("GET", "/api/v2/simulator/items", token)).getStatus(), "the other rule stays");
        assertTrue(!sim.faults().remove(storm), "removed already");
        assertEquals(java.util.List.of(slow), sim.faults().rules());
        assertEquals(1, sim.faults().hits("GET", "/api/v2/simulator/items/*"), "hits are history");

        assertTrue(sim.requests().count("GET", "/api/v2/simulator/items/*") > 0);
        sim.requests().clear();
        assertEquals(0, sim.requests().count("GET", "/api/v2/simulator/items/*"));
        assertEquals(0, sim.requests().total());
        assertEquals(1, sim.faults().hits("GET", "/api/v2/simulator/items/*"), "only the request counts are cleared");
    }

    @Test
    void faultsComeBeforeAuthentication() throws Exception {
        sim.faults().on("*", "/api/v2/simulator/items").status(429).header("Retry-After", "2").times(1);
        ContentResponse response = send(http.get("/api/v2/simulator/items"));
        assertEquals(429, response.getStatus(), "no token, but the fault answers first");
        assertEquals("2", response.getHeaders().get("Retry-After"));
        assertEquals(0, sim.requests().rateLimited(), "a fault 429 is not the rate limiter's");
        assertEquals(401, send(http.get("/api/v2/simulator/items")).getStatus());
    }

    @Test
    void malformedBody() throws Exception {
        sim.faults().on("GET", "/api/v2/simulator/items/*").status(200).body("{\"broken", "application/json").times(1);
        ContentResponse response = send(http.cloud("GET", itemPath, token));
        assertEquals(200, response.getStatus());
        assertEquals("{\"broken", response.getContentAsString());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/json"));
        assertEquals(200, send(http.cloud("GET", itemPath, token)).getStatus());
        assertTrue(body(send(http.cloud("GET", itemPath, token))).has("id"));
    }

    @Test
    void delayThenServeNormally() throws Exception {
        sim.faults().on("GET", "/api/v2/simulator/items/*").delay(Duration.ofMillis(500)).times(1);
        long start = System.nanoTime();
        ContentResponse response = send(http.cloud("GET", itemPath, token));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, response.getStatus());
        assertTrue(elapsedMillis >= 450, "elapsed " + elapsedMillis);
        assertEquals(200, send(http.cloud("GET", itemPath, token)).getStatus());
        // the second request was not intercepted (so not delayed): counted, not timed, as a loaded machine may well
        // take 450 ms for a request
        assertEquals(1, sim.faults().hits("GET", "/api/v2/simulator/items/*"), "the delay applied once");
    }

    @Test
    void aHeldRequestIsAnsweredWhenTheTestReleasesIt() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        sim.faults().on("GET", "/api/v2/simulator/items/*").holdUntil(release).status(504).times(1);
        CompletableFuture<ContentResponse> held = CompletableFuture.supplyAsync(() -> {
            try {
                return send(http.cloud("GET", itemPath, token));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sim.faults().hits("GET", "/api/v2/simulator/items/*") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, sim.faults().hits("GET", "/api/v2/simulator/items/*"), "the request reached the simulator");
        assertFalse(held.isDone(), "held until released");
        release.complete(null);
        assertEquals(504, held.get(10, TimeUnit.SECONDS).getStatus(), "then answered as the rule says");
        assertEquals(200, send(http.cloud("GET", itemPath, token)).getStatus(), "once");
    }

    @Test
    void delayWithStatus() throws Exception {
        sim.faults().on("GET", "/api/v2/simulator/items/*").delay(Duration.ofMillis(200)).status(504).times(1);
        long start = System.nanoTime();
        ContentResponse response = send(http.cloud("GET", itemPath, token));
        assertEquals(504, response.getStatus());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 180);
    }

    @Test
    void dropClosesTheConnectionWithoutAResponse() throws Exception {
        sim.faults().on("GET", "/api/v2/simulator/items/*").drop().times(1);
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> send(http.cloud("GET", itemPath, token)));
        assertInstanceOf(IOException.class, rootCause(failure), failure.toString());
        assertEquals(200, send(http.cloud("GET", itemPath, token)).getStatus(), "the next request is served");
        assertEquals(1, sim.faults().hits("GET", "/api/v2/simulator/items/*"));
    }

    @Test
    void ruleWithoutTimesAppliesUntilCleared() throws Exception {
        sim.faults().on("GET", "/api/v2/**").status(500);
        for (int i = 0; i < 3; i++) {
            assertEquals(500, send(http.cloud("GET", itemPath, token)).getStatus());
        }
        sim.faults().clear();
        assertEquals(200, send(http.cloud("GET", itemPath, token)).getStatus());
        assertEquals(3, sim.faults().hits("GET", "/api/v2/**"), "hits survive clear()");
    }

    @Test
    void firstMatchingRuleWinsAndMethodsMatter() throws Exception {
        sim.faults().on("POST", "/api/v2/simulator/items/*").status(500);
        sim.faults().on("GET", itemPath).status(502).times(1);
        sim.faults().on("*", "/api/v2/simulator/items/*").status(503).times(1);
        assertEquals(502, send(http.cloud("GET", itemPath, token)).getStatus());
        assertEquals(503, send(http.cloud("GET", itemPath, token)).getStatus());
        assertEquals(200, send(http.cloud("GET", itemPath, token)).getStatus());
    }

    @Test
    void tokenEndpointsCanFailToo() throws Exception {
        sim.faults().on("POST", "/oauth/token").status(503).times(1);
        ContentResponse response = http.cloudTokenResponse("cloud-client", "cloud-secret", "client_credentials");
        assertEquals(503, response.getStatus());
        http.cloudToken();
        assertEquals(3, sim.tokens().requestCount(), "faulted token requests count too (one in @BeforeEach)");
    }

    @Test
    void adminEndpoints() throws Exception {
        ContentResponse added = send(json(http.request("POST", "/simulator/faults"),
                "{\"method\":\"GET\",\"path\":\"/api/v2/simulator/items/*\",\"status\":429,"
                        + "\"headers\":{\"Retry-After\":\"3\"},\"times\":2}"));
        assertEquals(201, added.getStatus(), added.getContentAsString());
        ContentResponse faulted = send(http.cloud("GET", itemPath, token));
        assertEquals(429, faulted.getStatus());
        assertEquals("3", faulted.getHeaders().get("Retry-After"));

        assertEquals(1, body(send(http.get("/simulator/faults"))).get("rules").size());
        assertEquals(204, send(http.request("DELETE", "/simulator/faults")).getStatus());
        assertEquals(200, send(http.cloud("GET", itemPath, token)).getStatus());

        send(json(http.request("POST", "/simulator/faults"),
                "{\"path\":\"/api/v2/simulator/items/*\",\"body\":\"{oops\",\"times\":1}"));
        assertEquals("{oops", send(http.cloud("GET", itemPath, token)).getContentAsString());

        send(json(http.request("POST", "/simulator/faults"), "{\"path\":\"/api/v2/simulator/items/*\",\"drop\":true,\"times\":1}"));
        assertThrows(ExecutionException.class, () -> send(http.cloud("GET", itemPath, token)));

        assertEquals(400, send(json(http.request("POST", "/simulator/faults"), "{\"status\":500}")).getStatus());
        assertEquals(400, send(json(http.request("POST", "/simulator/faults"), "{\"path\":\"/x\",\"status\":5000}")).getStatus());
        assertEquals(0, sim.faults().rules().stream().filter(FaultRule::isActive).count(), "bad rules are not added");

        assertEquals(200, send(http.request("POST", "/simulator/tokens/revoke")).getStatus());
        assertEquals(401, send(http.cloud("GET", itemPath, token)).getStatus());

        int before = sim.requests().total();
        assertEquals(204, send(http.request("POST", "/simulator/reset")).getStatus());
        assertEquals(0, sim.items().count());
        assertEquals(0, sim.requests().total(), "reset, and admin calls are not counted (was " + before + ")");
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
