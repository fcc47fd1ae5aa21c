package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.contacts.model.ContactSearchRequest;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.contacts.model.Note;
import io.camelgenesys.contacts.model.Relationship;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PATCH of organizations, notes and relationships, the bulk operations of notes and relationships and the POST
 * search of contacts, through routes: partial entities and change lists, what Genesys owns refused before sending,
 * Genesys' 400 and 404 bodies, per-item bulk failures mapped to the input (nothing lost or stored twice), and
 * concurrent patches that lose no change.
 */
class PatchBulkNotesSearchRouteTest extends ContactsTestSupport {

    private ExternalOrganization organization(String name) throws Exception {
        ExternalOrganization o = new ExternalOrganization();
        o.setName(name);
        o.setIndustry("Software");
        return body("createOrganization", "", o, ExternalOrganization.class);
    }

    @Test
    void patchOrganizationsAsPartialEntitiesOrChangeLists() throws Exception {
        String id = "externalOrganizationId=" + organization("Acme").getId();
        Map<String, Object> partial = new HashMap<>();
        partial.put("industry", null); // a null field is a Remove
        partial.put("companyType", "Partner");
        ExternalOrganization patched = body("patchOrganization", id, partial, ExternalOrganization.class);
        assertEquals("Acme", patched.getName(), "what the patch leaves out stays");
        assertNull(patched.getIndustry());
        assertEquals("Partner", patched.getCompanyType());

        // Genesys' 400: the change leaves the organization without its required name
        GenesysApiException noName = assertInstanceOf(GenesysApiException.class, failure("patchOrganization", id,
                Map.of("changes", List.of(Map.of("field", "$.name", "action", "Remove")))));
        assertEquals(400, noName.getHttpStatus());
        assertTrue(noName.getMessage().contains("name"), noName.getMessage());

        IllegalArgumentException owned = assertInstanceOf(IllegalArgumentException.class,
                failure("patchOrganization", id, Map.of("id", "other", "industry", "Retail")));
        assertTrue(owned.getMessage().contains("id is set by Genesys")
                   && owned.getMessage().contains("externalOrganizationId option or CamelGenesysExternalOrganizationId"),
                owned.getMessage());
        assertEquals(2, sim().requests().count("PATCH", EC + "/organizations/" + id.substring(id.indexOf('=') + 1)),
                "the refused partial was not sent");

        GenesysApiException unknown = assertInstanceOf(GenesysApiException.class,
                failure("patchOrganization", "externalOrganizationId=nope", Map.of("industry", "Retail")));
        assertEquals(404, unknown.getHttpStatus());
    }

    @Test
    void patchNotesAndRelationships() throws Exception {
        ExternalOrganization acme = organization("Acme");
        String contactId = body("create", "", Map.of("firstName", "Jo"), ExternalContact.class).getId();
        Note note = body("createNote", "contactId=" + contactId, Map.of("noteText", "first"), Note.class);
        String noteUri = "contactId=" + contactId + "&noteId=" + note.getId();
        Note patched = body("patchNote", noteUri, Map.of("noteText", "second"), Note.class);
        assertEquals("second", patched.getNoteText());
        assertEquals(note.getCreatedBy(), patched.getCreatedBy(), "the author stays");
        GenesysApiException noText = assertInstanceOf(GenesysApiException.class, failure("patchNote", noteUri,
                Map.of("changes", List.of(Map.of("field", "$.noteText", "action", "Remove")))));
        assertEquals(400, noText.getHttpStatus());

        String orgId = "externalOrganizationId=" + acme.getId();
        Note orgNote = body("createOrganizationNote", orgId, Map.of("noteText", "org note"), Note.class);
        assertEquals("patched", body("patchOrganizationNote", orgId + "&noteId=" + orgNote.getId(),
                Map.of("noteText", "patched"), Note.class).getNoteText());
        IllegalArgumentException parentAndChild = assertInstanceOf(IllegalArgumentException.class,
                failure("patchOrganizationNote", orgId + "&noteId=" + orgNote.getId(), Map.of("changes", List.of(
                        Map.of("field", "$.createdBy", "value", Map.of("id", "u2"), "action", "Update"),
                        Map.of("field", "$.createdBy.id", "value", "u3", "action", "Update")))));
        assertTrue(parentAndChild.getMessage().contains("409"), parentAndChild.getMessage());

        Relationship rel = body("createRelationship", "", Map.of("relationship", "Owner", "user", Map.of("id", "u1"),
                "externalOrganization", Map.of("id", acme.getId())), Relationship.class);
        String relId = "relationshipId=" + rel.getId();
        Relationship relPatched = body("patchRelationship", relId, Map.of("relationship", "Sponsor"),
                Relationship.class);
        assertEquals("Sponsor", relPatched.getRelationship());
        assertEquals("u1", relPatched.getUser().get("id"));
        IllegalArgumentException tooLong = assertInstanceOf(IllegalArgumentException.class,
                failure("patchRelationship", relId, Map.of("relationship", "x".repeat(101))));
        assertTrue(tooLong.getMessage().contains("relationship must be between 1 and 100"), tooLong.getMessage());
    }

