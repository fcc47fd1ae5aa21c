package io.camelgenesys.quarkus.it.contacts;

import java.util.List;

import io.camelgenesys.contacts.ContactsConstants;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.GenesysComponent;
import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.quarkus.core.GenesysSimulatorBinding;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * genesys-contacts in a Quarkus application (JVM mode) with no test resource: Dev Services started the simulator.
 * The YAML routes of {@code src/main/resources/routes} call it; the component options of application.properties are
 * bound; the connection's readiness check is under {@code /q/health/ready} and its meters under {@code /q/metrics}.
 */
@QuarkusTest
class ContactsQuarkusTest {

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext context;

    @ConfigProperty(name = "quarkus.camel-genesys.devservices.base-url")
    String simulator;

    @Test
    void producerCreatesReadsAndSearchesThroughYamlRoutes() {
        String lastName = "Quarkus-" + System.nanoTime();
        for (String first : List.of("Ada", "Alan", "Grace")) {
            ExternalContact contact = new ExternalContact();
            contact.setFirstName(first);
            contact.setLastName(lastName);
            ExternalContact created = template.requestBody("direct:create-contact", contact, ExternalContact.class);
            assertNotNull(created.getId(), "the simulator gave the contact an id");

            ExternalContact read = template.requestBodyAndHeader("direct:get-contact", null,
                    ContactsConstants.CONTACT_ID, created.getId(), ExternalContact.class);
            assertEquals(first, read.getFirstName());
        }
        List<?> found = template.requestBodyAndHeader("direct:search-contacts", null, ContactsConstants.Q, lastName,
                List.class);
        assertEquals(List.of(lastName, lastName, lastName), found);
    }

    @Test
    void componentPropertiesAreBoundAndDevServicesSuppliedTheConnection() {
        GenesysConfiguration c = context.getComponent("genesys-contacts", GenesysComponent.class).getConfiguration();
        // from application.properties
        assertEquals(120, c.getRateLimit());
        assertEquals(15000, c.getRequestTimeout());
        assertEquals(3, c.getRetryMaxAttempts());
        assertEquals(50, c.getPageSize());
        // from Dev Services
        assertTrue(simulator.startsWith("http://127.0.0.1:"), simulator);
        assertEquals(simulator, c.getBaseUrl());
        assertNotNull(c.getClientId());
    }

    @Test
    void metricsShowTheRequestsOfTheConnection() {
        ExternalContact contact = new ExternalContact();
        contact.setFirstName("Metrics");
        template.requestBody("direct:create-contact", contact, ExternalContact.class);

        // camel-quarkus-micrometer puts Quarkus' registry in Camel's, where camel-genesys finds it
        String metrics = when().get("/q/metrics").then().statusCode(200).extract().asString();
        // one series per status and outcome; the creates of this test class all succeeded
        List<String> creates = metrics.lines()
                .filter(l -> l.startsWith("genesys_requests_seconds_count{") && l.contains("operation=\"create\"")
                             && l.contains("outcome=\"SUCCESS\"") && l.contains("connection=\"cloud-"))
                .toList();
        assertEquals(1, creates.size(), metrics);
        String count = creates.get(0).substring(creates.get(0).lastIndexOf(' ') + 1);
        assertTrue(Double.parseDouble(count) >= 1, creates.get(0));
        assertFalse(metrics.contains(GenesysSimulatorBinding.CLIENT_SECRET), "no credential in a tag");
    }

    @Test
    void readinessShowsTheGenesysConnectionUp() {
        // a call opens the shared connection, which registers its readiness check
        ExternalContact contact = new ExternalContact();
        contact.setFirstName("Health");
        contact.setLastName("Check");
        template.requestBody("direct:create-contact", contact, ExternalContact.class);

        // Camel Quarkus shows the camel-genesys repository (each connection's check) as one readiness check
        when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'camel-genesys' }.status", is("UP"));
        // a connection's check is about readiness only: Genesys unreachable must not make Kubernetes restart the pod
        String live = when().get("/q/health/live").then().extract().asString();
        assertFalse(live.contains("camel-genesys") || live.contains("genesys-connection"), live);
        // the connection's own check, from Camel's registry
        assertEquals(List.of(HealthCheck.State.UP), HealthCheckRegistry.get(context).stream()
                .filter(c -> c.isReadiness() && c.getId().startsWith("genesys-connection-cloud"))
                .map(c -> c.call().getState()).toList());
    }
}
