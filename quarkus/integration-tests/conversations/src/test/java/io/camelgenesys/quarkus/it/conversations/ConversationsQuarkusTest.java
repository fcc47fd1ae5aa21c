package io.camelgenesys.quarkus.it.conversations;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysComponent;
import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.conversations.UsersConstants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * genesys-conversations and genesys-users (one extension) in a Quarkus application (JVM mode) with no test resource:
 * Dev Services started the simulator and pointed both components at it. The YAML routes of
 * {@code src/main/resources/routes} call it; the component options of application.properties are bound; the Cloud
 * connection's readiness check is under {@code /q/health/ready}.
 */
@QuarkusTest
class ConversationsQuarkusTest {

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext context;

    @ConfigProperty(name = "quarkus.camel-genesys.devservices.base-url")
    String simulator;

    @Test
    void bothComponentsReachTheSimulatorThroughYamlRoutes() {
        // the simulator starts with no conversations and no users
        assertEquals(List.of(), template.requestBody("direct:list-conversations", null, List.class));

        JsonNode found = template.requestBody("direct:search-users", Map.of("query", List.of(Map.of(
                "type", "STARTS_WITH", "fields", List.of("name"), "value", "Agent"))), JsonNode.class);
        assertEquals(0, found.get("total").asInt(), found.toString());

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("direct:get-user", null, UsersConstants.USER_ID, "nobody"));
        assertEquals(404, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());
    }

    @Test
    void componentPropertiesAreBoundAndDevServicesSuppliedTheConnection() {
        GenesysConfiguration conversations = context.getComponent("genesys-conversations", GenesysComponent.class)
                .getConfiguration();
        GenesysConfiguration users = context.getComponent("genesys-users", GenesysComponent.class).getConfiguration();
        // from application.properties
        assertEquals(15000, conversations.getRequestTimeout());
        assertEquals(3, conversations.getRetryMaxAttempts());
        assertEquals(12000, users.getRequestTimeout());
        assertEquals(25, users.getPageSize());
        // from Dev Services, for each component of the module
        assertTrue(simulator.startsWith("http://127.0.0.1:"), simulator);
        assertEquals(simulator, conversations.getBaseUrl());
        assertEquals(simulator, users.getBaseUrl());
        assertNotNull(conversations.getClientId());
        assertNotNull(users.getClientId());
    }

    @Test
    void readinessShowsTheCloudConnectionUp() {
        // a call opens the shared connection, which registers its readiness check
        template.requestBody("direct:list-conversations", null, List.class);

        when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'camel-genesys' }.status", is("UP"));
        String live = when().get("/q/health/live").then().extract().asString();
        assertFalse(live.contains("camel-genesys") || live.contains("genesys-connection"), live);
        // the connection's own checks, from Camel's registry (the two components may share one connection or not)
        List<HealthCheck.State> cloud = HealthCheckRegistry.get(context).stream()
                .filter(h -> h.isReadiness() && h.getId().startsWith("genesys-connection-cloud"))
                .map(h -> h.call().getState()).toList();
        assertFalse(cloud.isEmpty(), "the Cloud connection registered its check");
        assertTrue(cloud.stream().allMatch(HealthCheck.State.UP::equals), cloud.toString());
    }
}
