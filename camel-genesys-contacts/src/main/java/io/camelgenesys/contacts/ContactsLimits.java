package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.contacts.model.ContactEnrichRequest;
import io.camelgenesys.contacts.model.ContactIdentifier;
import io.camelgenesys.contacts.model.ContactPatchRequest;
import io.camelgenesys.contacts.model.ContactSearchRequest;
import io.camelgenesys.contacts.model.ContactsPatchChange;
import io.camelgenesys.contacts.model.ConversationAssociation;
import io.camelgenesys.contacts.model.DataSchema;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.contacts.model.ExternalSource;
import io.camelgenesys.contacts.model.GraphSettings;
import io.camelgenesys.contacts.model.IdentifierClaimRequest;
import io.camelgenesys.contacts.model.JourneySegmentsRequest;
import io.camelgenesys.contacts.model.MergeRequest;
import io.camelgenesys.contacts.model.Note;
import io.camelgenesys.contacts.model.OrganizationEnrichRequest;
import io.camelgenesys.contacts.model.Relationship;
import io.camelgenesys.contacts.model.SegmentList;
import io.camelgenesys.contacts.model.WebServicesContact;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.QueryRule;

import static io.camelgenesys.core.operation.BodyRules.anyOf;
import static io.camelgenesys.core.operation.BodyRules.each;
import static io.camelgenesys.core.operation.BodyRules.email;
import static io.camelgenesys.core.operation.BodyRules.list;
import static io.camelgenesys.core.operation.BodyRules.object;
import static io.camelgenesys.core.operation.BodyRules.oneOf;
import static io.camelgenesys.core.operation.BodyRules.required;
import static io.camelgenesys.core.operation.BodyRules.text;
import static io.camelgenesys.core.operation.BodyRules.totalItems;
import static io.camelgenesys.core.operation.BodyRules.typed;

/**
 * Every documented limit of the contacts APIs, in one place. Sources: seed 003 (the Genesys Cloud External Contacts
 * reference), seeds 001/004 (Web Services contacts) and, where the seeds are silent, the Genesys Cloud SDK models
 * (enum values, cited at each rule). Every body's rules are {@link BodyRules#typed typed} by the model it stands
 * for, so the JSON type of each field (text, number, true/false, list, object) comes from the model classes and is
 * never listed here field by field.
 */
public final class ContactsLimits {

    /** "Max: 1000 characters" for names, salutation, title and externalSystemUrl. */
    public static final int NAME_MAX = 1000;
    /** ContactEnrichRequest / BulkContactsEnrichRequest: "Run up to 10 Enrich operations per request". */
    public static final int BULK_ENRICH_MAX = 10;
    /** Page-number paging: pageSize <= 100 (seed 003 notes listing; seed 000 "max: 100"). */
    public static final int PAGE_SIZE_MAX = 100;
    /** Cursor scans and listExternalSources: "must be between 10 and 200". */
    public static final int SCAN_LIMIT_MIN = 10;
    public static final int SCAN_LIMIT_MAX = 200;

    /** Page-number lists: the pageSize query parameter. */
    public static final QueryRule PAGE_SIZE = QueryRule.range("pageSize", 1, PAGE_SIZE_MAX);
    /** Cursor scans: the page size is sent as limit. */
    public static final QueryRule SCAN_LIMIT = QueryRule.range("limit", SCAN_LIMIT_MIN, SCAN_LIMIT_MAX);

    /**
     * ContactIdentifier.TypeEnum of the Genesys Cloud SDK: the Java SDK's docs list ExternalId since at least 208.0.0
     * (docs/ContactIdentifier.md), and the npm SDK 262.0.0 documents it for the organization lookup; the Java SDK
     * 198.1.0 this build reads had not added it yet (contract/README.md).
     */
    public static final String[] IDENTIFIER_TYPES = {
            "SocialLine", "SocialFacebook", "SocialTwitter", "SocialWhatsapp", "Email", "Phone", "Cookie", "ExternalId" };

    /** ContactIdentifier: type from the SDK enum; value "Max: 255 characters". */
    public static final BodyRules IDENTIFIER = typed(ContactIdentifier.class,
            oneOf("type", true, IDENTIFIER_TYPES),
            text("value", 1, 255, true));

