package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.core.test.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Options set once on the component, both the ones every camel-genesys component shares (base URL, credentials) and
 * genesys-contacts' own (expand, bulkBatchSize), reach every endpoint, which copies them and may override them in its
 * URI: with Camel Main properties ({@code camel.component.genesys-contacts.<option>}) and a YAML route, and in Java.
 */
class ComponentOptionsRouteTest extends ContactsTestSupport {

    private static final String BULK_ADD = EC + "/bulk/contacts/add";

    private List<Object> people(int n) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Map.of("firstName", "First" + i, "lastName", "Last" + i));
        }
        return list;
    }

    /** A contact of an organization: expand=externalOrganization embeds the organization's name in a get. */
    private String contactOfAnOrganization(ProducerTemplate template, String uriOptions) {
        ExternalOrganization org = template.requestBody("genesys-contacts:createOrganization?" + uriOptions,
                Map.of("name", "Acme"), ExternalOrganization.class);
        return template.requestBody("genesys-contacts:create?" + uriOptions, Map.of("firstName", "Ada", "lastName",
                "Lovelace", "externalOrganization", Map.of("id", org.getId())), ExternalContact.class).getId();
    }

    @Test
    void camelMainPropertiesBindSharedAndContactsOptionsForAYamlRoute() throws Exception {
        String id = contactOfAnOrganization(template, io.camelgenesys.core.test.SimulatorSupport.cloud(sim()));
        LogCapture log = LogCapture.install();
        Main main = new Main();
        try {
            main.configure().withRoutesIncludePattern("classpath:routes/component-options.yaml");
            main.addOverrideProperty("camel.component.genesys-contacts.base-url", sim().baseUrl());
            main.addOverrideProperty("camel.component.genesys-contacts.client-id", sim().cloudClientId());
            // the nested form binds too
            main.addOverrideProperty("camel.component.genesys-contacts.configuration.client-secret",
                    sim().cloudClientSecret());
            main.addOverrideProperty("camel.component.genesys-contacts.expand", "externalOrganization");
            main.addOverrideProperty("camel.component.genesys-contacts.bulk-batch-size", "2");
            main.start();
            CamelContext camel = main.getCamelContext();
            ProducerTemplate producer = camel.createProducerTemplate();

            ExternalContact got = producer.requestBodyAndHeader("direct:get", null, ContactsConstants.CONTACT_ID, id,
                    ExternalContact.class);
            assertEquals("Acme", got.getExternalOrganization().getName(), "the component's expand was sent");
            ExternalContact unexpanded = producer.requestBodyAndHeader("direct:get-unexpanded", null,
                    ContactsConstants.CONTACT_ID, id, ExternalContact.class);
            assertNull(unexpanded.getExternalOrganization().getName(), "the endpoint's expand overrides it");

            int before = sim().requests().count("POST", BULK_ADD);
            List<?> stored = producer.requestBody("direct:bulk", people(5), List.class);
            assertEquals(5, stored.size());
            assertEquals(3, sim().requests().count("POST", BULK_ADD) - before, "batches of the component's 2");
            log.assertNoneContains(List.of(sim().cloudClientSecret()));
        } finally {
            main.stop();
            log.uninstall();
        }
    }

    @Test
    void javaSetsThemOnTheComponentAndEachEndpointKeepsItsOwnCopy() throws Exception {
        String id = contactOfAnOrganization(template, io.camelgenesys.core.test.SimulatorSupport.cloud(sim()));
        ContactsComponent component = new ContactsComponent();
        ContactsConfiguration defaults = component.getConfiguration();
        defaults.setBaseUrl(sim().baseUrl());
        defaults.setClientId(sim().cloudClientId());
        defaults.setClientSecret(sim().cloudClientSecret());
        defaults.setExpand("externalOrganization");
        defaults.setBulkBatchSize(2);
        // a paging default of the component is no error on the endpoints of operations that do not page (get)
        defaults.setPageSize(50);
        context.addComponent("genesys-crm", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:java-get").to("genesys-crm:get");
                from("direct:java-bulk").to("genesys-crm:bulkAdd");
            }
        });
        ContactsEndpoint endpoint = context.getEndpoint("genesys-crm:get", ContactsEndpoint.class);
        // a later change of the component does not reach an endpoint that exists: it has its own copy
        defaults.setExpand(null);
        assertEquals("externalOrganization", endpoint.getConfiguration().getExpand());

        ExternalContact got = template.requestBodyAndHeader("direct:java-get", null, ContactsConstants.CONTACT_ID, id,
                ExternalContact.class);
        assertEquals("Acme", got.getExternalOrganization().getName());
        int before = sim().requests().count("POST", BULK_ADD);
        assertInstanceOf(List.class, template.requestBody("direct:java-bulk", people(3)));
        assertEquals(2, sim().requests().count("POST", BULK_ADD) - before, "batches of 2");

        // ... but in the URI of such an operation it would be ignored without a word, so the route fails to start
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:java-get-paged").to("genesys-crm:get?pageSize=10");
            }
        }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("pageSize: genesys-crm:get is not paged"), root.getMessage());
    }
}
