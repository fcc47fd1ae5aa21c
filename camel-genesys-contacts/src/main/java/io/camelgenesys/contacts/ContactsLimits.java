package io.camelgenesys.contacts;

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

/**
 * Every documented limit of the contacts APIs, in one place. Sources: seed 003 (the Genesys Cloud External Contacts
 * reference), seed 000 (create needs firstName and lastName), seeds 001/004 (Web Services contacts) and, where the
 * seeds are silent, the Genesys Cloud SDK models (enum values, cited at each rule).
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

    /** ContactIdentifier.TypeEnum of the Genesys Cloud SDK (platform-client-v2). */
    public static final String[] IDENTIFIER_TYPES = {
            "SocialLine", "SocialFacebook", "SocialTwitter", "SocialWhatsapp", "Email", "Phone", "Cookie", "ExternalId" };

    /** ContactIdentifier: type from the SDK enum; value "Max: 255 characters". */
    public static final BodyRules IDENTIFIER = BodyRules.of(
            oneOf("type", true, IDENTIFIER_TYPES),
            text("value", 1, 255, true));

    /** The fields of a contact, whether created, replaced or patched. */
    private static final BodyRules CONTACT_FIELDS = BodyRules.of(
            text("firstName", NAME_MAX), text("middleName", NAME_MAX), text("lastName", NAME_MAX),
            text("salutation", NAME_MAX), text("title", NAME_MAX), text("externalSystemUrl", NAME_MAX),
            email("workEmail"), email("personalEmail"), email("otherEmail"), email("email"),
            list("externalIds", 0, 10, false), list("appleOpaqueIds", 0, 10, false),
            anyOf("twitterId", "id", "screenName"),
            list("identifiers", 0, Integer.MAX_VALUE, false), each("identifiers", IDENTIFIER),
            oneOf("type", false, "Ephemeral", "Identified", "Curated")); // ExternalContact.TypeEnum of the SDK

    /** create and update (a full replacement): seed 000 "Required Fields: firstName, lastName". */
    public static final BodyRules CONTACT = CONTACT_FIELDS.and(
            text("firstName", 1, NAME_MAX, true), text("lastName", 1, NAME_MAX, true));

    /** patch: only what is sent is changed, so nothing is required. */
    public static final BodyRules CONTACT_PATCH = CONTACT_FIELDS;

    /** bulkUpdate, bulkRemove, bulkGet items name the contact they act on. */
    public static final BodyRules CONTACT_WITH_ID = CONTACT.and(text("id", 1, 255, true));

    /** A bulk item that only names an entity. */
    public static final BodyRules ID_ONLY = BodyRules.of(text("id", 1, 255, true));

    /** createNote: "noteText ... Between 1 and 32,000 characters", required. */
    public static final BodyRules NOTE_CREATE = BodyRules.of(text("noteText", 1, 32_000, true));

    /** updateNote: createdBy is required on PUT; noteText, when sent, 1–32,000 characters. */
    public static final BodyRules NOTE_UPDATE = BodyRules.of(text("noteText", 1, 32_000, false), required("createdBy"));

    /** ExternalOrganization: name required, "Max: 1000 characters"; externalIds "Max 10 items". */
    public static final BodyRules ORGANIZATION = BodyRules.of(
            text("name", 1, NAME_MAX, true), list("externalIds", 0, 10, false),
            anyOf("twitterId", "id", "screenName"), each("identifiers", IDENTIFIER));

    /** Relationship: relationship "Between 1 and 100 characters"; externalOrganization and user required. */
    public static final BodyRules RELATIONSHIP = BodyRules.of(
            text("relationship", 1, 100, true), required("externalOrganization"), required("user"));

    /** ExternalSource: name required, "Max: 200 characters". */
    public static final BodyRules EXTERNAL_SOURCE = BodyRules.of(text("name", 1, 200, true));

    /** IdentifierClaimRequest.OperationEnum of the SDK: Claim, Release. */
    public static final BodyRules IDENTIFIER_CLAIM = BodyRules.of(
            oneOf("operation", true, "Claim", "Release"), object("identifier", true, IDENTIFIER));

    /**
     * ContactEnrichRequest: action from the SDK's ActionEnum (Insert, Update, Upsert, Merge; platform-client-v2
     * 254.0.0), matchingIdentifiers "Between 1 and 25".
     */
    public static final BodyRules ENRICH = BodyRules.of(
            oneOf("action", true, "Insert", "Update", "Upsert", "Merge"),
            list("matchingIdentifiers", 1, 25, true), each("matchingIdentifiers", IDENTIFIER),
            object("contact", false, CONTACT_PATCH));

    /** ExternalOrganizationEnrichRequest: action (SDK ActionEnum: Insert, Update, Upsert) optional. */
    public static final BodyRules ORGANIZATION_ENRICH = BodyRules.of(
            oneOf("action", false, "Insert", "Update", "Upsert"),
            list("matchingIdentifiers", 0, 25, false), each("matchingIdentifiers", IDENTIFIER));

    /** merge: "contactIds ... must be between 2 and 25". */
    public static final BodyRules MERGE = BodyRules.of(
            list("contactIds", 2, 25, true), object("valueOverride", false, CONTACT_PATCH));

    /** updateJourneySegments: "Assign/Unassign up to 10 segments". */
    public static final BodyRules JOURNEY_SEGMENTS = BodyRules.of(totalItems(10, "assign", "unassign"));

    /** associateConversation: communicationId and mediaType required. */
    public static final BodyRules CONVERSATION_ASSOCIATION = BodyRules.of(
            text("communicationId", 1, 255, true), required("mediaType"));

    /** Web Services create/update: only Custom contacts may be written (seed 001); name and phoneNumber are text. */
    public static final BodyRules WEB_SERVICES_CONTACT = BodyRules.of(
            (body, path, violations) -> {
                String type = body.path("type").asText("Custom");
                if (!"Custom".equals(type)) {
                    violations.add("type must be Custom: Web Services only lets Custom contacts be created, modified or"
                                   + " deleted (Queue and User contacts are read-only), was '" + type + "'");
                }
            },
            text("name", 0, Integer.MAX_VALUE, false), text("phoneNumber", 0, Integer.MAX_VALUE, false));

    private ContactsLimits() {
    }
}
