package io.camelgenesys.contacts;

import java.util.List;
import java.util.Map;

import io.camelgenesys.contacts.model.ContactIdentifier;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.JourneySegmentsRequest;
import io.camelgenesys.contacts.model.JourneySegmentsResponse;
import io.camelgenesys.contacts.model.ReverseLookupResult;
import io.camelgenesys.contacts.model.SegmentAssignment;
import io.camelgenesys.contacts.model.SegmentList;
import io.camelgenesys.contacts.model.SegmentRef;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** enrich (the one-line upsert), merge, promote, lookups, identifiers, journey and conversation association. */
class EnrichIdentifiersRouteTest extends ContactsTestSupport {

    @Test
    void oneLineIdempotentUpsertByExternalId() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:crm")
                        .to(contacts("enrich", "action=Upsert&identifierType=ExternalId&identifierField=crmId"));
            }
        });
        ExternalContact first = template.requestBody("direct:crm",
                Map.of("crmId", "sf-001", "firstName", "Jane", "lastName", "Smith"), ExternalContact.class);
        ExternalContact second = template.requestBody("direct:crm",
                Map.of("crmId", "sf-001", "firstName", "Jane", "lastName", "Smith-Jones"), ExternalContact.class);
        assertEquals(first.getId(), second.getId(), "the same external id updates the same contact");
        assertEquals("Smith-Jones", second.getLastName());
        assertEquals(1, sim().externalContacts().contactCount());
        assertEquals(1, sim().externalContacts().claimedIdentifierCount());
    }

    @Test
    void enrichReportsCreatedOrUpdatedInTheHttpStatusHeader() throws Exception {
        String r = route(contacts("enrich", "action=Upsert&identifierType=ExternalId&identifierField=crmId"));
        Exchange created = template.request(r, x -> x.getMessage().setBody(Map.of("crmId", "c-1", "title", "Buyer")));
        assertNull(created.getException());
        assertEquals(201, created.getMessage().getHeader(GenesysConstants.HTTP_STATUS), "Genesys created the contact");
        Exchange updated = template.request(r, x -> x.getMessage().setBody(Map.of("crmId", "c-1", "title", "CEO")));
        assertEquals(200, updated.getMessage().getHeader(GenesysConstants.HTTP_STATUS), "Genesys updated it");
        assertEquals("CEO", updated.getMessage().getBody(ExternalContact.class).getTitle());
        Exchange dry = template.request(route(contacts("enrich", "action=Upsert&identifierType=ExternalId"
                                                                  + "&identifierField=crmId&dryRun=true")),
                x -> x.getMessage().setBody(Map.of("crmId", "c-2", "title", "New")));
        assertEquals(200, dry.getMessage().getHeader(GenesysConstants.HTTP_STATUS), "a dry run creates nothing");
        assertEquals(1, sim().externalContacts().contactCount());
    }

    @Test
    void enrichWithTheIdentifierValueHeaderAndInsertConflict() throws Exception {
        String r = route(contacts("enrich", "action=Insert&identifierType=Email"));
        Map<String, String> contact = Map.of("firstName", "A", "lastName", "B");
        template.requestBodyAndHeader(r, contact, ContactsConstants.IDENTIFIER_VALUE, "a.b@example.com");
        Exchange again = template.request(r, e -> {
            e.getMessage().setBody(contact);
            e.getMessage().setHeader(ContactsConstants.IDENTIFIER_VALUE, "a.b@example.com");
        });
        GenesysApiException e = assertInstanceOf(GenesysApiException.class, again.getException());
        assertEquals(409, e.getHttpStatus());
    }

    @Test
    void enrichDryRunStoresNothing() throws Exception {
        ExternalContact preview = body("enrich", "dryRun=true", Map.of("action", "Upsert",
                "matchingIdentifiers", List.of(Map.of("type", "ExternalId", "value", "x-1")),
                "contact", Map.of("firstName", "Dry", "lastName", "Run")), ExternalContact.class);
        assertEquals("Dry", preview.getFirstName());
        assertEquals(0, sim().externalContacts().contactCount());
    }

    @Test
    void mergeCreatesANewContactFromTheSources() throws Exception {
        List<String> ids = sim().externalContacts().seedContacts(4);
        ExternalContact merged = body("merge", "", Map.of("contactIds", ids.subList(0, 3)), ExternalContact.class);
        assertNotNull(merged.getId());
        assertEquals(3, merged.getMergedFrom().size());
        GenesysApiException e = assertInstanceOf(GenesysApiException.class,
                failure("merge", "", Map.of("contactIds", List.of(ids.get(3), "no-such-contact"))));
        assertEquals(404, e.getHttpStatus());
    }

    @Test
    void promoteAnObservedContactAndRefuseACuratedOne() throws Exception {
        ExternalContact observed = body("create", "", Map.of("firstName", "O", "lastName", "B", "type", "Ephemeral"),
                ExternalContact.class);
        ExternalContact promoted = body("promote", "contactId=" + observed.getId(), null, ExternalContact.class);
        assertEquals("Curated", promoted.getType());
        GenesysApiException e = assertInstanceOf(GenesysApiException.class,
                failure("promote", "contactId=" + observed.getId(), null));
        assertEquals(400, e.getHttpStatus());
        ExternalContact unresolved = body("getUnresolved", "contactId=" + observed.getId(), null, ExternalContact.class);
        assertEquals(observed.getId(), unresolved.getId());
    }

    @Test
    void identifiersClaimListLookupReleaseAndUniqueness() throws Exception {
        List<String> ids = sim().externalContacts().seedContacts(2);
        ContactIdentifier email = new ContactIdentifier();
        email.setType("Email");
        email.setValue("vip@example.com");
        ContactIdentifier claimed = body("claimIdentifier", "contactId=" + ids.get(0), email, ContactIdentifier.class);
        assertNotNull(claimed.getId());
        List<?> listed = body("listIdentifiers", "contactId=" + ids.get(0), null, List.class);
        assertEquals(1, listed.size());
        assertInstanceOf(ContactIdentifier.class, listed.get(0));

        ExternalContact found = body("lookup", "", email, ExternalContact.class);
        assertEquals(ids.get(0), found.getId());

        GenesysApiException conflict = assertInstanceOf(GenesysApiException.class,
                failure("claimIdentifier", "contactId=" + ids.get(1), email));
        assertEquals(409, conflict.getHttpStatus(), "an identifier identifies one contact");

        body("releaseIdentifier", "contactId=" + ids.get(0), email, ContactIdentifier.class);
        assertEquals(0, body("listIdentifiers", "contactId=" + ids.get(0), null, List.class).size());
        GenesysApiException gone = assertInstanceOf(GenesysApiException.class, failure("lookup", "", email));
        assertEquals(404, gone.getHttpStatus());
    }

    @Test
    void reverseLookupFindsByEmail() throws Exception {
        sim().externalContacts().seedContacts(5);
        String r = route(contacts("reverseLookup", ""));
        ReverseLookupResult found = template.requestBodyAndHeader(r, null, ContactsConstants.LOOKUP_VAL,
                "contact2@example.com", ReverseLookupResult.class);
        assertEquals(1, found.getContacts().size());
        assertEquals("First2", found.getContacts().get(0).getFirstName());
        assertTrue(found.getAdditionalProperties().isEmpty(), "contacts only (ReverseWhitepagesLookupResult, SDK 262)");
    }

    @Test
    void reverseLookupAnswersAtMost25ContactsInOneDivisionWhenAsked() throws Exception {
        for (int i = 0; i < 30; i++) {
            body("create", "", Map.of("lastName", "S" + i, "workEmail", "shared@example.com",
                    "division", Map.of("id", i < 3 ? "div-b" : "div-a")), ExternalContact.class);
        }
        String r = route(contacts("reverseLookup", ""));
        assertEquals(25, template.requestBodyAndHeader(r, null, ContactsConstants.LOOKUP_VAL, "shared@example.com",
                ReverseLookupResult.class).getContacts().size(), "Maximum of 25 values returned (seed 003)");
        ReverseLookupResult inB = template.requestBodyAndHeaders(r, null, Map.of(ContactsConstants.LOOKUP_VAL,
                "shared@example.com", "CamelGenesysDivisionId", "div-b"), ReverseLookupResult.class);
        assertEquals(3, inB.getContacts().size());
    }

    @Test
    void journeySegmentsAndSessions() throws Exception {
        String contactId = sim().externalContacts().seedContacts(1).get(0);
        String id = "contactId=" + contactId;
        // UpdateSegmentAssignmentRequest: {"assign":{"segments":[{"id"}]}}, as a Map or the models
        JourneySegmentsResponse answer = body("updateJourneySegments", id, Map.of("assign",
                Map.of("segments", List.of(Map.of("id", "seg-1"), Map.of("id", "seg-2")))), JourneySegmentsResponse.class);
        assertEquals(0, answer.getUnprocessedItems().getCount());
        List<?> segments = body("getJourneySegments", id + "&limit=10", null, List.class);
        assertEquals(2, segments.size());
        SegmentAssignment first = assertInstanceOf(SegmentAssignment.class, segments.get(0));
        assertEquals("seg-1", first.getSegment().getId());
        assertEquals(contactId, first.getExternalContact().getId());
        assertNotNull(first.getDateAssigned());
        assertNotNull(first.getDateForUnassignment());

        SegmentRef seg1 = new SegmentRef();
        seg1.setId("seg-1");
        SegmentList unassign = new SegmentList();
        unassign.setSegments(List.of(seg1));
        JourneySegmentsRequest request = new JourneySegmentsRequest();
        request.setUnassign(unassign);
        body("updateJourneySegments", id, request, JourneySegmentsResponse.class);
        assertEquals(1, body("getJourneySegments", id, null, List.class).size());
        List<?> sessions = body("getJourneySessions", id + "&pageSize=50", null, List.class);
        assertTrue(sessions.isEmpty());
        GenesysApiException e = assertInstanceOf(GenesysApiException.class,
                failure("getJourneySegments", "contactId=nope", null));
        assertEquals(404, e.getHttpStatus());
    }

    @Test
    void associateAndDisassociateAConversation() throws Exception {
        String contactId = sim().externalContacts().seedContacts(1).get(0);
        // the body's conversationId (required by Genesys) is filled in from the conversationId option or header
        Exchange e = call("associateConversation", "conversationId=conv-1", Map.of("externalContactId", contactId,
                "communicationId", "comm-1", "mediaType", "CALL"));
        assertNull(e.getException());
        assertEquals(202, e.getMessage().getHeader(GenesysConstants.HTTP_STATUS), "Genesys accepts the association");
        Map<String, Object> stored = sim().externalContacts().conversation("conv-1").orElseThrow();
        assertEquals(contactId, stored.get("externalContactId"));
        assertEquals("conv-1", stored.get("conversationId"));
        call("associateConversation", "conversationId=conv-1", Map.of("conversationId", "conv-1",
                "communicationId", "comm-1", "mediaType", "CALL"));
        assertTrue(sim().externalContacts().conversation("conv-1").isEmpty());
        // an unknown media type is refused before sending, naming the SDK's values (MediaTypeEnum)
        int before = sim().requests().count("PUT", EC + "/conversations/**");
        IllegalArgumentException bad = assertInstanceOf(IllegalArgumentException.class, failure("associateConversation",
                "conversationId=conv-2", Map.of("communicationId", "c", "mediaType", "PIGEON")));
        assertTrue(bad.getMessage().contains("mediaType must be one of CALL, CALLBACK"), bad.getMessage());
        assertEquals(before, sim().requests().count("PUT", EC + "/conversations/**"), "nothing was sent");
    }
}
