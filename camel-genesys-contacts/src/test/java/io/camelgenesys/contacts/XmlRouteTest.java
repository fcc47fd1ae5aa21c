package io.camelgenesys.contacts;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelgenesys.contacts.model.ExternalContact;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XML DSL routes (camel-xml-io-dsl) loaded from a test resource, as users deploy them: upsert, rejection, a patch
 * change list, a scan aggregated per poll (the XML examples of genesys-contacts-component.adoc).
 */
class XmlRouteTest extends ContactsTestSupport {

    @BeforeEach
    void loadXmlRoutes() throws Exception {
        loadRoutes("routes/crm-upsert.xml");
    }

    @Test
    void upsertFromXmlIsIdempotentAndABadContactIsRejectedWithItsReason() throws Exception {
        MockEndpoint upserted = getMockEndpoint("mock:upserted");
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        upserted.expectedMessageCount(2);
        rejected.expectedMessageCount(1);

        template.sendBodyAndHeader("direct:crm", Map.of("firstName", "Xml", "lastName", "Route",
                "workEmail", "xml.route@example.com"), "crmId", "crm-7");
        template.sendBodyAndHeader("direct:crm", Map.of("firstName", "Xml", "lastName", "Routes",
                "workEmail", "xml.route@example.com"), "crmId", "crm-7");
        int requests = sim().requests().total();
        template.sendBodyAndHeader("direct:crm", Map.of("firstName", "Xml", "lastName", "Route",
                "workEmail", "not an email"), "crmId", "crm-8");

        upserted.assertIsSatisfied();
        rejected.assertIsSatisfied();
        String id = upserted.getExchanges().get(0).getMessage().getBody(ExternalContact.class).getId();
        assertEquals(id, upserted.getExchanges().get(1).getMessage().getBody(ExternalContact.class).getId());
        assertEquals(1, sim().externalContacts().contactCount());
        assertEquals("Routes", sim().externalContacts().contact(id).orElseThrow().get("lastName"));
        String reason = rejected.getExchanges().get(0).getMessage().getHeader("reason", String.class);
        assertTrue(reason.contains("workEmail must be a valid email address"), reason);
        assertEquals(requests, sim().requests().total(), "the rejected contact sent no request");
    }

    @Test
    void patchChangeListFromXml() throws Exception {
        ExternalContact created = template.requestBody(route(contacts("create", "")), Map.of("firstName", "Ann",
                "address", Map.of("city", "Paris", "postalCode", "75001")), ExternalContact.class);
        MockEndpoint moved = getMockEndpoint("mock:moved");
        moved.expectedMessageCount(1);

        template.sendBodyAndHeaders("direct:moved", null, Map.of("CamelGenesysContactId", created.getId(), "city", "Lyon",
                "sourceId", "crm-source", "crmId", "crm-42"));

        moved.assertIsSatisfied();
        ExternalContact patched = moved.getExchanges().get(0).getMessage().getBody(ExternalContact.class);
        assertEquals(created.getId(), patched.getId());
        ExternalContact stored = template.requestBodyAndHeader(route(contacts("get", "")), null, "CamelGenesysContactId",
                created.getId(), ExternalContact.class);
        assertEquals("Lyon", stored.getAddress().getCity());
        assertEquals("75001", stored.getAddress().getPostalCode(), "a nested change leaves its siblings");
        assertEquals(1, stored.getExternalIds().size());
        assertEquals(Map.of("externalSource", Map.of("id", "crm-source"), "value", "crm-42"),
                stored.getExternalIds().get(0));
    }

    @Test
    void scanConsumerFromXml() throws Exception {
        Set<String> seeded = Set.copyOf(sim().externalContacts().seedContacts(23));
        MockEndpoint scanned = getMockEndpoint("mock:scanned");
        MockEndpoint poll = getMockEndpoint("mock:poll");
        scanned.expectedMessageCount(23);
        poll.expectedMessageCount(1);
        context.getRouteController().startRoute("reconciliation");
        MockEndpoint.assertIsSatisfied(scanned, poll);
        assertEquals(seeded, scanned.getExchanges().stream()
                .map(e -> e.getMessage().getBody(ExternalContact.class).getId()).collect(Collectors.toSet()));
        assertEquals(23, poll.getExchanges().get(0).getMessage().getBody(java.util.List.class).size(),
                "the poll aggregated as the docs show it");
    }
}