    /**
     * ExternalOrganizationIdentifier: "This endpoint will only accept ExternalId type identifiers" (npm SDK 262.0.0,
     * postExternalcontactsIdentifierlookupOrganizations); its TypeEnum has ExternalId only (Java SDK 264.0.0 docs).
     */
    public static final BodyRules ORGANIZATION_IDENTIFIER = typed(ContactIdentifier.class,
            (body, path, violations) -> {
                JsonNode type = body.get("type");
                if (type == null || type.isNull()) {
                    violations.add(path + "type is required: ExternalId (organizations are identified by ExternalId"
                                   + " identifiers only)");
                } else if (!"ExternalId".equals(type.asText())) {
                    violations.add(path + "type must be ExternalId: Genesys identifies external organizations by"
                                   + " ExternalId identifiers only (claims, lookups, enrich), was '" + type.asText()
                                   + "'");
                }
            },
            text("value", 1, 255, true));

    /** The fields of a contact, whether created, replaced, patched or enriched: none is required (seed 003, SDK). */
    public static final BodyRules CONTACT = typed(ExternalContact.class,
            text("firstName", NAME_MAX), text("middleName", NAME_MAX), text("lastName", NAME_MAX),
            text("salutation", NAME_MAX), text("title", NAME_MAX), text("externalSystemUrl", NAME_MAX),
            email("workEmail"), email("personalEmail"), email("otherEmail"), email("email"),
            list("externalIds", 0, 10, false), list("appleOpaqueIds", 0, 10, false),
            anyOf("twitterId", "id", "screenName"),
            each("identifiers", IDENTIFIER),
            oneOf("type", false, "Ephemeral", "Identified", "Curated")); // ExternalContact.TypeEnum of the SDK

    /** bulkUpdate items name the contact they replace. */
    public static final BodyRules CONTACT_WITH_ID = CONTACT.and(text("id", 1, 255, true));

    /** A bulk item that only names an entity. */
    public static final BodyRules ID_ONLY = BodyRules.of(text("id", 1, 255, true));

    /** What Genesys sets on a contact and a patch cannot change (seed 003: "Read-only"; server-owned). */
    public static final Set<String> CONTACT_READ_ONLY = Set.of("id", "selfUri", "createDate", "modifyDate",
            "mergedFrom", "mergedTo", "mergeSet", "mergeOperation", "canonicalContact", "externalDataSources",
            "identifiers");

    /**
     * ContactsPatchChange.ActionEnum of the Genesys Cloud SDK (Java SDK 250.0.0 docs/ContactsPatchChange.md; the npm
     * SDK 262.0.0 declares a plain string).
     */
    public static final List<String> PATCH_ACTIONS = List.of("UpdateIfEmpty", "UpdateIfExists", "Update",
            "AppendToCollection", "Remove", "RemoveFromCollection");

    /** "A JSONPath string ... You may only use dot-notation to access named fields", rooted at "$.". */
    static final Pattern PATCH_FIELD = Pattern.compile("^\\$(\\.[A-Za-z0-9_]+)+$");

    /**
     * One change: field a dot-notation JSONPath of a writable field of the entity, action from the SDK enum, a value
     * unless removing; a whole top-level field's value meets the entity's rules (only those about that field: a
     * patch leaves the other fields, required ones included, as they are).
     */
    private static BodyRules patchChange(BodyRules entity, Set<String> readOnly, String what) {
        return typed(ContactsPatchChange.class,
                text("field", 1, NAME_MAX, true), oneOf("action", true, PATCH_ACTIONS.toArray(String[]::new)),
                (body, path, violations) -> {
                    String field = body.path("field").asText("");
                    if (!field.isEmpty() && !PATCH_FIELD.matcher(field).matches()) {
                        violations.add(path + "field must be a dot-notation JSONPath from the " + what + "'s root, such"
                                       + " as " + (what.equals("contact") ? "$.title or $.address.city" : "$.<field>")
                                       + ", was '" + field + "'");
                        return;
                    }
                    String top = field.length() > 2 ? field.substring(2).split("\\.")[0] : "";
                    if (readOnly.contains(top)) {
                        violations.add(path + "field " + field + " is set by Genesys and cannot be patched");
                    }
                    String action = body.path("action").asText("");
                    boolean removing = action.equals("Remove");
                    if (!removing && !action.isEmpty() && (!body.has("value") || body.get("value").isNull())) {
                        violations.add(path + "value is required for action " + action + " (only Remove takes none)");
                    }
                    if (action.startsWith("Update") && top.equals(field.substring(Math.min(2, field.length())))
                        && body.hasNonNull("value")) {
                        ObjectNode one = JsonNodeFactory.instance.objectNode();
                        one.set(top, body.get("value"));
                        for (String v : partialViolations(entity, one)) {
                            violations.add(path + "value: " + v);
                        }
                    }
                });
    }

