package io.camelgenesys.examples.quarkus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.contacts.model.ExternalContact;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example application as {@code @QuarkusTest}: no Genesys, no test resource, Dev Services' simulator. The CRM
 * sync upserts the sample file's valid rows and dead-letters the bad one, a second export updates in place,
 * the reconciliation scan and the agent-state stream run, and readiness shows the connection and the consumer.
 */
@QuarkusTest
class GenesysExamplesQuarkusTest {

    private static final Map<String, String> VALID_ROWS = new TreeMap<>(Map.of(
            "ada.lovelace@example.com", "Analyst", "grace.hopper@example.com", "Rear Admiral",
            "alan.turing@example.com", "Mathematician", "katherine.johnson@example.com", "Research Mathematician",
            "edsger.dijkstra@example.com", "Professor", "barbara.liskov@example.com", "Institute Professor",
            "donald.knuth@example.com", "Professor Emeritus", "frances.allen@example.com", "IBM Fellow",
            // crm-1009 has no last name, which Genesys accepts (no contact field is required)
            "linus@example.com", "Maintainer"));

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate template;

    @ConfigProperty(name = "example.work-dir")
    String workDir;

    @Test
    void crmSyncUpsertsValidRowsDeadLettersBadOnesAndIsIdempotent() throws Exception {
        Path work = Path.of(workDir);
        Path rejected = work.resolve("crm-errors/crm-contacts-rejected.txt");
        ExampleFiles.await("the sample file is done", Duration.ofSeconds(60),
                () -> Files.exists(work.resolve("crm-inbox/.done/crm-contacts.csv")), done -> done);
        // the one bad row (crm-1008, an invalid email) is dead-lettered with its reason, the others go on
        List<String> rejectedLines = ExampleFiles.lines(rejected);
        assertEquals(1, rejectedLines.size(), rejectedLines.toString());
        assertTrue(rejectedLines.get(0).startsWith("crm-1008\t") && rejectedLines.get(0).contains("workEmail"),
                rejectedLines.get(0));
        assertEquals(VALID_ROWS, titlesByEmail());

        // a second export with a changed title: the same contact is updated, nothing is created
        Files.writeString(work.resolve("crm-inbox/.crm-update.tmp"),
                "crm_id,first_name,last_name,work_email,work_phone,title\n"
                + "crm-1001,Ada,Lovelace,ada.lovelace@example.com,+1 555 0100 1001,Countess\n",
                StandardCharsets.UTF_8);
        Files.move(work.resolve("crm-inbox/.crm-update.tmp"), work.resolve("crm-inbox/crm-update.csv"));
        ExampleFiles.await("the update file is done", Duration.ofSeconds(30),
                () -> Files.exists(work.resolve("crm-inbox/.done/crm-update.csv")), done -> done);
        Map<String, String> expected = new TreeMap<>(VALID_ROWS);
        expected.put("ada.lovelace@example.com", "Countess");
        assertEquals(expected, titlesByEmail());
    }

    @Test
    void agentStatesStreamAndTheReconciliationScanRuns() {
        NotifyBuilder states = new NotifyBuilder(context).fromRoute("agent-states").whenCompleted(4).create();
        NotifyBuilder scans = new NotifyBuilder(context).fromRoute("contacts-reconciliation").whenCompleted(1).create();
        assertTrue(states.matches(30, TimeUnit.SECONDS), "agent-state updates arrive from the simulator's generator");
        assertTrue(scans.matches(30, TimeUnit.SECONDS), "the reconciliation scan polls");
    }

    @Test
    void readinessShowsTheContactsConnectionAndTheAgentStateConsumer() throws InterruptedException {
        // the Cloud connection's own check (the CRM sync's producers use it), from Camel's registry
        ExampleFiles.await("the genesys-contacts connection is ready", Duration.ofSeconds(60),
                () -> HealthCheckRegistry.get(context).stream()
                        .filter(c -> c.isReadiness() && c.getId().startsWith("genesys-connection-cloud"))
                        .map(c -> c.call().getState()).toList(),
                states -> states.equals(List.of(HealthCheck.State.UP)));
        // the agent-state consumer's check (its CometD session and subscription)
        ExampleFiles.await("the agent-states consumer is ready", Duration.ofSeconds(60),
                () -> HealthCheckHelper.invoke(context, "consumer:agent-states", Map.of())
                        .map(HealthCheck.Result::getState).orElse(null),
                state -> state == HealthCheck.State.UP);
        when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"));
    }

    /** Every contact in Genesys (the simulator), read with the cursor scan. */
    private Map<String, String> titlesByEmail() {
        Iterator<?> all = template.requestBody("genesys-contacts:scan?pageAll=true", null, Iterator.class);
        List<ExternalContact> contacts = new ArrayList<>();
        all.forEachRemaining(c -> contacts.add((ExternalContact) c));
        Map<String, String> titles = new TreeMap<>();
        for (ExternalContact c : contacts) {
            titles.put(c.getWorkEmail(), c.getTitle());
        }
        assertEquals(contacts.size(), titles.size(), "one contact per CRM row, no duplicates: " + contacts.size());
        return titles;
    }
}
