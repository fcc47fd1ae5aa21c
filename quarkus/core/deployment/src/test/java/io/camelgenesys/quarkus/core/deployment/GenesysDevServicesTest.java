package io.camelgenesys.quarkus.core.deployment;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.GenesysComponent;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dev Services with nothing configured: the simulator is started before the application, every genesys-* component
 * is bound to it through {@code camel.component.<scheme>.*}, a producer reaches it, the start is logged with the way
 * to turn it off, and the simulator is gone once the application has stopped.
 */
public class GenesysDevServicesTest {

    /** Where the test leaves the simulator's URL for the check after the application stopped (another class loader). */
    private static final String SEEN_URL = "camel-genesys.test.devservices-url";

    private static final CapturedLog LOG = CapturedLog.start(GenesysDevServicesTest.class);

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(CapturedLog.class))
            .setAfterAllCustomizer(GenesysDevServicesTest::simulatorStoppedWithTheApplication);

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate template;

    @Test
    void everyComponentIsBoundToTheSimulatorThroughItsComponentProperties() {
        String url = ConfigProvider.getConfig().getValue("quarkus.camel-genesys.devservices.base-url", String.class);
        System.setProperty(SEEN_URL, url);
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+"), url);
        for (String scheme : new String[] { "genesys-contacts", "genesys-conversations", "genesys-stats", "genesys-udm",
                "genesys-users",
                "genesys-interactions", "genesys-messaging", "genesys-openmedia", "genesys-securemail" }) {
            assertEquals(url, ConfigProvider.getConfig().getValue("camel.component." + scheme + ".base-url", String.class));
            GenesysComponent component = context.getComponent(scheme, GenesysComponent.class);
            assertEquals(url, component.getConfiguration().getBaseUrl(), scheme + " bound by Camel");
            assertNotNull(component.getConfiguration().getClientId(), scheme);
        }
    }

    @Test
    void aProducerReachesTheSimulatorWithTheDevCredentials() throws Exception {
        ExternalContact contact = new ExternalContact();
        contact.setFirstName("Grace");
        contact.setLastName("Hopper");
        ExternalContact created = template.requestBody("genesys-contacts:create", contact, ExternalContact.class);
        assertNotNull(created.getId());

        ExternalContact read = template.requestBodyAndHeader("genesys-contacts:get", null, "CamelGenesysContactId",
                created.getId(), ExternalContact.class);
        assertEquals("Hopper", read.getLastName());

        // the simulator's own admin surface at the same URL: the statistics generator runs (1 s by default)
        String url = ConfigProvider.getConfig().getValue("quarkus.camel-genesys.devservices.base-url", String.class);
        HttpResponse<String> stats = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/simulator/statistics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stats.statusCode());
        assertTrue(stats.body().contains("\"updateIntervalMs\":1000"), stats.body());
    }

    /** Runs after the application and its curated application closed. */
    private static void simulatorStoppedWithTheApplication() {
        String url = System.clearProperty(SEEN_URL);
        assertNotNull(url, "the test saw the simulator");
        List<String> log = LOG.stop();
        assertTrue(log.stream().anyMatch(m -> m.contains("started the genesys-simulator on " + url)
                && m.contains("[genesys-contacts, genesys-conversations, genesys-interactions, genesys-messaging,"
                        + " genesys-notifications, genesys-openmedia, genesys-securemail, genesys-stats, genesys-udm,"
                        + " genesys-users]")
                && m.contains("quarkus.camel-genesys.devservices.enabled=false")),
                "the start is logged with the components served and the way to turn it off: " + log);
        assertTrue(log.stream().anyMatch(m -> m.contains("stopped the genesys-simulator on " + url)), log.toString());
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/simulator/statistics")).build(),
                    HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("The genesys-simulator still answers on " + url + " after the application stopped");
        } catch (ConnectException expected) {
            // stopped with the application
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("Unexpected failure probing " + url, e);
        }
    }
}