    @Test
    void bulkNotesReportExactlyTheFailedItems() throws Exception {
        ExternalOrganization acme = organization("Acme");
        String contactId = body("create", "", Map.of("firstName", "Bulk"), ExternalContact.class).getId();
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("noteText", "note " + i);
            n.put("entityId", i % 2 == 0 ? contactId : acme.getId());
            n.put("entityType", i % 2 == 0 ? "contact" : "organization");
            notes.add(n);
        }
        notes.get(7).remove("entityId"); // refused by the rules
        notes.get(40).put("noteText", "");
        notes.get(41).put("entityType", "user");
        notes.get(60).put("entityId", "no-such-contact"); // refused by Genesys (404 for that item)
        notes.get(99).put("entityId", "no-such-org");
        Exchange e = call("bulkAddNotes", "bulkFailureMode=continue&bulkBatchSize=30", notes);
        assertNull(e.getException());
        List<?> failures = e.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        Set<Integer> failed = new TreeSet<>();
        for (Object o : failures) {
            BulkFailure f = (BulkFailure) o;
            failed.add(f.index());
            assertSame(notes.get(f.index()), f.item());
        }
        assertEquals(Set.of(7, 40, 41, 60, 99), failed);
        assertEquals(404, ((BulkFailure) failures.get(3)).status());
        List<?> added = e.getMessage().getBody(List.class);
        assertEquals(95, added.size());
        assertEquals(48, sim().externalContacts().noteCount(contactId), "50 on the contact, 2 of them failed");
        assertEquals(4, sim().requests().count("POST", EC + "/bulk/notes/add"), "95 valid notes in batches of 30");

        List<Map<String, Object>> updates = new ArrayList<>();
        updates.add(Map.of("id", ((Note) added.get(0)).getId(), "noteText", "updated"));
        updates.add(Map.of("id", "no-such-note", "noteText", "x"));
        Exchange updated = call("bulkUpdateNotes", "bulkFailureMode=continue", updates);
        assertEquals("updated", ((Note) updated.getMessage().getBody(List.class).get(0)).getNoteText());
        assertEquals(1, updated.getMessage().getHeader(ContactsConstants.BULK_FAILURE_COUNT));

