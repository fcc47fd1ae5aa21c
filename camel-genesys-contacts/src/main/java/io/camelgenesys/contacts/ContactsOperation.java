package io.camelgenesys.contacts;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.contacts.OperationDef.BulkKind;
import io.camelgenesys.contacts.model.ContactEnrichRequest;
import io.camelgenesys.contacts.model.ContactIdentifier;
import io.camelgenesys.contacts.model.ConversationAssociation;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.contacts.model.ExternalSource;
import io.camelgenesys.contacts.model.IdentifierClaimRequest;
import io.camelgenesys.contacts.model.JourneySegmentsRequest;
import io.camelgenesys.contacts.model.MergeRequest;
import io.camelgenesys.contacts.model.Note;
import io.camelgenesys.contacts.model.OrganizationEnrichRequest;
import io.camelgenesys.contacts.model.Relationship;
import io.camelgenesys.contacts.model.ReverseLookupResult;
import io.camelgenesys.contacts.model.WebServicesContact;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.PagingStyle;

import static io.camelgenesys.contacts.OperationDef.CONTACT;
import static io.camelgenesys.contacts.OperationDef.CONTACTS;
import static io.camelgenesys.contacts.OperationDef.EC;
import static io.camelgenesys.contacts.OperationDef.EXTERNAL_SOURCES;
import static io.camelgenesys.contacts.OperationDef.ORGANIZATION;
import static io.camelgenesys.contacts.OperationDef.ORGANIZATIONS;
import static io.camelgenesys.contacts.OperationDef.RELATIONSHIPS;
import static io.camelgenesys.contacts.OperationDef.WS_CONTACTS;
import static io.camelgenesys.contacts.OperationDef.cloud;
import static io.camelgenesys.contacts.QueryRule.atMost;
import static io.camelgenesys.contacts.QueryRule.range;
import static io.camelgenesys.core.operation.OperationSpec.delete;
import static io.camelgenesys.core.operation.OperationSpec.get;
import static io.camelgenesys.core.operation.OperationSpec.patch;
import static io.camelgenesys.core.operation.OperationSpec.post;
import static io.camelgenesys.core.operation.OperationSpec.put;

/**
 * The genesys-contacts operations. On platform {@code cloud} (the default) the Genesys Cloud External Contacts API
 * ({@code /api/v2/externalcontacts}, seed 003; paths as in the Genesys Cloud SDK's ExternalContactsApi); on
 * {@code webServices} the Engage Web Services contacts ({@code /api/v2/contacts}, seeds 001/004) for the five
 * operations that exist there. One line per operation: its spec per platform and the rules of its input.
 */
public enum ContactsOperation implements GenesysOperation {

