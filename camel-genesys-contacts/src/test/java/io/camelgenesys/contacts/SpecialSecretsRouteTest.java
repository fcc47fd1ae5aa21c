package io.camelgenesys.contacts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A client secret with the characters a URI gives a meaning to ({@code +} a space, {@code &} the next option,
 * {@code %25} an escape, {@code #} a fragment, {@code =}) reaches Genesys as it is, however a user gives it: a
 * property placeholder in the YAML DSL's parameters (wrapped in RAW(...) by the component's URI factory), RAW(...) in
 * an XML or Java URI, a Camel Main properties file at component level (with a worker pool given as a
 * {@code #bean:} reference there and in the YAML parameters form); and it is never logged, not in Camel Main's
 * start-up summary, its route dumps or an endpoint's {@code toString()}. The simulator accepts only this secret.
 */
class SpecialSecretsRouteTest extends GenesysRouteTestSupport {

    static final String SECRET = "s3+cr&t%25#x=y";

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(
            GenesysSimulator.builder().cloudClient("cloud-client", SECRET));

    private LogCapture log;

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @BeforeEach
    void captureLogs() {
        log = LogCapture.install();
    }

    @AfterEach
    void uninstallCapture() {
        log.uninstall();
    }

    /** The secret as it is, URL-encoded both ways, and in the HTTP Basic header value made of it. */
    private static List<String> secretForms() {
        String encoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        return List.of(SECRET, encoded, encoded.replace("+", "%20"),
                Base64.getEncoder().encodeToString(("cloud-client:" + SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    private void placeholders(CamelContext camel) {
        Properties props = new Properties();
        props.setProperty("genesys.baseUrl", sim().baseUrl());
        props.setProperty("genesys.clientId", "cloud-client");
        props.setProperty("genesys.clientSecret", SECRET);
        camel.getPropertiesComponent().setOverrideProperties(props);
    }

    private void load(String classpathResource) throws Exception {
        placeholders(context);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:" + classpathResource));
    }

    private static Map<String, String> ada() {
        return Map.of("firstName", "Ada", "lastName", "Lovelace");
    }

    @Test
    void aPlaceholderInTheYamlParametersFormKeepsTheSecretAsItIs() throws Exception {
        load("routes/special-secret.yaml");
        ExternalContact created = template.requestBody("direct:yaml-create", ada(), ExternalContact.class);
        assertNotNull(created.getId());
        assertEquals(1, sim().externalContacts().contactCount());
        assertSecretNeverShown();
    }

    @Test
    void rawAroundAPlaceholderInAnXmlUriKeepsTheSecretAsItIs() throws Exception {
        load("routes/special-secret.xml");
        ExternalContact created = template.requestBody("direct:xml-create", ada(), ExternalContact.class);
        assertNotNull(created.getId());
        assertSecretNeverShown();
    }

    @Test
    void rawInAJavaUriKeepsTheSecretAsItIs() throws Exception {
        placeholders(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:java-create").to("genesys-contacts:create?baseUrl={{genesys.baseUrl}}&clientId=cloud-client"
                                              + "&clientSecret=RAW({{genesys.clientSecret}})");
            }
        });
        ExternalContact created = template.requestBody("direct:java-create", ada(), ExternalContact.class);
        assertNotNull(created.getId());
        assertSecretNeverShown();
    }

    @Test
    void aCamelMainPropertiesFileGivesTheSecretAsItIsAndNothingLogsIt() throws Exception {
        Main main = new Main();
        ExecutorService componentPool = Executors.newFixedThreadPool(1, r -> new Thread(r, "component-pool"));
        ExecutorService endpointPool = Executors.newFixedThreadPool(1, r -> new Thread(r, "endpoint-pool"));
        try {
            main.setDefaultPropertyPlaceholderLocation("classpath:special-secret/application.properties");
            main.addOverrideProperty("genesys.baseUrl", sim().baseUrl());
            main.bind("componentPool", componentPool);
            main.bind("endpointPool", endpointPool);
            main.start();
            CamelContext camel = main.getCamelContext();
            ContactsComponent component = camel.getComponent("genesys-contacts", ContactsComponent.class);
            assertEquals(SECRET, component.getConfiguration().getClientSecret(), "the properties file's value as is");
            ProducerTemplate producer = camel.createProducerTemplate();
            assertNotNull(producer.requestBody("direct:component-create", ada(), ExternalContact.class).getId());
            assertNotNull(producer.requestBody("direct:endpoint-pool-create", ada(), ExternalContact.class).getId());
            // the #bean: references: camel.component.genesys-contacts.worker-pool, and workerPool in YAML parameters
            assertSame(componentPool, component.getConfiguration().getWorkerPool());
            assertEquals(List.of(componentPool, endpointPool), camel.getEndpoints().stream()
                    .filter(ContactsEndpoint.class::isInstance).map(e -> ((ContactsEndpoint) e).getConfiguration().getWorkerPool())
                    .distinct().sorted(Comparator.comparing(pool -> pool == componentPool ? 0 : 1)).toList());
            // the routes that take the secret from a placeholder in their URIs
            assertNotNull(producer.requestBody("direct:yaml-create", ada(), ExternalContact.class).getId());
            assertNotNull(producer.requestBody("direct:xml-create", ada(), ExternalContact.class).getId());
            assertEquals(4, sim().externalContacts().contactCount());
            for (Endpoint endpoint : camel.getEndpoints()) {
                for (String form : secretForms()) {
                    assertFalse(endpoint.toString().contains(form), "toString() of " + endpoint.getClass());
                }
            }
            assertFalse(log.events().stream().noneMatch(e -> e.message().toLowerCase().replace("-", "").contains("clientsecret")),
                    "Camel Main's summary of the component properties was logged (and is searched)");
            assertSecretNeverShown();
        } finally {
            main.stop();
            componentPool.shutdownNow();
            endpointPool.shutdownNow();
        }
    }

    /** Neither an endpoint's {@code toString()} (Camel's sanitized URI) nor any log line shows the secret. */
    private void assertSecretNeverShown() {
        for (Endpoint endpoint : context.getEndpoints()) {
            for (String form : secretForms()) {
                assertFalse(endpoint.toString().contains(form), "the endpoint shows the secret: " + endpoint.getClass());
            }
        }
        log.assertNoneContains(secretForms());
    }
}
