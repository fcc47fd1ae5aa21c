package io.camelgenesys.examples.quarkus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged application, as a user starts it ({@code java -jar target/quarkus-app/quarkus-run.jar}): prod mode, so
 * no Dev Services; {@code quarkus.camel-genesys.devservices.in-packaged-app=true} starts the simulator inside it. The
 * routes reach it: the valid rows are upserted and read back by the scan, the bad one is dead-lettered, and readiness
 * is UP with the camel-genesys checks.
 */
@QuarkusIntegrationTest
class GenesysExamplesPackagedIT {

    @Test
    void thePackagedDemoRunsItsRoutesAgainstTheSimulatorItStarted() throws InterruptedException {
        Path work = Path.of(System.getProperty("example.packaged.work-dir"));
        Path log = Path.of("target/quarkus.log");
        // the routes reached the simulator: every valid row was upserted (a contact id came back), and the scan read
        // them back from it; the bad row (crm-1008) was refused by the input checks and dead-lettered
        List<String> upserted = ExampleFiles.await("the valid rows are upserted", Duration.ofSeconds(90),
                () -> ExampleFiles.lines(log).stream().filter(l -> l.contains("CRM sync: upserted crm-")).toList(),
                l -> l.size() >= 9);
        assertEquals(9, upserted.size(), upserted.toString());
        ExampleFiles.await("the reconciliation scan reads the 9 contacts from the simulator", Duration.ofSeconds(90),
                () -> ExampleFiles.lines(log),
                l -> l.stream().anyMatch(line -> line.contains("Reconciliation: the scan read 9 contacts")));
        List<String> rejected = ExampleFiles.lines(work.resolve("crm-errors/crm-contacts-rejected.txt"));
        assertEquals(1, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).startsWith("crm-1008\t") && rejected.get(0).contains("workEmail"), rejected.toString());
        // over HTTP only (another process): ready, with the camel-genesys checks in it (each connection's, or their
        // repository's)
        String ready = ExampleFiles.await("ready", Duration.ofSeconds(60),
                () -> when().get("/q/health/ready").asString(),
                body -> body.contains("\"UP\"") && (body.contains("genesys-connection-") || body.contains("camel-genesys")));
        when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        assertTrue(ready.contains("camel-consumers"), ready);

        assertTrue(ExampleFiles.lines(log).stream()
                        .anyMatch(l -> l.contains("The genesys-simulator runs in this packaged application")),
                "the demo setting is announced");
    }
}