    /**
     * The violations of a partial entity (the fields a patch changes): those about its own fields only, as the fields
     * it leaves out, required ones included, keep their stored values.
     */
    static List<String> partialViolations(BodyRules entity, JsonNode partial) {
        List<String> about = new ArrayList<>();
        for (String v : entity.violations(partial)) {
            for (java.util.Iterator<String> names = partial.fieldNames(); names.hasNext();) {
                String f = names.next();
                if (v.startsWith(f) && v.length() > f.length() && " .[".indexOf(v.charAt(f.length())) >= 0) {
                    about.add(v);
                    break;
                }
            }
        }
        return about;
    }

    /**
     * The rules of an ExternalContactsPatchRequest on an entity with {@code entity}'s rules: 1 or more changes;
     * "trying to patch both nested fields and their parent field is not allowed and will result in a 409" (SDK),
     * refused before sending.
     */
    static BodyRules patchRequest(BodyRules entity, Set<String> readOnly, String what) {
        return typed(ContactPatchRequest.class,
                list("changes", 1, Integer.MAX_VALUE, true), each("changes", patchChange(entity, readOnly, what)),
                (body, path, violations) -> {
                    JsonNode changes = body.get("changes");
                    if (changes == null || !changes.isArray()) {
                        return;
                    }
                    List<String> fields = new ArrayList<>();
                    changes.forEach(c -> fields.add(c.path("field").asText("")));
                    for (String a : fields) {
                        for (String b : fields) {
                            if (!a.isEmpty() && b.startsWith(a + ".")) {
                                violations.add(path + "changes patch both " + a + " and " + b + " inside it: Genesys"
                                               + " refuses a field and its parent in one patch (409); patch one of"
                                               + " them");
                                return;
                            }
                        }
                    }
                });
    }

    /** patch (ExternalContactsPatchRequest of a contact). */
    public static final BodyRules PATCH = patchRequest(CONTACT, CONTACT_READ_ONLY, "contact");

    /** createNote: "noteText ... Between 1 and 32,000 characters", required. */
    public static final BodyRules NOTE_CREATE = typed(Note.class, text("noteText", 1, 32_000, true));

    /** updateNote: createdBy is required on PUT; noteText, when sent, 1–32,000 characters. */
    public static final BodyRules NOTE_UPDATE = typed(Note.class, text("noteText", 1, 32_000, false),
            required("createdBy"));

    /** ExternalOrganization: name required, "Max: 1000 characters"; externalIds "Max 10 items". */
    public static final BodyRules ORGANIZATION = typed(ExternalOrganization.class,
            text("name", 1, NAME_MAX, true), list("externalIds", 0, 10, false),
            anyOf("twitterId", "id", "screenName"), each("identifiers", ORGANIZATION_IDENTIFIER));

    /** Relationship: relationship "Between 1 and 100 characters"; externalOrganization and user required. */
    public static final BodyRules RELATIONSHIP = typed(Relationship.class,
            text("relationship", 1, 100, true), required("externalOrganization"), required("user"));

    /** ExternalSource: name required, "Max: 200 characters". */
    public static final BodyRules EXTERNAL_SOURCE = typed(ExternalSource.class, text("name", 1, 200, true));

    /** IdentifierClaimRequest.OperationEnum of the SDK: Claim, Release. */
    public static final BodyRules IDENTIFIER_CLAIM = typed(IdentifierClaimRequest.class,
            oneOf("operation", true, "Claim", "Release"), object("identifier", true, IDENTIFIER));

    /** An organization's identifier claim: ExternalId identifiers only. */
    public static final BodyRules ORGANIZATION_IDENTIFIER_CLAIM = typed(IdentifierClaimRequest.class,
            oneOf("operation", true, "Claim", "Release"), object("identifier", true, ORGANIZATION_IDENTIFIER));

    /**
     * ContactEnrichRequest: action from the SDK's ActionEnum (Insert, Update, Upsert, Merge; platform-client-v2
     * 254.0.0), matchingIdentifiers "Between 1 and 25".
     */
    public static final BodyRules ENRICH = typed(ContactEnrichRequest.class,
            oneOf("action", true, "Insert", "Update", "Upsert", "Merge"),
            list("matchingIdentifiers", 1, 25, true), each("matchingIdentifiers", IDENTIFIER),
            object("contact", false, CONTACT));

