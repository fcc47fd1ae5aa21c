package io.camelgenesys.quarkus.it.statistics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.camelgenesys.core.GenesysComponent;
import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.statistics.StatisticsConstants;
import io.camelgenesys.statistics.model.PeekedStatisticValue;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * genesys-stats in a Quarkus application (JVM mode) with no test resource: Dev Services started the simulator with its
 * statistics generator. The subscribe consumer streams initial values then updates over CometD, the getValue producer
 * answers, the component options are bound, and the connection and consumer checks are under {@code /q/health/ready}.
 */
@QuarkusTest
class StatisticsQuarkusTest {

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext context;

    @ConfigProperty(name = "quarkus.camel-genesys.devservices.base-url")
    String simulator;

    @Test
    void subscribeConsumerStreamsInitialValuesThenUpdates() throws InterruptedException {
        MockEndpoint states = context.getEndpoint("mock:agent-states", MockEndpoint.class);
        List<Exchange> received = await(Duration.ofSeconds(30), states, all -> events(all, "InitialValues").size() >= 2
                && !events(all, "StatisticUpdate").isEmpty());
        // one initial value per subscribed statistic, then the generator's updates
        assertEquals(2, events(received, "InitialValues").size(), "two statistics subscribed");
        for (Exchange e : received) {
            assertNotNull(e.getMessage().getBody(), "a value body");
        }
    }

    @Test
    void getValueProducerAnswers() {
        PeekedStatisticValue value = template.requestBody("direct:get-value", null, PeekedStatisticValue.class);
        assertEquals("CurrentAgentState", value.getName());
        assertEquals("agent2", value.getObjectId());
        assertNotNull(value.getValue());
    }

    @Test
    void componentPropertiesAreBoundAndDevServicesSuppliedTheConnection() {
        GenesysConfiguration c = context.getComponent("genesys-stats", GenesysComponent.class).getConfiguration();
        assertEquals(20000, c.getRequestTimeout());
        assertEquals(4, c.getRetryMaxAttempts());
        assertEquals(simulator, c.getBaseUrl());
        assertNotNull(c.getApiKey(), "the Multicloud x-api-key of the simulator");
    }

    @Test
    void readinessShowsTheConnectionAndTheConsumerUp() throws InterruptedException {
        // the consumer is UP once its CometD session is connected and its subscription live
        await(Duration.ofSeconds(30), context.getEndpoint("mock:agent-states", MockEndpoint.class), all -> !all.isEmpty());
        // a first value comes with the create's REST answer, which may be there before the answer to the CometD
        // session's first /meta/connect (another connection) on a loaded machine: wait for the consumer's own check
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (HealthCheckHelper.invoke(context, "consumer:agent-states", Map.of()).map(HealthCheck.Result::getState)
                .orElse(HealthCheck.State.DOWN) != HealthCheck.State.UP && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // Camel Quarkus reports Camel's consumers repository as one check, camel-consumers
        when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'camel-consumers' }.status", is("UP"));
        // the connection's own check, through Camel's registry
        assertEquals(List.of(HealthCheck.State.UP), HealthCheckRegistry.get(context).stream()
                .filter(c -> c.isReadiness() && c.getId().startsWith("genesys-connection-multicloud"))
                .map(c -> c.call().getState()).toList());
        // ... and the consumer's own check is in it
        HealthCheck.Result consumer = HealthCheckHelper.invoke(context, "consumer:agent-states", Map.of())
                .orElseThrow(() -> new AssertionError("no consumer:agent-states readiness check"));
        assertEquals(HealthCheck.State.UP, consumer.getState(), consumer.getMessage().orElse(""));
    }

    private static List<Exchange> events(List<Exchange> exchanges, String type) {
        return exchanges.stream()
                .filter(e -> type.equals(e.getMessage().getHeader(StatisticsConstants.EVENT_TYPE)))
                .toList();
    }

    /** Polls what the mock received until the condition holds (no awaitility in this registry). */
    private static List<Exchange> await(Duration timeout, MockEndpoint mock, Predicate<List<Exchange>> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Exchange> received = List.copyOf(mock.getReceivedExchanges());
            if (condition.test(received)) {
                return received;
            }
            Thread.sleep(100);
        }
        fail("Not received within " + timeout + ": " + mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeaders().toString()).toList());
        return List.of();
    }
}
