package io.camelgenesys.contacts;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A YAML DSL route (create, search, patch, delete) loaded from a test resource, as users deploy one. */
class YamlRouteTest extends ContactsTestSupport {

    @Test
    void createSearchPatchDeleteFromYaml() throws Exception {
        loadRoutes("routes/contact-lifecycle.yaml");

        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);
        template.sendBody("direct:lifecycle", Map.of("firstName", "Yaml", "lastName", "Route",
                "workEmail", "yaml.route@example.com"));
        done.assertIsSatisfied();

        Exchange e = done.getExchanges().get(0);
        assertEquals(1, e.getMessage().getHeader("found", Integer.class), "search found the new contact");
        assertEquals("Head of Support", e.getMessage().getHeader("patchedTitle"));
        assertEquals(204, e.getMessage().getHeader(ContactsConstants.HTTP_STATUS));
        assertEquals(0, sim().externalContacts().contactCount(), "deleted");
        assertTrue(sim().requests().count("PATCH", EC + "/contacts/*") == 1);
    }
}
