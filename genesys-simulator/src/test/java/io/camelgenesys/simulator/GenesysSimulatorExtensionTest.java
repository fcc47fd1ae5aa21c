package io.camelgenesys.simulator;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenesysSimulatorExtensionTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(
            GenesysSimulator.builder().tokenLifetime(Duration.ofSeconds(90)));

    static int port;

    @Test
    @Order(1)
    void startedBeforeTheTests() {
        GenesysSimulator sim = SIM.simulator();
        assertTrue(sim.isRunning());
        assertTrue(sim.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"));
        port = sim.port();
        sim.items().seed(3);
        sim.faults().on("*", "/**").status(500);
        sim.tokens().issueAccessToken(Auth.CLOUD, "cloud-client");
        sim.setTokenLifetime(Duration.ofSeconds(5));
        sim.cometd().rejectHandshakes(1, 401);
    }

    @Test
    @Order(2)
    void resetBeforeEachTestOnTheSameServer() {
        GenesysSimulator sim = SIM.simulator();
        assertEquals(port, sim.port(), "one server for the class");
        assertEquals(0, sim.items().count());
        assertTrue(sim.faults().rules().isEmpty());
        assertNull(sim.tokens().lastIssuedAccessToken());
        assertEquals(Duration.ofSeconds(90), sim.tokenLifetime(), "the builder's lifetime is restored");
        assertEquals(0, sim.requests().total());
    }

    @Test
    @Order(3)
    void issuedTokensAreValidUntilRevoked() {
        Tokens tokens = SIM.simulator().tokens();
        String token = tokens.issueAccessToken(Auth.MULTICLOUD, "agent1");
        assertTrue(tokens.isValid(token));
        assertTrue(tokens.revoke(token));
        assertFalse(tokens.isValid(token));
    }

    @Nested
    class NestedTests {
        @Test
        void sharesTheOuterSimulator() {
            assertTrue(SIM.simulator().isRunning());
            assertEquals(port == 0 ? SIM.simulator().port() : port, SIM.simulator().port());
        }
    }
}
