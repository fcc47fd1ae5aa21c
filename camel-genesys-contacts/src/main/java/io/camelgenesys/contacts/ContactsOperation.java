package io.camelgenesys.contacts;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.contacts.model.Cluster;
import io.camelgenesys.contacts.model.ClusterScan;
import io.camelgenesys.contacts.model.ClusterScanStatistics;
import io.camelgenesys.contacts.model.ContactEnrichRequest;
import io.camelgenesys.contacts.model.ContactImportJob;
import io.camelgenesys.contacts.model.ContactImportJobRequest;
import io.camelgenesys.contacts.model.ContactImportJobStatusUpdate;
import io.camelgenesys.contacts.model.ContactImportSettings;
import io.camelgenesys.contacts.model.CsvJobRequest;
import io.camelgenesys.contacts.model.CsvJobResponse;
import io.camelgenesys.contacts.model.CsvSettings;
import io.camelgenesys.contacts.model.CsvSettingsListing;
import io.camelgenesys.contacts.model.CsvUploadDetails;
import io.camelgenesys.contacts.model.CsvUploadPreview;
import io.camelgenesys.contacts.model.CsvUploadRequest;
import io.camelgenesys.contacts.model.CsvUploadResponse;
import io.camelgenesys.contacts.model.EntitiesExport;
import io.camelgenesys.contacts.model.ExportListing;
import io.camelgenesys.contacts.model.ImportJobListing;
import io.camelgenesys.contacts.model.ImportSettingsListing;
import io.camelgenesys.contacts.model.ContactIdentifier;
import io.camelgenesys.contacts.model.ContactPatchRequest;
import io.camelgenesys.contacts.model.ContactSearchRequest;
import io.camelgenesys.contacts.model.ConversationAssociation;
import io.camelgenesys.contacts.model.Coretype;
import io.camelgenesys.contacts.model.DataSchema;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.contacts.model.ExternalOrganizationTrustorLink;
import io.camelgenesys.contacts.model.ExternalSource;
import io.camelgenesys.contacts.model.GraphSettings;
import io.camelgenesys.contacts.model.IdentifierClaimRequest;
import io.camelgenesys.contacts.model.JourneySegmentsRequest;
import io.camelgenesys.contacts.model.JourneySegmentsResponse;
import io.camelgenesys.contacts.model.MergeRequest;
import io.camelgenesys.contacts.model.Note;
import io.camelgenesys.contacts.model.OrganizationEnrichRequest;
import io.camelgenesys.contacts.model.Relationship;
import io.camelgenesys.contacts.model.ReverseLookupResult;
import io.camelgenesys.contacts.model.SchemaQuantityLimits;
import io.camelgenesys.contacts.model.SegmentAssignment;
import io.camelgenesys.contacts.model.WebServicesContact;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.PagingStyle;
import io.camelgenesys.core.operation.QueryRule;

import static io.camelgenesys.contacts.ContactsPaths.CONTACT;
import static io.camelgenesys.contacts.ContactsPaths.CONTACTS;
import static io.camelgenesys.contacts.ContactsPaths.EC;
import static io.camelgenesys.contacts.ContactsPaths.EXTERNAL_SOURCES;
import static io.camelgenesys.contacts.ContactsPaths.CSV_SETTINGS;
import static io.camelgenesys.contacts.ContactsPaths.CSV_UPLOADS;
import static io.camelgenesys.contacts.ContactsPaths.IMPORT_JOBS;
import static io.camelgenesys.contacts.ContactsPaths.IMPORT_SETTINGS;
import static io.camelgenesys.contacts.ContactsPaths.ORGANIZATION;
import static io.camelgenesys.contacts.ContactsPaths.ORGANIZATIONS;
import static io.camelgenesys.contacts.ContactsPaths.RELATIONSHIPS;
import static io.camelgenesys.contacts.ContactsPaths.WS_CONTACT;
import static io.camelgenesys.contacts.ContactsPaths.WS_CONTACTS;
import static io.camelgenesys.contacts.ContactsPaths.bulkPost;
import static io.camelgenesys.contacts.ContactsPaths.webServicesGet;
import static io.camelgenesys.core.GenesysPlatform.webServices;
import static io.camelgenesys.core.operation.OperationExecution.readFirst;
import static io.camelgenesys.core.operation.OperationSpec.delete;
import static io.camelgenesys.core.operation.OperationSpec.get;
import static io.camelgenesys.core.operation.OperationSpec.patch;
import static io.camelgenesys.core.operation.OperationSpec.post;
import static io.camelgenesys.core.operation.OperationSpec.put;
import static io.camelgenesys.core.operation.QueryRule.atMost;
import static io.camelgenesys.core.operation.QueryRule.range;

