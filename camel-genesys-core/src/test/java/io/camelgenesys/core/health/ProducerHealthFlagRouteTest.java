package io.camelgenesys.core.health;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.test.SimulatorRouteTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection check is a producer check, governed by Camel's global {@code camel.health.producersEnabled} (off by
 * default in Camel; Camel Main and Camel Spring Boot apply it to Camel's {@code producers} repository) as well as by
 * the component's {@code healthCheckProducerEnabled}: under Camel's default settings a Genesys outage does not take
 * the readiness of a producer-only application DOWN.
 */
class ProducerHealthFlagRouteTest extends SimulatorRouteTestSupport {

    @Test
    void aGenesysOutageLeavesReadinessUpUnlessProducerChecksAreEnabledGlobally() throws Exception {
        String from = route(cloud("createItem", "retryEnabled=false")); // a producer-only route
        Exchange ok = template.request(from, x -> x.getMessage().setBody(Map.of("name", "x")));
        assertEquals(null, ok.getException());

        // Genesys fails: the last request got a 503
        sim().faults().on("POST", "/api/v2/simulator/items").status(503);
        Exchange failed = template.request(from, x -> x.getMessage().setBody(Map.of("name", "y")));
        assertNotNull(failed.getException(), "Genesys answered 503");

        // Camel's default (producersEnabled not set): the producer's connection check is not reported, readiness UP
        assertEquals(List.of(), connectionResults(), "not reported with Camel's producer checks off");
        assertTrue(HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(context), true),
                "readiness UP under Camel's default settings");

        // camel.health.producersEnabled=true (what Camel Main / Spring Boot do with it): DOWN, as before
        enableProducerHealthChecks();
        List<HealthCheck.Result> results = connectionResults();
        assertEquals(1, results.size(), results.toString());
        assertEquals(HealthCheck.State.DOWN, results.get(0).getState());
        assertTrue(results.get(0).getMessage().orElse("").contains("HTTP 503"), results.toString());
        assertFalse(HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(context), true));

        // switched off again: gone again
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(false);
        assertEquals(List.of(), connectionResults());
    }

    private List<HealthCheck.Result> connectionResults() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("genesys-connection-")).toList();
    }
}
