package io.camelgenesys.contacts.springboot;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.contacts.ContactsComponent;
import io.camelgenesys.contacts.ContactsEndpoint;
import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.jsse.SSLContextParameters;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The starter binds camel.component.genesys-contacts.* (kebab case, as Spring Boot writes it) onto the component, and
 * routes with no option in their URIs talk to the simulator with the bound credentials.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ContactsStarterTest.App.class, properties = {
        "camel.component.genesys-contacts.client-id=cloud-client",
        "camel.component.genesys-contacts.client-secret=cloud-secret",
        "camel.component.genesys-contacts.rate-limit=250",
        "camel.component.genesys-contacts.retry-max-attempts=2",
        // options in milliseconds take a duration, as in Camel Main and a URI
        "camel.component.genesys-contacts.retry-initial-delay=2s",
        "camel.component.genesys-contacts.retry-max-delay=1m30s",
        "camel.component.genesys-contacts.connect-timeout=5000",
        "camel.component.genesys-contacts.output-type=map",
        "camel.component.genesys-contacts.ssl-context-parameters=#bean:genesysSsl",
        "camel.component.genesys-contacts.worker-pool=#bean:genesysPool" })
@DirtiesContext
class ContactsStarterTest {

    /**
     * Started before Spring creates the application (which starts Camel) and stopped after Camel stopped. Not the
     * simulator's JUnit extension: it resets the simulator before each test, after the application started.
     */
    static final GenesysSimulator SIM = GenesysSimulator.builder().build();

    @BeforeAll
    static void startSimulator() {
        SIM.start();
    }

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.genesys-contacts.base-url", SIM::baseUrl);
    }

    @AfterAll
    static void stopCamelThenSimulator(@Autowired CamelContext camel) {
        camel.stop();   // Spring closes the rest (@DirtiesContext)
        SIM.stop();
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    SSLContextParameters genesysSsl;

    @Autowired
    ExecutorService genesysPool;

    @Test
    void propertiesReachTheComponent() {
        ContactsComponent component = camelContext.getComponent("genesys-contacts", ContactsComponent.class);
        assertEquals(250, option(component, "rateLimit"));
        assertEquals(2, option(component, "retryMaxAttempts"));
        assertEquals(2000L, option(component, "retryInitialDelay"), "a duration");
        assertEquals(90_000L, option(component, "retryMaxDelay"), "a duration of two units");
        assertEquals(5000L, option(component, "connectTimeout"), "milliseconds");
        assertEquals("cloud-client", option(component, "clientId"));
        assertEquals(SIM.baseUrl(), option(component, "baseUrl"));
        assertSame(genesysSsl, option(component, "sslContextParameters"), "#bean: reference");
        assertSame(genesysPool, option(component, "workerPool"), "#bean: reference to an ExecutorService");
        // not set: the component keeps its own default
        assertEquals(60000L, option(component, "requestTimeout"));
    }

    @Test
    void routesUseTheBoundCredentials() {
        Map<?, ?> created = template.requestBody("direct:create",
                Map.of("firstName", "Ada", "lastName", "Lovelace", "workEmail", "ada@example.com"), Map.class);
        String id = (String) created.get("id");
        assertNotNull(id);
        assertEquals(1, SIM.externalContacts().contactCount());

        Map<?, ?> read = template.requestBodyAndHeader("direct:get", null, "CamelGenesysContactId", id, Map.class);
        assertEquals("Lovelace", read.get("lastName"));
        assertEquals("ada@example.com", read.get("workEmail"));

        // the bound worker pool reached the route's endpoint (each endpoint copies the component's configuration)
        ContactsEndpoint get = camelContext.getEndpoint("genesys-contacts:get", ContactsEndpoint.class);
        assertSame(genesysPool, get.getConfiguration().getWorkerPool());
    }

    static Object option(ContactsComponent component, String name) {
        return ((PropertyConfigurerGetter) component.getComponentPropertyConfigurer()).getOptionValue(component, name,
                true);
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {

        @Bean
        SSLContextParameters genesysSsl() {
            return new SSLContextParameters();
        }

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService genesysPool() {
            AtomicInteger count = new AtomicInteger();
            return Executors.newFixedThreadPool(2, r -> new Thread(r, "genesys-starter-pool-" + count.incrementAndGet()));
        }

        @Bean
        RouteBuilder contactRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:create").to("genesys-contacts:create");
                    from("direct:get").to("genesys-contacts:get");
                }
            };
        }
    }
}