/**
 * The genesys-contacts operations, one row each. On platform {@code cloud} (the default) the Genesys Cloud External
 * Contacts API ({@code /api/v2/externalcontacts}, seed 003; paths as in the Genesys Cloud SDK's ExternalContactsApi);
 * on {@code webServices} the Engage Web Services contacts ({@code /api/v2/contacts}, seeds 001/004) for the five
 * operations that exist there ({@code .on(webServices, ...)}). A row says everything about its operation: its spec
 * per platform, the rules of its input ({@link ContactsLimits}), how its body is built ({@link ContactsRequests}), how
 * it runs ({@link BulkExecution}, a read first on Web Services) and whether {@code from()} may poll it.
 */
public enum ContactsOperation implements GenesysOperation {

    // ---- contacts ----------------------------------------------------------------------------------------------
    create(cloud(post(CONTACTS).body(ExternalContact.class).returns(ExternalContact.class).rules(ContactsLimits.CONTACT)
            .execution(CustomFieldsExecution.CONTACT))
            .on(webServices, post(WS_CONTACTS).body(WebServicesContact.class).returns(WebServicesContact.class)
                    .prepare(ContactsRequests.CUSTOM_TYPE).rules(ContactsLimits.WEB_SERVICES_CONTACT))),
    get(cloud(get(CONTACT).queryMulti("expand").returns(ExternalContact.class))
            .on(webServices, webServicesGet())),
    update(cloud(put(CONTACT).body(ExternalContact.class).returns(ExternalContact.class).rules(ContactsLimits.CONTACT)
            .execution(CustomFieldsExecution.CONTACT))
            .on(webServices, put(WS_CONTACT).body(WebServicesContact.class).rules(ContactsLimits.WEB_SERVICES_CONTACT)
                    .execution(readFirst(webServicesGet(), ContactsRequests::customOnly)))),
    /** The body is a change list, or a partial contact that the row's preparer turns into one. */
    patch(cloud(patch(CONTACT).body(ContactPatchRequest.class).returns(ExternalContact.class)
            .prepare(ContactsRequests.PATCH_CHANGES).rules(ContactsLimits.PATCH).execution(CustomFieldsExecution.CONTACT))),
    delete(cloud(delete(CONTACT))
            .on(webServices, delete(WS_CONTACT).execution(readFirst(webServicesGet(), ContactsRequests::customOnly)))),
    search(cloud(pages(get(CONTACTS).query("q", "sortOrder").queryMulti("expand", "divisionIds")
            .returns(ExternalContact.class))
            .queryRules(atMost("divisionIds", 50)))
            .on(webServices, get(WS_CONTACTS).query("type", "name", "firstName", "lastName", "userName", "phoneNumber",
                    "employeeId").alias("userName", "contactUserName").result("/contacts").total("/totalCount")
                    .returns(WebServicesContact.class))),
    scan(cloud(cursorScan(get(EC + "/scan/contacts").query("divisionId").returns(ExternalContact.class)))),
    getUnresolved(cloud(get(CONTACT + "/unresolved").queryMulti("expand").returns(ExternalContact.class))),
    promote(cloud(post(CONTACT + "/promotion").returns(ExternalContact.class))),
    enrich(cloud(post(CONTACTS + "/enrich").query("dryRun").body(ContactEnrichRequest.class)
            .returns(ExternalContact.class).prepare(ContactsRequests.enrich("contact")).rules(ContactsLimits.ENRICH)
            .execution(CustomFieldsExecution.CONTACT.in("contact")))),
    merge(cloud(post(CONTACTS + "/merge").body(MergeRequest.class).returns(ExternalContact.class)
            .rules(ContactsLimits.MERGE))),
    lookup(cloud(post(EC + "/identifierlookup/contacts").queryMulti("expand").body(ContactIdentifier.class)
            .returns(ExternalContact.class).idempotent(true).rules(ContactsLimits.IDENTIFIER))),
    reverseLookup(cloud(get(EC + "/reversewhitepageslookup").query("lookupVal").queryMulti("expand").query("divisionId")
            .returns(ReverseLookupResult.class).queryRules(QueryRule.required("lookupVal")))),
    listIdentifiers(cloud(get(CONTACT + "/identifiers").result("/entities").returns(ContactIdentifier.class))),
    claimIdentifier(cloud(patch(CONTACT + "/identifiers").body(IdentifierClaimRequest.class)
            .returns(ContactIdentifier.class).prepare(ContactsRequests.identifierClaim("Claim"))
            .rules(ContactsLimits.IDENTIFIER_CLAIM))),
    releaseIdentifier(cloud(patch(CONTACT + "/identifiers").body(IdentifierClaimRequest.class)
            .returns(ContactIdentifier.class).prepare(ContactsRequests.identifierClaim("Release"))
            .rules(ContactsLimits.IDENTIFIER_CLAIM))),
    getJourneySegments(cloud(get(CONTACT + "/journey/segments").query("includeMerged", "limit").result("/entities")
            .returns(SegmentAssignment.class).queryRules(range("limit", 1, 500)))),
    updateJourneySegments(cloud(post(CONTACT + "/journey/segments").body(JourneySegmentsRequest.class)
            .returns(JourneySegmentsResponse.class).rules(ContactsLimits.JOURNEY_SEGMENTS))),
    /** pageSize is a plain query parameter here (the pageSize option or CamelGenesysPageSize header): not paged by core. */
    getJourneySessions(cloud(get(CONTACT + "/journey/sessions").query("pageSize", "after", "includeMerged")
            .result("/entities").returns(JsonNode.class).queryRules(range("pageSize", 1, 200)))),
    associateConversation(cloud(put(EC + "/conversations/{conversationId}").body(ConversationAssociation.class)
            .prepare(ContactsRequests.CONVERSATION_ID).rules(ContactsLimits.CONVERSATION_ASSOCIATION))),

