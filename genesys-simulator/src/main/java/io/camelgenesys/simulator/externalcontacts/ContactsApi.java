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
     * ExternalContactsPatchRequest ({@link PatchChanges}); the changed contact is validated as a PUT would be.
     */
    private ApiResponse patch(ApiRequest request) {
        String id = request.pathParam("contactId");
        ObjectNode old = store.contacts.existing(id);
        ObjectNode patched = PatchChanges.apply(old, request.jsonObject(), ContactStore.SERVER_FIELDS);
        ObjectNode contact = store.contacts.valid(patched);
        return ApiResponse.ok(store.contacts.update(id, old, contact).deepCopy());
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
