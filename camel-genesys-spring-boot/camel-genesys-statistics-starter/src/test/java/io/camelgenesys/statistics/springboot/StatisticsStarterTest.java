package io.camelgenesys.statistics.springboot;

import java.time.Duration;
import java.util.List;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.statistics.StatisticsComponent;
import io.camelgenesys.statistics.StatisticsConstants;
import io.camelgenesys.statistics.model.PeekedStatisticValue;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The starter binds camel.component.genesys-stats.* (Multicloud credentials) for producers and the subscribe consumer,
 * and leaves the options it was not given to the component: platform stays multicloud, genesys-stats' own default
 * (its descriptor documents the shared option's default, cloud).
 */
@CamelSpringBootTest
@SpringBootTest(classes = StatisticsStarterTest.App.class, properties = {
        "camel.component.genesys-stats.api-key=mc-api-key",
        "camel.component.genesys-stats.client-id=mc-client",
        "camel.component.genesys-stats.client-secret=mc-secret",
        "camel.component.genesys-stats.username=agent1",
        "camel.component.genesys-stats.password=agent1-password",
        "camel.component.genesys-stats.request-timeout=20000" })
@DirtiesContext
class StatisticsStarterTest {

    /** Started before Spring creates the application (which starts the consumer) and stopped after Camel stopped. */
    static final GenesysSimulator SIM = GenesysSimulator.builder().build();

    @BeforeAll
    static void startSimulator() {
        SIM.start();
    }

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.genesys-stats.base-url", SIM::baseUrl);
    }

    /** Stopping Camel stops the consumer, which deletes its subscription: nothing is left on Genesys. */
    @AfterAll
    static void stopCamelThenSimulator(@Autowired CamelContext camel) {
        try {
            camel.stop();   // Spring closes the rest (@DirtiesContext)
            assertEquals(0, SIM.statistics().subscriptionCount(), "subscriptions left after Camel stopped");
        } finally {
            SIM.stop();
        }
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @EndpointInject("mock:states")
    MockEndpoint states;

    @Test
    void propertiesReachTheComponent() {
        StatisticsComponent component = camelContext.getComponent("genesys-stats", StatisticsComponent.class);
        PropertyConfigurerGetter configurer = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
        assertEquals("mc-client", configurer.getOptionValue(component, "clientId", true));
        assertEquals(20000L, configurer.getOptionValue(component, "requestTimeout", true));
        assertEquals(GenesysPlatform.multicloud, configurer.getOptionValue(component, "platform", true));
    }

    @Test
    void producerAndConsumerUseTheBoundCredentials() {
        PeekedStatisticValue value = template.requestBody("direct:value", null, PeekedStatisticValue.class);
        assertEquals("CurrentAgentState", value.getName());
        assertEquals("agent1", value.getObjectId());

        // the consumer subscribed when the application started; an update reaches the route
        await().atMost(Duration.ofSeconds(15)).until(() -> SIM.statistics().subscriptionCount() == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> SIM.statistics().publishUpdates() > 0
                                                           && !updates().isEmpty());
        assertNotNull(updates().get(0).getMessage().getBody(), "the statistic's value");
    }

    private List<Exchange> updates() {
        return states.getReceivedExchanges().stream()
                .filter(e -> StatisticsConstants.STATISTIC_UPDATE.equals(
                        e.getMessage().getHeader(StatisticsConstants.EVENT_TYPE)))
                .toList();
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {

        @Bean
        RouteBuilder statisticsRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:value").to("genesys-stats:getValue?statistics=CurrentAgentState:Agent:agent1");
                    from("genesys-stats:subscribe?statistics=CurrentAgentState:Agent:agent2").to("mock:states");
                }
            };
        }
    }
}
