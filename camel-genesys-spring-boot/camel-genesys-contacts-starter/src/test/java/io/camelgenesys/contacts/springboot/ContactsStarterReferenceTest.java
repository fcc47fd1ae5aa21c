package io.camelgenesys.contacts.springboot;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An option that takes a bean given a value that is no bean reference ({@code genesysSsl} instead of
 * {@code #bean:genesysSsl}) stops the application with a message naming the property and the form it takes, instead
 * of leaving the option unset (a custom truststore silently replaced by the JVM's).
 */
class ContactsStarterReferenceTest {

    @Test
    void aValueThatIsNoReferenceFailsTheStart() {
        Exception e = assertThrows(Exception.class, () -> start(
                "camel.component.genesys-contacts.ssl-context-parameters=genesysSsl"));
        String messages = messages(e);
        assertTrue(messages.contains("camel.component.genesys-contacts.ssl-context-parameters"), messages);
        assertTrue(messages.contains("'genesysSsl' is not a bean reference"), messages);
        assertTrue(messages.contains("#bean:name"), messages);
    }

    @Test
    void anExecutorServiceIsAReferenceToo() {
        Exception e = assertThrows(Exception.class, () -> start("camel.component.genesys-contacts.worker-pool=pool"));
        String messages = messages(e);
        assertTrue(messages.contains("camel.component.genesys-contacts.worker-pool"), messages);
        assertTrue(messages.contains("java.util.concurrent.ExecutorService option takes #bean:name"), messages);
    }

    private static void start(String property) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties(property, "camel.springboot.main-run-controller=false")
                .run()) {
            // started: the option was left unset
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {

        @Bean
        SSLContextParameters genesysSsl() {
            return new SSLContextParameters();
        }
    }
}
