package io.camelgenesys.contacts;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysJobWaitConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of genesys-contacts: the options every camel-genesys component shares (inherited from
 * {@link GenesysConfiguration}) and the contacts ones. The component holds one (set once with
 * {@code camel.component.genesys-contacts.<option>}); each endpoint gets a copy that its URI options override. The
 * path variables and query parameters of the operation rows are bound to these options by name.
 */
@UriParams
public class ContactsConfiguration extends GenesysJobWaitConfiguration {

    @UriParam(label = "producer", description = "The contact id of get, update, patch, delete and the other"
                                                + " single-contact operations; the CamelGenesysContactId header overrides it.")
    private String contactId;

    @UriParam(label = "producer", description = "The note id of getNote, updateNote, deleteNote and the organization note"
                                                + " operations; the CamelGenesysNoteId header overrides it.")
    private String noteId;

    @UriParam(label = "producer", description = "The external organization id of the organization operations; the"
                                                + " CamelGenesysExternalOrganizationId header overrides it.")
    private String externalOrganizationId;

    @UriParam(label = "producer", description = "The relationship id of getRelationship, updateRelationship and"
                                                + " deleteRelationship; the CamelGenesysRelationshipId header overrides it.")
    private String relationshipId;

    @UriParam(label = "producer", description = "The external source id of getExternalSource, updateExternalSource and"
                                                + " deleteExternalSource; enrich with identifierType=ExternalId: the"
                                                + " external source of the identifier.")
    private String externalSourceId;

    @UriParam(label = "producer", description = "associateConversation: the conversation id; the CamelGenesysConversationId"
                                                + " header overrides it.")
    private String conversationId;

    @UriParam(label = "producer", description = "The cluster scan id of getClusterScan, getClusterScanStatistics,"
                                                + " listClusters, getCluster and mergeCluster (the latest scan:"
                                                + " getLatestClusterScan); the CamelGenesysScanId header overrides it.")
    private String scanId;

    @UriParam(label = "producer", description = "The cluster id of getCluster and mergeCluster (from listClusters);"
                                                + " the CamelGenesysClusterId header overrides it.")
    private String clusterId;

    @UriParam(label = "producer", description = "linkTrustor: the trustor id. searchOrganizations: trustor ids to search"
                                                + " by, comma separated or a List header (at most 25; q is then"
                                                + " ignored), sent as the parameter repeated.")
    private String trustorId;

    @UriParam(label = "producer", description = "Related entities to expand in the response, comma separated or a List"
                                                + " header (e.g. externalOrganization, externalDataSources,"
                                                + " identifiers), sent as the parameter repeated"
                                                + " (expand=a&expand=b), as Genesys defines it.")
    private String expand;

    @UriParam(label = "producer", description = "The search keywords of search, searchOrganizations and"
                                                + " listOrganizationContacts: a phone number such as +15551234567, an"
                                                + " email or a name.")
    private String q;

    @UriParam(label = "producer", description = "The sort of a search, field:direction, e.g. lastName:asc (contacts:"
                                                + " firstName, lastName, middleName, title; notes: createDate;"
                                                + " organizations: companyType, industry, name).")
    private String sortOrder;

    @UriParam(label = "producer", description = "search and searchOrganizations: the division ids to search; listClusters:"
                                                + " the divisions to keep the clusters of. Comma separated or a List"
                                                + " header (at most 50), sent as the parameter repeated.")
    private String divisionIds;

    @UriParam(label = "common", description = "reverseLookup: the division to look up contacts in. scan, scanNotes,"
                                                + " scanOrganizations, scanRelationships (and their poll consumers):"
                                                + " the division to scan over.")
    private String divisionId;

    @UriParam(label = "producer", description = "getOrganization, searchOrganizations: whether to embed trustor"
                                                + " information.")
    private Boolean includeTrustors;

    @UriParam(label = "producer", description = "enrich, enrichOrganization, bulkEnrich: show what would happen without"
                                                + " changing anything.")
    private Boolean dryRun;

    @UriParam(label = "producer", description = "reverseLookup: the value to look up (an email address, an E.164 phone"
                                                + " number or a Twitter screen name); the CamelGenesysLookupVal header"
                                                + " overrides it.")
    private String lookupVal;

