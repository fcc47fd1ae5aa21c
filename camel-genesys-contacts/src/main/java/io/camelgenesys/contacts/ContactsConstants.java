package io.camelgenesys.contacts;

import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of genesys-contacts: the shared camel-genesys headers plus its inputs (each overrides the option of the same
 * name for one message) and the bulk results it reports. Each says its direction first (see {@link GenesysConstants}).
 */
public final class ContactsConstants extends GenesysConstants {

    @Metadata(label = "producer,input", description = "Input: the external contact id (Web Services: the contact"
              + " id); overrides the contactId option.", javaType = "String")
    public static final String CONTACT_ID = "CamelGenesysContactId";

    @Metadata(label = "producer,input", description = "Input: the note id; overrides the noteId option.",
              javaType = "String")
    public static final String NOTE_ID = "CamelGenesysNoteId";

    @Metadata(label = "producer,input", description = "Input: the external organization id; overrides the"
              + " externalOrganizationId option.", javaType = "String")
    public static final String EXTERNAL_ORGANIZATION_ID = "CamelGenesysExternalOrganizationId";

    @Metadata(label = "producer,input", description = "Input: the schema id of the schema operations; overrides the"
              + " schemaId option.", javaType = "String")
    public static final String SCHEMA_ID = "CamelGenesysSchemaId";

    @Metadata(label = "producer,input", description = "Input: getContactSchemaVersion, getOrganizationSchemaVersion:"
              + " the schema version; overrides the versionId option.", javaType = "String")
    public static final String VERSION_ID = "CamelGenesysVersionId";

    @Metadata(label = "producer,input", description = "Input: getContactCoreType, getOrganizationCoreType: the core"
              + " type name; overrides the coreTypeName option.", javaType = "String")
    public static final String CORE_TYPE_NAME = "CamelGenesysCoreTypeName";

    @Metadata(label = "producer,input", description = "Input: the relationship id; overrides the relationshipId"
              + " option.", javaType = "String")
    public static final String RELATIONSHIP_ID = "CamelGenesysRelationshipId";

    @Metadata(label = "producer,input", description = "Input: the external source id; overrides the externalSourceId"
              + " option.", javaType = "String")
    public static final String EXTERNAL_SOURCE_ID = "CamelGenesysExternalSourceId";

    @Metadata(label = "producer,input", description = "Input: associateConversation: the conversation id; overrides"
              + " the conversationId option.", javaType = "String")
    public static final String CONVERSATION_ID = "CamelGenesysConversationId";

    @Metadata(label = "producer,input", description = "Input: linkTrustor: the trustor id; overrides the trustorId"
              + " option.", javaType = "String")
    public static final String TRUSTOR_ID = "CamelGenesysTrustorId";

    @Metadata(label = "producer,input", description = "Input: the cluster scan id of getClusterScan,"
              + " getClusterScanStatistics, listClusters, getCluster and mergeCluster; overrides the scanId option.",
              javaType = "String")
    public static final String SCAN_ID = "CamelGenesysScanId";

    @Metadata(label = "producer,input", description = "Input: the cluster id of getCluster and mergeCluster; overrides"
              + " the clusterId option.", javaType = "String")
    public static final String CLUSTER_ID = "CamelGenesysClusterId";

    @Metadata(label = "producer,input", description = "Input: which related entities to expand (e.g."
              + " externalOrganization); overrides the expand option.", javaType = "String")
    public static final String EXPAND = "CamelGenesysExpand";

    @Metadata(label = "producer,input", description = "Input: search and the other searches: the search keywords (a"
              + " phone number such as +15551234567, an email or a name); overrides the q option.", javaType = "String")
    public static final String Q = "CamelGenesysQ";

    @Metadata(label = "producer,input", description = "Input: reverseLookup: the value to look up (an email address,"
              + " an E.164 phone number or a Twitter screen name); overrides lookupVal.", javaType = "String")
    public static final String LOOKUP_VAL = "CamelGenesysLookupVal";