    // ---- bulk contacts -----------------------------------------------------------------------------------------
    bulkGet(bulk(EC + "/bulk/contacts", BulkExecution.ids(ExternalContact.class), ContactsLimits.ID_ONLY)),
    bulkAdd(bulk(EC + "/bulk/contacts/add", BulkExecution.entities(ExternalContact.class)
            .checking(CustomFieldsExecution.CONTACT), ContactsLimits.CONTACT)),
    bulkUpdate(bulk(EC + "/bulk/contacts/update", BulkExecution.entities(ExternalContact.class)
            .checking(CustomFieldsExecution.CONTACT), ContactsLimits.CONTACT_WITH_ID)),
    bulkRemove(bulk(EC + "/bulk/contacts/remove", BulkExecution.ids(ExternalContact.class), ContactsLimits.ID_ONLY)),
    bulkEnrich(bulk(EC + "/bulk/contacts/enrich", BulkExecution.enrich(ExternalContact.class, "contact")
            .checking(CustomFieldsExecution.CONTACT), ContactsLimits.ENRICH)),

    // ---- contact notes -----------------------------------------------------------------------------------------
    createNote(cloud(post(CONTACT + "/notes").body(Note.class).returns(Note.class).rules(ContactsLimits.NOTE_CREATE))),
    getNote(cloud(get(CONTACT + "/notes/{noteId}").queryMulti("expand").returns(Note.class))),
    listNotes(cloud(pages(get(CONTACT + "/notes").query("sortOrder").queryMulti("expand").returns(Note.class)))),
    updateNote(cloud(put(CONTACT + "/notes/{noteId}").body(Note.class).returns(Note.class)
            .rules(ContactsLimits.NOTE_UPDATE))),
    deleteNote(cloud(delete(CONTACT + "/notes/{noteId}"))),
    scanNotes(cloud(cursorScan(get(EC + "/scan/notes").query("divisionId").returns(Note.class)))),