        List<String> ids = new ArrayList<>();
        added.forEach(n -> ids.add(((Note) n).getId()));
        assertEquals(95, body("bulkGetNotes", "", ids, List.class).size());
        Exchange removed = call("bulkRemoveNotes", "bulkFailureMode=continue", ids);
        assertEquals(95, removed.getMessage().getHeader(ContactsConstants.BULK_SUCCESS_COUNT));
        assertEquals(0, sim().externalContacts().noteCount(contactId));
        Exchange again = call("bulkRemoveNotes", "bulkFailureMode=continue", ids.subList(0, 3));
        assertEquals(3, again.getMessage().getHeader(ContactsConstants.BULK_FAILURE_COUNT), "each is 404 now");
    }

    /**
     * A bulk note update is a PUT of each note: seed 003 gives noteText as optional there ("noteTextstringNo", the
     * PUT of a contact's note, L698) and the SDK requires nothing of a Note but its author, so an item that changes
     * only the author keeps the text. The contract check found the component refusing it ("noteText is required").
     */
    @Test
    void bulkUpdateNotesTakesAnItemWithoutNoteText() throws Exception {
        String contactId = body("create", "", Map.of("firstName", "Ada"), ExternalContact.class).getId();
        Note note = body("createNote", "contactId=" + contactId, Map.of("noteText", "kept"), Note.class);
        List<?> updated = body("bulkUpdateNotes", "", List.of(Map.of("id", note.getId(), "createdBy",
                Map.of("id", "user-9"))), List.class);
        assertEquals(1, updated.size());
        assertEquals("kept", ((Note) updated.get(0)).getNoteText(), "what the item leaves out stays");
        assertEquals("user-9", ((Note) updated.get(0)).getCreatedBy().get("id"));
    }

    @Test
    void bulkRelationships() throws Exception {
        ExternalOrganization acme = organization("Acme");
        List<Map<String, Object>> rels = List.of(
                Map.of("relationship", "Owner", "user", Map.of("id", "u1"), "externalOrganization", Map.of("id", acme.getId())),
                Map.of("relationship", "Ghost", "user", Map.of("id", "u2"), "externalOrganization", Map.of("id", "nope")),
                Map.of("relationship", "Support", "user", Map.of("id", "u3"), "externalOrganization", Map.of("id", acme.getId())));
        Exchange e = call("bulkAddRelationships", "bulkFailureMode=continue", rels);
        List<?> added = e.getMessage().getBody(List.class);
        assertEquals(2, added.size());
        BulkFailure ghost = (BulkFailure) e.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class).get(0);
        assertEquals(1, ghost.index());
        assertEquals(400, ghost.status());
        assertTrue(ghost.error().contains("nope"), ghost.error());

        String id = ((Relationship) added.get(0)).getId();
        List<?> updated = body("bulkUpdateRelationships", "", List.of(Map.of("id", id, "relationship", "Lead",
                "user", Map.of("id", "u1"), "externalOrganization", Map.of("id", acme.getId()))), List.class);
        assertEquals("Lead", ((Relationship) updated.get(0)).getRelationship());
        assertEquals("Lead", ((Relationship) body("bulkGetRelationships", "", List.of(id), List.class).get(0))
                .getRelationship());
        BulkException noId = assertInstanceOf(BulkException.class, failure(
                "bulkUpdateRelationships", "", List.of(Map.of("relationship", "Lead", "user", Map.of("id", "u1"),
                        "externalOrganization", Map.of("id", acme.getId())))));
        assertTrue(noId.getFailures().get(0).error().contains("id is required"), noId.getMessage());
        assertEquals(1, sim().requests().count("POST", EC + "/bulk/relationships/update"), "the invalid item not sent");
        assertEquals(2, body("bulkRemoveRelationships", "", List.of(id, ((Relationship) added.get(1)).getId()),
                List.class).size());
    }

    @Test
    void searchContactsTakesItsPageAndQueryInTheBody() throws Exception {
        sim().externalContacts().seedContacts(30);
        ContactSearchRequest request = new ContactSearchRequest();
        request.setPageSize(5);
        request.setOperation(Map.of("simpleSearch", Map.of("query", "First1", "sortOrder", List.of("firstName:desc"))));
        Exchange e = call("searchContacts", "", request);
        List<?> page = e.getMessage().getBody(List.class);
        assertEquals(5, page.size());
        assertEquals(11L, e.getMessage().getHeader(GenesysConstants.TOTAL), "First1 and First10-First19");
        assertEquals("First19", ((ExternalContact) page.get(0)).getFirstName());

        ContactSearchRequest tooFar = new ContactSearchRequest();
        tooFar.setPageSize(100);
        tooFar.setPageNumber(11);
        IllegalArgumentException cap = assertInstanceOf(IllegalArgumentException.class,
                failure("searchContacts", "", tooFar));
        assertTrue(cap.getMessage().contains("at most 1,000"), cap.getMessage());
        assertEquals(1, sim().requests().count("POST", EC + "/contacts/search"));

        // Genesys' 400 body for what the client leaves to it: ids must be text
        GenesysApiException badIds = assertInstanceOf(GenesysApiException.class, failure("searchContacts", "",
                Map.of("operation", Map.of("simpleSearch", Map.of("ids", List.of(1, 2))))));
        assertEquals(400, badIds.getHttpStatus());
        assertTrue(badIds.getMessage().contains("ids[0] must be text"), badIds.getMessage());
    }

    @Test
    void concurrentPatchesOfOneOrganizationLoseNoChange() throws Exception {
        String id = organization("Busy").getId();
        String from = route(contacts("patchOrganization", "rateLimit=0&externalOrganizationId=" + id));
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add(template.asyncRequestBody(from, Map.of("changes", List.of(Map.of("field", "$.tags",
                    "value", List.of("tag-" + i), "action", "AppendToCollection")))));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        ExternalOrganization after = body("getOrganization", "externalOrganizationId=" + id, null,
                ExternalOrganization.class);
        assertEquals(40, new TreeSet<>(after.getTags()).size(), "every appended tag, once");
        assertEquals(40, after.getTags().size());
    }
}
