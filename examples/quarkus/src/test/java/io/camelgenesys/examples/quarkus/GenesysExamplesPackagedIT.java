package io.camelgenesys.examples.quarkus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged application, as a user starts it ({@code java -jar target/quarkus-app/quarkus-run.jar}): prod mode, so
 * no Dev Services; {@code quarkus.camel-genesys.devservices.in-packaged-app=true} starts the simulator inside it. The
 * routes reach it: the bad rows are dead-lettered after Genesys (the simulator) or the input checks refused them, and
 * readiness shows both connections UP.
 */
@QuarkusIntegrationTest
class GenesysExamplesPackagedIT {

    @Test
    void thePackagedDemoRunsItsRoutesAgainstTheSimulatorItStarted() throws InterruptedException {
        Path work = Path.of(System.getProperty("example.packaged.work-dir"));
        List<String> rejected = ExampleFiles.await("the bad rows are dead-lettered", Duration.ofSeconds(90),
                () -> ExampleFiles.lines(work.resolve("crm-errors/crm-contacts-rejected.txt")), l -> l.size() >= 2);
        assertTrue(rejected.get(1).startsWith("crm-1009\t") && rejected.get(1).contains("HTTP 400"),
                "the simulator refused the row without lastName: " + rejected);
        // over HTTP only (another process): ready, with the camel-genesys checks in it (each connection's, or their
        // repository's)
        String ready = ExampleFiles.await("ready", Duration.ofSeconds(60),
                () -> when().get("/q/health/ready").asString(),
                body -> body.contains("\"UP\"") && (body.contains("genesys-connection-") || body.contains("camel-genesys")));
        when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        assertTrue(ready.contains("camel-consumers"), ready);

        List<String> log = ExampleFiles.lines(Path.of("target/quarkus.log"));
        assertTrue(log.stream().anyMatch(l -> l.contains("The genesys-simulator runs in this packaged application")),
                "the demo setting is announced");
    }
}
