package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelgenesys.contacts.model.ContactIdentifier;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.contacts.model.ExternalOrganizationTrustorLink;
import io.camelgenesys.contacts.model.ExternalSource;
import io.camelgenesys.contacts.model.Note;
import io.camelgenesys.contacts.model.Relationship;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Organizations, their notes, identifiers and trustor, relationships and external sources through routes. */
class OrganizationsRouteTest extends ContactsTestSupport {

    private ExternalOrganization organization(String name) throws Exception {
        ExternalOrganization o = new ExternalOrganization();
        o.setName(name);
        o.setIndustry("Software");
        return body("createOrganization", "", o, ExternalOrganization.class);
    }

    @Test
    void organizationCrudSearchScanAndContacts() throws Exception {
        ExternalOrganization acme = organization("Acme Corp");
        organization("Tech Solutions Inc");
        String id = "externalOrganizationId=" + acme.getId();
        assertEquals("Acme Corp", body("getOrganization", id, null, ExternalOrganization.class).getName());

        acme.setEmployeeCount(9_000_000_000L); // an int64 in the SDK
        assertEquals(9_000_000_000L, body("updateOrganization", id, acme, ExternalOrganization.class)
                .getEmployeeCount());

        List<?> found = body("searchOrganizations", "q=acme", null, List.class);
        assertEquals(1, found.size());

        Exchange scanned = call("scanOrganizations", "pageSize=10&pageAll=true", null);
        Iterator<?> it = scanned.getMessage().getBody(Iterator.class);
        int n = 0;
        while (it.hasNext()) {
            assertInstanceOf(ExternalOrganization.class, it.next());
            n++;
        }
        assertEquals(2, n);

        body("create", "", Map.of("firstName", "Em", "lastName", "Ployee", "externalOrganization",
                Map.of("id", acme.getId())), ExternalContact.class);
        List<?> members = body("listOrganizationContacts", id, null, List.class);
        assertEquals(1, members.size());

        assertNull(call("deleteOrganization", id, null).getException());
        assertEquals(1, sim().externalContacts().organizationCount());
        GenesysApiException e = assertInstanceOf(GenesysApiException.class, failure("getOrganization", id, null));
        assertEquals(404, e.getHttpStatus());
    }

    @Test
    void organizationNotesIdentifiersLookupEnrichAndTrustor() throws Exception {
        ExternalOrganization acme = organization("Acme Corp");
        String id = "externalOrganizationId=" + acme.getId();
        Note note = body("createOrganizationNote", id, Map.of("noteText", "Key account"), Note.class);
        assertEquals("Key account", body("getOrganizationNote", id + "&noteId=" + note.getId(), null, Note.class)
                .getNoteText());
        assertEquals(1, body("listOrganizationNotes", id, null, List.class).size());
        note.setNoteText("Key account, renewed");
        note.setCreatedBy(Map.of("id", "user-1"));
        assertEquals("Key account, renewed", body("updateOrganizationNote", id + "&noteId=" + note.getId(), note,
                Note.class).getNoteText());
        assertNull(call("deleteOrganizationNote", id + "&noteId=" + note.getId(), null).getException());

        ContactIdentifier domain = new ContactIdentifier();
        domain.setType("ExternalId");
        domain.setValue("acct-42");
        body("claimOrganizationIdentifier", id, domain, ContactIdentifier.class);
        assertEquals(1, body("listOrganizationIdentifiers", id, null, List.class).size());
        assertEquals(acme.getId(), body("lookupOrganization", "", domain, ExternalOrganization.class).getId());
        body("releaseOrganizationIdentifier", id, domain, ContactIdentifier.class);
        assertEquals(0, body("listOrganizationIdentifiers", id, null, List.class).size());

        Map<String, Object> globex = Map.of("action", "Upsert",
                "matchingIdentifiers", List.of(Map.of("type", "ExternalId", "value", "acct-77")),
                "externalOrganization", Map.of("name", "Globex"));
        Exchange created = call("enrichOrganization", "", globex);
        assertEquals("Globex", created.getMessage().getBody(ExternalOrganization.class).getName());
        assertEquals(201, created.getMessage().getHeader(GenesysConstants.HTTP_STATUS), "created");
        assertEquals(2, sim().externalContacts().organizationCount());
        assertEquals(200, call("enrichOrganization", "", globex).getMessage().getHeader(GenesysConstants.HTTP_STATUS),
                "updated");

        // linkTrustor answers the link (ExternalOrganizationTrustorLink), not the organization
        String trustor = id + "&trustorId=trustor-1";
        ExternalOrganizationTrustorLink link = body("linkTrustor", trustor, null, ExternalOrganizationTrustorLink.class);
        assertEquals(acme.getId(), link.getExternalOrganizationId());
        assertEquals("trustor-1", link.getTrustorOrgId());
        assertEquals("/api/v2/externalcontacts/organizations/" + acme.getId(), link.getExternalOrganizationUri());
        assertNotNull(link.getDateCreated());
        assertEquals("trustor-1", body("getOrganization", id + "&includeTrustors=true", null,
                ExternalOrganization.class).getTrustor().get("id"));
        List<?> byTrustor = body("searchOrganizations", "trustorId=trustor-1&includeTrustors=true", null, List.class);
        assertEquals(1, byTrustor.size());
        // several trustors: sent as the parameter repeated, each found
        Exchange other = call("createOrganization", "", Map.of("name", "Initech"));
        String otherId = other.getMessage().getBody(ExternalOrganization.class).getId();
        body("linkTrustor", "externalOrganizationId=" + otherId + "&trustorId=trustor-2", null,
                ExternalOrganizationTrustorLink.class);
        Exchange both = template.request(route(contacts("searchOrganizations", "")),
                x -> x.getMessage().setHeader("CamelGenesysTrustorId", List.of("trustor-1", "trustor-2")));
        assertEquals(2, both.getMessage().getBody(List.class).size());
        assertNull(call("unlinkTrustor", id, null).getException());
        GenesysApiException e = assertInstanceOf(GenesysApiException.class, failure("unlinkTrustor", id, null));
        assertEquals(404, e.getHttpStatus(), "no trustor left to unlink");
    }

