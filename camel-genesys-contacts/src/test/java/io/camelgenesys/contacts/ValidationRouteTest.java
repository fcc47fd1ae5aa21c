package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every documented limit is checked before any request, with a message naming the field and the rule: each case
 * goes through a route and the simulator must not have seen a single request.
 */
class ValidationRouteTest extends ContactsTestSupport {

    private static final String ID = "contactId=c1";

    static List<Object> ids(int n) {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("id" + i);
        }
        return ids;
    }

    /** {@code n} ExternalId objects ({@code {externalSource, value}}, the SDK's ExternalId). */
    static List<Object> externalIds(int n) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Map.of("externalSource", Map.of("id", "src"), "value", "v" + i));
        }
        return list;
    }

    static List<Object> segments(int n) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Map.of("id", "seg-" + i));
        }
        return list;
    }

    static List<Object> identifiers(int n) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Map.of("type", "ExternalId", "value", "crm-" + i));
        }
        return list;
    }

    static Arguments rule(String operation, String options, Object body, String message) {
        return Arguments.of(operation, options, body, message);
    }

    static List<Arguments> rules() {
        String x1001 = "x".repeat(1001);
        return List.of(
                rule("create", "", Map.of("firstName", x1001, "lastName", "L"),
                        "firstName must be at most 1000 characters, was 1001"),
                rule("update", ID, Map.of("firstName", "F", "lastName", x1001),
                        "lastName must be at most 1000 characters, was 1001"),
                // PhoneNumber (SDK): countryCode is text ("US"), extension a whole number
                rule("create", "", Map.of("workPhone", Map.of("e164", "+13175550100", "countryCode", 1)),
                        "workPhone.countryCode must be text, was 1"),
                rule("create", "", Map.of("cellPhone", Map.of("extension", "12")),
                        "cellPhone.extension must be a whole number, was text"),
                rule("createOrganization", "", Map.of("name", "Acme", "employeeCount", "many"),
                        "employeeCount must be a whole number, was text"),
                rule("patch", ID, Map.of("middleName", x1001), "middleName must be at most 1000 characters, was 1001"),
                rule("patch", ID, Map.of("title", x1001), "title must be at most 1000 characters, was 1001"),
                rule("patch", ID, Map.of("salutation", x1001), "salutation must be at most 1000 characters, was 1001"),
                rule("patch", ID, Map.of("externalSystemUrl", x1001),
                        "externalSystemUrl must be at most 1000 characters, was 1001"),
                rule("patch", ID, Map.of("workEmail", "not-an-address"),
                        "workEmail must be a valid email address, was 'not-an-address'"),
                rule("patch", ID, Map.of("personalEmail", "a".repeat(250) + "@example.com"),
                        "personalEmail must be an email address of at most 256 characters, was 262 characters"),
                rule("patch", ID, Map.of("otherEmail", "two@@example.com"), "otherEmail must be a valid email address"),
                rule("patch", ID, Map.of("externalIds", externalIds(11)), "externalIds must have at most 10 items, was 11"),
                rule("patch", ID, Map.of("appleOpaqueIds", externalIds(11)),
                        "appleOpaqueIds must have at most 10 items, was 11"),
                rule("patch", ID, Map.of("externalIds", List.of("crm-1")), "externalIds[0] must be a JSON object"),
                // a partial contact: what Genesys owns cannot be patched, and nothing is silently dropped
                rule("patch", ID, Map.of("id", "c1", "title", "T"), "id is set by Genesys and cannot be patched"),
                rule("patch", ID, Map.of(), "patch: nothing to change: the partial contact has no field"),
                // a change list as the SDK defines it (ExternalContactsPatchRequest)
                rule("patch", ID, Map.of("changes", List.of(Map.of("field", "title", "value", "T", "action", "Update"))),
                        "changes[0].field must be a dot-notation JSONPath from the contact's root, such as $.title"),
                rule("patch", ID, Map.of("changes", List.of(Map.of("field", "$.title", "value", "T", "action", "Set"))),
                        "changes[0].action must be one of UpdateIfEmpty, UpdateIfExists, Update, AppendToCollection,"
                        + " Remove, RemoveFromCollection, was 'Set'"),
                rule("patch", ID, Map.of("changes", List.of(Map.of("field", "$.title", "action", "Update"))),
                        "changes[0].value is required for action Update (only Remove takes none)"),
                rule("patch", ID, Map.of("changes", List.of(Map.of("field", "$.workEmail", "value", "nope",
                        "action", "Update"))), "changes[0].value: workEmail must be a valid email address, was 'nope'"),
                rule("patch", ID, Map.of("changes", List.of(Map.of("field", "$.createDate", "value", "x",
                        "action", "Update"))), "changes[0].field $.createDate is set by Genesys and cannot be patched"),
                rule("patch", ID, Map.of("changes", List.of(
                        Map.of("field", "$.address", "value", Map.of("city", "Paris"), "action", "Update"),
                        Map.of("field", "$.address.city", "value", "Lyon", "action", "Update"))),
                        "changes patch both $.address and $.address.city inside it"),
                rule("patch", ID, Map.of("changes", List.of()), "changes must have at least 1 item, was 0"),
                rule("patch", ID, Map.of("twitterId", Map.of("name", "n")), "twitterId needs id or screenName"),
                rule("patch", ID, Map.of("identifiers", List.of(Map.of("type", "Fax", "value", "1"))),
                        "identifiers[0].type must be one of SocialLine, SocialFacebook, SocialTwitter, SocialWhatsapp,"
                        + " Email, Phone, Cookie, ExternalId, was 'Fax'"),
                rule("createNote", ID, Map.of("noteText", ""), "noteText must be between 1 and 32000 characters, was 0"),
                rule("createNote", ID, Map.of("noteText", "n".repeat(32_001)),
                        "noteText must be between 1 and 32000 characters, was 32001"),
                rule("createNote", ID, Map.of(), "noteText is required"),
                rule("updateNote", ID + "&noteId=n1", Map.of("noteText", "n"), "createdBy is required"),
                rule("createRelationship", "", Map.of("relationship", "r".repeat(101), "user", Map.of("id", "u"),
                        "externalOrganization", Map.of("id", "o")),
                        "relationship must be between 1 and 100 characters, was 101"),
                rule("createRelationship", "", Map.of("relationship", "Account Manager"),
                        "externalOrganization is required; user is required"),
                rule("merge", "", Map.of("contactIds", ids(1)), "contactIds must have between 2 and 25 items, was 1"),
                rule("merge", "", Map.of("contactIds", ids(26)), "contactIds must have between 2 and 25 items, was 26"),
                rule("enrich", "", Map.of("action", "Upsert", "matchingIdentifiers", List.of()),
                        "matchingIdentifiers must have between 1 and 25 items, was 0"),
                rule("enrich", "", Map.of("action", "Upsert", "matchingIdentifiers", identifiers(26)),
                        "matchingIdentifiers must have between 1 and 25 items, was 26"),
                rule("enrich", "", Map.of("action", "Replace", "matchingIdentifiers", identifiers(1)),
                        "action must be one of Insert, Update, Upsert, Merge, was 'Replace'"),
                rule("enrich", "", Map.of("firstName", "F"), "the action and identifierType options are required"),
                rule("enrich", "action=Upsert&identifierType=ExternalId", Map.of("firstName", "F"),
                        "the matching identifier value is missing"),
                rule("lookup", "", Map.of("type", "Email", "value", "v".repeat(256)),
                        "value must be between 1 and 255 characters, was 256"),
                rule("claimIdentifier", ID, Map.of("type", "Email"), "identifier.value is required"),
                rule("claimIdentifier", ID, Map.of("operation", "Release", "identifier", Map.of("type", "Email",
                        "value", "a@b.com")), "the body's operation is Release but claimIdentifier does Claim"),
                rule("updateJourneySegments", ID, Map.of("assign", Map.of("segments", segments(6)),
                        "unassign", Map.of("segments", segments(5))),
                        "assign.segments + unassign.segments must have at most 10 items together, was 11"),
                rule("updateJourneySegments", ID, Map.of("assign", segments(2)),
                        "assign must be a JSON object (SegmentList), was a list"),
                rule("updateJourneySegments", ID, Map.of("assign", Map.of("segments", List.of(Map.of()))),
                        "assign.segments[0].id is required"),
                rule("associateConversation", "conversationId=conv1", Map.of("mediaType", "CALL"),
                        "communicationId is required"),
                rule("associateConversation", "conversationId=conv1", Map.of("conversationId", "conv2",
                        "communicationId", "c", "mediaType", "CALL"),
                        "the body's conversationId conv2 is not the conversation of the request (conv1"),
                rule("lookupOrganization", "", Map.of("type", "Email", "value", "a@b.com"),
                        "type must be ExternalId: Genesys identifies external organizations by ExternalId identifiers"
                        + " only (claims, lookups, enrich), was 'Email'"),
                rule("claimOrganizationIdentifier", "externalOrganizationId=o1", Map.of("type", "Phone", "value", "1"),
                        "identifier.type must be ExternalId"),
                rule("enrichOrganization", "", Map.of("action", "Upsert", "matchingIdentifiers",
                        List.of(Map.of("type", "Email", "value", "a@b.com"))), "matchingIdentifiers[0].type must be"
                                                                              + " ExternalId"),
                rule("createOrganization", "", Map.of("industry", "x"), "name is required"),
                rule("createOrganization", "", Map.of("name", x1001), "name must be between 1 and 1000 characters"),
                rule("createExternalSource", "", Map.of("name", "s".repeat(201)),
                        "name must be between 1 and 200 characters, was 201"),
                rule("search", "divisionIds=" + String.join(",", ids(51).stream().map(Object::toString).toList()), null,
                        "divisionIds may list at most 50 values, was 51"),
                rule("searchOrganizations", "trustorId=" + String.join(",", ids(26).stream().map(Object::toString)
                        .toList()), null, "trustorId may list at most 25 values, was 26"),
                rule("search", "pageSize=100&pageNumber=11", null, "pageNumber x pageSize must be <= 1,000"),
                rule("listNotes", ID + "&pageSize=101", null, "pageSize must be between 1 and 100, was 101"),
                rule("scan", "pageSize=9", null, "limit must be between 10 and 200, was 9"),
                rule("scan", "pageSize=201", null, "limit must be between 10 and 200, was 201"),
                rule("listExternalSources", "pageSize=500", null, "limit must be between 10 and 200, was 500"),
                rule("getJourneySegments", ID + "&limit=501", null, "limit must be between 1 and 500, was 501"),
                rule("getJourneySessions", ID + "&pageSize=201", null, "pageSize must be between 1 and 200, was 201"),
                rule("reverseLookup", "", null, "lookupVal is required"),
                rule("create", "", "{not json", "The message body is not valid JSON"),
                rule("get", "", null, "contactId option or the CamelGenesysContactId header"));
    }

    @AfterEach
    void nothingWasSent() {
        assertEquals(0, sim().requests().count("*", EC + "/**"), "a request was sent despite invalid input");
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("rules")
    void isRefusedBeforeAnyRequest(String operation, String options, Object body, String message) throws Exception {
        Throwable e = failure(operation, options, body);
        assertInstanceOf(IllegalArgumentException.class, e);
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
    }

    @Test
    void everyViolationOfOneBodyIsReportedAtOnce() throws Exception {
        Throwable e = failure("create", "", Map.of("firstName", 5, "lastName", "x".repeat(1001), "workEmail", "nope",
                "externalIds", externalIds(12)));
        String m = e.getMessage();
        assertTrue(m.startsWith("create: "), m);
        for (String part : List.of("firstName must be text, was 5", "lastName must be at most 1000 characters, was 1001",
                "workEmail must be a valid email address", "externalIds must have at most 10 items, was 12")) {
            assertTrue(m.contains(part), "missing '" + part + "' in: " + m);
        }
    }
}
