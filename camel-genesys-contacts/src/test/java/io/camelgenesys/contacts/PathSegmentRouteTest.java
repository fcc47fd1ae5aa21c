package io.camelgenesys.contacts;

import java.util.Map;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.Note;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core's operation dispatch (GenesysOperationExecutor) through genesys-contacts: a path parameter is one path segment
 * of the operation's resource, whatever value a header or an option gives it. A value {@code ..} or {@code .} is a
 * dot-segment that every URL resolver and HTTP server removes (RFC 3986 §5.2.4), so the request would address
 * another resource: {@code deleteNote} with noteId {@code ..} is {@code DELETE .../contacts/{contactId}}.
 */
class PathSegmentRouteTest extends ContactsTestSupport {

    @Test
    void aDotSegmentIdIsRefusedBeforeAnythingIsSentInsteadOfAddressingTheParentResource() throws Exception {
        ExternalContact contact = new ExternalContact();
        contact.setFirstName("Dot");
        contact.setLastName("Segment");
        String id = body("create", "", contact, ExternalContact.class).getId();
        body("createNote", "contactId=" + id, Map.of("noteText", "kept"), Note.class);
        long before = sim().requests().total();

        // the note id comes from a header, as it would from a CRM row
        Exchange e = template.request(route(contacts("deleteNote", "contactId=" + id)), x -> {
            x.getMessage().setHeader(ContactsConstants.NOTE_ID, "..");
        });
        IllegalArgumentException refused = assertInstanceOf(IllegalArgumentException.class, e.getException());
        assertTrue(refused.getMessage().contains("noteId") && refused.getMessage().contains("'..'"),
                refused.getMessage());
        assertEquals(before, sim().requests().total(), "nothing was sent");
        Exchange single = template.request(route(contacts("deleteNote", "contactId=" + id)), x -> {
            x.getMessage().setHeader(ContactsConstants.NOTE_ID, ".");
        });
        assertInstanceOf(IllegalArgumentException.class, single.getException());

        // the contact is still there, with its note
        ExternalContact still = body("get", "contactId=" + id, null, ExternalContact.class);
        assertNotNull(still);
        assertEquals("Segment", still.getLastName());
    }
}
