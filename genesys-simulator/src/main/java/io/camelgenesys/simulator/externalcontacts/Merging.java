package io.camelgenesys.simulator.externalcontacts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Json;

/**
 * Merging contacts ({@code MergeContactsRequest}, and enrich's Merge action) into a new contact. Callers hold the
 * organizations lock for reading and the contacts and identifiers locks for writing.
 */
final class Merging {

    private Merging() {
    }

    /** The fields of a merge result: each source in order fills what the earlier ones left empty. */
    static ObjectNode mergedFields(ExternalContactsStores store, List<String> contactIds, ObjectNode override) {
        ObjectNode merged = Json.object();
        for (String id : contactIds) {
            ObjectNode source = store.contacts.existing(id);
            if (source.hasNonNull("mergedTo")) {
                throw ApiException.badRequest("Contact " + id + " has already been merged into "
                        + source.get("mergedTo").path("id").asText());
            }
            source.fields().forEachRemaining(e -> {
                if (!ContactStore.SERVER_FIELDS.contains(e.getKey()) && !merged.hasNonNull(e.getKey())) {
                    merged.set(e.getKey(), e.getValue().deepCopy());
                }
            });
        }
        if (override != null) {
            override.fields().forEachRemaining(e -> {
                // "Any null fields in valueOverride will not replace existing data."
                if (!e.getValue().isNull()) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
        }
        merged.put("type", "Curated");
        return merged;
    }

    /**
     * Creates the merged contact and links the sources to it ({@code mergedTo}, {@code mergedFrom},
     * {@code mergeSet}); their identifiers move to it.
     */
    static ObjectNode merge(ExternalContactsStores store, List<String> contactIds, ObjectNode override) {
        ObjectNode merged = store.contacts.valid(mergedFields(store, contactIds, override));
        ObjectNode created = store.contacts.insert(merged);
        String newId = created.get("id").asText();
        ArrayNode mergedFrom = created.putArray("mergedFrom");
        Set<String> mergeSet = new LinkedHashSet<>();
        for (String id : contactIds) {
            ObjectNode source = store.contacts.existing(id);
            mergedFrom.add(ref(store, id));
            for (JsonNode member : source.path("mergeSet")) {
                mergeSet.add(member.path("id").asText());
            }
            mergeSet.add(id);
            source.set("mergedTo", ref(store, newId));
            // The identifiers of the sources now identify the merged contact.
            store.identifiers.move(id, newId);
        }
        mergeSet.add(newId);
        ArrayNode set = Json.array();
        mergeSet.forEach(id -> set.add(ref(store, id)));
        for (String id : mergeSet) {
            ObjectNode member = store.contacts.table().get(id);
            if (member != null) {
                member.set("mergeSet", set.deepCopy());
            }
        }
        return created;
    }

    private static ObjectNode ref(ExternalContactsStores store, String contactId) {
        ObjectNode ref = Json.object();
        ref.put("id", contactId);
        ref.put("selfUri", store.contacts.table().selfUri(contactId));
        return ref;
    }
}
