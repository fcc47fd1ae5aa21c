package io.camelgenesys.quarkus.it.contacts;

import io.camelgenesys.contacts.ContactsConstants;
import io.camelgenesys.contacts.model.ExternalContact;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core's {@code GenesysModelConverters} on Camel Quarkus, which registers type converters at build time from each
 * application archive's {@code META-INF/services/org/apache/camel/TypeConverterLoader} (core's names
 * {@code GenesysModelConvertersLoader}; the extension indexes every camel-genesys jar, which makes core one): a
 * platform-http route answers with the model genesys-contacts returned, and {@code convertBodyTo} gives its JSON.
 * Without the converters the answer is a 500 (no converter from ExternalContact to the response) and the conversion
 * fails.
 */
@QuarkusTest
class ModelConvertersQuarkusTest {

    @Inject
    ProducerTemplate template;

    private String createContact(String first) {
        ExternalContact contact = new ExternalContact();
        contact.setFirstName(first);
        contact.setLastName("Converters");
        return template.requestBody("direct:create-contact", contact, ExternalContact.class).getId();
    }

    @Test
    void platformHttpAnswersWithTheModelsJson() {
        String id = createContact("Ada");
        given().when().get("/contacts/" + id).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("id", is(id))
                .body("firstName", is("Ada"))
                .body("lastName", is("Converters"));
    }

    @Test
    void convertBodyToStringGivesTheModelsJson() {
        String id = createContact("Grace");
        String json = template.requestBodyAndHeader("direct:contact-json", null, ContactsConstants.CONTACT_ID, id,
                String.class);
        assertTrue(json.startsWith("{") && json.contains("\"id\":\"" + id + "\""), json);
        assertTrue(json.contains("\"firstName\":\"Grace\""), json);
        // the same JSON the model writes: not the class name and hash of Object.toString()
        assertEquals(-1, json.indexOf("ExternalContact@"), json);
    }
}