    @UriParam(label = "producer", description = "getJourneySegments, getJourneySessions: include the contacts merged"
                                                + " into this one.")
    private Boolean includeMerged;

    @UriParam(label = "producer", description = "getJourneySegments: the most segment assignments to return (1-500).")
    private Integer limit;

    @UriParam(label = "producer", description = "getJourneySessions: the cursor to resume after (from the previous"
                                                + " response).")
    private String after;

    @UriParam(label = "common", description = "listExternalSources: a name prefix to filter by. webServices search: the"
                                              + " contact name.")
    private String name;

    @UriParam(label = "common", description = "listExternalSources: only active (true) or inactive (false) sources.")
    private Boolean active;

    @UriParam(label = "producer", enums = "Insert,Update,Upsert,Merge",
              description = "enrich and bulkEnrich when the body is a contact (not a ContactEnrichRequest): what to do"
                            + " with the contacts the identifier matches. Upsert updates the match or creates the contact:"
                            + " an idempotent upsert by external id.")
    private EnrichAction action;

    @UriParam(label = "producer", description = "enrich and bulkEnrich when the body is a contact: the type of the"
                                                + " matching identifier (e.g. ExternalId, Email, Phone).")
    private IdentifierType identifierType;

    @UriParam(label = "producer", description = "enrich when the body is a contact: the value of the matching identifier;"
                                                + " the CamelGenesysIdentifierValue header overrides it.")
    private String identifierValue;

    @UriParam(label = "producer", description = "enrich and bulkEnrich when the body is a contact: the field of the"
                                                + " contact (Map key or model property) that holds the identifier value,"
                                                + " e.g. crmId; used when no identifierValue or header is set.")
    private String identifierField;

    @UriParam(label = "producer", defaultValue = "auto", enums = "auto,keep,remove",
              description = "enrich and bulkEnrich with identifierField: whether that field stays in the contact sent to"
                            + " Genesys. auto: left out when it is not a field of the ExternalContact (or"
                            + " ExternalOrganization) model, such as crmId (Genesys has no such field, and the value is"
                            + " stored as the matching identifier), kept when it is one, such as workEmail; keep or"
                            + " remove decide for any field.")
    private IdentifierFieldMode identifierFieldMode = IdentifierFieldMode.auto;

    @UriParam(label = "producer", defaultValue = "100",
              description = "Bulk operations: the most items per request; the input (any collection, array, Iterable or"
                            + " Iterator) is sent in batches of this size, bulkEnrich in batches of at most 10. A batch"
                            + " whose request body would be over the 512,000 bytes Genesys accepts ends early (the next"
                            + " item starts the next batch); an item larger than that on its own is a refused item.")
    private int bulkBatchSize = 100;

    @UriParam(label = "producer", defaultValue = "fail", enums = "fail,continue",
              description = "Bulk operations: fail (the exchange fails at the first batch with a failed item, naming"
                            + " them; earlier batches stay stored) or continue (every batch is sent and the failed items"
                            + " are listed in the CamelGenesysBulkFailures header, to dead-letter them).")
    private String bulkFailureMode = "fail";

    @UriParam(label = "producer", description = "webServices search: the contact type (Custom, Queue or User).")
    private String type;

    @UriParam(label = "producer", description = "webServices search: the first name.")
    private String firstName;

    @UriParam(label = "producer", description = "webServices search: the last name.")
    private String lastName;

    @UriParam(label = "producer", description = "webServices search: the user name (the userName filter; named so that"
                                                + " it is not taken for the username credential).")
    private String contactUserName;

    @UriParam(label = "producer", description = "webServices search: the phone number.")
    private String phoneNumber;

    @UriParam(label = "producer", description = "webServices search: the employee id.")
    private String employeeId;

