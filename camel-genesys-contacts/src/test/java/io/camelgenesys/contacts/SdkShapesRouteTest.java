package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelgenesys.contacts.model.ContactPatchRequest;
import io.camelgenesys.contacts.model.ContactsPatchChange;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.contacts.model.PhoneNumber;
import io.camelgenesys.core.test.contract.ContractRecorder;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The requests genesys-contacts sends as Genesys' SDK defines them (issue 10 item 3), each through a route against
 * the simulator: PATCH as a change list (from a partial contact or as given), no required names, PhoneNumber's text
 * countryCode, scans over one division, and multi-valued query parameters repeated on the wire (read from a
 * recording relay in front of the simulator).
 */
class SdkShapesRouteTest extends ContactsTestSupport {

    private ContractRecorder recorder;

    @AfterEach
    void closeRecorder() throws Exception {
        if (recorder != null) {
            recorder.close();
        }
    }

    private String created(Map<String, Object> contact) throws Exception {
        return body("create", "", contact, ExternalContact.class).getId();
    }

    /** What the last PATCH of a contact sent, read from a relay in front of the simulator. */
    private String patchThroughRecorder(String contactId, Object body) throws Exception {
        recorder = recorder != null ? recorder : new ContractRecorder(sim().baseUrl());
        String uri = "genesys-contacts:patch?baseUrl=" + recorder.baseUrl()
                     + "&clientId=cloud-client&clientSecret=RAW(cloud-secret)&contactId=" + contactId;
        template.requestBody(route(uri), body, ExternalContact.class);
        List<ContractRecorder.Exchange> all = recorder.exchanges();
        for (int i = all.size() - 1; i >= 0; i--) {
            if ("PATCH".equals(all.get(i).method())) {
                return all.get(i).requestText();
            }
        }
        throw new AssertionError("no PATCH was sent: " + all);
    }

    @Test
    void aPartialContactIsSentAsTheChangeListGenesysTakes() throws Exception {
        String id = created(Map.of("firstName", "Jane", "lastName", "Smith", "title", "Buyer",
                "workEmail", "jane@example.com"));
        Map<String, Object> partial = new LinkedHashMap<>();
        partial.put("title", "CEO");
        partial.put("workEmail", null); // JSON null removes the field
        partial.put("address", Map.of("city", "Paris"));
        assertEquals("{\"changes\":[{\"field\":\"$.title\",\"value\":\"CEO\",\"action\":\"Update\"},"
                     + "{\"field\":\"$.workEmail\",\"action\":\"Remove\"},"
                     + "{\"field\":\"$.address\",\"value\":{\"city\":\"Paris\"},\"action\":\"Update\"}]}",
                patchThroughRecorder(id, partial));
        Map<String, Object> stored = sim().externalContacts().contact(id).orElseThrow();
        assertEquals("CEO", stored.get("title"));
        assertFalse(stored.containsKey("workEmail"));
        assertEquals("Smith", stored.get("lastName"), "what the patch does not name is kept");
        assertEquals(Map.of("city", "Paris"), stored.get("address"));

        // a POJO with only the fields to change, and JSON text, are partial contacts too
        ExternalContact pojo = new ExternalContact();
        pojo.setLastName("Doe");
        assertEquals("{\"changes\":[{\"field\":\"$.lastName\",\"value\":\"Doe\",\"action\":\"Update\"}]}",
                patchThroughRecorder(id, pojo));
        assertEquals("Doe", body("patch", "contactId=" + id, "{\"salutation\":\"Dr\"}", ExternalContact.class)
                .getLastName());
        assertEquals("Dr", sim().externalContacts().contact(id).orElseThrow().get("salutation"));
    }

    @Test
    void aChangeListIsSentAsIsWithTheSdksActions() throws Exception {
        String id = created(Map.of("firstName", "Ann", "externalIds", List.of(Map.of("value", "a",
                "externalSource", Map.of("id", "s"))), "address", Map.of("city", "Paris", "postalCode", "75001")));
        ContactsPatchChange city = new ContactsPatchChange();
        city.setField("$.address.city");
        city.setValue("Lyon");
        city.setAction("Update");
        ContactsPatchChange append = new ContactsPatchChange();
        append.setField("$.externalIds");
        append.setValue(List.of(Map.of("value", "b", "externalSource", Map.of("id", "s"))));
        append.setAction("AppendToCollection");
        ContactsPatchChange keep = new ContactsPatchChange();
        keep.setField("$.firstName");
        keep.setValue("Not used");
        keep.setAction("UpdateIfEmpty");
        ContactPatchRequest request = new ContactPatchRequest();
        request.setChanges(List.of(city, append, keep));
        String sent = patchThroughRecorder(id, request);
        assertTrue(sent.startsWith("{\"changes\":[{\"field\":\"$.address.city\",\"value\":\"Lyon\",\"action\":\"Update\"}"),
                sent);
        ExternalContact c = body("get", "contactId=" + id, null, ExternalContact.class);
        assertEquals("Lyon", c.getAddress().getCity());
        assertEquals("75001", c.getAddress().getPostalCode(), "a nested change leaves its siblings");
        assertEquals(2, c.getExternalIds().size());
        assertEquals("Ann", c.getFirstName(), "UpdateIfEmpty keeps a value");

        // the bare list of changes is accepted too
        body("patch", "contactId=" + id, List.of(Map.of("field", "$.externalIds", "action", "Remove")),
                ExternalContact.class);
        assertNull(body("get", "contactId=" + id, null, ExternalContact.class).getExternalIds());
    }

