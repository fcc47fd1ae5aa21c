package io.camelgenesys.simulator;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A static extension shared by several test classes stops the simulator after each: the next class must not need the
 * ports it had, which any socket of the machine may have taken meanwhile (a CI run once could not bind one).
 */
class GenesysSimulatorPortsTest {

    @Test
    void aClassThatFindsThePortsOfTheOneBeforeTakenStartsOnFreeOnesWhileARestartKeepsThem() throws Exception {
        GenesysSimulator sim = GenesysSimulator.builder().build();
        GenesysSimulatorExtension shared = new GenesysSimulatorExtension(sim);
        shared.beforeAll(null); // the first class
        int port = sim.port();
        int storagePort = URI.create(sim.udm().storageUrl()).getPort();
        sim.stop();
        sim.start(); // a restart within a test: the same ports, so that clients reconnect
        assertEquals(port, sim.port());
        assertEquals(storagePort, URI.create(sim.udm().storageUrl()).getPort());
        shared.afterAll(null);

        try (ServerSocket api = new ServerSocket(); ServerSocket storage = new ServerSocket()) {
            api.bind(new InetSocketAddress("127.0.0.1", port));
            storage.bind(new InetSocketAddress("127.0.0.1", storagePort));
            // the failure a class met before: its predecessor's port, taken meanwhile
            IllegalStateException taken = assertThrows(IllegalStateException.class, sim::start);
            assertTrue(taken.getMessage().contains(String.valueOf(port)), taken.getMessage());

            shared.beforeAll(null); // the next class
            assertTrue(sim.isRunning());
            assertNotEquals(port, sim.port());
            assertNotEquals(storagePort, URI.create(sim.udm().storageUrl()).getPort());
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v2/simulator/items")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), "the simulator answers on its new port (no token: 401)");
        } finally {
            shared.afterAll(null);
        }
    }
}
