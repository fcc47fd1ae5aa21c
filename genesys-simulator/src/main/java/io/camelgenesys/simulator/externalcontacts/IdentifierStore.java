package io.camelgenesys.simulator.externalcontacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.store.LockedMap;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * The identifiers claimed by contacts and organizations ({@code ContactIdentifier},
 * {@code ExternalOrganizationIdentifier}): validation, claiming, releasing and listing. Contacts and organizations
 * claim separately (two SDK models, two lookup paths); within each kind, one identifier has one holder. Guarded by its
 * own lock ({@link #lock()}).
 */
final class IdentifierStore {

    static final String BASE = ExternalContactsStores.BASE;
    /** ContactIdentifier.TypeEnum of the Genesys Cloud SDK (docs/ContactIdentifier.md). */
    static final List<String> IDENTIFIER_TYPES = List.of("SocialLine", "SocialFacebook", "SocialTwitter",
            "SocialWhatsapp", "Email", "Phone", "Cookie", "ExternalId");
    /** ExternalOrganizationIdentifier.TypeEnum of the SDK 264.0.0 (docs/ExternalOrganizationIdentifier.md). */
    static final List<String> ORGANIZATION_IDENTIFIER_TYPES = List.of("ExternalId");

    /** Who claimed an identifier: {@code kind} is {@code contact} or {@code organization}. */
    record Claim(String kind, String entityId, ObjectNode identifier) {
    }

    /** identifier key ({@link #key}) → claim */
    private final LockedMap<Claim> claims;

    IdentifierStore(StoreLock lock) {
        this.claims = new LockedMap<>(lock);
    }

    StoreLock lock() {
        return claims.lock();
    }

    int size() {
        return claims.size();
    }

    void clear() {
        claims.clear();
    }

    /** Within a kind, one identifier has one holder; email addresses are not case sensitive, other values are. */
    static String key(String kind, JsonNode identifier) {
        String type = identifier.get("type").asText();
        String value = identifier.get("value").asText();
        return kind + "\u0000" + type + "\u0000" + ("Email".equals(type) ? value.toLowerCase(Locale.ROOT) : value);
    }

    /** @return who of this kind claims the identifier, or {@code null} */
    Claim holder(String kind, ObjectNode identifier) {
        return claims.get(key(kind, identifier));
    }

    /** {@code GET .../identifiers}: the entity's identifiers, oldest first. */
    ObjectNode listing(String kind, String entityId) {
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        claims.values().stream()
                .filter(c -> c.kind().equals(kind) && c.entityId().equals(entityId))
                .sorted(Comparator.comparing(c -> c.identifier().path("dateCreated").asText()))
                .forEach(c -> entities.add(c.identifier().deepCopy()));
        return body;
    }

    /** IdentifierClaimRequest: {@code {"operation":"Claim"|"Release","identifier":{type,value}}} → the identifier. */
    ObjectNode claimOrRelease(ObjectNode body, String kind, String entityId) {
        String operation = Checks.oneOf(body, "operation", List.of("Claim", "Release"), true);
        ObjectNode identifier = validIdentifier(Checks.object(body, "identifier", true), "identifier.",
                identifierTypes(kind));
        String key = key(kind, identifier);
        Claim claim = claims.get(key);
        if (operation.equals("Claim")) {
            checkClaimable(identifier, kind, entityId);
            if (claim != null) {
                return claim.identifier().deepCopy();
            }
            return claim(identifier, kind, entityId).deepCopy();
        }
        if (claim == null || !claim.kind().equals(kind) || !claim.entityId().equals(entityId)) {
            throw ApiException.badRequest("The identifier " + describe(identifier) + " is not claimed by " + kind + " "
                    + entityId + ", so it cannot be released");
        }
        claims.remove(key);
        return claim.identifier().deepCopy();
    }

    /** 409 when another entity holds the identifier: an identifier identifies one contact (or organization). */
    void checkClaimable(ObjectNode identifier, String kind, String entityId) {
        Claim claim = claims.get(key(kind, identifier));
        if (claim != null && !(claim.kind().equals(kind) && claim.entityId().equals(entityId))) {
            throw new ApiException(409, "identifier.conflict", "The identifier " + describe(identifier)
                    + " is already claimed by " + claim.kind() + " " + claim.entityId());
        }
    }

    /** Claims the identifier for the entity unless someone holds it already; returns the stored identifier. */
    ObjectNode claim(ObjectNode identifier, String kind, String entityId) {
        String key = key(kind, identifier);
        Claim existing = claims.get(key);
        if (existing != null) {
            return existing.identifier();
        }
        ObjectNode stored = identifier.deepCopy();
        String id = UUID.randomUUID().toString();
        stored.put("id", id);
        stored.put("dateCreated", ContactStore.now());
        stored.put("selfUri", BASE + "/identifiers/" + id);
        claims.put(key, new Claim(kind, entityId, stored));
        return stored;
    }

    /** Releases every identifier the entity holds (it is being deleted). */
    void releaseAll(String kind, String entityId) {
        claims.removeValuesIf(c -> c.kind().equals(kind) && c.entityId().equals(entityId));
    }

    /** The contact identifiers of {@code fromId} now identify {@code toId} (a merge). */
    void move(String fromId, String toId) {
        claims.replaceAll((key, claim) -> claim.kind().equals("contact") && claim.entityId().equals(fromId)
                ? new Claim("contact", toId, claim.identifier()) : claim);
    }

    /** ContactIdentifier: {@code type} from the SDK enum, {@code value} 1–255 characters, trimmed (seed 003). */
    static ObjectNode validIdentifier(ObjectNode identifier, String prefix) {
        return validIdentifier(identifier, prefix, IDENTIFIER_TYPES);
    }

    static List<String> identifierTypes(String kind) {
        return kind.equals("organization") ? ORGANIZATION_IDENTIFIER_TYPES : IDENTIFIER_TYPES;
    }

    static ObjectNode validIdentifier(ObjectNode identifier, String prefix, List<String> types) {
        if (identifier == null) {
            throw ApiException.badRequest(prefix + "type and " + prefix + "value are required");
        }
        ObjectNode copy = identifier.deepCopy();
        try {
            Checks.oneOf(copy, "type", types, true);
            Checks.text(copy, "value", 1, 255, true);
        } catch (ApiException e) {
            throw ApiException.badRequest(prefix + e.getMessage());
        }
        ObjectNode clean = Json.object();
        clean.put("type", copy.get("type").asText());
        clean.put("value", copy.get("value").asText());
        for (String optional : List.of("externalSource", "division")) {
            if (copy.hasNonNull(optional)) {
                clean.set(optional, copy.get(optional));
            }
        }
        return clean;
    }

    static String describe(ObjectNode identifier) {
        return identifier.path("type").asText() + " '" + identifier.path("value").asText() + "'";
    }

    /** {@code identifiers} in a body ("Identifiers claimed by this contact"): validated, claimed by the caller. */
    static List<ObjectNode> identifiersOf(ObjectNode body) {
        return identifiersOf(body, IDENTIFIER_TYPES);
    }

    static List<ObjectNode> identifiersOf(ObjectNode body, List<String> types) {
        return identifierList(body, "identifiers", 0, Integer.MAX_VALUE, false, types);
    }

    /** An array field of identifiers (e.g. an enrich's {@code matchingIdentifiers}), each validated, in order. */
    static List<ObjectNode> identifierList(ObjectNode body, String field, int min, int max, boolean required,
            List<String> types) {
        ArrayNode given = Checks.array(body, field, min, max, required);
        List<ObjectNode> identifiers = new ArrayList<>();
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                if (!given.get(i).isObject()) {
                    throw ApiException.badRequest(field + "[" + i + "] must be an object");
                }
                identifiers.add(validIdentifier((ObjectNode) given.get(i), field + "[" + i + "].", types));
            }
        }
        return identifiers;
    }
}