    // ---- schemas (custom fields) ---------------------------------------------------------------------------------
    @UriParam(label = "producer", description = "The schema id of the schema operations (getContactSchema,"
                                                + " updateContactSchema, getContactSchemaVersion, the organization"
                                                + " ones, ...); the CamelGenesysSchemaId header overrides it.")
    private String schemaId;
    @UriParam(label = "producer", description = "getContactSchemaVersion, getOrganizationSchemaVersion: the schema"
                                                + " version (1, 2, ...); the CamelGenesysVersionId header overrides it.")
    private String versionId;
    @UriParam(label = "producer", description = "getContactCoreType, getOrganizationCoreType: the core type (text,"
                                                + " longtext, url, identifier, enum, date, datetime, integer, number,"
                                                + " checkbox, tag); the CamelGenesysCoreTypeName header overrides it.")
    private String coreTypeName;
    @UriParam(label = "producer", defaultValue = "true",
              description = "create, update, patch and enrich of a contact, createOrganization, updateOrganization,"
                            + " enrichOrganization and the items of bulkAdd, bulkUpdate, bulkEnrich and their"
                            + " organization counterparts: check the customFields against the schema version the"
                            + " entity references (schema.id, schema.version) before anything is sent, and refuse"
                            + " values that do not match a field's core type or limits, unknown fields and missing"
                            + " required ones, naming each (a bulk item so refused is a per-item failure). The schema"
                            + " version is read once per connection and cached (versions are immutable). false sends"
                            + " custom fields unchecked, for Genesys to refuse.")
    private boolean validateCustomFields = true;

    // ---- import and export ----
    @UriParam(label = "producer", description = "The settings id of getImportSettings, updateImportSettings and"
                                                + " deleteImportSettings (import settings), of getCsvSettings,"
                                                + " updateCsvSettings and deleteCsvSettings (CSV settings), of"
                                                + " createImportJob (import settings) and of importContacts (the CSV"
                                                + " settings that map the file's columns to contact fields). The"
                                                + " CamelGenesysSettingsId header overrides it.")
    private String settingsId;

    @UriParam(label = "producer", description = "getCsvUploadDetails, getCsvUploadPreview: the upload id that"
                                                + " createCsvUpload answered. The CamelGenesysUploadId header overrides it.")
    private String uploadId;

    @UriParam(label = "producer", description = "getImportJob, updateImportJob: the import job id (importContacts"
                                                + " reports it in the CamelGenesysImportJobId header). The CamelGenesysJobId"
                                                + " header overrides it.")
    private String jobId;

    @UriParam(label = "producer", description = "getContactsExport, getNotesExport, getOrganizationsExport,"
                                                + " getRelationshipsExport: the export id. The CamelGenesysExportId header"
                                                + " overrides it.")
    private String exportId;

    @UriParam(label = "producer", description = "listCsvSettings: only the CSV settings of this external settings id.")
    private String externalSettingsId;

    @UriParam(label = "producer", description = "listImportJobs: only the jobs in this status.")
    private String jobStatus;

    public ContactsConfiguration() {
        // the import and export job statuses that never finish
        setFailedStatuses("Failed,Cancelled");
    }

    @Override
    public ContactsConfiguration copy() {
        return (ContactsConfiguration) super.copy();
    }

    @Override
    public void validate() {
        super.validate();
        if (!"fail".equals(bulkFailureMode) && !"continue".equals(bulkFailureMode)) {
            throw new IllegalArgumentException("bulkFailureMode must be fail or continue, was '" + bulkFailureMode + "'");
        }
        if (bulkBatchSize < 1) {
            throw new IllegalArgumentException("bulkBatchSize must be 1 or more, was " + bulkBatchSize);
        }
    }

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getNoteId() {
        return noteId;
    }

    public void setNoteId(String noteId) {
        this.noteId = noteId;
    }

    public String getExternalOrganizationId() {
        return externalOrganizationId;
    }

    public void setExternalOrganizationId(String externalOrganizationId) {
        this.externalOrganizationId = externalOrganizationId;
    }

    public String getRelationshipId() {
        return relationshipId;
    }

    public void setRelationshipId(String relationshipId) {
        this.relationshipId = relationshipId;
    }

    public String getExternalSourceId() {
        return externalSourceId;
    }

    public void setExternalSourceId(String externalSourceId) {
        this.externalSourceId = externalSourceId;
    }

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public String getTrustorId() {
        return trustorId;
    }