    @Test
    void noContactFieldIsRequiredOnCreateUpdateAndBulk() throws Exception {
        String id = created(Map.of("title", "Anonymous buyer"));
        assertEquals("a@example.com", body("update", "contactId=" + id, Map.of("workEmail", "a@example.com"),
                ExternalContact.class).getWorkEmail());
        Exchange added = call("bulkAdd", "", List.of(Map.of("title", "one"), Map.of("workEmail", "two@example.com")));
        assertNull(added.getException());
        List<?> contacts = added.getMessage().getBody(List.class);
        assertEquals(2, contacts.size());
        List<Map<String, Object>> updates = new ArrayList<>();
        for (Object o : contacts) {
            updates.add(Map.of("id", ((ExternalContact) o).getId(), "title", "renamed"));
        }
        assertNull(call("bulkUpdate", "", updates).getException());
        assertEquals(3, sim().externalContacts().contactCount());
    }

    @Test
    void phoneNumbersCarryTheirCountryCodeAsTextAndTheirExtensionAsALong() throws Exception {
        PhoneNumber work = new PhoneNumber();
        work.setE164("+13175550100");
        work.setCountryCode("US");
        work.setExtension(4_000_000_000L);
        ExternalContact c = new ExternalContact();
        c.setWorkPhone(work);
        ExternalContact created = body("create", "", c, ExternalContact.class);
        assertEquals("US", created.getWorkPhone().getCountryCode());
        assertEquals(4_000_000_000L, created.getWorkPhone().getExtension());
        ExternalOrganization org = body("createOrganization", "", Map.of("name", "Big", "employeeCount",
                3_000_000_000L), ExternalOrganization.class);
        assertEquals(3_000_000_000L, org.getEmployeeCount());
    }

    @Test
    void aScanGoesOverTheDivisionOfItsDivisionIdOption() throws Exception {
        for (int i = 0; i < 15; i++) {
            created(Map.of("lastName", "A" + i, "division", Map.of("id", "div-a")));
            created(Map.of("lastName", "B" + i, "division", Map.of("id", "div-b")));
        }
        Exchange scan = call("scan", "pageSize=10&pageAll=true&divisionId=div-b", null);
        java.util.Iterator<?> it = scan.getMessage().getBody(java.util.Iterator.class);
        int n = 0;
        while (it.hasNext()) {
            assertTrue(((ExternalContact) it.next()).getLastName().startsWith("B"));
            n++;
        }
        assertEquals(15, n, "every contact of div-b, over two pages, none of div-a");
    }

    @Test
    void multiValuedQueryParametersAreRepeatedOnTheWire() throws Exception {
        recorder = new ContractRecorder(sim().baseUrl());
        String org = body("createOrganization", "", Map.of("name", "Acme"), ExternalOrganization.class).getId();
        String id = created(Map.of("lastName", "Smith", "externalOrganization", Map.of("id", org)));
        String base = "?baseUrl=" + recorder.baseUrl() + "&clientId=cloud-client&clientSecret=RAW(cloud-secret)";
        ExternalContact got = template.requestBody(route("genesys-contacts:get" + base + "&contactId=" + id
                                                        + "&expand=externalOrganization,externalDataSources"),
                null, ExternalContact.class);
        assertEquals("Acme", got.getExternalOrganization().getName(), "Genesys read the repeated expand");
        template.requestBodyAndHeaders(route("genesys-contacts:search" + base), null,
                Map.of("CamelGenesysDivisionIds", List.of("d1", "d2"), "CamelGenesysExpand", List.of("externalOrganization")));
        template.requestBodyAndHeader(route("genesys-contacts:searchOrganizations" + base), null, "CamelGenesysTrustorId",
                "t1,t2");
        List<String> queries = new ArrayList<>();
        recorder.exchanges().forEach(x -> queries.add(x.method() + " " + x.path() + "?" + x.rawQuery()));
        assertTrue(queries.contains("GET /api/v2/externalcontacts/contacts/" + id
                                    + "?expand=externalOrganization&expand=externalDataSources"), queries.toString());
        assertTrue(queries.stream().anyMatch(q -> q.startsWith("GET /api/v2/externalcontacts/contacts?")
                                                  && q.contains("expand=externalOrganization&divisionIds=d1&divisionIds=d2")),
                queries.toString());
        assertTrue(queries.stream().anyMatch(q -> q.startsWith("GET /api/v2/externalcontacts/organizations?")
                                                  && q.contains("trustorId=t1&trustorId=t2")), queries.toString());
        assertNotNull(got.getId());
    }
}