    // ---- contacts ----------------------------------------------------------------------------------------------
    create(cloud(post(CONTACTS).body(ExternalContact.class).returns(ExternalContact.class)).rules(ContactsLimits.CONTACT)
            .webServices(post(WS_CONTACTS).body(WebServicesContact.class).returns(WebServicesContact.class),
                    ContactsLimits.WEB_SERVICES_CONTACT)),
    get(cloud(get(CONTACT).query("expand").returns(ExternalContact.class))
            .webServices(get(WS_CONTACTS + "/{contactId}").result("/contact").returns(WebServicesContact.class), null)),
    update(cloud(put(CONTACT).body(ExternalContact.class).returns(ExternalContact.class)).rules(ContactsLimits.CONTACT)
            .webServices(put(WS_CONTACTS + "/{contactId}").body(WebServicesContact.class),
                    ContactsLimits.WEB_SERVICES_CONTACT)),
    patch(cloud(patch(CONTACT).body(ExternalContact.class).returns(ExternalContact.class))
            .rules(ContactsLimits.CONTACT_PATCH)),
    delete(cloud(delete(CONTACT)).webServices(delete(WS_CONTACTS + "/{contactId}"), null)),
    search(cloud(get(CONTACTS).query("q", "sortOrder", "expand", "divisionIds").paging(PagingStyle.PAGE_NUMBER)
            .returns(ExternalContact.class)).queryRules(atMost("divisionIds", 50))
            .webServices(get(WS_CONTACTS).query("type", "name", "firstName", "lastName", "userName", "phoneNumber",
                    "employeeId").result("/contacts").total("/totalCount").returns(WebServicesContact.class), null)),
    scan(cloud(get(EC + "/scan/contacts").paging(PagingStyle.CURSOR).returns(ExternalContact.class))),
    getUnresolved(cloud(get(CONTACT + "/unresolved").query("expand").returns(ExternalContact.class))),
    promote(cloud(post(CONTACT + "/promotion").returns(ExternalContact.class))),
    enrich(cloud(post(CONTACTS + "/enrich").query("dryRun").body(ContactEnrichRequest.class)
            .returns(ExternalContact.class)).rules(ContactsLimits.ENRICH)),
    merge(cloud(post(CONTACTS + "/merge").body(MergeRequest.class).returns(ExternalContact.class))
            .rules(ContactsLimits.MERGE)),
    lookup(cloud(post(EC + "/identifierlookup/contacts").query("expand").body(ContactIdentifier.class)
            .returns(ExternalContact.class).idempotent(true)).rules(ContactsLimits.IDENTIFIER)),
    reverseLookup(cloud(get(EC + "/reversewhitepageslookup").query("lookupVal", "expand", "divisionId")
            .returns(ReverseLookupResult.class)).queryRules(QueryRule.required("lookupVal"))),
    listIdentifiers(cloud(get(CONTACT + "/identifiers").result("/entities").returns(ContactIdentifier.class))),
    claimIdentifier(cloud(patch(CONTACT + "/identifiers").body(IdentifierClaimRequest.class)
            .returns(ContactIdentifier.class)).rules(ContactsLimits.IDENTIFIER_CLAIM).identifierOperation("Claim")),
    releaseIdentifier(cloud(patch(CONTACT + "/identifiers").body(IdentifierClaimRequest.class)
            .returns(ContactIdentifier.class)).rules(ContactsLimits.IDENTIFIER_CLAIM).identifierOperation("Release")),
    getJourneySegments(cloud(get(CONTACT + "/journey/segments").query("includeMerged", "limit").result("/entities")
            .returns(JsonNode.class)).queryRules(range("limit", 1, 500))),
    updateJourneySegments(cloud(post(CONTACT + "/journey/segments").body(JourneySegmentsRequest.class)
            .returns(JsonNode.class)).rules(ContactsLimits.JOURNEY_SEGMENTS)),
    getJourneySessions(cloud(get(CONTACT + "/journey/sessions").query("pageSize", "after", "includeMerged")
            .result("/entities").returns(JsonNode.class)).queryRules(range("pageSize", 1, 200))),
    associateConversation(cloud(put(EC + "/conversations/{conversationId}").body(ConversationAssociation.class))
            .rules(ContactsLimits.CONVERSATION_ASSOCIATION)),

    // ---- bulk contacts -----------------------------------------------------------------------------------------
    bulkGet(bulk(EC + "/bulk/contacts", BulkKind.IDS, ExternalContact.class, ContactsLimits.ID_ONLY)),
    bulkAdd(bulk(EC + "/bulk/contacts/add", BulkKind.ENTITIES, ExternalContact.class, ContactsLimits.CONTACT)),
    bulkUpdate(bulk(EC + "/bulk/contacts/update", BulkKind.ENTITIES, ExternalContact.class,
            ContactsLimits.CONTACT_WITH_ID)),
    bulkRemove(bulk(EC + "/bulk/contacts/remove", BulkKind.IDS, ExternalContact.class, ContactsLimits.ID_ONLY)),
    bulkEnrich(bulk(EC + "/bulk/contacts/enrich", BulkKind.ENRICH, ExternalContact.class, ContactsLimits.ENRICH)),

    // ---- contact notes -----------------------------------------------------------------------------------------
    createNote(cloud(post(CONTACT + "/notes").body(Note.class).returns(Note.class)).rules(ContactsLimits.NOTE_CREATE)),
    getNote(cloud(get(CONTACT + "/notes/{noteId}").query("expand").returns(Note.class))),
    listNotes(cloud(get(CONTACT + "/notes").query("sortOrder", "expand").paging(PagingStyle.PAGE_NUMBER)
            .returns(Note.class))),
    updateNote(cloud(put(CONTACT + "/notes/{noteId}").body(Note.class).returns(Note.class))
            .rules(ContactsLimits.NOTE_UPDATE)),
    deleteNote(cloud(delete(CONTACT + "/notes/{noteId}"))),
    scanNotes(cloud(get(EC + "/scan/notes").paging(PagingStyle.CURSOR).returns(Note.class))),

