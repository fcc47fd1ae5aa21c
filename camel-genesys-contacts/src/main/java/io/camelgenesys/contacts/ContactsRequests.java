package io.camelgenesys.contacts;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.json.GenesysModels;
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
     * @param headerValue the GenesysIdentifierValue header ({@code null} for bulk items)
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
                                               + " GenesysIdentifierValue header, the identifierValue option, or"
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
        if (!"Custom".equals(type)) {
            throw new IllegalArgumentException(operation + ": Web Services contact " + call.pathParams().get("contactId")
                                               + " is of type " + type + ": only Custom contacts may be modified or"
                                               + " deleted (Queue and User contacts are read-only)");
        }
    }
}