    // ---- organizations -----------------------------------------------------------------------------------------
    createOrganization(cloud(post(ORGANIZATIONS).body(ExternalOrganization.class).returns(ExternalOrganization.class)
            .rules(ContactsLimits.ORGANIZATION).execution(CustomFieldsExecution.ORGANIZATION))),
    getOrganization(cloud(get(ORGANIZATION).queryMulti("expand").query("includeTrustors")
            .returns(ExternalOrganization.class))),
    updateOrganization(cloud(put(ORGANIZATION).body(ExternalOrganization.class).returns(ExternalOrganization.class)
            .rules(ContactsLimits.ORGANIZATION).execution(CustomFieldsExecution.ORGANIZATION))),
    deleteOrganization(cloud(delete(ORGANIZATION))),
    searchOrganizations(cloud(pages(get(ORGANIZATIONS).query("q").queryMulti("trustorId").query("sortOrder")
            .queryMulti("expand").query("includeTrustors").queryMulti("divisionIds").returns(ExternalOrganization.class))
            .queryRules(atMost("divisionIds", 50), atMost("trustorId", 25)))),
    scanOrganizations(cloud(cursorScan(get(EC + "/scan/organizations").query("divisionId")
            .returns(ExternalOrganization.class)))),
    listOrganizationContacts(cloud(pages(get(ORGANIZATION + "/contacts").query("q", "sortOrder").queryMulti("expand")
            .returns(ExternalContact.class)))),
    listOrganizationRelationships(cloud(pages(get(ORGANIZATION + "/relationships").queryMulti("expand")
            .query("sortOrder").returns(Relationship.class)))),
    listOrganizationIdentifiers(cloud(get(ORGANIZATION + "/identifiers").result("/entities")
            .returns(ContactIdentifier.class))),
    claimOrganizationIdentifier(cloud(patch(ORGANIZATION + "/identifiers").body(IdentifierClaimRequest.class)
            .returns(ContactIdentifier.class).prepare(ContactsRequests.identifierClaim("Claim"))
            .rules(ContactsLimits.ORGANIZATION_IDENTIFIER_CLAIM))),
    releaseOrganizationIdentifier(cloud(patch(ORGANIZATION + "/identifiers").body(IdentifierClaimRequest.class)
            .returns(ContactIdentifier.class).prepare(ContactsRequests.identifierClaim("Release"))
            .rules(ContactsLimits.ORGANIZATION_IDENTIFIER_CLAIM))),
    /** "This endpoint will only accept ExternalId type identifiers" (SDK): any other type is refused before sending. */
    lookupOrganization(cloud(post(EC + "/identifierlookup/organizations").queryMulti("expand")
            .body(ContactIdentifier.class).returns(ExternalOrganization.class).idempotent(true)
            .rules(ContactsLimits.ORGANIZATION_IDENTIFIER))),
    enrichOrganization(cloud(post(ORGANIZATIONS + "/enrich").query("dryRun").body(OrganizationEnrichRequest.class)
            .returns(ExternalOrganization.class).prepare(ContactsRequests.enrich("externalOrganization"))
            .rules(ContactsLimits.ORGANIZATION_ENRICH)
            .execution(CustomFieldsExecution.ORGANIZATION.in("externalOrganization")))),
    linkTrustor(cloud(put(ORGANIZATION + "/trustor/{trustorId}").returns(ExternalOrganizationTrustorLink.class))),
    unlinkTrustor(cloud(delete(ORGANIZATION + "/trustor"))),
    createOrganizationNote(cloud(post(ORGANIZATION + "/notes").body(Note.class).returns(Note.class)
            .rules(ContactsLimits.NOTE_CREATE))),
    getOrganizationNote(cloud(get(ORGANIZATION + "/notes/{noteId}").queryMulti("expand").returns(Note.class))),
    listOrganizationNotes(cloud(pages(get(ORGANIZATION + "/notes").query("sortOrder").queryMulti("expand")
            .returns(Note.class)))),
    updateOrganizationNote(cloud(put(ORGANIZATION + "/notes/{noteId}").body(Note.class).returns(Note.class)
            .rules(ContactsLimits.NOTE_UPDATE))),
    deleteOrganizationNote(cloud(delete(ORGANIZATION + "/notes/{noteId}"))),
    bulkGetOrganizations(bulk(EC + "/bulk/organizations", BulkExecution.ids(ExternalOrganization.class),
            ContactsLimits.ID_ONLY)),
    bulkAddOrganizations(bulk(EC + "/bulk/organizations/add", BulkExecution.entities(ExternalOrganization.class)
            .checking(CustomFieldsExecution.ORGANIZATION), ContactsLimits.ORGANIZATION)),
    bulkUpdateOrganizations(bulk(EC + "/bulk/organizations/update", BulkExecution.entities(ExternalOrganization.class)
            .checking(CustomFieldsExecution.ORGANIZATION), ContactsLimits.ORGANIZATION.and(BodyRules.text("id", 1, 255,
            true)))),
    bulkRemoveOrganizations(bulk(EC + "/bulk/organizations/remove", BulkExecution.ids(ExternalOrganization.class),
            ContactsLimits.ID_ONLY)),
    bulkEnrichOrganizations(bulk(EC + "/bulk/organizations/enrich",
            BulkExecution.enrich(ExternalOrganization.class, "externalOrganization")
                    .checking(CustomFieldsExecution.ORGANIZATION), ContactsLimits.ORGANIZATION_ENRICH)),

    // ---- relationships -----------------------------------------------------------------------------------------
    createRelationship(cloud(post(RELATIONSHIPS).body(Relationship.class).returns(Relationship.class)
            .rules(ContactsLimits.RELATIONSHIP))),
    getRelationship(cloud(get(RELATIONSHIPS + "/{relationshipId}").queryMulti("expand").returns(Relationship.class))),
    updateRelationship(cloud(put(RELATIONSHIPS + "/{relationshipId}").body(Relationship.class)
            .returns(Relationship.class).rules(ContactsLimits.RELATIONSHIP))),
    deleteRelationship(cloud(delete(RELATIONSHIPS + "/{relationshipId}"))),
    scanRelationships(cloud(cursorScan(get(EC + "/scan/relationships").query("divisionId")
            .returns(Relationship.class)))),

