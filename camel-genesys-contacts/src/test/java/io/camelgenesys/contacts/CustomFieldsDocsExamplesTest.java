package io.camelgenesys.contacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.camelgenesys.contacts.model.DataSchema;
import io.camelgenesys.core.test.docs.DocExamples;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelgenesys.contacts.SchemasRouteTest.field;
import static io.camelgenesys.contacts.SchemasRouteTest.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Custom fields" example of the component page, in the Java, YAML and XML DSL ({@code docs/custom-fields.*}),
 * against the simulator: a CRM row becomes a contact with custom fields of a schema version, checked before sending,
 * and the stored fields are read back as their core types. Credentials are set once on the component, as the page
 * says.
 */
class CustomFieldsDocsExamplesTest extends ContactsTestSupport {

    static final class CustomFieldRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::custom-fields[]
            from("direct:crm-loyalty")
                .setBody(simple("""
                    {"firstName": "${body[first_name]}", "lastName": "${body[last_name]}",
                     "schema": {"id": "${properties:loyalty.schemaId}", "version": ${properties:loyalty.schemaVersion} },
                     "customFields": {"tier_enum": "${body[tier]}", "points_integer": ${body[points]} } }"""))
                .to("genesys-contacts:create")
                .convertBodyTo(CustomFieldValues.class)
                .setHeader("points", simple("${body.get('points_integer')}"));
            // end::custom-fields[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void aCrmRowBecomesAContactWithCheckedCustomFields(String dsl) throws Exception {
        ContactsConfiguration c = context.getComponent("genesys-contacts", ContactsComponent.class).getConfiguration();
        c.setBaseUrl(sim().baseUrl());
        c.setClientId(sim().cloudClientId());
        c.setClientSecret(sim().cloudClientSecret());
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("tier_enum", field("Tier", "enum", Map.of("enum", List.of("gold", "silver"))));
        props.put("points_integer", field("Points", "integer", Map.of("minimum", 0)));
        DataSchema loyalty = body("createContactSchema", "", schema("Loyalty", props, List.of("tier_enum")),
                DataSchema.class);
        Properties p = new Properties();
        p.setProperty("loyalty.schemaId", loyalty.getId());
        p.setProperty("loyalty.schemaVersion", "1");
        context.getPropertiesComponent().setOverrideProperties(p);
        DocExamples.addRoutes(context, dsl, new CustomFieldRoutes(), "custom-fields");

        Exchange created = template.request("direct:crm-loyalty", e -> e.getMessage().setBody(Map.of(
                "first_name", "Jane", "last_name", "Smith", "tier", "gold", "points", 120)));
        assertNull(created.getException());
        assertEquals(120L, created.getMessage().getHeader("points"));
        assertEquals(1, sim().externalContacts().contactCount());

        Exchange refused = template.request("direct:crm-loyalty", e -> e.getMessage().setBody(Map.of(
                "first_name", "Joe", "last_name", "Bloggs", "tier", "bronze", "points", -5)));
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, refused.getException());
        assertTrue(e.getMessage().contains("customFields.tier_enum (enum) must be one of [\"gold\",\"silver\"]")
                   && e.getMessage().contains("customFields.points_integer (integer) must be between 0 and -, was -5"),
                e.getMessage());
        assertEquals(1, sim().externalContacts().contactCount(), "nothing was sent for the refused row");
    }

    /** The message the page quotes for a refused row. */
    @org.junit.jupiter.api.Test
    void customFieldMessage() throws Exception {
        Map<String, Object> props = Map.of("tier_enum", field("Tier", "enum", Map.of("enum", List.of("gold", "silver"))));
        DataSchema loyalty = body("createContactSchema", "", schema("Loyalty", props, List.of()), DataSchema.class);
        Throwable e = failure("create", "", Map.of("firstName", "Joe", "schema", Map.of("id", loyalty.getId(),
                "version", 1), "customFields", Map.of("tier_enum", "bronze")));
        assertEquals("create: the customFields do not match schema 'Loyalty' (id " + loyalty.getId() + ", version 1):"
                     + " customFields.tier_enum (enum) must be one of [\"gold\",\"silver\"], was the text \"bronze\"",
                e.getMessage());
    }
}
