package io.camelgenesys.contacts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelgenesys.contacts.model.ContactImportSettings;
import io.camelgenesys.contacts.model.CsvSettings;
import io.camelgenesys.contacts.model.ExternalSource;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job-wait options (core's {@code GenesysJobWaitConfiguration}) keep their genesys-contacts names and defaults:
 * set once at component level with Camel Main properties ({@code camel.component.genesys-contacts.wait-timeout}) they
 * reach every endpoint, an endpoint URI overrides them, genesys-contacts' own default of {@code failedStatuses}
 * (Failed,Cancelled) stays, and a wait that cannot work fails the route naming the options.
 */
class JobWaitOptionsRouteTest extends ContactsTestSupport {

    private static final String CSV = "First,Last,Email\nAda,Lovelace,ada@example.com\nAlan,Turing,alan@example.com\n";

    private String csvSettingsId;

    @BeforeEach
    void settings() throws Exception {
        ExternalSource source = body("createExternalSource", "", Map.of("name", "CRM", "active", true),
                ExternalSource.class);
        ContactImportSettings settings = body("createImportSettings", "", Map.of("name", "CRM import",
                "mergeContacts", true, "externalSourceId", source.getId(), "matchingCriteria", List.of("workEmail"),
                "importFields", List.of(Map.of("name", "workEmail", "included", true))), ContactImportSettings.class);
        CsvSettings csv = body("createCsvSettings", "", Map.of("externalSettingsId", settings.getId(), "mappings",
                List.of(Map.of("sourceField", "First", "targetField", "firstName"),
                        Map.of("sourceField", "Last", "targetField", "lastName"),
                        Map.of("sourceField", "Email", "targetField", "workEmail"))), CsvSettings.class);
        csvSettingsId = csv.getId();
    }

    @Test
    void waitOptionsSetOnTheComponentReachEveryEndpointAndTheUriOverridesThem() throws Exception {
        // each job takes 1.5 s: longer than the component's waitTimeout, shorter than the URI's
        sim().externalContacts().jobProcessingDelay(Duration.ofMillis(1_500));
        Main main = new Main();
        try {
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:import").to("genesys-contacts:importContacts?settingsId=" + csvSettingsId);
                    from("direct:import-patient")
                            .to("genesys-contacts:importContacts?settingsId=" + csvSettingsId + "&waitTimeout=30000");
                }
            });
            main.addOverrideProperty("camel.component.genesys-contacts.base-url", sim().baseUrl());
            main.addOverrideProperty("camel.component.genesys-contacts.client-id", sim().cloudClientId());
            main.addOverrideProperty("camel.component.genesys-contacts.client-secret", sim().cloudClientSecret());
            main.addOverrideProperty("camel.component.genesys-contacts.wait-for-completion", "true");
            main.addOverrideProperty("camel.component.genesys-contacts.wait-timeout", "400");
            main.addOverrideProperty("camel.component.genesys-contacts.wait-poll-delay", "20");
            // the camelCase spelling binds too
            main.addOverrideProperty("camel.component.genesys-contacts.waitPollMaxDelay", "100");
            main.start();
            ProducerTemplate producer = main.getCamelContext().createProducerTemplate();

            // the component's waitForCompletion and waitTimeout: the endpoint waits, and gives up after 400 ms
            CamelExecutionException timedOut = assertThrows(CamelExecutionException.class,
                    () -> producer.requestBody("direct:import", CSV));
            ContactsJobException e = assertInstanceOf(ContactsJobException.class, timedOut.getCause());
            assertTrue(e.isTimedOut(), e.getMessage());
            assertTrue(e.getMessage().contains("did not finish within waitTimeout"), e.getMessage());

            // the URI's waitTimeout overrides it; the component's waitForCompletion still applies
            ImportResult result = producer.requestBody("direct:import-patient", CSV, ImportResult.class);
            assertTrue(result.isCompleted());
            assertEquals(2, result.getSuccessCount());

            // genesys-contacts' default failedStatuses (Failed,Cancelled) reached the endpoint: a failed job fails
            // the exchange at once instead of being waited for until waitTimeout
            ContactsConfiguration defaults = main.getCamelContext()
                    .getComponent("genesys-contacts", ContactsComponent.class).getConfiguration();
            assertEquals("Failed,Cancelled", defaults.getFailedStatuses());
            assertEquals(400, defaults.getWaitTimeout());
            sim().externalContacts().failNextJob("Quota used up");
            long start = System.nanoTime();
            CamelExecutionException failed = assertThrows(CamelExecutionException.class,
                    () -> producer.requestBody("direct:import-patient", CSV));
            ContactsJobException f = assertInstanceOf(ContactsJobException.class, failed.getCause());
            assertTrue(f.isFailed(), f.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 25, "not waited for until waitTimeout");
        } finally {
            main.stop();
        }
    }

    @Test
    void aWaitThatCannotWorkFailsTheEndpointNamingTheOptions() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad-wait").to(contacts("importContacts", "waitPollDelay=500&waitPollMaxDelay=100"));
            }
        }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("waitPollMaxDelay at least waitPollDelay, were 3600000, 500 and 100 ms"),
                root.getMessage());
    }
}