    // ---- schemas (custom fields) -------------------------------------------------------------------------------
    listContactSchemas(cloud(get(CONTACTS + "/schemas").result("/entities").returns(DataSchema.class))),
    createContactSchema(cloud(post(CONTACTS + "/schemas").body(DataSchema.class).returns(DataSchema.class)
            .prepare(ContactsRequests.FIRST_SCHEMA_VERSION).rules(ContactsLimits.SCHEMA_CREATE))),
    getContactSchema(cloud(get(CONTACTS + "/schemas/{schemaId}").returns(DataSchema.class))),
    /** Stores version n + 1: the body's version must be the current one (n). */
    updateContactSchema(cloud(put(CONTACTS + "/schemas/{schemaId}").body(DataSchema.class).returns(DataSchema.class)
            .rules(ContactsLimits.SCHEMA_UPDATE))),
    deleteContactSchema(cloud(delete(CONTACTS + "/schemas/{schemaId}"))),
    listContactSchemaVersions(cloud(get(CONTACTS + "/schemas/{schemaId}/versions").result("/entities")
            .returns(DataSchema.class))),
    getContactSchemaVersion(cloud(get(CONTACTS + "/schemas/{schemaId}/versions/{versionId}").returns(DataSchema.class))),
    listContactCoreTypes(cloud(get(CONTACTS + "/schemas/coretypes").result("/entities").returns(Coretype.class))),
    getContactCoreType(cloud(get(CONTACTS + "/schemas/coretypes/{coreTypeName}").returns(Coretype.class))),
    getContactSchemaLimits(cloud(get(CONTACTS + "/schemas/limits").returns(SchemaQuantityLimits.class))),
    listOrganizationSchemas(cloud(get(ORGANIZATIONS + "/schemas").result("/entities").returns(DataSchema.class))),
    createOrganizationSchema(cloud(post(ORGANIZATIONS + "/schemas").body(DataSchema.class).returns(DataSchema.class)
            .prepare(ContactsRequests.FIRST_SCHEMA_VERSION).rules(ContactsLimits.SCHEMA_CREATE))),
    getOrganizationSchema(cloud(get(ORGANIZATIONS + "/schemas/{schemaId}").returns(DataSchema.class))),
    updateOrganizationSchema(cloud(put(ORGANIZATIONS + "/schemas/{schemaId}").body(DataSchema.class)
            .returns(DataSchema.class).rules(ContactsLimits.SCHEMA_UPDATE))),
    listOrganizationSchemaVersions(cloud(get(ORGANIZATIONS + "/schemas/{schemaId}/versions").result("/entities")
            .returns(DataSchema.class))),
    getOrganizationSchemaVersion(cloud(get(ORGANIZATIONS + "/schemas/{schemaId}/versions/{versionId}")
            .returns(DataSchema.class))),
    listOrganizationCoreTypes(cloud(get(ORGANIZATIONS + "/schemas/coretypes").result("/entities")
            .returns(Coretype.class))),
    getOrganizationCoreType(cloud(get(ORGANIZATIONS + "/schemas/coretypes/{coreTypeName}").returns(Coretype.class))),
    getOrganizationSchemaLimits(cloud(get(ORGANIZATIONS + "/schemas/limits").returns(SchemaQuantityLimits.class))),

    // ---- identity graphs: cluster scans and clusters (issue 16) -------------------------------------------------
    /** The cluster scans, newest first; a cursor listing (limit 1-100), streamed with pageAll. */
    listClusterScans(cloud(clusterCursor(get(EC + "/graphs/clusterscans").queryMulti("expand").returns(ClusterScan.class)))),
    getClusterScan(cloud(get(EC + "/graphs/clusterscans/{scanId}").queryMulti("expand").returns(ClusterScan.class))),
    getLatestClusterScan(cloud(get(EC + "/graphs/clusterscans/latest").queryMulti("expand").returns(ClusterScan.class))),
    getClusterScanStatistics(cloud(get(EC + "/graphs/clusterscans/{scanId}/statistics").returns(ClusterScanStatistics.class))),
    getLatestClusterScanStatistics(cloud(get(EC + "/graphs/clusterscans/latest/statistics")
            .returns(ClusterScanStatistics.class))),
    /** The clusters a scan found, optionally of some divisions (at most 50); a cursor listing (limit 1-100). */
    listClusters(cloud(clusterCursor(get(EC + "/graphs/clusterscans/{scanId}/clusters").queryMulti("divisionIds")
            .returns(Cluster.class)).queryRules(ContactsLimits.CLUSTER_DIVISIONS))),
    getCluster(cloud(get(EC + "/graphs/clusterscans/{scanId}/clusters/{clusterId}").returns(Cluster.class))),
    /** Merges the cluster's contacts into one; the answer is the cluster with its mergeInfo. */
    mergeCluster(cloud(put(EC + "/graphs/clusterscans/{scanId}/clusters/{clusterId}/merge").returns(Cluster.class))),
    getGraphSettings(cloud(get(EC + "/graphs/settings").returns(GraphSettings.class))),
    updateGraphSettings(cloud(put(EC + "/graphs/settings").body(GraphSettings.class).returns(GraphSettings.class)
            .rules(ContactsLimits.GRAPH_SETTINGS))),

