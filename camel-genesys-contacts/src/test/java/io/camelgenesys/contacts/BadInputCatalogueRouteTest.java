package io.camelgenesys.contacts;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelgenesys.core.test.BadInput.bad;
import static io.camelgenesys.core.test.BadInput.badHeaders;
import static io.camelgenesys.core.test.BadInput.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9's bad-input catalogue for the contacts family: malformed JSON, truncated bodies, wrong JSON types, unknown
 * enum values, bodies over Genesys' 512,000-byte limit, empty bodies, missing ids and oversize page sizes. Each goes
 * through a route and must fail with an error naming what is wrong, with not one request reaching the contacts APIs
 * (the simulator's request counters), and nothing silently dropped.
 */
class BadInputCatalogueRouteTest extends ContactsTestSupport {

    private static final String CONTACT = "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"";
    private static final int LIMIT = 512_000;

    @AfterEach
    void nothingWasSent() {
        assertEquals(0, sim().requests().count("*", EC + "/**"), "a request reached Genesys despite bad input");
        assertEquals(0, sim().requests().count("*", "/api/v2/contacts/**") + sim().requests().count("*", "/api/v2/contacts"),
                "a request reached Web Services despite bad input");
    }

    /** A contact whose JSON is {@code bytes} long or a little more, valid by every documented field rule. */
    static Map<String, Object> contactOf(int bytes) {
        Map<String, Object> custom = new LinkedHashMap<>();
        int i = 0;
        int size = 40;
        while (size < bytes) {
            String value = "v".repeat(900);
            custom.put("field" + i++, value);
            size += 900 + 12;
        }
        return Map.of("firstName", "Ada", "lastName", "Lovelace", "customFields", custom);
    }

    static List<Arguments> catalogue() {
        List<Arguments> list = new ArrayList<>();
        // ---- malformed JSON
        list.add(bad("malformed JSON", "create", "", "{\"firstName\": \"Ada\", \"lastName\": }",
                "The message body is not valid JSON"));
        list.add(bad("malformed JSON", "createNote", "contactId=c1", "noteText: hello", "The message body is not valid JSON"));
        list.add(bad("malformed JSON", "enrich", "", "{'action':'Upsert'}", "The message body is not valid JSON"));
        list.add(bad("malformed JSON", "bulkAdd", "", "[{\"firstName\":\"A\",\"lastName\":\"B\"} {}]",
                "The message body is not valid JSON"));
        // ---- truncated bodies, in every form a body comes in
        list.add(bad("truncated", "create", "", CONTACT, "The message body is not valid JSON"));
        list.add(bad("truncated", "update", "contactId=c1", utf8(CONTACT), "The message body is not valid JSON"));
        list.add(bad("truncated", "patch", "contactId=c1", new ByteArrayInputStream(utf8(CONTACT)),
                "The message body is not valid JSON"));
        list.add(bad("truncated", "merge", "", "{\"contactIds\":[\"a\",\"b\"", "The message body is not valid JSON"));
        list.add(bad("truncated", "bulkAdd", "", "[" + CONTACT + "},{\"firstName\":\"C\"", "The message body is not valid JSON"));
        // ---- wrong JSON types
        list.add(bad("wrong type", "create", "", Map.of("firstName", 5, "lastName", "B"), "firstName must be text"));
        list.add(bad("wrong type", "create", "", Map.of("firstName", "A", "lastName", "B", "externalIds", "crm-1"),
                "externalIds must be a list"));
        list.add(bad("wrong type", "create", "", "[" + CONTACT + "}]", "the body must be a JSON object"));
        list.add(bad("wrong type", "create", "", "\"Ada Lovelace\"", "the body must be a JSON object"));
        list.add(bad("wrong type", "create", "", Map.of("firstName", "A", "lastName", "B", "workEmail", 5),
                "workEmail must be text, was 5"));
        // every field's JSON type comes from the model (BodyRules.typed): objects, booleans, numbers, lists of objects
        list.add(bad("wrong type", "create", "", Map.of("firstName", "A", "lastName", "B", "workPhone", "555-1234"),
                "workPhone must be a JSON object (PhoneNumber), was text"));
        list.add(bad("wrong type", "create", "", Map.of("firstName", "A", "lastName", "B", "address", "1 Main St"),
                "address must be a JSON object (ContactAddress), was text"));
        list.add(bad("wrong type", "create", "", Map.of("firstName", "A", "lastName", "B", "twitterId", "@ada"),
                "twitterId must be a JSON object (TwitterId), was text"));
        list.add(bad("wrong type", "create", "", Map.of("lineId", "l", "whatsAppId", 1, "facebookId", List.of(),
                "instagramId", true), "lineId must be a JSON object, was text", "whatsAppId must be a JSON object, was 1",
                "facebookId must be a JSON object, was a list", "instagramId must be a JSON object, was true"));
        list.add(bad("wrong type", "create", "", Map.of("externalOrganization", "acme", "customFields", "x",
                "division", 7), "externalOrganization must be a JSON object (ExternalOrganization), was text",
                "customFields must be a JSON object, was text", "division must be a JSON object, was 7"));
        list.add(bad("wrong type", "create", "", Map.of("firstName", "A", "lastName", "B", "surveyOptOut", "yes"),
                "surveyOptOut must be true or false, was text"));
        list.add(bad("wrong type", "create", "", Map.of("workPhone", Map.of("countryCode", 1, "extension", "12",
                "acceptsSMS", "no")), "workPhone.extension must be a whole number, was text",
                "workPhone.acceptsSMS must be true or false, was text", "workPhone.countryCode must be text, was 1"));
        list.add(bad("wrong type", "createOrganization", "", Map.of("name", "Acme", "phoneNumber", "555",
                "websites", "acme.example", "revenue", 1.5), "phoneNumber must be a JSON object (PhoneNumber), was text",
                "websites must be a list, was text", "revenue must be a whole number, was 1.5"));
        list.add(bad("wrong type", "createNote", "contactId=c1", Map.of("noteText", "n", "createdBy", "me"),
                "createdBy must be a JSON object, was text"));
        list.add(bad("wrong type", "merge", "", Map.of("contactIds", "a,b"), "contactIds must be a list"));
        list.add(bad("wrong type", "createNote", "contactId=c1", Map.of("noteText", Map.of("text", "x")),
                "noteText must be text"));
        list.add(bad("wrong type", "enrich", "", Map.of("action", "Upsert", "matchingIdentifiers", Map.of("type", "Email")),
                "matchingIdentifiers must be a list"));
        list.add(bad("wrong type", "lookup", "", Map.of("type", "Email", "value", 42), "value must be text"));
        list.add(bad("wrong type", "create", "", Map.of("firstName", "A", "lastName", "B", "identifiers", "x"),
                "identifiers must be a list"));
        // ---- unknown enum values
        list.add(bad("unknown enum", "create", "", Map.of("firstName", "A", "lastName", "B", "identifiers",
                List.of(Map.of("type", "Fax", "value", "1"))), "identifiers[0].type must be one of", "was 'Fax'"));
        list.add(bad("unknown enum", "enrich", "", Map.of("action", "Replace", "matchingIdentifiers",
                List.of(Map.of("type", "Email", "value", "a@b.com"))), "action must be one of Insert, Update, Upsert, Merge",
                "was 'Replace'"));
        list.add(bad("unknown enum", "lookup", "", Map.of("type", "Pager", "value", "1"), "type must be one of"));
        list.add(badHeaders("unknown enum", "get", "contactId=c1", Map.of(GenesysConstants.OPERATION, "fetch"), null,
                "Unknown operation 'fetch'", "operations are"));
        list.add(bad("unknown enum", "create", "", Map.of("firstName", "A", "lastName", "B", "type", "Famous"),
                "type must be one of Ephemeral, Identified, Curated"));
        // ConversationAssociation.MediaTypeEnum of the SDK: refused before sending, naming the values
        list.add(bad("unknown enum", "associateConversation", "conversationId=conv1",
                Map.of("communicationId", "x", "mediaType", "FAX"), "mediaType must be one of CALL, CALLBACK, CHAT,"
                                                                    + " COBROWSE, EMAIL, MESSAGE, SOCIAL_EXPRESSION,"
                                                                    + " VIDEO, SCREENSHARE, was 'FAX'"));
        list.add(bad("unknown enum", "patch", "contactId=c1", Map.of("changes", List.of(Map.of("field", "$.title",
                "value", "T", "action", "Replace"))), "changes[0].action must be one of"));
        // ---- over 512,000 bytes
        list.add(bad("over 512,000 bytes", "create", "", contactOf(LIMIT + 1000), "bytes, over the 512,000 bytes Genesys"
                                                                                 + " accepts in one request"));
        list.add(bad("over 512,000 bytes", "update", "contactId=c1", contactOf(2 * LIMIT), "over the 512,000 bytes"));
        // ---- empty bodies
        list.add(bad("empty", "create", "", null, "create needs a message body"));
        list.add(bad("empty", "create", "", "", "the body must be a JSON object"));
        list.add(bad("empty", "create", "", "   ", "the body must be a JSON object"));
        list.add(bad("empty", "create", "", new byte[0], "the body must be a JSON object"));
        list.add(bad("empty", "update", "contactId=c1", new ByteArrayInputStream(new byte[0]), "the body must be a JSON object"));
        list.add(bad("empty", "patch", "contactId=c1", Map.of(), "nothing to change"));
        list.add(bad("empty", "createNote", "contactId=c1", Map.of(), "noteText is required"));
        list.add(bad("empty", "merge", "", Map.of(), "contactIds is required"));
        list.add(bad("empty", "bulkAdd", "", null, "bulkAdd needs a message body"));
        // ---- missing ids
        list.add(bad("missing id", "get", "", null, "contactId option or the CamelGenesysContactId header"));
        list.add(bad("missing id", "update", "", Map.of("firstName", "A", "lastName", "B"), "contactId"));
        list.add(badHeaders("missing id", "delete", "", Map.of("CamelGenesysContactId", "  "), null, "contactId"));
        list.add(bad("missing id", "getNote", "contactId=c1", null, "noteId"));
        list.add(bad("missing id", "associateConversation", "", Map.of("communicationId", "x", "mediaType", "CALL"),
                "conversationId"));
        list.add(bad("missing id", "getOrganization", "", null, "externalOrganizationId"));
        // ---- oversize (and undersize) page sizes
        list.add(bad("page size", "search", "pageSize=101", null, "pageSize must be between 1 and 100, was 101"));
        list.add(bad("page size", "search", "pageSize=0", null, "pageSize must be between 1 and 100, was 0"));
        list.add(bad("page size", "listNotes", "contactId=c1&pageSize=1000", null, "pageSize must be between 1 and 100"));
        list.add(bad("page size", "searchOrganizations", "pageSize=500", null, "pageSize must be between 1 and 100"));
        list.add(bad("page size", "scan", "pageSize=500", null, "limit must be between 10 and 200, was 500"));
        list.add(bad("page size", "scanOrganizations", "pageSize=1000", null, "limit must be between 10 and 200"));
        list.add(badHeaders("page size", "search", "", Map.of(GenesysConstants.PAGE_SIZE, 250), null,
                "pageSize must be between 1 and 100, was 250"));
        list.add(bad("page size", "search", "pageNumber=0", null, "pageNumber must be 1 or more, was 0"));
        list.add(bad("page size", "search", "pageSize=100&pageNumber=11", null, "pageNumber x pageSize must be <= 1,000"));
        list.add(bad("page size", "getJourneySessions", "contactId=c1&pageSize=201", null,
                "pageSize must be between 1 and 200, was 201"));
        return list;
    }

    private Throwable failure(String operation, String options, Map<String, Object> headers, Object body) throws Exception {
        String from = route(contacts(operation, options));
        Exchange e = template.request(from, x -> {
            x.getMessage().setBody(body);
            headers.forEach(x.getMessage()::setHeader);
        });
        assertNotNull(e.getException(), "the exchange failed");
        return e.getException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isRefusedBeforeSendingNamingWhatIsWrong(String name, String operation, String options,
                                                 Map<String, Object> headers, Object body, String[] message)
            throws Exception {
        Throwable e = failure(operation, options, headers, body);
        String m = e.getMessage();
        assertTrue(e instanceof IllegalArgumentException || e instanceof BulkException,
                "an IllegalArgumentException (or a BulkException naming the items), not " + e);
        for (String part : message) {
            assertTrue(m.contains(part), "expected '" + part + "' in: " + m);
        }
    }

    // ---- bulk: per-item bad input is reported item by item, nothing silently dropped, nothing sent

    @Test
    void bulkItemsWithoutAnIdAreEachReportedAndNoneSent() throws Exception {
        Throwable e = failure("bulkRemove", "", Map.of(), List.of(Map.of("name", "x"), Map.of("id", " ")));
        BulkException bulk = assertInstanceOf(BulkException.class, e);
        assertEquals(List.of(0, 1), bulk.getFailures().stream().map(BulkFailure::index).toList());
        assertTrue(bulk.getFailures().get(0).error().contains("id is required"), bulk.getMessage());
    }

    @Test
    void bulkItemsOfTheWrongTypeAreEachReportedInContinueMode() throws Exception {
        List<Object> rows = List.of(Map.of("firstName", 7, "lastName", "B"), "not a contact",
                Map.of("firstName", "A", "lastName", "B", "externalIds", "crm"));
        String from = route(contacts("bulkAdd", "bulkFailureMode=continue"));
        Exchange e = template.request(from, x -> x.getMessage().setBody(rows));
        assertNull(e.getException());
        List<?> failures = e.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        assertEquals(3, failures.size(), "every bad item is reported: " + failures);
        assertEquals(0, e.getMessage().getHeader(ContactsConstants.BULK_SUCCESS_COUNT));
    }

    @Test
    void anUnknownEnumValueInAnOptionFailsTheRouteNamingTheOptionAndTheValue() {
        Exception e = assertThrows(Exception.class, () -> route(contacts("enrich", "action=Replace&identifierType=Email")));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = e.getMessage() + " / " + root.getMessage();
        assertTrue(m.contains("action") && m.contains("Replace"), m);
    }

    @Test
    void anUnreadablePageSizeHeaderIsRefusedNamingTheHeader() throws Exception {
        Throwable e = failure("search", "", Map.of(GenesysConstants.PAGE_SIZE, "lots"), null);
        String m = e.getMessage() + (e.getCause() != null ? " / " + e.getCause().getMessage() : "");
        assertTrue(m.contains("lots"), m);
    }
}
