package io.camelgenesys.examples.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example application, unchanged, against a simulator this test starts: only genesys.url (and the scan's timing)
 * is overridden, so the components get their base URL and demo credentials from application.properties.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = { "example.scan.initial-delay=0", "example.scan.delay=300" })
@DirtiesContext
class GenesysSpringBootExampleTest {

    static final GenesysSimulator SIM = GenesysSimulator.builder().build();

    @BeforeAll
    static void startSimulator() {
        SIM.start();
        SIM.statistics().setUpdateInterval(Duration.ofMillis(200));
    }

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("genesys.url", SIM::baseUrl);
    }

    /** Stopping Camel deletes the statistics subscription; then the simulator stops (Spring closes the rest). */
    @AfterAll
    static void stopCamelThenSimulator(@Autowired CamelContext camel) {
        try {
            camel.stop();
            assertEquals(0, SIM.statistics().subscriptionCount(), "subscriptions left after Camel stopped");
        } finally {
            SIM.stop();
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    CamelContext camelContext;

    private List<String> readinessNotUp() {
        return HealthCheckHelper.invokeReadiness(camelContext).stream()
                .filter(r -> r.getState() != HealthCheck.State.UP)
                .map(r -> r.getCheck().getId() + " " + r.getState() + " " + r.getMessage().orElse("") + " "
                          + r.getDetails())
                .toList();
    }

    @Test
    void theSameCrmContactPostedTwiceIsOneGenesysContact() {
        int before = SIM.externalContacts().contactCount();
        Map<String, String> ada = Map.of("crmId", "crm-1001", "firstName", "Ada", "lastName", "Lovelace",
                "email", "ada@example.com", "phone", "+44 20 7946 0000");
        ResponseEntity<Map> first = http.postForEntity("/crm/contacts", ada, Map.class);
        assertEquals(HttpStatus.OK, first.getStatusCode(), String.valueOf(first.getBody()));
        String id = (String) first.getBody().get("genesysId");
        assertNotNull(id);

        ResponseEntity<Map> again = http.postForEntity("/crm/contacts",
                Map.of("crmId", "crm-1001", "firstName", "Ada", "lastName", "King", "email", "ada@example.com"), Map.class);
        assertEquals(id, again.getBody().get("genesysId"));
        assertEquals("King", SIM.externalContacts().contact(id).orElseThrow().get("lastName"));
        assertEquals(before + 1, SIM.externalContacts().contactCount());
    }

    @Test
    void aContactTheComponentRefusesIsA422WithTheReason() {
        ResponseEntity<Map> refused = http.postForEntity("/crm/contacts",
                Map.of("crmId", "crm-1002", "firstName", "Grace", "lastName", "Hopper", "email", "not-an-email"),
                Map.class);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatusCode());
        assertTrue(String.valueOf(refused.getBody().get("error")).contains("workEmail must be a valid email address"),
                String.valueOf(refused.getBody()));
    }

    @Test
    void agentStatesStreamFromTheYamlRoute() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<?, ?> states = http.getForObject("/agent-states", Map.class);
            assertTrue(states.containsKey("Agent:agent1") && states.containsKey("Agent:agent2"), String.valueOf(states));
            assertTrue(((Map<?, ?>) states.get("Agent:agent1")).containsKey("TimeInCurrentState"), String.valueOf(states));
        });
    }

    @Test
    void theXmlRouteScansEveryContact() {
        SIM.externalContacts().seedContacts(7);
        int expected = SIM.externalContacts().contactCount();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(expected,
                http.getForObject("/reconciliation", Map.class).get("lastPollCount")));
    }

    @Test
    void camelHealthChecksShowInTheActuator() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
            assertEquals(HttpStatus.OK, health.getStatusCode(), health.getBody());
            String body = health.getBody();
            assertTrue(body.contains("\"status\":\"UP\""), "Camel readiness checks not UP: " + readinessNotUp() + "\n" + body);
            assertTrue(body.contains("camelHealth"), body);
            assertTrue(body.contains("consumer:agent-states"), body);
            assertTrue(body.contains("genesys-connection-"), body);
            assertFalse(body.contains("cloud-secret") || body.contains("agent1-password") || body.contains("mc-api-key"),
                    "credentials in the health report: " + body);
        });
    }

    @Test
    void genesysMetersShowInTheActuator() {
        ResponseEntity<Map> upserted = http.postForEntity("/crm/contacts", Map.of("crmId", "crm-1003", "firstName",
                "Mary", "lastName", "Jackson", "email", "mary@example.com"), Map.class);
        assertEquals(HttpStatus.OK, upserted.getStatusCode(), String.valueOf(upserted.getBody()));
        // Spring Boot's registry is the one in the Camel registry: camel-genesys' meters are there, tagged
        ResponseEntity<String> requests = http.getForEntity(
                "/actuator/metrics/genesys.requests?tag=operation:enrich", String.class);
        assertEquals(HttpStatus.OK, requests.getStatusCode(), requests.getBody());
        assertTrue(requests.getBody().matches(".*\\{\"statistic\":\"COUNT\",\"value\":[1-9].*"), requests.getBody());
        ResponseEntity<String> tokens = http.getForEntity("/actuator/metrics/genesys.token.refreshes", String.class);
        assertEquals(HttpStatus.OK, tokens.getStatusCode(), tokens.getBody());
        assertFalse(requests.getBody().contains("cloud-secret") || tokens.getBody().contains("cloud-secret"));
    }
}
