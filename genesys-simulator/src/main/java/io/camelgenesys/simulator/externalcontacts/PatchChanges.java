package io.camelgenesys.simulator.externalcontacts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Checks;

/**
 * ExternalContactsPatchRequest ({@code {"changes":[{field, value, action}]}}, SDK), the body of every External
 * Contacts PATCH (contacts, organizations, both note types, relationships): each change's {@code field} is a
 * dot-notation JSONPath from the entity's root ({@code $.title}, {@code $.address.city}), its {@code action} one of
 * the SDK's ContactsPatchChange actions. A field and its parent in one request are refused with 409 ("not allowed and
 * will result in a 409"); a field the server owns with 400. The caller validates the result as a PUT would be.
 */
final class PatchChanges {

    private PatchChanges() {
    }

    /**
     * @param old          the stored entity (not changed)
     * @param body         the request body
     * @param serverFields the entity's fields the server owns
     * @return a patched copy of {@code old}
     */
    static ObjectNode apply(ObjectNode old, ObjectNode body, List<String> serverFields) {
        ArrayNode changes = Checks.array(body, "changes", 0, Integer.MAX_VALUE, true);
        if (changes.isEmpty()) {
            throw ApiException.badRequest("changes must list at least one change");
        }
        ObjectNode patched = old.deepCopy();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            JsonNode change = changes.get(i);
            if (!change.isObject()) {
                throw ApiException.badRequest("changes[" + i + "] must be an object");
            }
            ObjectNode c = (ObjectNode) change.deepCopy();
            String prefix = "changes[" + i + "].";
            String field = Checks.prefixed(prefix, () -> Checks.text(c, "field", 1, 1000, true));
            String action = Checks.prefixed(prefix, () -> Checks.oneOf(c, "action", PATCH_ACTIONS, true));
            if (!PATCH_FIELD.matcher(field).matches()) {
                throw ApiException.badRequest(prefix + "field must be a dot-notation JSONPath such as $.title or"
                        + " $.address.city, got '" + field + "'");
            }
            String[] path = field.substring(2).split("\\.");
            if (serverFields.contains(path[0])) {
                throw ApiException.badRequest(prefix + "field " + field + " cannot be patched");
            }
            JsonNode value = c.get("value");
            if (!action.equals("Remove") && (value == null || value.isNull())) {
                throw ApiException.badRequest(prefix + "value is required for action " + action);
            }
            for (String other : fields) {
                if (field.startsWith(other + ".") || other.startsWith(field + ".")) {
                    throw new ApiException(409, "patch.conflict", "Patching both " + other + " and " + field
                            + " (a field and its parent) in one request is not allowed");
                }
            }
            fields.add(field);
            apply(patched, path, action, value, prefix);
        }
        return patched;
    }

    /** ContactsPatchChange.ActionEnum (Java SDK 250.0.0 docs/ContactsPatchChange.md). */
    static final List<String> PATCH_ACTIONS = List.of("UpdateIfEmpty", "UpdateIfExists", "Update",
            "AppendToCollection", "Remove", "RemoveFromCollection");
    private static final Pattern PATCH_FIELD = Pattern.compile("^\\$(\\.[A-Za-z0-9_]+)+$");

    private static void apply(ObjectNode root, String[] path, String action, JsonNode value, String prefix) {
        ObjectNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = parent.get(path[i]);
            if (child == null || child.isNull()) {
                if (action.startsWith("Remove") || action.equals("UpdateIfExists")) {
                    return; // nothing there to remove or update
                }
                child = parent.putObject(path[i]);
            } else if (!child.isObject()) {
                throw ApiException.badRequest(prefix + "field: " + String.join(".", List.of(path).subList(0, i + 1))
                        + " is not an object");
            }
            parent = (ObjectNode) child;
        }
        String name = path[path.length - 1];
        JsonNode current = parent.get(name);
        boolean empty = current == null || current.isNull() || current.isTextual() && current.asText().isEmpty()
                || current.isContainerNode() && current.isEmpty();
        switch (action) {
            case "Update" -> parent.set(name, value.deepCopy());
            case "UpdateIfEmpty" -> {
                if (empty) {
                    parent.set(name, value.deepCopy());
                }
            }
            case "UpdateIfExists" -> {
                if (!empty) {
                    parent.set(name, value.deepCopy());
                }
            }
            case "Remove" -> parent.remove(name);
            case "AppendToCollection" -> {
                if (current != null && !current.isNull() && !current.isArray()) {
                    throw ApiException.badRequest(prefix + "AppendToCollection needs a collection, " + name
                            + " is not one");
                }
                ArrayNode collection = current == null || current.isNull() ? parent.putArray(name)
                        : (ArrayNode) current;
                if (value.isArray()) {
                    value.forEach(v -> collection.add(v.deepCopy()));
                } else {
                    collection.add(value.deepCopy());
                }
            }
            default -> { // RemoveFromCollection
                if (current == null || current.isNull()) {
                    return;
                }
                if (!current.isArray()) {
                    throw ApiException.badRequest(prefix + "RemoveFromCollection needs a collection, " + name
                            + " is not one");
                }
                List<JsonNode> removed = new ArrayList<>();
                if (value.isArray()) {
                    value.forEach(removed::add);
                } else {
                    removed.add(value);
                }
                for (Iterator<JsonNode> it = current.iterator(); it.hasNext(); ) {
                    if (removed.contains(it.next())) {
                        it.remove();
                    }
                }
            }
        }
    }
}