    @Test
    void bulkOrganizations() throws Exception {
        List<Map<String, Object>> orgs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orgs.add(Map.of("name", "Org " + i));
        }
        orgs.add(Map.of("industry", "no name"));
        Exchange added = call("bulkAddOrganizations", "bulkFailureMode=continue&bulkBatchSize=5", orgs);
        assertEquals(12, added.getMessage().getBody(List.class).size());
        assertEquals(12, ((BulkFailure) added.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class).get(0))
                .index());
        List<String> ids = new ArrayList<>();
        added.getMessage().getBody(List.class).forEach(o -> ids.add(((ExternalOrganization) o).getId()));
        List<?> fetched = body("bulkGetOrganizations", "", ids, List.class);
        assertEquals(12, fetched.size());
        List<ExternalOrganization> renamed = new ArrayList<>();
        for (Object o : fetched) {
            ExternalOrganization org = (ExternalOrganization) o;
            org.setIndustry("Retail");
            renamed.add(org);
        }
        assertNull(call("bulkUpdateOrganizations", "", renamed).getException());
        assertEquals("Retail", body("getOrganization", "externalOrganizationId=" + ids.get(0), null,
                ExternalOrganization.class).getIndustry());
        assertNull(call("bulkRemoveOrganizations", "", ids).getException());
        assertEquals(0, sim().externalContacts().organizationCount());

        List<Map<String, Object>> accounts = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            accounts.add(Map.of("accountId", "acct-" + i, "name", "Account " + i));
        }
        String upsert = "action=Upsert&identifierType=ExternalId&identifierField=accountId";
        assertNull(call("bulkEnrichOrganizations", upsert, accounts).getException());
        assertNull(call("bulkEnrichOrganizations", upsert, accounts).getException());
        assertEquals(11, sim().externalContacts().organizationCount(), "upsert by account id is idempotent");
        assertEquals(4, sim().requests().count("POST", EC + "/bulk/organizations/enrich"), "batches of at most 10");
    }

    @Test
    void relationshipsCrudListAndScan() throws Exception {
        ExternalOrganization acme = organization("Acme Corp");
        Relationship r = new Relationship();
        r.setRelationship("Account Manager");
        r.setUser(Map.of("id", "user-1"));
        r.setExternalOrganization(acme);
        Relationship created = body("createRelationship", "", r, Relationship.class);
        String id = "relationshipId=" + created.getId();
        assertEquals("Account Manager", body("getRelationship", id, null, Relationship.class).getRelationship());
        created.setRelationship("Sales Engineer");
        assertEquals("Sales Engineer", body("updateRelationship", id, created, Relationship.class).getRelationship());
        List<?> listed = body("listOrganizationRelationships", "externalOrganizationId=" + acme.getId(), null,
                List.class);
        assertEquals(1, listed.size());
        assertEquals(1, body("scanRelationships", "pageSize=10", null, List.class).size());
        assertNull(call("deleteRelationship", id, null).getException());
        GenesysApiException e = assertInstanceOf(GenesysApiException.class, failure("getRelationship", id, null));
        assertEquals(404, e.getHttpStatus());
    }

    @Test
    void externalSourcesCrudAndCursorListing() throws Exception {
        for (String name : List.of("Salesforce", "SAP", "Zendesk")) {
            body("createExternalSource", "", Map.of("name", name, "active", !"SAP".equals(name)), ExternalSource.class);
        }
        Exchange page = call("listExternalSources", "name=S&pageSize=10", null);
        Set<String> names = new HashSet<>();
        page.getMessage().getBody(List.class).forEach(s -> names.add(((ExternalSource) s).getName()));
        assertEquals(Set.of("Salesforce", "SAP"), names, "name is a prefix filter");
        assertEquals(2, body("listExternalSources", "active=true", null, List.class).size());
        assertNull(page.getMessage().getHeader(GenesysConstants.NEXT_CURSOR));

        ExternalSource sap = (ExternalSource) body("listExternalSources", "name=SAP", null, List.class).get(0);
        String id = "externalSourceId=" + sap.getId();
        sap.setActive(true);
        assertTrue(body("updateExternalSource", id, sap, ExternalSource.class).getActive());
        assertEquals("SAP", body("getExternalSource", id, null, ExternalSource.class).getName());
        assertNull(call("deleteExternalSource", id, null).getException());
        assertEquals(2, sim().externalContacts().externalSourceCount());
        GenesysApiException dup = assertInstanceOf(GenesysApiException.class,
                failure("createExternalSource", "", Map.of("name", "Salesforce")));
        assertNotNull(dup.getErrorCode());
    }
}
