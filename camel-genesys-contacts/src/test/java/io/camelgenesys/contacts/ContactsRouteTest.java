package io.camelgenesys.contacts;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.Note;
import io.camelgenesys.contacts.model.PhoneNumber;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.Exchange;
import org.apache.camel.spi.BeanIntrospection;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contacts CRUD, search, scan and notes through routes against the simulator. */
class ContactsRouteTest extends ContactsTestSupport {

    private ExternalContact jane() {
        ExternalContact c = new ExternalContact();
        c.setFirstName("Jane");
        c.setLastName("Smith");
        c.setWorkEmail("jane.smith@example.com");
        PhoneNumber cell = new PhoneNumber();
        cell.setE164("+15559876543");
        c.setCellPhone(cell);
        c.setAdditionalProperty("crmField", "kept");
        return c;
    }

    @Test
    void createGetUpdatePatchDeleteWithTypedModels() throws Exception {
        ExternalContact created = body("create", "", jane(), ExternalContact.class);
        assertNotNull(created.getId());
        assertEquals("jane.smith@example.com", created.getWorkEmail());
        assertEquals("kept", created.getAdditionalProperties().get("crmField"), "unknown fields survive the round trip");

        ExternalContact got = body("get", "contactId=" + created.getId(), null, ExternalContact.class);
        assertEquals("Smith", got.getLastName());
        assertEquals("+15559876543", got.getCellPhone().getE164());

        got.setTitle("CTO");
        ExternalContact updated = body("update", "contactId=" + created.getId(), got, ExternalContact.class);
        assertEquals("CTO", updated.getTitle());
        assertEquals("kept", updated.getAdditionalProperties().get("crmField"));

        ExternalContact patched = body("patch", "contactId=" + created.getId(), Map.of("title", "CEO"),
                ExternalContact.class);
        assertEquals("CEO", patched.getTitle());
        assertEquals("Jane", patched.getFirstName(), "patch keeps what it does not send");

        Exchange deleted = call("delete", "contactId=" + created.getId(), null);
        assertNull(deleted.getException());
        assertEquals(204, deleted.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        assertTrue(sim().externalContacts().contact(created.getId()).isEmpty());
    }

    @Test
    void mapAndJsonBodiesAndTheIdFromAHeader() throws Exception {
        ExternalContact fromMap = body("create", "", Map.of("firstName", "Map", "lastName", "Body"),
                ExternalContact.class);
        ExternalContact fromJson = body("create", "", "{\"firstName\":\"Json\",\"lastName\":\"Body\"}",
                ExternalContact.class);
        assertEquals(2, sim().externalContacts().contactCount());
        String r = route(contacts("get", "contactId=not-this-one&outputType=map"));
        Map<?, ?> got = template.requestBodyAndHeader(r, null, ContactsConstants.CONTACT_ID, fromJson.getId(), Map.class);
        assertEquals("Json", got.get("firstName"));
        assertNotNull(fromMap.getId());
    }

    @Test
    void optionsAreReadThroughTheGeneratedConfigurerNotReflection() throws Exception {
        // the path id and query options are read per exchange: through the generated configurer (registered by
        // scheme) that is a plain switch; Camel's bean introspection would be slow and is not thread-safe
        String id = body("create", "", jane(), ExternalContact.class).getId();
        String get = route(contacts("get", "contactId=" + id + "&expand=externalOrganization"));
        BeanIntrospection introspection = PluginHelper.getBeanIntrospection(context);
        introspection.resetCounters();
        for (int i = 0; i < 20; i++) {
            assertEquals(id, template.requestBody(get, null, ExternalContact.class).getId());
        }
        assertEquals(0, introspection.getInvokedCounter(), "no option was read by reflection");
    }

    @Test
    void unknownContactIsA404ApiException() throws Exception {
        GenesysApiException e = assertInstanceOf(GenesysApiException.class, failure("get", "contactId=nope", null));
        assertEquals(404, e.getHttpStatus());
        assertTrue(e.getMessage().contains("/api/v2/externalcontacts/contacts/nope"), e.getMessage());
    }

    @Test
    void searchByPhoneEmailAndNameWithPageHeaders() throws Exception {
        sim().externalContacts().seedContacts(30);
        body("create", "", jane(), ExternalContact.class);
        String search = route(contacts("search", "pageSize=10"));
        List<?> byPhone = template.requestBodyAndHeader(search, null, ContactsConstants.Q, "+15559876543", List.class);
        assertEquals(1, byPhone.size());
        assertEquals("Jane", ((ExternalContact) byPhone.get(0)).getFirstName());
        List<?> byEmail = template.requestBodyAndHeader(search, null, ContactsConstants.Q, "contact7@example.com",
                List.class);
        assertEquals(1, byEmail.size());
        Exchange page = template.request(search, e -> e.getMessage().setHeader(ContactsConstants.Q, "Last"));
        assertEquals(10, page.getMessage().getBody(List.class).size());
        assertEquals(30L, page.getMessage().getHeader(GenesysConstants.TOTAL, Long.class));
        assertEquals(3, page.getMessage().getHeader(GenesysConstants.PAGE_COUNT));
    }

    @Test
    void searchPageAllStopsAtTheCapAndSaysToScan() throws Exception {
        sim().externalContacts().seedContacts(1_050);
        Exchange e = call("search", "pageSize=100&pageAll=true", null);
        assertEquals(Boolean.TRUE, e.getMessage().getHeader(GenesysConstants.PAGING_TRUNCATED));
        Iterator<?> it = e.getMessage().getBody(Iterator.class);
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        assertEquals(1_000, n);
    }

    @Test
    void scanReadsEverythingOnceWithACursor() throws Exception {
        sim().externalContacts().seedContacts(250);
        Exchange first = call("scan", "pageSize=100", null);
        assertEquals(100, first.getMessage().getBody(List.class).size());
        String cursor = first.getMessage().getHeader(GenesysConstants.NEXT_CURSOR, String.class);
        assertNotNull(cursor);
        Exchange all = call("scan", "pageSize=100&pageAll=true", null);
        Iterator<?> it = all.getMessage().getBody(Iterator.class);
        Set<String> ids = new HashSet<>();
        while (it.hasNext()) {
            ids.add(((ExternalContact) it.next()).getId());
        }
        assertEquals(250, ids.size());
    }

    @Test
    void notesCreateGetListUpdateDelete() throws Exception {
        String contactId = sim().externalContacts().seedContacts(1).get(0);
        String id = "contactId=" + contactId;
        Note note = new Note();
        note.setNoteText("Called about the renewal");
        Note created = body("createNote", id, note, Note.class);
        assertNotNull(created.getId());
        assertEquals(1, sim().externalContacts().noteCount(contactId));

        Note got = body("getNote", id + "&noteId=" + created.getId(), null, Note.class);
        assertEquals("Called about the renewal", got.getNoteText());

        body("createNote", id, Map.of("noteText", "Second"), Note.class);
        List<?> notes = body("listNotes", id + "&sortOrder=createDate:asc", null, List.class);
        assertEquals(2, notes.size());
        List<?> scanned = body("scanNotes", "pageSize=10", null, List.class);
        assertEquals(2, scanned.size());
        assertInstanceOf(Note.class, scanned.get(0));

        got.setNoteText("Renewal signed");
        Note updated = body("updateNote", id + "&noteId=" + created.getId(), got, Note.class);
        assertEquals("Renewal signed", updated.getNoteText());

        Exchange deleted = call("deleteNote", id + "&noteId=" + created.getId(), null);
        assertNull(deleted.getException());
        assertEquals(1, sim().externalContacts().noteCount(contactId));
        assertInstanceOf(GenesysApiException.class, failure("getNote", id + "&noteId=" + created.getId(), null));
    }

    @Test
    void noteOfAnUnknownContactIs404() throws Exception {
        GenesysApiException e = assertInstanceOf(GenesysApiException.class,
                failure("createNote", "contactId=nope", Map.of("noteText", "x")));
        assertEquals(404, e.getHttpStatus());
        assertFalse(e.getMessage().isEmpty());
    }
}