    // ---- division views: scans and bulk reads across every division the caller may view (issue 16) -----------
    scanDivisionViews(cloud(cursorScan(get(EC + "/scan/contacts/divisionviews/all").returns(ExternalContact.class)))),
    scanNotesDivisionViews(cloud(cursorScan(get(EC + "/scan/notes/divisionviews/all").returns(Note.class)))),
    scanOrganizationsDivisionViews(cloud(cursorScan(get(EC + "/scan/organizations/divisionviews/all")
            .returns(ExternalOrganization.class)))),
    scanRelationshipsDivisionViews(cloud(cursorScan(get(EC + "/scan/relationships/divisionviews/all")
            .returns(Relationship.class)))),
    bulkGetDivisionViews(bulk(EC + "/bulk/contacts/divisionviews", BulkExecution.ids(ExternalContact.class),
            ContactsLimits.ID_ONLY)),
    bulkGetOrganizationsDivisionViews(bulk(EC + "/bulk/organizations/divisionviews",
            BulkExecution.ids(ExternalOrganization.class), ContactsLimits.ID_ONLY)),
    /** As bulkGet, without following merges: each contact as stored (getUnresolved for many). */
    bulkGetUnresolved(bulk(EC + "/bulk/contacts/unresolved", BulkExecution.ids(ExternalContact.class),
            ContactsLimits.ID_ONLY)),

    // ---- PATCH of organizations, notes, relationships; bulk notes and relationships; contact search (issue 16) --
    /** As patch: a change list, or a partial organization the row's preparer turns into one. */
    patchOrganization(patchOf(ORGANIZATION, ExternalOrganization.class, "organization", ContactsLimits.ORGANIZATION,
            ContactsLimits.ORGANIZATION_READ_ONLY, ContactsConstants.EXTERNAL_ORGANIZATION_ID)),
    patchNote(patchOf(CONTACT + "/notes/{noteId}", Note.class, "note", ContactsLimits.NOTE_UPDATE,
            ContactsLimits.NOTE_READ_ONLY, ContactsConstants.NOTE_ID)),
    patchOrganizationNote(patchOf(ORGANIZATION + "/notes/{noteId}", Note.class, "note", ContactsLimits.NOTE_UPDATE,
            ContactsLimits.NOTE_READ_ONLY, ContactsConstants.NOTE_ID)),
    patchRelationship(patchOf(RELATIONSHIPS + "/{relationshipId}", Relationship.class, "relationship",
            ContactsLimits.RELATIONSHIP, ContactsLimits.RELATIONSHIP_READ_ONLY, ContactsConstants.RELATIONSHIP_ID)),
    bulkGetNotes(bulk(EC + "/bulk/notes", BulkExecution.ids(Note.class), ContactsLimits.ID_ONLY)),
    /** Each note names the contact or organization it is on (entityId, entityType). */
    bulkAddNotes(bulk(EC + "/bulk/notes/add", BulkExecution.entities(Note.class), ContactsLimits.NOTE_BULK_ADD)),
    bulkUpdateNotes(bulk(EC + "/bulk/notes/update", BulkExecution.entities(Note.class), ContactsLimits.NOTE_WITH_ID)),
    bulkRemoveNotes(bulk(EC + "/bulk/notes/remove", BulkExecution.ids(Note.class), ContactsLimits.ID_ONLY)),
    bulkGetRelationships(bulk(EC + "/bulk/relationships", BulkExecution.ids(Relationship.class),
            ContactsLimits.ID_ONLY)),
    bulkAddRelationships(bulk(EC + "/bulk/relationships/add", BulkExecution.entities(Relationship.class),
            ContactsLimits.RELATIONSHIP)),
    bulkUpdateRelationships(bulk(EC + "/bulk/relationships/update", BulkExecution.entities(Relationship.class),
            ContactsLimits.RELATIONSHIP_WITH_ID)),
    bulkRemoveRelationships(bulk(EC + "/bulk/relationships/remove", BulkExecution.ids(Relationship.class),
            ContactsLimits.ID_ONLY)),
    /** POST search: the body is a ContactSearchRequest (its page in the body); the answer is that page's contacts. */
    searchContacts(cloud(post(CONTACTS + "/search").body(ContactSearchRequest.class).returns(ExternalContact.class)
            .result("/entities").total("/total").idempotent(true).rules(ContactsLimits.CONTACT_SEARCH))),

