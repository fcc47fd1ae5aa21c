package io.camelgenesys.simulator.externalcontacts;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.PageNumberPaging;
import io.camelgenesys.simulator.store.SortOrder;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * Contacts of the Genesys Cloud External Contacts API (seed 003, plus seed 000's user view: required
 * {@code firstName}/{@code lastName}, PATCH, 204 on DELETE): create, read (resolved or not), replace, patch, delete,
 * promote, search ({@code ContactListing}) and scan ({@code CursorContactListing}).
 */
final class ContactsApi {

    static final String BASE = ExternalContactsStores.BASE;

    private final ExternalContactsStores store;

    private ContactsApi(ExternalContactsStores store) {
        this.store = store;
    }

    static void register(Routes routes, ExternalContactsStores store) {
        ContactsApi api = new ContactsApi(store);
        StoreLock organizations = store.organizations.lock();
        StoreLock contacts = store.contacts.lock();
        StoreLock identifiers = store.identifiers.lock();
        StoreLock notes = store.notes.lock();
        StoreLock journeySegments = store.journeySegments.lock();
        String contactsPath = BASE + "/contacts";
        String contact = contactsPath + "/{contactId}";
        routes.add("POST", contactsPath, Auth.CLOUD, StoreLock.guard(api::create).reading(organizations)
                .writing(contacts, identifiers));
        routes.add("GET", contactsPath, Auth.CLOUD, StoreLock.guard(api::search).reading(contacts));
        routes.add("GET", contact, Auth.CLOUD, StoreLock.guard(api::get).reading(organizations, contacts));
        routes.add("PUT", contact, Auth.CLOUD, StoreLock.guard(api::replace).reading(organizations).writing(contacts));
        routes.add("PATCH", contact, Auth.CLOUD, StoreLock.guard(api::patch).reading(organizations).writing(contacts));
        routes.add("DELETE", contact, Auth.CLOUD, StoreLock.guard(api::delete)
                .writing(contacts, identifiers, notes, journeySegments));
        routes.add("GET", BASE + "/scan/contacts", Auth.CLOUD, StoreLock.guard(api::scan).reading(contacts));
        routes.add("GET", contact + "/unresolved", Auth.CLOUD, StoreLock.guard(api::unresolved).reading(contacts));
        routes.add("POST", contact + "/promotion", Auth.CLOUD, StoreLock.guard(api::promote).writing(contacts));
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
        ObjectNode contact = store.contacts.valid(request.jsonObject(), true);
        return ApiResponse.ok(store.contacts.update(id, old, contact).deepCopy());
    }

    /** Seed 000: "Partially update contact"; fields present replace, {@code null} clears, absent ones are kept. */
    private ApiResponse patch(ApiRequest request) {
        String id = request.pathParam("contactId");
        ObjectNode old = store.contacts.existing(id);
        ObjectNode changes = request.jsonObject();
        ObjectNode merged = old.deepCopy();
        changes.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                merged.remove(e.getKey());
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        ObjectNode contact = store.contacts.valid(merged, true);
        return ApiResponse.ok(store.contacts.update(id, old, contact).deepCopy());
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.pathParam("contactId");
        store.contacts.existing(id);
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
        return ApiResponse.ok(store.scans.scan(request, "contacts", store.contacts.table(), ContactStore::visible,
                BASE + "/scan/contacts"));
    }
}