    // ---- organizations -----------------------------------------------------------------------------------------
    createOrganization(cloud(post(ORGANIZATIONS).body(ExternalOrganization.class).returns(ExternalOrganization.class))
            .rules(ContactsLimits.ORGANIZATION)),
    getOrganization(cloud(get(ORGANIZATION).query("expand", "includeTrustors").returns(ExternalOrganization.class))),
    updateOrganization(cloud(put(ORGANIZATION).body(ExternalOrganization.class).returns(ExternalOrganization.class))
            .rules(ContactsLimits.ORGANIZATION)),
    deleteOrganization(cloud(delete(ORGANIZATION))),
    searchOrganizations(cloud(get(ORGANIZATIONS).query("q", "trustorId", "sortOrder", "expand", "includeTrustors",
            "divisionIds").paging(PagingStyle.PAGE_NUMBER).returns(ExternalOrganization.class))
            .queryRules(atMost("divisionIds", 50), atMost("trustorId", 25))),
    scanOrganizations(cloud(get(EC + "/scan/organizations").paging(PagingStyle.CURSOR)
            .returns(ExternalOrganization.class))),
    listOrganizationContacts(cloud(get(ORGANIZATION + "/contacts").query("q", "sortOrder", "expand")
            .paging(PagingStyle.PAGE_NUMBER).returns(ExternalContact.class))),
    listOrganizationRelationships(cloud(get(ORGANIZATION + "/relationships").query("expand", "sortOrder")
            .paging(PagingStyle.PAGE_NUMBER).returns(Relationship.class))),
    listOrganizationIdentifiers(cloud(get(ORGANIZATION + "/identifiers").result("/entities")
            .returns(ContactIdentifier.class))),
    claimOrganizationIdentifier(cloud(patch(ORGANIZATION + "/identifiers").body(IdentifierClaimRequest.class)
            .returns(ContactIdentifier.class)).rules(ContactsLimits.IDENTIFIER_CLAIM).identifierOperation("Claim")),
    releaseOrganizationIdentifier(cloud(patch(ORGANIZATION + "/identifiers").body(IdentifierClaimRequest.class)
            .returns(ContactIdentifier.class)).rules(ContactsLimits.IDENTIFIER_CLAIM).identifierOperation("Release")),
    lookupOrganization(cloud(post(EC + "/identifierlookup/organizations").query("expand").body(ContactIdentifier.class)
            .returns(ExternalOrganization.class).idempotent(true)).rules(ContactsLimits.IDENTIFIER)),
    enrichOrganization(cloud(post(ORGANIZATIONS + "/enrich").query("dryRun").body(OrganizationEnrichRequest.class)
            .returns(ExternalOrganization.class)).rules(ContactsLimits.ORGANIZATION_ENRICH)),
    linkTrustor(cloud(put(ORGANIZATION + "/trustor/{trustorId}").returns(ExternalOrganization.class))),
    unlinkTrustor(cloud(delete(ORGANIZATION + "/trustor"))),
    createOrganizationNote(cloud(post(ORGANIZATION + "/notes").body(Note.class).returns(Note.class))
            .rules(ContactsLimits.NOTE_CREATE)),
    getOrganizationNote(cloud(get(ORGANIZATION + "/notes/{noteId}").query("expand").returns(Note.class))),
    listOrganizationNotes(cloud(get(ORGANIZATION + "/notes").query("sortOrder", "expand")
            .paging(PagingStyle.PAGE_NUMBER).returns(Note.class))),
    updateOrganizationNote(cloud(put(ORGANIZATION + "/notes/{noteId}").body(Note.class).returns(Note.class))
            .rules(ContactsLimits.NOTE_UPDATE)),
    deleteOrganizationNote(cloud(delete(ORGANIZATION + "/notes/{noteId}"))),
    bulkGetOrganizations(bulk(EC + "/bulk/organizations", BulkKind.IDS, ExternalOrganization.class,
            ContactsLimits.ID_ONLY)),
    bulkAddOrganizations(bulk(EC + "/bulk/organizations/add", BulkKind.ENTITIES, ExternalOrganization.class,
            ContactsLimits.ORGANIZATION)),
    bulkUpdateOrganizations(bulk(EC + "/bulk/organizations/update", BulkKind.ENTITIES, ExternalOrganization.class,
            ContactsLimits.ORGANIZATION.and(BodyRules.text("id", 1, 255, true)))),
    bulkRemoveOrganizations(bulk(EC + "/bulk/organizations/remove", BulkKind.IDS, ExternalOrganization.class,
            ContactsLimits.ID_ONLY)),
    bulkEnrichOrganizations(bulk(EC + "/bulk/organizations/enrich", BulkKind.ENRICH, ExternalOrganization.class,
            ContactsLimits.ORGANIZATION_ENRICH)),