    public void setTrustorId(String trustorId) {
        this.trustorId = trustorId;
    }

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(String sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getDivisionIds() {
        return divisionIds;
    }

    public void setDivisionIds(String divisionIds) {
        this.divisionIds = divisionIds;
    }

    public String getDivisionId() {
        return divisionId;
    }

    public void setDivisionId(String divisionId) {
        this.divisionId = divisionId;
    }

    public Boolean getIncludeTrustors() {
        return includeTrustors;
    }

    public void setIncludeTrustors(Boolean includeTrustors) {
        this.includeTrustors = includeTrustors;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getLookupVal() {
        return lookupVal;
    }

    public void setLookupVal(String lookupVal) {
        this.lookupVal = lookupVal;
    }

    public Boolean getIncludeMerged() {
        return includeMerged;
    }

    public void setIncludeMerged(Boolean includeMerged) {
        this.includeMerged = includeMerged;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public EnrichAction getAction() {
        return action;
    }

    public void setAction(EnrichAction action) {
        this.action = action;
    }

    public IdentifierType getIdentifierType() {
        return identifierType;
    }

    public void setIdentifierType(IdentifierType identifierType) {
        this.identifierType = identifierType;
    }

    public String getIdentifierValue() {
        return identifierValue;
    }

    public void setIdentifierValue(String identifierValue) {
        this.identifierValue = identifierValue;
    }

    public String getIdentifierField() {
        return identifierField;
    }

    public void setIdentifierField(String identifierField) {
        this.identifierField = identifierField;
    }

    public IdentifierFieldMode getIdentifierFieldMode() {
        return identifierFieldMode;
    }

    public void setIdentifierFieldMode(IdentifierFieldMode identifierFieldMode) {
        this.identifierFieldMode = identifierFieldMode;
    }

    public int getBulkBatchSize() {
        return bulkBatchSize;
    }

    public void setBulkBatchSize(int bulkBatchSize) {
        this.bulkBatchSize = bulkBatchSize;
    }

    public String getBulkFailureMode() {
        return bulkFailureMode;
    }

    public void setBulkFailureMode(String bulkFailureMode) {
        this.bulkFailureMode = bulkFailureMode;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getContactUserName() {
        return contactUserName;
    }

    public void setContactUserName(String contactUserName) {
        this.contactUserName = contactUserName;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    public String getSchemaId() {
        return schemaId;
    }

    public void setSchemaId(String schemaId) {
        this.schemaId = schemaId;
    }

    public String getVersionId() {
        return versionId;
    }

    public void setVersionId(String versionId) {
        this.versionId = versionId;
    }

    public String getCoreTypeName() {
        return coreTypeName;
    }

    public void setCoreTypeName(String coreTypeName) {
        this.coreTypeName = coreTypeName;
    }

    public boolean isValidateCustomFields() {
        return validateCustomFields;
    }

    public void setValidateCustomFields(boolean validateCustomFields) {
        this.validateCustomFields = validateCustomFields;
    }

    // ---- import and export ----

    public String getSettingsId() {
        return settingsId;
    }

    public void setSettingsId(String settingsId) {
        this.settingsId = settingsId;
    }

    public String getUploadId() {
        return uploadId;
    }

    public void setUploadId(String uploadId) {
        this.uploadId = uploadId;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getExportId() {
        return exportId;
    }

    public void setExportId(String exportId) {
        this.exportId = exportId;
    }

    public String getExternalSettingsId() {
        return externalSettingsId;
    }

    public void setExternalSettingsId(String externalSettingsId) {
        this.externalSettingsId = externalSettingsId;
    }

    public String getJobStatus() {
        return jobStatus;
    }

    public void setJobStatus(String jobStatus) {
        this.jobStatus = jobStatus;
    }

    // ---- issue 16: identity graphs ----

    public String getScanId() {
        return scanId;
    }

    public void setScanId(String scanId) {
        this.scanId = scanId;
    }

    public String getClusterId() {
        return clusterId;
    }

    public void setClusterId(String clusterId) {
        this.clusterId = clusterId;
    }
}
