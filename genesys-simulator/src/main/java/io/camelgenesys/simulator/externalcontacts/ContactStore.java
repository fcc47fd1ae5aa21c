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

/**
 * The rules of a contact (seed 003 limits, seed 000's required names, server-owned fields), how contacts are stored,
 * replaced and removed (with their notes, identifiers and journey segments), found (following merges) and matched.
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

    private ContactStore() {
    }

    /** Validates, stores and claims the body's {@code identifiers} (409 when another entity holds one). */
    static ObjectNode createContact(ExternalContactsStores store, ObjectNode body) {
        List<ObjectNode> identifiers = IdentifierStore.identifiersOf(body);
        ObjectNode contact = validContact(store, body, true);
        for (ObjectNode identifier : identifiers) {
            IdentifierStore.checkClaimable(store, identifier, "contact", null);
        }
        ObjectNode stored = insertContact(store, contact);
        identifiers.forEach(i -> IdentifierStore.claim(store, i, "contact", stored.get("id").asText()));
        return stored;
    }

    /**
     * Validates a contact body (seed 003 limits) and returns a clean copy without server-owned fields.
     *
     * @param requireNames seed 000: "Required Fields: firstName, lastName"
     */
    static ObjectNode validContact(ExternalContactsStores store, ObjectNode body, boolean requireNames) {
        ObjectNode c = body.deepCopy();
        SERVER_FIELDS.forEach(c::remove);
        Checks.text(c, "firstName", requireNames ? 1 : 0, NAME_MAX, requireNames);
        Checks.text(c, "lastName", requireNames ? 1 : 0, NAME_MAX, requireNames);
        for (String f : List.of("middleName", "salutation", "title", "externalSystemUrl")) {
            Checks.text(c, f, NAME_MAX);
        }
        for (String f : EMAIL_FIELDS) {
            Checks.email(c, f);
        }
        for (String f : PHONE_FIELDS) {
            Checks.object(c, f, false);
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
        String organizationId = Checks.reference(c, "externalOrganization", false);
        if (organizationId != null && store.organizations.get(organizationId) == null) {
            throw ApiException.badRequest("externalOrganization.id " + organizationId
                    + " is not an existing external organization");
        }
        return c;
    }

    static ObjectNode insertContact(ExternalContactsStores store, ObjectNode contact) {
        String now = now();
        if (!contact.hasNonNull("type")) {
            contact.put("type", "Curated");
        }
        contact.put("createDate", now);
        contact.put("modifyDate", now);
        return store.contacts.insert(contact);
    }

    /** Replaces a contact's fields, keeping what the server owns (creation date, merge links). */
    static ObjectNode update(ExternalContactsStores store, String id, ObjectNode old, ObjectNode contact) {
        for (String kept : List.of("createDate", "mergedFrom", "mergedTo", "mergeSet")) {
            if (old.has(kept)) {
                contact.set(kept, old.get(kept));
            }
        }
        if (!contact.hasNonNull("type")) {
            contact.set("type", old.get("type"));
        }
        contact.put("modifyDate", now());
        store.contacts.replace(id, contact);
        return contact;
    }

    static void removeContact(ExternalContactsStores store, String id) {
        store.contacts.remove(id);
        store.notes.values().removeIf(n -> "contact".equals(n.path("entityType").asText())
                && id.equals(n.path("entityId").asText()));
        IdentifierStore.releaseAll(store, "contact", id);
        store.journeySegments.remove(id);
    }

    /** @return the stored contact itself (even when merged), or 404 */
    static ObjectNode existing(ExternalContactsStores store, String id) {
        ObjectNode contact = store.contacts.get(id);
        if (contact == null) {
            throw ApiException.notFound("External contact " + id + " not found");
        }
        return contact;
    }

    /** @return the contact, or the contact it was merged into (following {@code mergedTo}), or 404 */
    static ObjectNode resolved(ExternalContactsStores store, String id) {
        ObjectNode contact = existing(store, id);
        for (int hops = 0; contact.hasNonNull("mergedTo") && hops < 100; hops++) {
            ObjectNode next = store.contacts.get(contact.get("mergedTo").path("id").asText());
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