    /** ExternalOrganizationEnrichRequest: action (SDK ActionEnum: Insert, Update, Upsert) optional; ExternalId only. */
    public static final BodyRules ORGANIZATION_ENRICH = typed(OrganizationEnrichRequest.class,
            oneOf("action", false, "Insert", "Update", "Upsert"),
            list("matchingIdentifiers", 0, 25, false), each("matchingIdentifiers", ORGANIZATION_IDENTIFIER));

    /** merge: "contactIds ... must be between 2 and 25". */
    public static final BodyRules MERGE = typed(MergeRequest.class,
            list("contactIds", 2, 25, true), object("valueOverride", false, CONTACT));

    /** A segment list: {@code segments} required, each with a segment id. */
    private static final BodyRules SEGMENTS = typed(SegmentList.class,
            list("segments", 0, Integer.MAX_VALUE, true), each("segments", BodyRules.of(text("id", 1, 255, true))));

    /** updateJourneySegments: {@code {assign:{segments:[{id}]}, unassign:{...}}}, "Assign/Unassign up to 10 segments". */
    public static final BodyRules JOURNEY_SEGMENTS = typed(JourneySegmentsRequest.class,
            object("assign", false, SEGMENTS), object("unassign", false, SEGMENTS),
            totalItems(10, "assign.segments", "unassign.segments"));

    /** ConversationAssociation.MediaTypeEnum of the SDK (Java SDK docs/ConversationAssociation.md). */
    public static final String[] MEDIA_TYPES = {
            "CALL", "CALLBACK", "CHAT", "COBROWSE", "EMAIL", "MESSAGE", "SOCIAL_EXPRESSION", "VIDEO", "SCREENSHARE" };

    /** associateConversation: conversationId (the path's), communicationId and mediaType required. */
    public static final BodyRules CONVERSATION_ASSOCIATION = typed(ConversationAssociation.class,
            text("conversationId", 1, 255, true), text("communicationId", 1, 255, true),
            oneOf("mediaType", true, MEDIA_TYPES));

    /** Web Services create/update: only Custom contacts may be written (seed 001); name and phoneNumber are text. */
    public static final BodyRules WEB_SERVICES_CONTACT = typed(WebServicesContact.class,
            (body, path, violations) -> {
                String type = body.path("type").asText("Custom");
                if (!"Custom".equals(type)) {
                    violations.add("type must be Custom: Web Services only lets Custom contacts be created, modified or"
                                   + " deleted (Queue and User contacts are read-only), was '" + type + "'");
                }
            },
            text("name", 0, Integer.MAX_VALUE, false), text("phoneNumber", 0, Integer.MAX_VALUE, false));

    // ---- schemas (custom fields) ---------------------------------------------------------------------------------

    /**
     * A schema to create: its JSON schema is required (DataSchema.jsonSchema); what a field may hold is Genesys' to
     * check (core types and their limits, {@code GET .../schemas/coretypes}).
     */
    public static final BodyRules SCHEMA_CREATE = typed(DataSchema.class, required("jsonSchema"));
    /** A schema update also names the version it was made from: "The schema's version ... Required for updates." */
    public static final BodyRules SCHEMA_UPDATE = SCHEMA_CREATE.and(required("version"));

    // ---- import and export ----
    /** ContactImportSettings: name, mergeContacts, externalSourceId and importFields required (SDK). */
    public static final BodyRules IMPORT_SETTINGS = typed(io.camelgenesys.contacts.model.ContactImportSettings.class,
            text("name", 1, 255, true), required("mergeContacts"), text("externalSourceId", 1, 255, true),
            list("importFields", 0, Integer.MAX_VALUE, true),
            each("importFields", BodyRules.of(text("name", 1, 255, true), required("included"))));

    /** CsvSettings: mappings required, each with sourceField and targetField (SDK CsvMappingEntry). */
    public static final BodyRules CSV_SETTINGS = typed(io.camelgenesys.contacts.model.CsvSettings.class,
            list("mappings", 1, Integer.MAX_VALUE, true),
            each("mappings", BodyRules.of(text("sourceField", 1, 255, true), text("targetField", 1, 255, true))));

    /** CsvUploadRequest: fileSize required (SDK). */
    public static final BodyRules CSV_UPLOAD = typed(io.camelgenesys.contacts.model.CsvUploadRequest.class,
            required("fileSize"));

    /** CsvJobRequest: uploadId and settingsId required (SDK). */
    public static final BodyRules CSV_JOB = typed(io.camelgenesys.contacts.model.CsvJobRequest.class,
            text("uploadId", 1, 255, true), text("settingsId", 1, 255, true));

