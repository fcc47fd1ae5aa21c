package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.json.GenesysModels;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationPreparer;

/**
 * The request bodies that genesys-contacts builds rather than sends as given: the preparers and the read check of
 * the rows of {@link ContactsOperation}. Each works on a copy of the message body, never on an object the route
 * holds.
 */
final class ContactsRequests {

    private ContactsRequests() {
    }

    /** Web Services create: a contact without a type is a Custom one (seed 001: POST "Creates a new contact of custom type"). */
    static final OperationPreparer CUSTOM_TYPE = (call, context) -> {
        JsonNode tree = call.bodyTree();
        if (tree instanceof ObjectNode o && !o.hasNonNull("type")) {
            o.put("type", "Custom");
        }
        call.body(tree);
    };

    /**
     * patch sends an ExternalContactsPatchRequest ({@code {"changes":[{field, value, action}]}}). The body is that
     * request as is (or its bare list of changes), or a partial contact (a POJO, Map or JSON with only the fields to
     * change) turned into one: each field becomes {@code {"field":"$.<name>","value":...,"action":"Update"}}, a field
     * set to JSON null {@code {"field":"$.<name>","action":"Remove"}}. A partial contact is checked by the contact's
     * rules first; a field Genesys owns (id, createDate, ...) is refused, not dropped.
     */
    static final OperationPreparer PATCH_CHANGES = patchChanges("contact", ContactsLimits.CONTACT,
            ContactsLimits.CONTACT_READ_ONLY, "the contactId option or CamelGenesysContactId header");

