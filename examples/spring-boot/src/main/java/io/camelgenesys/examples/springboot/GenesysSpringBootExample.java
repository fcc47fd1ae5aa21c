package io.camelgenesys.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on the camel-genesys starters: the components are configured by
 * {@code camel.component.genesys-contacts.*} and {@code camel.component.genesys-stats.*} in application.properties,
 * the routes are in Java ({@link CrmUpsertRoute}), YAML ({@code camel/agent-states.yaml}) and XML
 * ({@code camel/contacts-reconciliation.xml}), and Camel's health checks show under {@code /actuator/health}.
 */
@SpringBootApplication
public class GenesysSpringBootExample {

    public static void main(String[] args) {
        SpringApplication.run(GenesysSpringBootExample.class, args);
    }
}