    @Metadata(label = "producer,input", description = "Input: enrich: the value of the matching identifier (e.g. the"
              + " CRM id); overrides the identifierValue option and identifierField.", javaType = "String")
    public static final String IDENTIFIER_VALUE = "CamelGenesysIdentifierValue";

    @Metadata(label = "producer,output", description = "Output: bulk operations, the items that failed, as a List of"
              + " BulkFailure (index in the input, the input item as given, the error message, status and code), in"
              + " input order. Split it to dead-letter exactly the failed records.",
              javaType = "java.util.List<io.camelgenesys.contacts.BulkFailure>")
    public static final String BULK_FAILURES = "CamelGenesysBulkFailures";

    @Metadata(label = "producer,output", description = "Output: bulk operations, the items Genesys stored, as a List of"
              + " BulkSuccess (index in the input, the input item as given, what Genesys stored for it), in input"
              + " order and in the order of the body's list. Split it to mark exactly the records that were synced.",
              javaType = "java.util.List<io.camelgenesys.contacts.BulkSuccess>")
    public static final String BULK_SUCCESSES = "CamelGenesysBulkSuccesses";

    @Metadata(label = "producer,output", description = "Output: bulk operations, how many items succeeded.",
              javaType = "Integer")
    public static final String BULK_SUCCESS_COUNT = "CamelGenesysBulkSuccessCount";

    @Metadata(label = "producer,output", description = "Output: bulk operations, how many items failed (the size of"
              + " CamelGenesysBulkFailures).", javaType = "Integer")
    public static final String BULK_FAILURE_COUNT = "CamelGenesysBulkFailureCount";

    // ---- import and export ----
    @Metadata(label = "producer,input", description = "Input: the import or CSV settings id; overrides the settingsId"
              + " option.", javaType = "String")
    public static final String SETTINGS_ID = "CamelGenesysSettingsId";

    @Metadata(label = "producer,input", description = "Input: the CSV upload id; overrides the uploadId option.",
              javaType = "String")
    public static final String UPLOAD_ID = "CamelGenesysUploadId";

    @Metadata(label = "producer,input", description = "Input: the import job id; overrides the jobId option.",
              javaType = "String")
    public static final String JOB_ID = "CamelGenesysJobId";

    @Metadata(label = "producer,input", description = "Input: the export id; overrides the exportId option.",
              javaType = "String")
    public static final String EXPORT_ID = "CamelGenesysExportId";

    @Metadata(label = "producer,output", description = "Output: importContacts, the id of the import job it started"
              + " (copy it to CamelGenesysJobId to read or cancel the job with getImportJob or updateImportJob).",
              javaType = "String")
    public static final String IMPORT_JOB_ID = "CamelGenesysImportJobId";

    @Metadata(label = "producer,output", description = "Output: importContacts, the import job's last status as"
              + " Genesys named it.", javaType = "String")
    public static final String IMPORT_JOB_STATUS = "CamelGenesysImportJobStatus";

    @Metadata(label = "producer,output", description = "Output: importContacts with waitForCompletion, how many rows"
              + " were imported.", javaType = "Long")
    public static final String IMPORT_SUCCESS_COUNT = "CamelGenesysImportSuccessCount";

    @Metadata(label = "producer,output", description = "Output: importContacts with waitForCompletion, how many rows"
              + " failed (each with its reason in the body's failedRows).", javaType = "Long")
    public static final String IMPORT_FAILURE_COUNT = "CamelGenesysImportFailureCount";

    @Metadata(label = "producer,output", description = "Output: exportContacts, exportNotes, exportOrganizations,"
              + " exportRelationships: the id of the export whose file is the body.", javaType = "String")
    public static final String EXPORT_JOB_ID = "CamelGenesysExportJobId";

    @Metadata(label = "producer,output", description = "Output: exportContacts and the other exports: how many rows"
              + " the export holds, as Genesys counted them.", javaType = "Long")
    public static final String EXPORT_ROW_COUNT = "CamelGenesysExportRowCount";

    private ContactsConstants() {
    }
}
