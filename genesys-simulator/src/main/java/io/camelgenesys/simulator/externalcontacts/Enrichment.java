package io.camelgenesys.simulator.externalcontacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Json;

/**
 * Enriching contacts ({@code ContactEnrichRequest}; callers hold organizations for reading, contacts and identifiers
 * for writing) and organizations ({@code ExternalOrganizationEnrichRequest}; organizations and identifiers for
 * writing).
 */
final class Enrichment {

    /** ContactEnrichRequest.ActionEnum of the Genesys Cloud SDK 254.0.0 (docs/ContactEnrichRequest.md). */
    static final List<String> ENRICH_ACTIONS = List.of("Insert", "Update", "Upsert", "Merge");
    /** ExternalOrganizationEnrichRequest.ActionEnum of the SDK 244.0.0 (docs/ExternalOrganizationEnrichRequest.md). */
    static final List<String> ORGANIZATION_ENRICH_ACTIONS = List.of("Insert", "Update", "Upsert");

    /**
     * What an enrich did: the entity, and whether it was created (Genesys answers 201) rather than updated (200). A dry
     * run stores nothing, so it is never created.
     */
    record Enriched(ObjectNode entity, boolean created) {
    }

    private Enrichment() {
    }

    /**
     * ContactEnrichRequest: finds the contacts claiming {@code matchingIdentifiers} (1–25, in order) and, by
     * {@code action}: Insert (409 when one matches), Update (404 when none matches), Upsert, or Merge (several
     * matches are merged first). {@code contact} is combined with the match by {@code fieldRules}
     * ({@link EnrichRules}), and the matching identifiers end up claimed by the result. A dry run stores nothing.
     */
    static Enriched contact(ExternalContactsStores store, ObjectNode body, boolean dryRun) {
        ObjectNode req = body.deepCopy();
        String action = Checks.oneOf(req, "action", ENRICH_ACTIONS, true);
        List<ObjectNode> identifiers = IdentifierStore.identifierList(req, "matchingIdentifiers", 1, 25, true,
                IdentifierStore.IDENTIFIER_TYPES);
        ObjectNode provided = Checks.object(req, "contact", false);
        provided = provided == null ? Json.object() : store.contacts.valid(provided);
        EnrichRules ruleAction = EnrichRules.parse(Checks.object(req, "fieldRules", false));
        ObjectNode options = Checks.object(req, "options", false);
        boolean promote = options != null && options.path("promote").asBoolean(false);

        Set<String> matchIds = new LinkedHashSet<>();
        for (ObjectNode identifier : identifiers) {
            IdentifierStore.Claim claim = store.identifiers.holder("contact", identifier);
            if (claim != null && claim.kind().equals("contact")) {
                matchIds.add(store.contacts.resolved(claim.entityId()).get("id").asText());
            }
        }
        List<String> matches = new ArrayList<>(matchIds);
        if (action.equals("Insert") && !matches.isEmpty()) {
            throw new ApiException(409, "identifier.conflict", "Insert: contact " + matches.get(0)
                    + " already claims one of the matchingIdentifiers");
        }
        if (action.equals("Update") && matches.isEmpty()) {
            throw ApiException.notFound("Update: no contact claims any of the matchingIdentifiers");
        }
        if (matches.isEmpty()) {
            ObjectNode contact = store.contacts.valid(provided);
            if (dryRun) {
                return new Enriched(contact, false);
            }
            return claimed(store, "contact", identifiers, store.contacts.insert(contact), true);
        } else {
            String targetId = matches.get(0);
            if (action.equals("Merge") && matches.size() > 1) {
                if (dryRun) {
                    ObjectNode merged = ruleAction.combine(Merging.mergedFields(store, matches, null), provided);
                    return new Enriched(store.contacts.valid(merged), false);
                }
                targetId = Merging.merge(store, matches, null).get("id").asText();
            }
            ObjectNode old = store.contacts.existing(targetId);
            ObjectNode combined = store.contacts.valid(ruleAction.combine(old, provided));
            if (promote) {
                combined.put("type", "Curated");
            }
            if (dryRun) {
                combined.put("id", targetId);
                return new Enriched(combined, false);
            }
            return claimed(store, "contact", identifiers, store.contacts.update(targetId, old, combined), false);
        }
    }

    /** The matching identifiers no one claims are claimed by the enriched entity. */
    private static Enriched claimed(ExternalContactsStores store, String kind, List<ObjectNode> identifiers,
            ObjectNode result, boolean created) {
        String resultId = result.get("id").asText();
        for (ObjectNode identifier : identifiers) {
            if (store.identifiers.holder(kind, identifier) == null) {
                store.identifiers.claim(identifier, kind, resultId);
            }
        }
        return new Enriched(result, created);
    }

    /** ExternalOrganizationEnrichRequest: like the contact enrich, with actions Insert, Update and Upsert. */
    static Enriched organization(ExternalContactsStores store, ObjectNode body, boolean dryRun) {
        ObjectNode req = body.deepCopy();
        String action = Checks.oneOf(req, "action", ORGANIZATION_ENRICH_ACTIONS, false);
        // The seed and the SDK leave action optional for organizations; Upsert is the forgiving reading.
        action = action == null ? "Upsert" : action;
        List<ObjectNode> identifiers = IdentifierStore.identifierList(req, "matchingIdentifiers", 1, 25, true,
                IdentifierStore.ORGANIZATION_IDENTIFIER_TYPES);
        ObjectNode provided = Checks.object(req, "externalOrganization", false);
        provided = provided == null ? Json.object() : provided.deepCopy();
        OrganizationStore.ORGANIZATION_SERVER_FIELDS.forEach(provided::remove);
        EnrichRules ruleAction = EnrichRules.parse(Checks.object(req, "fieldRules", false));
        Set<String> matches = new LinkedHashSet<>();
        for (ObjectNode identifier : identifiers) {
            IdentifierStore.Claim claim = store.identifiers.holder("organization", identifier);
            if (claim != null && claim.kind().equals("organization")) {
                matches.add(claim.entityId());
            }
        }
        if (action.equals("Insert") && !matches.isEmpty()) {
            throw new ApiException(409, "identifier.conflict", "Insert: external organization "
                    + matches.iterator().next() + " already claims one of the matchingIdentifiers");
        }
        if (action.equals("Update") && matches.isEmpty()) {
            throw ApiException.notFound("Update: no external organization claims any of the matchingIdentifiers");
        }
        if (matches.isEmpty()) {
            ObjectNode organization = OrganizationStore.valid(provided);
            if (dryRun) {
                return new Enriched(organization, false);
            }
            return claimed(store, "organization", identifiers, store.organizations.insert(organization), true);
        } else {
            String id = matches.iterator().next();
            ObjectNode old = store.organizations.existing(id);
            ObjectNode combined = OrganizationStore.valid(ruleAction.combine(old, provided));
            if (dryRun) {
                combined.put("id", id);
                return new Enriched(combined, false);
            }
            return claimed(store, "organization", identifiers, store.organizations.update(id, old, combined), false);
        }
    }
}