    /**
     * The PATCH preparer of an entity ({@code what}: contact, organization, note, relationship), as
     * {@link #PATCH_CHANGES}: a partial entity is checked by the rules about its own fields ({@code rules}), and a
     * field in {@code readOnly} is refused; {@code idHint} says where the entity's id comes from.
     */
    static OperationPreparer patchChanges(String what, BodyRules rules, java.util.Set<String> readOnly, String idHint) {
        return (call, context) -> {
            JsonNode tree = call.bodyTree();
            if (tree == null || tree.isObject() && tree.has("changes")) {
                call.body(tree);
                return; // a change list as is (the rules check it)
            }
            if (tree.isArray()) {
                ObjectNode request = GenesysJson.MAPPER.createObjectNode();
                request.set("changes", tree);
                call.body(request);
                return;
            }
            if (!tree.isObject()) {
                call.body(tree);
                return; // the rules say what the body must be
            }
            if (call.body() instanceof Map<?, ?> map && hasNullValue(map)) {
                // a Map's null values do not survive the conversion to JSON (nulls are not sent); here they mean Remove
                JsonNode converted = tree;
                ObjectNode ordered = GenesysJson.MAPPER.createObjectNode();
                map.forEach((k, v) -> ordered.set(String.valueOf(k),
                        v == null ? ordered.nullNode() : converted.get(String.valueOf(k))));
                tree = ordered;
            }
            if (tree.isEmpty()) {
                throw new IllegalArgumentException(context.operationName() + ": nothing to change: the partial " + what
                                                   + " has no field (send the fields to change, or a change list"
                                                   + " {\"changes\":[{\"field\":\"$.<field>\",\"value\":...,"
                                                   + "\"action\":\"Update\"}]})");
            }
            List<String> violations = new ArrayList<>(ContactsLimits.partialViolations(rules, withoutNulls(tree)));
            List<String> ownedByGenesys = new ArrayList<>();
            tree.fieldNames().forEachRemaining(f -> {
                if (readOnly.contains(f)) {
                    ownedByGenesys.add(f);
                }
            });
            if (!ownedByGenesys.isEmpty()) {
                violations.add(String.join(", ", ownedByGenesys) + (ownedByGenesys.size() == 1 ? " is" : " are")
                               + " set by Genesys and cannot be patched: leave " + (ownedByGenesys.size() == 1 ? "it"
                               : "them") + " out of the partial " + what + " (the " + what + " is " + idHint
                               + "; use the update operation to replace a whole " + what + ")");
            }
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException(context.operationName() + ": " + String.join("; ", violations));
            }
            ObjectNode request = GenesysJson.MAPPER.createObjectNode();
            ArrayNode changes = request.putArray("changes");
            tree.fields().forEachRemaining(e -> {
                ObjectNode change = changes.addObject();
                change.put("field", "$." + e.getKey());
                if (e.getValue().isNull()) {
                    change.put("action", "Remove");
                } else {
                    change.set("value", e.getValue());
                    change.put("action", "Update");
                }
            });
            call.body(request);
        };
    }

    /** The fields set to a value (a null one is a Remove, which no field rule applies to). */
    private static JsonNode withoutNulls(JsonNode tree) {
        ObjectNode set = GenesysJson.MAPPER.createObjectNode();
        tree.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                set.set(e.getKey(), e.getValue());
            }
        });
        return set;
    }

    /** Whether a Map has a null value (Map.of() maps refuse {@code containsValue(null)}). */
    private static boolean hasNullValue(Map<?, ?> map) {
        for (Object v : map.values()) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * associateConversation: the body's conversationId repeats the path's (the SDK requires both); it is filled in
     * from the conversationId option or header when the body has none, and a different one is refused.
     */
    static final OperationPreparer CONVERSATION_ID = (call, context) -> {
        JsonNode tree = call.bodyTree();
        String conversationId = call.pathParams().get("conversationId");
        if (tree instanceof ObjectNode body && conversationId != null && !conversationId.isBlank()) {
            JsonNode given = body.get("conversationId");
            if (given == null || given.isNull()) {
                body.put("conversationId", conversationId);
            } else if (!given.asText().equals(conversationId)) {
                throw new IllegalArgumentException(context.operationName() + ": the body's conversationId "
                                                   + given.asText() + " is not the conversation of the request ("
                                                   + conversationId + ", from the conversationId option or the"
                                                   + " CamelGenesysConversationId header)");
            }
        }
        call.body(tree);
    };

    /** claimIdentifier/releaseIdentifier take the identifier itself; the operation (Claim or Release) comes from the row. */
    static OperationPreparer identifierClaim(String operation) {
        return (call, context) -> {
            JsonNode tree = call.bodyTree();
            if (tree == null) {
                return; // the required body is reported by the rules
            }
            if (tree.has("identifier")) {
                String given = tree.path("operation").asText(operation);
                if (!given.equals(operation)) {
                    throw new IllegalArgumentException(context.operationName() + ": the body's operation is " + given
                                                       + " but " + context.operationName() + " does " + operation);
                }
                ((ObjectNode) tree).put("operation", operation);
                call.body(tree);
                return;
            }
            ObjectNode claim = GenesysJson.MAPPER.createObjectNode();
            claim.put("operation", operation);
            claim.set("identifier", tree);
            call.body(claim);
        };
    }

    /**
     * enrich, enrichOrganization: the body is an enrich request as is, or the entity (contact or organization) that the
     * action and identifier options wrap into one; with no body, the request is built from the options alone.
     */
    static OperationPreparer enrich(String enrichedEntity) {
        return (call, context) -> call.body(enrichRequest(call.bodyTree(),
                context.header(ContactsConstants.IDENTIFIER_VALUE, String.class), enrichedEntity, context));
    }

    /**
     * An enrich request as is, or an entity wrapped into one from the action and identifier options: the one-line
     * idempotent upsert {@code enrich?action=Upsert&identifierType=ExternalId&identifierField=crmId}.
     *
     * @param tree        the body (a copy), or {@code null}
     * @param headerValue the CamelGenesysIdentifierValue header ({@code null} for bulk items)
     */
    static JsonNode enrichRequest(JsonNode tree, String headerValue, String entityField, OperationContext context) {
        String what = context.operationName();
        ContactsConfiguration options = context.configuration(ContactsConfiguration.class);
        EnrichAction action = options.getAction();
        IdentifierType identifierType = options.getIdentifierType();
        if (tree != null && tree.isObject() && (tree.has("matchingIdentifiers") || tree.has(entityField))) {
            if (!tree.hasNonNull("action") && action != null) {
                ((ObjectNode) tree).put("action", action.name());
            }
            return tree;
        }
        if (action == null || identifierType == null) {
            throw new IllegalArgumentException(what + ": the body is the " + entityField + " itself, so the action and"
                                               + " identifierType options are required to build the enrich request"
                                               + " (e.g. action=Upsert&identifierType=ExternalId), or send the enrich"
                                               + " request");
        }
        String identifierField = options.getIdentifierField();
        String value = headerValue != null ? headerValue : options.getIdentifierValue();
        String fieldKey = identifierField == null || !(tree instanceof ObjectNode o) ? null : key(o, identifierField);
        if (value == null && fieldKey != null) {
            JsonNode v = tree.get(fieldKey);
            value = v == null || v.isNull() ? null : v.asText();
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + ": the matching identifier value is missing: set the"
                                               + " CamelGenesysIdentifierValue header, the identifierValue option, or"
                                               + " identifierField to a field of the " + entityField
                                               + (identifierField != null ? " (the " + entityField + " has no "
                                                                            + identifierField + ")" : ""));
        }
        if (fieldKey != null && !keepsField(options.getIdentifierFieldMode(), entityField, fieldKey)) {
            ((ObjectNode) tree).remove(fieldKey);
        }
        ObjectNode request = GenesysJson.MAPPER.createObjectNode();
        request.put("action", action.name());
        ArrayNode matching = request.putArray("matchingIdentifiers");
        ObjectNode identifier = matching.addObject();
        identifier.put("type", identifierType.name());
        identifier.put("value", value);
        if (options.getExternalSourceId() != null) {
            identifier.putObject("externalSource").put("id", options.getExternalSourceId());
        }
        if (tree != null) {
            request.set(entityField, tree);
        }
        return request;
    }

    /**
     * The key of {@code entity} that {@code field} names: the same key, else the one equal to it ignoring case and
     * {@code _} (identifierField=crmId finds a JDBC row's CRM_ID); {@code null} when none.
     */
    private static String key(ObjectNode entity, String field) {
        if (entity.has(field)) {
            return field;
        }
        String wanted = GenesysModels.normalize(field);
        for (Iterator<String> names = entity.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (GenesysModels.normalize(name).equals(wanted)) {
                return name;
            }
        }
        return null;
    }

    /** identifierFieldMode: auto keeps a field of the model (workEmail) and leaves out any other (crmId). */
    private static boolean keepsField(IdentifierFieldMode mode, String entityField, String key) {
        return switch (mode == null ? IdentifierFieldMode.auto : mode) {
            case keep -> true;
            case remove -> false;
            case auto -> GenesysModels.isField("contact".equals(entityField) ? ExternalContact.class
                    : ExternalOrganization.class, key);
        };
    }

    /** Web Services update and delete: Queue and User contacts are read-only (seed 001); only a read tells the type. */
    static void customOnly(String operation, OperationCall call, JsonNode contact) {
        String type = contact == null ? null : contact.path("type").asText(null);
        if (type == null) {
            // seed 004: every contact has its type; a read without one says nothing of what may be written
            throw new IllegalStateException(operation + ": Genesys answered the read of Web Services contact "
                                            + call.pathParams().get("contactId") + " without "
                                            + (contact == null ? "a contact (no 'contact' in its body)" : "its 'type'")
                                            + ", so whether it is a Custom contact is unknown; nothing was sent");
        }
        if (!"Custom".equals(type)) {
            throw new IllegalArgumentException(operation + ": Web Services contact " + call.pathParams().get("contactId")
                                               + " is of type " + type + ": only Custom contacts may be modified or"
                                               + " deleted (Queue and User contacts are read-only)");
        }
    }

    // ---- schemas (custom fields) ---------------------------------------------------------------------------------

    /**
     * Schema create: a new schema is version 1. The SDK's DataSchema requires {@code version} in every request ("a
     * positive integer. Required for updates."), so a body without one gets 1 rather than being sent without it.
     */
    static final OperationPreparer FIRST_SCHEMA_VERSION = (call, context) -> {
        JsonNode tree = call.bodyTree();
        if (tree instanceof ObjectNode o && !o.hasNonNull("version")) {
            o.put("version", 1);
        }
        call.body(tree);
    };
}
