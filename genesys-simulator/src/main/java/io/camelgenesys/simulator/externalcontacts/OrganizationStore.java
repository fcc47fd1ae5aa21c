package io.camelgenesys.simulator.externalcontacts;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.store.EntityTable;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * The external organizations, guarded by their own lock ({@link #lock()}): the rules of an organization (seed 003) and
 * how organizations are stored, replaced, removed (with their notes, relationships and identifiers), found and shown.
 * Each method names the stores whose locks its caller must hold.
 */
final class OrganizationStore {

    static final List<String> ORGANIZATION_SERVER_FIELDS = List.of("id", "selfUri", "createDate", "modifyDate",
            "trustor", "externalDataSources", "identifiers");
    static final List<String> ORGANIZATION_SORT_FIELDS = List.of("companyType", "industry", "name");

    private final EntityTable table;
    private final IdentifierStore identifiers;
    private final EntityTable notes;
    private final EntityTable relationships;

    OrganizationStore(StoreLock lock, IdentifierStore identifiers, EntityTable notes, EntityTable relationships) {
        this.table = new EntityTable(ExternalContactsStores.BASE + "/organizations", lock);
        this.identifiers = identifiers;
        this.notes = notes;
        this.relationships = relationships;
    }

    StoreLock lock() {
        return table.lock();
    }

    EntityTable table() {
        return table;
    }

    /** Seed 003: {@code name} required, at most 1,000 characters, trimmed; {@code externalIds} at most 10. */
    static ObjectNode valid(ObjectNode body) {
        ObjectNode o = body.deepCopy();
        ORGANIZATION_SERVER_FIELDS.forEach(o::remove);
        Checks.text(o, "name", 1, ContactStore.NAME_MAX, true);
        Checks.text(o, "externalSystemUrl", ContactStore.NAME_MAX);
        for (String f : List.of("companyType", "industry")) {
            Checks.text(o, f, ContactStore.NAME_MAX);
        }
        for (String f : List.of("address", "twitterId", "customFields", "schema", "division")) {
            Checks.object(o, f, false);
        }
        ContactStore.phoneNumber(o, "phoneNumber");
        ContactStore.phoneNumber(o, "faxNumber");
        Checks.array(o, "externalIds", 0, 10, false);
        for (String f : List.of("websites", "tickers", "tags")) {
            Checks.array(o, f, 0, Integer.MAX_VALUE, false);
        }
        for (String f : List.of("employeeCount", "revenue")) {
            JsonNode n = o.get(f);
            if (n != null && !n.isNull() && !n.canConvertToLong()) {
                throw ApiException.badRequest(f + " must be an integer");
            }
        }
        JsonNode twitter = o.get("twitterId");
        if (twitter != null && twitter.isObject() && !twitter.hasNonNull("id") && !twitter.hasNonNull("screenName")) {
            throw ApiException.badRequest("twitterId needs an id or a screenName (or both)");
        }
        return o;
    }

    /** Stores a valid organization as new. Writes organizations. */
    ObjectNode insert(ObjectNode organization) {
        String now = ContactStore.now();
        organization.put("createDate", now);
        organization.put("modifyDate", now);
        return table.insert(organization);
    }

    /** Replaces an organization's fields, keeping its creation date and trustor. Writes organizations. */
    ObjectNode update(String id, ObjectNode old, ObjectNode organization) {
        for (String kept : List.of("createDate", "trustor")) {
            if (old.has(kept)) {
                organization.set(kept, old.get(kept));
            }
        }
        organization.put("modifyDate", ContactStore.now());
        table.replace(id, organization);
        return organization;
    }

    /** A copy for a response; the trustor only with {@code includeTrustors=true} (seed 003). */
    static ObjectNode view(ObjectNode organization, boolean includeTrustors) {
        ObjectNode copy = organization.deepCopy();
        if (!includeTrustors) {
            copy.remove("trustor");
        }
        return copy;
    }

    /** Deletes an organization (404 when unknown) with its notes, relationships and identifiers. Writes all four. */
    void remove(String id) {
        existing(id);
        table.remove(id);
        notes.removeIf(n -> "organization".equals(n.path("entityType").asText())
                && id.equals(n.path("entityId").asText()));
        relationships.removeIf(r -> id.equals(r.path("externalOrganization").path("id").asText()));
        identifiers.releaseAll("organization", id);
    }

    /** @return the stored organization, or 404. Reads organizations. */
    ObjectNode existing(String id) {
        ObjectNode organization = table.get(id);
        if (organization == null) {
            throw ApiException.notFound("External organization " + id + " not found");
        }
        return organization;
    }
}