    /** ContactImportJobRequest: settingsId required (SDK). */
    public static final BodyRules IMPORT_JOB = typed(io.camelgenesys.contacts.model.ContactImportJobRequest.class,
            text("settingsId", 1, 255, true));

    /** ContactImportJobStatusUpdateRequest: jobId and status required (SDK). */
    public static final BodyRules IMPORT_JOB_STATUS = typed(
            io.camelgenesys.contacts.model.ContactImportJobStatusUpdate.class,
            text("jobId", 1, 255, true), text("status", 1, 255, true));

    /** ContactsExport and its notes, organizations, relationships siblings: nothing required (SDK). */
    public static final BodyRules EXPORT = typed(io.camelgenesys.contacts.model.EntitiesExport.class);

    // ---- identity graphs, division views, PATCH of organizations/notes/relationships, bulk notes/relationships,
    // ---- contact search (issue 16)

    /** Cluster scan and cluster lists: "Max number of records to return (must be between 1 and 100)" (SDK). */
    public static final int CLUSTER_LIMIT_MAX = 100;
    public static final QueryRule CLUSTER_LIMIT = QueryRule.range("limit", 1, CLUSTER_LIMIT_MAX);
    /** listClusters: "which divisions to filter results to, up to 50" (SDK). */
    public static final QueryRule CLUSTER_DIVISIONS = QueryRule.atMost("divisionIds", 50);

    /**
     * updateGraphSettings: GraphSettings, whose one writable field is automaticMergingEnabled, true or false (the SDK
     * requires no field: a body without it changes nothing).
     */
    public static final BodyRules GRAPH_SETTINGS = typed(GraphSettings.class);

    /** What Genesys sets on an organization and a patch cannot change (server-owned, SDK read-only). */
    public static final Set<String> ORGANIZATION_READ_ONLY = Set.of("id", "selfUri", "createDate", "modifyDate",
            "trustor", "externalDataSources", "identifiers");
    /** What Genesys sets on a note: its parent (entityId, entityType) and dates. */
    public static final Set<String> NOTE_READ_ONLY = Set.of("id", "selfUri", "createDate", "modifyDate", "entityId",
            "entityType", "externalDataSources");
    /** What Genesys sets on a relationship. */
    public static final Set<String> RELATIONSHIP_READ_ONLY = Set.of("id", "selfUri", "externalDataSources");

    /**
     * bulkAddNotes items: a note as createNote takes it, plus the entity it is on (entityId, entityType contact or
     * organization: Note.EntityTypeEnum of the SDK), which the path gives for createNote.
     */
    public static final BodyRules NOTE_BULK_ADD = NOTE_CREATE.and(text("entityId", 1, 255, true),
            oneOf("entityType", true, "contact", "organization"));
    /**
     * bulkUpdateNotes items: the note they replace (id); noteText, when sent, 1–32,000 characters. Each item is a PUT
     * of the note, whose noteText seed 003 gives as optional ("noteTextstringNo", L698): an item without it keeps the
     * text (the SDK requires none of them either).
     */
    public static final BodyRules NOTE_WITH_ID = typed(Note.class, text("id", 1, 255, true),
            text("noteText", 1, 32_000, false));
    /** bulkUpdateRelationships items name the relationship they replace. */
    public static final BodyRules RELATIONSHIP_WITH_ID = RELATIONSHIP.and(text("id", 1, 255, true));

    /**
     * searchContacts (ContactSearchRequest): pageSize 1-100 and pageNumber x pageSize at most 1,000 (as every
     * page-number listing), at most 50 divisionIds (as search); a simpleSearch's query is text.
     */
    public static final BodyRules CONTACT_SEARCH = typed(ContactSearchRequest.class,
            list("divisionIds", 0, 50, false),
            (body, path, violations) -> {
                int size = body.path("pageSize").asInt(25);
                int number = body.path("pageNumber").asInt(1);
                if (body.hasNonNull("pageSize") && (size < 1 || size > PAGE_SIZE_MAX)) {
                    violations.add(path + "pageSize must be between 1 and " + PAGE_SIZE_MAX + ", was " + size);
                } else if (body.hasNonNull("pageNumber") && number < 1) {
                    violations.add(path + "pageNumber must be 1 or more, was " + number);
                } else if ((long) size * number > 1000) {
                    violations.add(path + "pageNumber x pageSize must be at most 1,000 (Genesys reads no further),"
                                   + " was " + number + " x " + size + "; use scan to read every contact");
                }
            });

    private ContactsLimits() {
    }
}
