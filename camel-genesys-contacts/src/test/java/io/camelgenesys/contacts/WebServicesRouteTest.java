package io.camelgenesys.contacts;

import java.util.List;
import java.util.Map;

import io.camelgenesys.contacts.model.WebServicesContact;
import io.camelgenesys.core.GenesysApiException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** platform=webServices: the Engage Web Services contacts of seeds 001 and 004. */
class WebServicesRouteTest extends ContactsTestSupport {

    private static final String JOHN = "538370e8c509495bb8e0868a1178c86e";
    private static final String WILLARD = "844b7a0e30ce46a5b364797a39f8a81f";
    private static final String QUEUE = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String CUSTOM = "c0ffee00c0ffee00c0ffee00c0ffee00";

    @BeforeEach
    void seed() {
        sim().webServicesContacts().seedDefaults();
    }

    private String ws(String operation, String options) {
        return "genesys-contacts:" + operation + "?platform=webServices&baseUrl=" + sim().baseUrl() + "&username="
               + sim().webServicesUsername() + "&password=RAW(" + sim().webServicesPassword() + ")"
               + (options.isEmpty() ? "" : "&" + options);
    }

    private Throwable wsFailure(String operation, String options, Object body) throws Exception {
        String from = route(ws(operation, options));
        return assertThrows(CamelExecutionException.class, () -> template.requestBody(from, body)).getCause();
    }

    @Test
    void searchCombinesFiltersWithAndAndMapsTheEnvelope() throws Exception {
        Exchange everyone = template.request(route(ws("search", "")), e -> {
        });
        List<?> all = everyone.getMessage().getBody(List.class);
        assertEquals(sim().webServicesContacts().count(), all.size());
        assertEquals((long) all.size(), everyone.getMessage().getHeader(ContactsConstants.TOTAL, Long.class),
                "totalCount becomes CamelGenesysTotal");
        List<?> agents = template.requestBody(route(ws("search", "type=User&lastName=Clinton")), null, List.class);
        assertEquals(1, agents.size());
        WebServicesContact willard = (WebServicesContact) agents.get(0);
        assertEquals(WILLARD, willard.getId());
        assertEquals("SIP_Switch", willard.getPhoneNumbers().get(0).getSwitchName());
        assertEquals("15000", willard.getPhoneNumbers().get(0).getPhoneNumber());
        assertEquals(Boolean.TRUE, willard.getAvailability().getChannels().get(0).getAvailable());
        assertEquals("Ready", willard.getAvailability().getChannels().get(0).getUserState().get("state"));
        assertEquals(List.of("ROLE_AGENT"), willard.getRoles());
        assertNotNull(willard.getBusinessUnits());
        List<?> byUserName = template.requestBody(route(ws("search", "contactUserName=JohnS&firstName=John")), null,
                List.class);
        assertEquals(JOHN, ((WebServicesContact) byUserName.get(0)).getId());
        List<?> none = template.requestBody(route(ws("search", "type=Queue&firstName=John")), null, List.class);
        assertTrue(none.isEmpty(), "filters are combined with AND");
    }

    @Test
    void getCreateUpdateDeleteACustomContact() throws Exception {
        WebServicesContact john = template.requestBody(route(ws("get", "contactId=" + JOHN)), null,
                WebServicesContact.class);
        assertEquals("Smith", john.getLastName());
        assertEquals(List.of("ROLE_ADMIN"), john.getRoles());

        WebServicesContact created = template.requestBody(route(ws("create", "")),
                Map.of("name", "Front Desk", "phoneNumber", "555-555-0199"), WebServicesContact.class);
        assertNotNull(created.getId());
        assertEquals("Custom", sim().webServicesContacts().contact(created.getId()).orElseThrow().get("type"));

        Exchange updated = template.request(route(ws("update", "contactId=" + created.getId())),
                e -> e.getMessage().setBody(Map.of("name", "Reception", "phoneNumber", "555-555-0199")));
        assertEquals(null, updated.getException());
        assertEquals("Reception", sim().webServicesContacts().contact(created.getId()).orElseThrow().get("name"));

        Exchange deleted = template.request(route(ws("delete", "contactId=" + CUSTOM)), e -> {
        });
        assertEquals(null, deleted.getException());
        assertTrue(sim().webServicesContacts().contact(CUSTOM).isEmpty());
    }

