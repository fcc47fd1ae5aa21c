package io.camelgenesys.simulator.externalcontacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.store.EntityTable;
import io.camelgenesys.simulator.store.LockedMap;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * The contacts, guarded by their own lock ({@link #lock()}): the rules of a contact (seed 003 limits, the SDK's field
 * types, server-owned fields), how contacts are stored, replaced and removed (with their notes, identifiers
 * and journey segments), found (following merges) and matched. Each method names the stores whose locks its caller
 * must hold.
 */
final class ContactStore {

    static final int NAME_MAX = 1000;
    /** Contact types (seed 003 "type": the type of contact; the observed ones can be promoted to Curated). */
    static final List<String> CONTACT_TYPES = List.of("Ephemeral", "Identified", "Curated");
    /** Fields the server owns: ignored in request bodies. */
    static final List<String> SERVER_FIELDS = List.of("id", "selfUri", "createDate", "modifyDate", "mergedFrom",
            "mergedTo", "mergeSet", "mergeOperation", "canonicalContact", "externalDataSources", "identifiers");
    static final List<String> PHONE_FIELDS = List.of("workPhone", "cellPhone", "homePhone", "otherPhone");
    static final List<String> EMAIL_FIELDS = List.of("workEmail", "personalEmail", "otherEmail", "email");
    static final List<String> CONTACT_SORT_FIELDS = List.of("firstName", "lastName", "middleName", "title");

    private final EntityTable table;
    private final OrganizationStore organizations;
    private final IdentifierStore identifiers;
    private final EntityTable notes;
    private final LockedMap<ArrayNode> journeySegments;
    /** how many contacts {@link #seed} has made since the last {@link #clear()} */
    private int seeded;
    /** the contact schemas that customFields follow ({@link CustomFieldChecks}) */
    private SchemaStore schemas;

    ContactStore(StoreLock lock, OrganizationStore organizations, IdentifierStore identifiers, EntityTable notes,
            LockedMap<ArrayNode> journeySegments) {
        this.table = new EntityTable(ExternalContactsStores.BASE + "/contacts", lock);
        this.organizations = organizations;
        this.identifiers = identifiers;
        this.notes = notes;
        this.journeySegments = journeySegments;
    }

    StoreLock lock() {
        return table.lock();
    }

    void schemas(SchemaStore schemas) {
        this.schemas = schemas;
    }

    EntityTable table() {
        return table;
    }

    /** Adds {@code n} seeded contacts (see {@code ExternalContacts#seedContacts}). Writes contacts. */
    List<String> seed(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        List<String> ids = new ArrayList<>(n);
        String now = Json.timestamp(Instant.now());
        for (int k = 0; k < n; k++) {
            int i = ++seeded;
            ObjectNode contact = Json.object();
            contact.put("firstName", "First" + i);
            contact.put("lastName", "Last" + i);
            contact.put("workEmail", "contact" + i + "@example.com");
            String phone = String.format("+1555000%04d", i);
            contact.putObject("workPhone").put("e164", phone).put("display", phone);
            contact.put("type", "Curated");
            contact.put("createDate", now);
            contact.put("modifyDate", now);
            ids.add(table.insert(contact).get("id").asText());
        }
        return ids;
    }

    /** Writes contacts. */
    void clear() {
        table.clear();
        seeded = 0;
    }

    /**
     * Validates, stores and claims the body's {@code identifiers} (409 when another entity holds one). Reads
     * organizations, writes contacts and identifiers.
     */
    ObjectNode create(ObjectNode body) {
        List<ObjectNode> claimed = IdentifierStore.identifiersOf(body);
        ObjectNode contact = valid(body);
        for (ObjectNode identifier : claimed) {
            identifiers.checkClaimable(identifier, "contact", null);
        }
        ObjectNode stored = insert(contact);
        claimed.forEach(i -> identifiers.claim(i, "contact", stored.get("id").asText()));
        return stored;
    }

    /**
     * Validates a contact body (seed 003 limits; no field is required: seed 003 says "Required: No" for every one,
     * names included, and so does the SDK) and returns a clean copy without server-owned fields. Reads organizations.
     */
    ObjectNode valid(ObjectNode body) {
        ObjectNode c = body.deepCopy();
        SERVER_FIELDS.forEach(c::remove);
        for (String f : List.of("firstName", "lastName", "middleName", "salutation", "title", "externalSystemUrl")) {
            Checks.text(c, f, NAME_MAX);
        }
        for (String f : EMAIL_FIELDS) {
            Checks.email(c, f);
        }
        for (String f : PHONE_FIELDS) {
            phoneNumber(c, f);
        }
        for (String f : List.of("address", "twitterId", "facebookId", "lineId", "whatsAppId", "instagramId",
                "customFields", "schema", "division")) {
            Checks.object(c, f, false);
        }
        Checks.array(c, "externalIds", 0, 10, false);
        Checks.array(c, "appleOpaqueIds", 0, 10, false);
        ArrayNode phoneNumbers = Checks.array(c, "phoneNumbers", 0, Integer.MAX_VALUE, false);
        if (phoneNumbers != null) {
            for (int i = 0; i < phoneNumbers.size(); i++) {
                if (!phoneNumbers.get(i).isObject() || !phoneNumbers.get(i).path("number").isTextual()) {
                    throw ApiException.badRequest("phoneNumbers[" + i + "].number is required");
                }
            }
        }
        JsonNode twitter = c.get("twitterId");
        if (twitter != null && twitter.isObject() && !twitter.hasNonNull("id") && !twitter.hasNonNull("screenName")) {
            throw ApiException.badRequest("twitterId needs an id or a screenName (or both)");
        }
        if (c.has("surveyOptOut") && !c.get("surveyOptOut").isNull() && !c.get("surveyOptOut").isBoolean()) {
            throw ApiException.badRequest("surveyOptOut must be true or false");
        }
        Checks.oneOf(c, "type", CONTACT_TYPES, false);
        if (schemas != null) {
            CustomFieldChecks.check(c, schemas);
        }
        String organizationId = Checks.reference(c, "externalOrganization", false);
        if (organizationId != null && organizations.table().get(organizationId) == null) {
            throw ApiException.badRequest("externalOrganization.id " + organizationId
                    + " is not an existing external organization");
        }
        return c;
    }

    /**
     * A PhoneNumber field (the SDK model): an object whose display, e164, countryCode ("US"),
     * normalizationCountryCode and userInput are text, extension a whole number and acceptsSMS true or false.
     */
    static void phoneNumber(ObjectNode entity, String field) {
        ObjectNode phone = Checks.object(entity, field, false);
        if (phone == null) {
            return;
        }
        for (String f : List.of("display", "e164", "countryCode", "normalizationCountryCode", "userInput")) {
            JsonNode v = phone.get(f);
            if (v != null && !v.isNull() && !v.isTextual()) {
                throw ApiException.badRequest(field + "." + f + " must be a string");
            }
        }
        JsonNode extension = phone.get("extension");
        if (extension != null && !extension.isNull()
                && !(extension.isIntegralNumber() && extension.canConvertToLong())) {
            throw ApiException.badRequest(field + ".extension must be an integer");
        }
        JsonNode sms = phone.get("acceptsSMS");
        if (sms != null && !sms.isNull() && !sms.isBoolean()) {
            throw ApiException.badRequest(field + ".acceptsSMS must be true or false");
        }
    }

    /** Stores a valid contact as new. Writes contacts. */
    ObjectNode insert(ObjectNode contact) {
        String now = now();
        if (!contact.hasNonNull("type")) {
            contact.put("type", "Curated");
        }
        contact.put("createDate", now);
        contact.put("modifyDate", now);
        return table.insert(contact);
    }

    /** Replaces a contact's fields, keeping what the server owns (creation date, merge links). Writes contacts. */
    ObjectNode update(String id, ObjectNode old, ObjectNode contact) {
        for (String kept : List.of("createDate", "mergedFrom", "mergedTo", "mergeSet")) {
            if (old.has(kept)) {
                contact.set(kept, old.get(kept));
            }
        }
        if (!contact.hasNonNull("type")) {
            contact.set("type", old.get("type"));
        }
        contact.put("modifyDate", now());
        table.replace(id, contact);
        return contact;
    }

    /** Deletes a contact (404 when unknown) with its notes, identifiers and journey segments. Writes all four. */
    void remove(String id) {
        existing(id);
        table.remove(id);
        notes.removeIf(n -> "contact".equals(n.path("entityType").asText()) && id.equals(n.path("entityId").asText()));
        identifiers.releaseAll("contact", id);
        journeySegments.remove(id);
    }

    /** @return the stored contact itself (even when merged), or 404. Reads contacts. */
    ObjectNode existing(String id) {
        ObjectNode contact = table.get(id);
        if (contact == null) {
            throw ApiException.notFound("External contact " + id + " not found");
        }
        return contact;
    }

    /** @return the contact, or the contact it was merged into (following {@code mergedTo}), or 404. Reads contacts. */
    ObjectNode resolved(String id) {
        ObjectNode contact = existing(id);
        for (int hops = 0; contact.hasNonNull("mergedTo") && hops < 100; hops++) {
            ObjectNode next = table.get(contact.get("mergedTo").path("id").asText());
            if (next == null) {
                break;
            }
            contact = next;
        }
        return contact;
    }

    /**
     * {@code divisionIds} narrows a search to those divisions; a contact without a division is "unassigned" and
     * visible in every division (Genesys' External Contacts FAQ).
     */
    static boolean inDivisions(ObjectNode entity, List<String> divisionIds) {
        String division = entity.path("division").path("id").asText(null);
        return divisionIds.isEmpty() || division == null || divisionIds.contains(division);
    }

    static boolean visible(ObjectNode contact) {
        return !contact.hasNonNull("mergedTo");
    }

    /** Seed 000: "q (string): Search query (phone number, email, name)". Case-insensitive; phones by digits. */
    static boolean matches(ObjectNode contact, String q) {
        if (q == null || q.isBlank()) {
            return true;
        }
        String needle = q.strip().toLowerCase(Locale.ROOT);
        StringBuilder text = new StringBuilder();
        for (String f : List.of("firstName", "middleName", "lastName", "title", "workEmail", "personalEmail",
                "otherEmail", "email")) {
            text.append(contact.path(f).asText("")).append('\n');
        }
        text.append(contact.path("firstName").asText("")).append(' ').append(contact.path("lastName").asText(""));
        if (text.toString().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        String digits = needle.replaceAll("[^0-9]", "");
        if (digits.length() < 3 || !needle.matches("[+0-9 ()./-]+")) {
            return false;
        }
        for (String phone : phones(contact)) {
            if (phone.replaceAll("[^0-9]", "").contains(digits)) {
                return true;
            }
        }
        return false;
    }

    static List<String> phones(ObjectNode contact) {
        List<String> phones = new ArrayList<>();
        for (String f : PHONE_FIELDS) {
            JsonNode phone = contact.get(f);
            if (phone != null && phone.isObject()) {
                for (String part : List.of("e164", "display")) {
                    if (phone.hasNonNull(part)) {
                        phones.add(phone.get(part).asText());
                    }
                }
            }
        }
        // Seed 000's view of a contact: "phoneNumbers":[{"number":"+15551234567","type":"MOBILE"}]
        for (JsonNode phone : contact.path("phoneNumbers")) {
            if (phone.hasNonNull("number")) {
                phones.add(phone.get("number").asText());
            }
        }
        return phones;
    }

    static String now() {
        return Json.timestamp(Instant.now());
    }
}
