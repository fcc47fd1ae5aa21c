package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelgenesys.contacts.model.ExternalContact;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk batch of valid items whose request body would be over the 512,000 bytes Genesys accepts in one request: it
 * is sent as several smaller requests. Before, the whole batch failed before sending, each item with status 0
 * ({@code refused()} false), so a sync kept every row for its next run, where it failed again, forever.
 */
class BulkBodySizeRouteTest extends ContactsTestSupport {

    private static final String ADD_NOTES = EC + "/bulk/notes/add";

    private List<Map<String, Object>> longNotes(String contactId, int n) {
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> note = new LinkedHashMap<>();
            // 30,000 characters: under the 32,000 a note may have (seed 003), 17 of them are over 512,000 bytes
            note.put("noteText", i + " " + "n".repeat(30_000));
            note.put("entityId", contactId);
            note.put("entityType", "contact");
            notes.add(note);
        }
        return notes;
    }

    @Test
    void aBatchOverTheBodyLimitIsSentInSmallerRequests() throws Exception {
        String contactId = body("create", "", Map.of("firstName", "Long"), ExternalContact.class).getId();
        List<Map<String, Object>> notes = longNotes(contactId, 40);
        Exchange e = call("bulkAddNotes", "", notes);
        assertNull(e.getException(), () -> "every note is valid and fits a request of its own: " + e.getException());
        assertEquals(40, e.getMessage().getHeader(ContactsConstants.BULK_SUCCESS_COUNT));
        assertEquals(0, e.getMessage().getHeader(ContactsConstants.BULK_FAILURE_COUNT));
        List<?> successes = e.getMessage().getHeader(ContactsConstants.BULK_SUCCESSES, List.class);
        for (int i = 0; i < 40; i++) {
            assertEquals(i, ((BulkSuccess) successes.get(i)).index());
        }
        assertEquals(40, sim().externalContacts().noteCount(contactId));
        // 30 KB a note: 16 fit under 512,000 bytes
        assertEquals(3, sim().requests().count("POST", ADD_NOTES));
    }

    @Test
    void anItemOverTheBodyLimitOnItsOwnIsRefusedAndTheOthersAreSent() throws Exception {
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contacts.add(new LinkedHashMap<>(Map.of("firstName", "Row" + i)));
        }
        // 600 external ids of 1,000 characters: no field limit breaks, but one request cannot carry it
        Map<String, Object> huge = new LinkedHashMap<>(Map.of("firstName", "Huge"));
        List<Map<String, Object>> tags = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            tags.add(Map.of("value", "x".repeat(1_000)));
        }
        huge.put("schema", Map.of("id", "none", "version", 1));
        huge.put("customFields", Map.of("blob", tags));
        contacts.add(1, huge);
        Exchange e = call("bulkAdd", "bulkFailureMode=continue&validateCustomFields=false", contacts);
        assertNull(e.getException());
        List<?> failures = e.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        assertEquals(1, failures.size());
        BulkFailure failure = (BulkFailure) failures.get(0);
        assertEquals(1, failure.index());
        assertTrue(failure.refused(), "it can never be sent: dead-letter it");
        assertTrue(failure.error().contains("512,000"), failure.error());
        assertEquals(3, e.getMessage().getHeader(ContactsConstants.BULK_SUCCESS_COUNT));
    }
}