    @Test
    void onlyCustomContactsMayBeWrittenAndNothingIsSentOtherwise() throws Exception {
        Throwable create = wsFailure("create", "", Map.of("name", "Agent", "type", "User"));
        assertInstanceOf(IllegalArgumentException.class, create);
        assertTrue(create.getMessage().contains("type must be Custom"), create.getMessage());
        assertEquals(0, sim().requests().count("POST", "/api/v2/contacts"));

        Throwable update = wsFailure("update", "contactId=" + JOHN, Map.of("name", "Johnny"));
        assertTrue(update.getMessage().contains("is of type User: only Custom contacts may be modified or deleted"),
                update.getMessage());
        Throwable delete = wsFailure("delete", "contactId=" + QUEUE, null);
        assertTrue(delete.getMessage().contains("is of type Queue"), delete.getMessage());
        assertEquals(0, sim().requests().count("PUT", "/api/v2/contacts/**"));
        assertEquals(0, sim().requests().count("DELETE", "/api/v2/contacts/**"));
        assertEquals("JohnS", sim().webServicesContacts().contact(JOHN).orElseThrow().get("name"));
    }

    @Test
    void anOperationThePlatformLacksFailsAtEndpointCreation() {
        for (String op : List.of("scan", "patch", "enrich", "bulkAdd")) {
            Exception e = assertThrows(Exception.class, () -> context.getEndpoint(ws(op, "")));
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().contains("Operation " + op + " is not available on platform webServices"),
                    root.getMessage());
            assertTrue(root.getMessage().contains("search"), "lists what the platform has: " + root.getMessage());
        }
    }

    @Test
    void multicloudHasNoContactsOperations() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("genesys-contacts:get?"
                                                                             + io.camelgenesys.core.test.SimulatorSupport
                                                                                     .multicloud(sim())));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("Operation get is not available on platform multicloud; genesys-contacts"
                                              + " has no operations on multicloud"), root.getMessage());
    }

    @Test
    void unknownContactIsA404WithTheWebServicesMessage() throws Exception {
        Throwable e = wsFailure("get", "contactId=nope", null);
        assertTrue(e.getMessage().contains("404"), e.getMessage());
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e);
        assertEquals(404, api.getHttpStatus());
        assertEquals(6, api.getStatusCode(), "the body's statusCode (Web Services' 6, not found) is the exception's");
        assertEquals("Contact nope not found", api.getErrorMessage());
    }

    /**
     * Web Services reports an error with a statusCode other than 0 in the body, whatever the HTTP status (seed 004 L25
     * shows "statusCode":0 on success). Before the fix a 200 was taken at its word: get answered null, create a
     * contact without an id, search an empty list, update and delete a success, and nothing failed.
     */
    @Test
    void aStatusCodeOtherThanZeroFailsTheExchangeEvenWithHttp200() throws Exception {
        sim().faults().on("GET", "/api/v2/contacts/" + JOHN).status(200)
                .body("{\"statusCode\":6,\"statusMessage\":\"The requested resource could not be found\"}").times(1);
        Throwable get = wsFailure("get", "contactId=" + JOHN, null);
        GenesysApiException notFound = assertInstanceOf(GenesysApiException.class, get);
        assertEquals(200, notFound.getHttpStatus());
        assertEquals(6, notFound.getStatusCode());
        assertEquals("The requested resource could not be found", notFound.getErrorMessage());
        assertTrue(get.getMessage().contains("statusCode 6"), get.getMessage());

        sim().faults().on("POST", "/api/v2/contacts").status(200)
                .body("{\"statusCode\":13,\"statusMessage\":\"Unable to create resource\"}").times(1);
        GenesysApiException create = assertInstanceOf(GenesysApiException.class,
                wsFailure("create", "", Map.of("name", "Front Desk")));
        assertEquals(13, create.getStatusCode());
        assertTrue(create.getMessage().contains("Unable to create resource"), create.getMessage());

        sim().faults().on("GET", "/api/v2/contacts").status(200)
                .body("{\"statusCode\":4,\"statusMessage\":\"An internal error occurred\"}").times(1);
        assertEquals(4, assertInstanceOf(GenesysApiException.class, wsFailure("search", "type=User", null))
                .getStatusCode());

        // the read first passes, the write is refused in its body
        sim().faults().on("PUT", "/api/v2/contacts/" + CUSTOM).status(200)
                .body("{\"statusCode\":15,\"statusMessage\":\"Unable to update resource\"}").times(1);
        assertEquals(15, assertInstanceOf(GenesysApiException.class,
                wsFailure("update", "contactId=" + CUSTOM, Map.of("name", "Reception"))).getStatusCode());
        sim().faults().on("DELETE", "/api/v2/contacts/" + CUSTOM).status(200)
                .body("{\"statusCode\":14,\"statusMessage\":\"Unable to delete resource\"}").times(1);
        assertEquals(14, assertInstanceOf(GenesysApiException.class,
                wsFailure("delete", "contactId=" + CUSTOM, null)).getStatusCode());
        assertTrue(sim().webServicesContacts().contact(CUSTOM).isPresent(), "the simulator did not delete it either");
    }

    /**
     * The shared pipeline on the Web Services paths: a 503 and a 429 are retried (GET), a dropped POST is not sent
     * twice and says it may have been applied, a body that is not JSON is an error naming it, and no message quotes
     * the Basic credentials.
     */
    @Test
    void faultsOnTheWebServicesPaths() throws Exception {
        String fast = "retryInitialDelay=1&retryMaxDelay=5";
        sim().faults().on("GET", "/api/v2/contacts/" + JOHN).status(503).times(2);
        assertEquals("Smith", template.requestBody(route(ws("get", "contactId=" + JOHN + "&" + fast)), null,
                WebServicesContact.class).getLastName());
        assertEquals(3, sim().requests().count("GET", "/api/v2/contacts/" + JOHN));

        sim().faults().on("GET", "/api/v2/contacts").status(429).header("Retry-After", "0").times(1);
        assertEquals(sim().webServicesContacts().count(),
                template.requestBody(route(ws("search", fast)), null, List.class).size());

        int before = sim().webServicesContacts().count();
        sim().faults().on("POST", "/api/v2/contacts").drop().times(1);
        GenesysApiException dropped = assertInstanceOf(GenesysApiException.class,
                wsFailure("create", fast, Map.of("name", "Front Desk")));
        assertTrue(dropped.getMessage().contains("may have reached Genesys"), dropped.getMessage());
        assertEquals(1, sim().requests().count("POST", "/api/v2/contacts"), "a create is not sent twice");
        assertEquals(before, sim().webServicesContacts().count());

        sim().faults().on("GET", "/api/v2/contacts/" + WILLARD).status(200).body("{\"statusCode\":0,\"contact\":")
                .times(1);
        GenesysApiException malformed = assertInstanceOf(GenesysApiException.class,
                wsFailure("get", "contactId=" + WILLARD, null));
        assertTrue(malformed.getMessage().contains("not valid JSON"), malformed.getMessage());

        Throwable refused = assertThrows(CamelExecutionException.class, () -> template.requestBody(
                route("genesys-contacts:get?platform=webServices&baseUrl=" + sim().baseUrl() + "&username="
                      + sim().webServicesUsername() + "&password=RAW(not-the-password)&contactId=" + JOHN), (Object) null))
                .getCause();
        assertInstanceOf(io.camelgenesys.core.GenesysAuthException.class, refused);
        assertTrue(refused.getMessage().contains("check the username and password options"), refused.getMessage());
        String basic = java.util.Base64.getEncoder().encodeToString((sim().webServicesUsername() + ":not-the-password")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(refused.getMessage().contains("not-the-password") || refused.getMessage().contains(basic),
                refused.getMessage());
    }

    /** The read before a write answered without the contact: said so, not "is of type null"; nothing is written. */
    @Test
    void aReadWithoutTheContactStopsTheWriteWithAClearMessage() throws Exception {
        sim().faults().on("GET", "/api/v2/contacts/" + CUSTOM).status(200).body("{\"statusCode\":0}").times(2);
        Throwable update = wsFailure("update", "contactId=" + CUSTOM, Map.of("name", "Reception"));
        assertTrue(update.getMessage().contains("without a contact (no 'contact' in its body)")
                   && update.getMessage().contains(CUSTOM) && update.getMessage().contains("nothing was sent"),
                update.getMessage());
        Throwable delete = wsFailure("delete", "contactId=" + CUSTOM, null);
        assertTrue(delete.getMessage().contains("without a contact"), delete.getMessage());
        assertEquals(0, sim().requests().count("PUT", "/api/v2/contacts/**"));
        assertEquals(0, sim().requests().count("DELETE", "/api/v2/contacts/**"));
        assertEquals("Some Contact", sim().webServicesContacts().contact(CUSTOM).orElseThrow().get("name"));
    }
}
