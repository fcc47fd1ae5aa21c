package io.camelgenesys.simulator.externalcontacts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.PageNumberPaging;
import io.camelgenesys.simulator.store.SortOrder;

/**
 * Contacts of the Genesys Cloud External Contacts API (seed 003 and the SDK's models; seed 000's 204 on DELETE):
 * create, read (resolved or not), replace, patch (the SDK's change list), delete, promote, search
 * ({@code ContactListing}) and scan ({@code CursorContactListing}, optionally over one division).
 */
final class ContactsApi extends ResourceApi {

    ContactsApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        String contacts = BASE + "/contacts";
        String contact = contacts + "/{contactId}";
        routes.add("POST", contacts, Auth.CLOUD, guard(this::create).reading(locks.organizations)
                .writing(locks.contacts, locks.identifiers));
        routes.add("GET", contacts, Auth.CLOUD, guard(this::search).reading(locks.contacts));
        routes.add("GET", contact, Auth.CLOUD, guard(this::get).reading(locks.organizations, locks.contacts));
        routes.add("PUT", contact, Auth.CLOUD,
                guard(this::replace).reading(locks.organizations).writing(locks.contacts));
        routes.add("PATCH", contact, Auth.CLOUD,
                guard(this::patch).reading(locks.organizations).writing(locks.contacts));
        routes.add("DELETE", contact, Auth.CLOUD, guard(this::delete)
                .writing(locks.contacts, locks.identifiers, locks.notes, locks.journeySegments));
        routes.add("GET", BASE + "/scan/contacts", Auth.CLOUD, guard(this::scan).reading(locks.contacts));
        routes.add("GET", contact + "/unresolved", Auth.CLOUD, guard(this::unresolved).reading(locks.contacts));
        routes.add("POST", contact + "/promotion", Auth.CLOUD, guard(this::promote).writing(locks.contacts));
    }

    private ApiResponse create(ApiRequest request) {
        return ApiResponse.ok(store.contacts.create(request.jsonObject()).deepCopy());
    }

    private ApiResponse get(ApiRequest request) {
        ObjectNode contact = store.contacts.resolved(request.pathParam("contactId")).deepCopy();
        // expand=externalOrganization embeds the organization instead of its reference (SDK expand values).
        if (Checks.listParam(request, "expand").contains("externalOrganization")) {
            ObjectNode organization = store.organizations.table().get(contact.path("externalOrganization").path("id")
                    .asText(null));
            if (organization != null) {
                contact.set("externalOrganization", organization.deepCopy());
            }
        }
        return ApiResponse.ok(contact);
    }

    private ApiResponse unresolved(ApiRequest request) {
        return ApiResponse.ok(store.contacts.existing(request.pathParam("contactId")).deepCopy());
    }

    private ApiResponse replace(ApiRequest request) {
        String id = request.pathParam("contactId");
        ObjectNode old = store.contacts.existing(id);
        ObjectNode contact = store.contacts.valid(request.jsonObject());
        return ApiResponse.ok(store.contacts.update(id, old, contact).deepCopy());
    }

    /**
     * ExternalContactsPatchRequest ({@code {"changes":[{field, value, action}]}}, SDK): each change's {@code field}
     * is a dot-notation JSONPath from the contact's root ({@code $.title}, {@code $.address.city}), its
     * {@code action} one of the SDK's ContactsPatchChange actions. A field and its parent in one request are refused
     * with 409 ("not allowed and will result in a 409"); the changed contact is validated as a PUT would be.
     */
    private ApiResponse patch(ApiRequest request) {
        String id = request.pathParam("contactId");
        ObjectNode old = store.contacts.existing(id);
        ArrayNode changes = Checks.array(request.jsonObject(), "changes", 0, Integer.MAX_VALUE, true);
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
            if (ContactStore.SERVER_FIELDS.contains(path[0])) {
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
        ObjectNode contact = store.contacts.valid(patched);
        return ApiResponse.ok(store.contacts.update(id, old, contact).deepCopy());
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

    private ApiResponse delete(ApiRequest request) {
        String id = request.pathParam("contactId");
        store.contacts.remove(id);
        return ApiResponse.noContent();
    }

    private ApiResponse promote(ApiRequest request) {
        String id = request.pathParam("contactId");
        ObjectNode contact = store.contacts.resolved(id);
        String type = contact.path("type").asText("Curated");
        if (!type.equals("Ephemeral") && !type.equals("Identified")) {
            throw ApiException.badRequest("Only an observed contact (Ephemeral or Identified) can be promoted; contact "
                    + contact.get("id").asText() + " is " + type);
        }
        contact.put("type", "Curated");
        contact.put("modifyDate", ContactStore.now());
        return ApiResponse.ok(contact.deepCopy());
    }

    /** {@code GET /contacts?q=&sortOrder=&pageSize=&pageNumber=&divisionIds=}: ContactListing, capped at 1,000. */
    private ApiResponse search(ApiRequest request) {
        List<String> divisions = Checks.listParam(request, "divisionIds");
        if (divisions.size() > 50) {
            throw ApiException.badRequest("divisionIds must list at most 50 divisions, got " + divisions.size());
        }
        String q = request.query("q");
        List<ObjectNode> found = store.contacts.table().filter(c -> ContactStore.visible(c)
                && ContactStore.matches(c, q) && ContactStore.inDivisions(c, divisions));
        SortOrder.sort(found, request.query("sortOrder"), ContactStore.CONTACT_SORT_FIELDS, "lastName");
        return ApiResponse.ok(PageNumberPaging.page(found, request, BASE + "/contacts", BASE + "/scan/contacts"));
    }

    private ApiResponse scan(ApiRequest request) {
        return scan(request, "contacts", store.contacts.table(), ContactStore::visible);
    }
}
