package io.camelgenesys.contacts.springboot;

import io.camelgenesys.contacts.ContactsComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * camel.component.genesys-contacts.enabled=false turns the starter off: the properties are not bound (which also shows
 * that in ContactsStarterTest it is the starter, not Camel Spring Boot itself, that binds them).
 */
@CamelSpringBootTest
@SpringBootTest(classes = ContactsStarterDisabledTest.App.class, properties = {
        "camel.component.genesys-contacts.enabled=false",
        "camel.component.genesys-contacts.client-id=cloud-client",
        "camel.component.genesys-contacts.rate-limit=250" })
class ContactsStarterDisabledTest {

    @Autowired
    CamelContext camelContext;

    @Autowired
    ApplicationContext applicationContext;

    @Test
    void nothingIsBound() {
        assertTrue(applicationContext.getBeansOfType(ContactsComponentConfiguration.class).isEmpty());
        ContactsComponent component = camelContext.getComponent("genesys-contacts", ContactsComponent.class);
        assertNull(ContactsStarterTest.option(component, "clientId"));
        assertEquals(300, ContactsStarterTest.option(component, "rateLimit"), "the component's default");
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {
    }
}
