package io.camelgenesys.quarkus.it.udm;

import java.util.List;

import io.camelgenesys.core.GenesysComponent;
import io.camelgenesys.udm.UdmConfiguration;
import io.camelgenesys.udm.model.DataType;
import io.camelgenesys.udm.model.VersionInfo;
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
 * genesys-udm in a Quarkus application (JVM mode) with no test resource: Dev Services started the simulator. The YAML
 * routes of {@code src/main/resources/routes} call it; the component options of application.properties are bound; the
 * Multicloud connection's readiness check is under {@code /q/health/ready}.
 */
@QuarkusTest
class UdmQuarkusTest {

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext context;

    @ConfigProperty(name = "quarkus.camel-genesys.devservices.base-url")
    String simulator;

    @Test
    void producerCallsReachTheSimulatorThroughYamlRoutes() {
        VersionInfo version = template.requestBody("direct:udm-version", null, VersionInfo.class);
        assertEquals("10.0.0", version.getVersion());

        // the route names no source: the component's (UCS, from application.properties) is sent
        List<?> types = template.requestBody("direct:udm-data-types", null, List.class);
        assertTrue(types.stream().map(t -> ((DataType) t).getName()).toList().contains("Interaction"), types.toString());
    }

    @Test
    void componentPropertiesAreBoundAndDevServicesSuppliedTheConnection() {
        UdmConfiguration c = (UdmConfiguration) context.getComponent("genesys-udm", GenesysComponent.class)
                .getConfiguration();
        // from application.properties, a shared option and a UDM one
        assertEquals(15000, c.getRequestTimeout());
        assertEquals(3, c.getRetryMaxAttempts());
        assertEquals("UCS", c.getSource());
        // a job-wait option, declared once in core, bound by its name; the others keep their defaults
        assertEquals(5000, c.getWaitPollMaxDelay());
        assertEquals(1000, c.getWaitPollDelay());
        // from Dev Services
        assertTrue(simulator.startsWith("http://127.0.0.1:"), simulator);
        assertEquals(simulator, c.getBaseUrl());
        assertNotNull(c.getApiKey());
    }

    @Test
    void readinessShowsTheMulticloudConnectionUp() {
        // a call opens the shared connection, which registers its readiness check
        template.requestBody("direct:udm-version", null, VersionInfo.class);

        when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'camel-genesys' }.status", is("UP"));
        String live = when().get("/q/health/live").then().extract().asString();
        assertFalse(live.contains("camel-genesys") || live.contains("genesys-connection"), live);
        assertEquals(List.of(HealthCheck.State.UP), HealthCheckRegistry.get(context).stream()
                .filter(h -> h.isReadiness() && h.getId().startsWith("genesys-connection-multicloud"))
                .map(h -> h.call().getState()).toList());
    }
}