    // ---- external sources --------------------------------------------------------------------------------------
    createExternalSource(cloud(post(EXTERNAL_SOURCES).body(ExternalSource.class).returns(ExternalSource.class)
            .rules(ContactsLimits.EXTERNAL_SOURCE))),
    getExternalSource(cloud(get(EXTERNAL_SOURCES + "/{externalSourceId}").returns(ExternalSource.class))),
    listExternalSources(cloud(cursorScan(get(EXTERNAL_SOURCES).query("name", "active").returns(ExternalSource.class)))),
    updateExternalSource(cloud(put(EXTERNAL_SOURCES + "/{externalSourceId}").body(ExternalSource.class)
            .returns(ExternalSource.class).rules(ContactsLimits.EXTERNAL_SOURCE))),
    deleteExternalSource(cloud(delete(EXTERNAL_SOURCES + "/{externalSourceId}"))),

    // ---- import and export --------------------------------------------------------------------------------------
    createImportSettings(cloud(post(IMPORT_SETTINGS).body(ContactImportSettings.class)
            .returns(ContactImportSettings.class).rules(ContactsLimits.IMPORT_SETTINGS))),
    getImportSettings(cloud(get(IMPORT_SETTINGS + "/{settingsId}").returns(ContactImportSettings.class))),
    /** pageSize and after are plain query parameters (the listing's cursors are in the body): not paged by core. */
    listImportSettings(cloud(get(IMPORT_SETTINGS).query("after", "pageSize", "sortOrder", "name")
            .returns(ImportSettingsListing.class))),
    updateImportSettings(cloud(put(IMPORT_SETTINGS + "/{settingsId}").body(ContactImportSettings.class)
            .returns(ContactImportSettings.class).rules(ContactsLimits.IMPORT_SETTINGS))),
    deleteImportSettings(cloud(delete(IMPORT_SETTINGS + "/{settingsId}"))),
    createCsvSettings(cloud(post(CSV_SETTINGS).body(CsvSettings.class).returns(CsvSettings.class)
            .rules(ContactsLimits.CSV_SETTINGS))),
    getCsvSettings(cloud(get(CSV_SETTINGS + "/{settingsId}").returns(CsvSettings.class))),
    listCsvSettings(cloud(get(CSV_SETTINGS).query("after", "pageSize", "externalSettingsId")
            .returns(CsvSettingsListing.class))),
    updateCsvSettings(cloud(put(CSV_SETTINGS + "/{settingsId}").body(CsvSettings.class).returns(CsvSettings.class)
            .rules(ContactsLimits.CSV_SETTINGS))),
    deleteCsvSettings(cloud(delete(CSV_SETTINGS + "/{settingsId}"))),
    createCsvUpload(cloud(post(CSV_UPLOADS).body(CsvUploadRequest.class).returns(CsvUploadResponse.class)
            .rules(ContactsLimits.CSV_UPLOAD))),
    getCsvUploadDetails(cloud(get(CSV_UPLOADS + "/{uploadId}/details").returns(CsvUploadDetails.class))),
    getCsvUploadPreview(cloud(get(CSV_UPLOADS + "/{uploadId}/preview").returns(CsvUploadPreview.class))),
    createCsvImportJob(cloud(post(EC + "/import/csv/jobs").body(CsvJobRequest.class).returns(CsvJobResponse.class)
            .rules(ContactsLimits.CSV_JOB))),
    createImportJob(cloud(post(IMPORT_JOBS).body(ContactImportJobRequest.class).returns(ContactImportJob.class)
            .rules(ContactsLimits.IMPORT_JOB))),
    getImportJob(cloud(get(IMPORT_JOBS + "/{jobId}").queryMulti("expand").returns(ContactImportJob.class))),
    listImportJobs(cloud(get(IMPORT_JOBS).queryMulti("expand").query("after", "pageSize", "sortOrder", "jobStatus")
            .returns(ImportJobListing.class))),
    /** Genesys' status change of a job, e.g. {jobId, status: Cancelled}. */
    updateImportJob(cloud(put(IMPORT_JOBS + "/{jobId}").body(ContactImportJobStatusUpdate.class)
            .returns(ContactImportJobStatusUpdate.class).rules(ContactsLimits.IMPORT_JOB_STATUS))),
    /**
     * One call: a CSV (a file, an InputStream, text or rows) uploaded to the storage host and imported with the CSV
     * settings {@code settingsId}; with {@code waitForCompletion} the per-row results ({@link ContactsImport}).
     */
    importContacts(cloud(post(CSV_UPLOADS).body(CsvUploadRequest.class).execution(ContactsImport.EXECUTION))),
    createContactsExport(export(CONTACTS)),
    getContactsExport(exportGet(CONTACTS)),
    listContactsExports(exportList(CONTACTS)),
    createNotesExport(export(EC + "/notes")),
    getNotesExport(exportGet(EC + "/notes")),
    listNotesExports(exportList(EC + "/notes")),
    createOrganizationsExport(export(ORGANIZATIONS)),
    getOrganizationsExport(exportGet(ORGANIZATIONS)),
    listOrganizationsExports(exportList(ORGANIZATIONS)),
    createRelationshipsExport(export(RELATIONSHIPS)),
    getRelationshipsExport(exportGet(RELATIONSHIPS)),
    listRelationshipsExports(exportList(RELATIONSHIPS)),
    /** One call: the export created, waited for and its file streamed from the storage host ({@link ContactsExports}). */
    exportContacts(exportFile(CONTACTS, "contacts")),
    exportNotes(exportFile(EC + "/notes", "notes")),
    exportOrganizations(exportFile(ORGANIZATIONS, "organizations")),
    exportRelationships(exportFile(RELATIONSHIPS, "relationships"));