    // ---- relationships -----------------------------------------------------------------------------------------
    createRelationship(cloud(post(RELATIONSHIPS).body(Relationship.class).returns(Relationship.class))
            .rules(ContactsLimits.RELATIONSHIP)),
    getRelationship(cloud(get(RELATIONSHIPS + "/{relationshipId}").query("expand").returns(Relationship.class))),
    updateRelationship(cloud(put(RELATIONSHIPS + "/{relationshipId}").body(Relationship.class)
            .returns(Relationship.class)).rules(ContactsLimits.RELATIONSHIP)),
    deleteRelationship(cloud(delete(RELATIONSHIPS + "/{relationshipId}"))),
    scanRelationships(cloud(get(EC + "/scan/relationships").paging(PagingStyle.CURSOR).returns(Relationship.class))),

    // ---- external sources --------------------------------------------------------------------------------------
    createExternalSource(cloud(post(EXTERNAL_SOURCES).body(ExternalSource.class).returns(ExternalSource.class))
            .rules(ContactsLimits.EXTERNAL_SOURCE)),
    getExternalSource(cloud(get(EXTERNAL_SOURCES + "/{externalSourceId}").returns(ExternalSource.class))),
    listExternalSources(cloud(get(EXTERNAL_SOURCES).query("name", "active").paging(PagingStyle.CURSOR)
            .returns(ExternalSource.class))),
    updateExternalSource(cloud(put(EXTERNAL_SOURCES + "/{externalSourceId}").body(ExternalSource.class)
            .returns(ExternalSource.class)).rules(ContactsLimits.EXTERNAL_SOURCE)),
    deleteExternalSource(cloud(delete(EXTERNAL_SOURCES + "/{externalSourceId}")));

    private final OperationDef def;

    ContactsOperation(OperationDef def) {
        this.def = def;
    }

    private static OperationDef bulk(String path, BulkKind kind, Class<?> entity, BodyRules itemRules) {
        OperationSpec spec = post(path).body(JsonNode.class).returns(JsonNode.class);
        if (kind == BulkKind.ENRICH) {
            spec.query("dryRun");
        }
        return cloud(spec).rules(itemRules).bulk(kind, entity);
    }

    /** The Genesys Cloud spec. */
    @Override
    public OperationSpec spec() {
        return def.cloud;
    }

    /** The spec on a platform; {@code null} where the platform does not have this operation. */
    @Override
    public OperationSpec spec(GenesysPlatform platform) {
        return switch (platform) {
            case cloud -> def.cloud;
            case webServices -> def.webServices;
            case multicloud -> null;
        };
    }

    /** The rules of the body (of each item, for bulk operations) on a platform; {@code null} when there are none. */
    public BodyRules bodyRules(GenesysPlatform platform) {
        return platform == GenesysPlatform.webServices ? def.webServicesRules : def.rules;
    }

    /** Limits on query parameters beyond the paging ones. */
    public List<QueryRule> queryRules() {
        return def.queryRules;
    }

    /** How a bulk operation batches its items; {@code null} for the others. */
    BulkKind bulkKind() {
        return def.bulk;
    }

    /** The model of a bulk operation's result entities. */
    Class<?> bulkEntity() {
        return def.bulkEntity;
    }

    /** Claim or Release for the identifier operations; {@code null} for the others. */
    String identifierOperation() {
        return def.identifierOperation;
    }

    /**
     * For enrich operations, the field of the enrich request that holds the entity ({@code contact} or
     * {@code externalOrganization}); {@code null} for the others.
     */
    String enrichedEntity() {
        return switch (this) {
            case enrich, bulkEnrich -> "contact";
            case enrichOrganization, bulkEnrichOrganizations -> "externalOrganization";
            default -> null;
        };
    }

    /** Whether this operation pages with a cursor and so can be a scan consumer. */
    public boolean isCursorScan() {
        return def.cloud.paging() == PagingStyle.CURSOR;
    }
}