    private final OperationSpec spec;

    ContactsOperation(OperationSpec spec) {
        this.spec = spec;
    }

    /** The row's Genesys Cloud spec (and, through {@link #spec(GenesysPlatform)}, the Web Services one). */
    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** The External Contacts API is Genesys Cloud's; a row adds a Web Services spec with {@code .on(webServices, ...)}. */
    private static OperationSpec cloud(OperationSpec spec) {
        return spec.only(GenesysPlatform.cloud);
    }

    /** Page-number paging: pageSize 1-100 (seed 003), pageNumber x pageSize at most 1,000. */
    private static OperationSpec pages(OperationSpec spec) {
        return spec.paging(PagingStyle.PAGE_NUMBER).queryRules(ContactsLimits.PAGE_SIZE);
    }

    /** A cursor scan (limit 10-200): every record once, also as a poll consumer in {@code from()}. */
    private static OperationSpec cursorScan(OperationSpec spec) {
        return spec.paging(PagingStyle.CURSOR).queryRules(ContactsLimits.SCAN_LIMIT).consumer();
    }

    // ---- import and export ----
    /** POST {entities}/exports: a new export of contacts, notes, organizations or relationships. */
    private static OperationSpec export(String entities) {
        return cloud(post(entities + "/exports").body(EntitiesExport.class).returns(EntitiesExport.class)
                .rules(ContactsLimits.EXPORT));
    }

    private static OperationSpec exportGet(String entities) {
        return cloud(get(entities + "/exports/{exportId}").returns(EntitiesExport.class));
    }

    /** pageSize and after are plain query parameters (cursors in the body): not paged by core. */
    private static OperationSpec exportList(String entities) {
        return cloud(get(entities + "/exports").queryMulti("divisionIds").query("after", "pageSize")
                .returns(ExportListing.class).queryRules(atMost("divisionIds", 50)));
    }

    /** The export created (the body, or every row when there is none), waited for and its file streamed. */
    private static OperationSpec exportFile(String entities, String kind) {
        return cloud(post(entities + "/exports").optionalBody(EntitiesExport.class).rules(ContactsLimits.EXPORT)
                .execution(new ContactsExports(entities, kind)));
    }

    /** A bulk row: the body is any collection of items, each checked with {@code itemRules}, sent in batches. */
    private static OperationSpec bulk(String path, BulkExecution execution, BodyRules itemRules) {
        OperationSpec spec = bulkPost(path).rules(itemRules).execution(execution);
        if (execution.kind() == BulkExecution.Kind.ENRICH) {
            spec.query("dryRun");
        }
        return cloud(spec);
    }

    // ---- issue 16 -------------------------------------------------------------------------------------------------
    /** The cluster listings: cursor paging with limit 1-100 (not a scan's 10-200), no poll consumer. */
    private static OperationSpec clusterCursor(OperationSpec spec) {
        return spec.paging(PagingStyle.CURSOR).queryRules(ContactsLimits.CLUSTER_LIMIT);
    }

    /**
     * A PATCH row of an entity other than a contact: an ExternalContactsPatchRequest, or a partial entity turned into
     * one, checked against the rules of the fields it changes.
     */
    private static OperationSpec patchOf(String path, Class<?> entity, String what, BodyRules entityRules,
                                         Set<String> readOnly, String idHeader) {
        String option = OperationSpec.optionName(idHeader);
        return cloud(patch(path).body(ContactPatchRequest.class).returns(entity)
                .prepare(ContactsRequests.patchChanges(what, entityRules, readOnly,
                        "the " + option + " option or " + idHeader + " header"))
                .rules(ContactsLimits.patchRequest(entityRules, readOnly, what)));
    }
}
