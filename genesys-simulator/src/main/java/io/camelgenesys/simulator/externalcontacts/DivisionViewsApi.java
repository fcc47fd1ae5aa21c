package io.camelgenesys.simulator.externalcontacts;

import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.EntityTable;

/**
 * The division views (npm SDK 262.0.0): the scans of contacts, notes, organizations and relationships over every
 * division ({@code /scan/<entities>/divisionviews/all}: limit and cursor, no divisionId, a cursor bound to that
 * listing), the bulk fetch of contacts and organizations "across divisions" ({@code /bulk/<entities>/divisionviews})
 * and the bulk fetch of "unresolved ancestor contacts" ({@code /bulk/contacts/unresolved}: each contact as stored,
 * not the contact it was merged into, as {@code GET /contacts/{id}/unresolved}). The simulator's client may view
 * every division, so a division view holds every entity, whatever its division, where {@code /scan/<entities>}
 * keeps those of its {@code divisionId}.
 */
final class DivisionViewsApi extends ResourceApi {

    DivisionViewsApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        routes.add("GET", BASE + "/scan/contacts/divisionviews/all", Auth.CLOUD,
                guard(r -> allDivisions(r, "contacts", store.contacts.table(), ContactStore::visible))
                        .reading(locks.contacts));
        routes.add("GET", BASE + "/scan/notes/divisionviews/all", Auth.CLOUD,
                guard(r -> allDivisions(r, "notes", store.notes, n -> true)).reading(locks.notes));
        routes.add("GET", BASE + "/scan/organizations/divisionviews/all", Auth.CLOUD,
                guard(r -> allDivisions(r, "organizations", store.organizations.table(), o -> true))
                        .reading(locks.organizations));
        routes.add("GET", BASE + "/scan/relationships/divisionviews/all", Auth.CLOUD,
                guard(r -> allDivisions(r, "relationships", store.relationships, x -> true))
                        .reading(locks.relationships));
        routes.add("POST", BASE + "/bulk/contacts/divisionviews", Auth.CLOUD, guard(r -> ApiResponse.ok(
                BulkResults.fetchEach(r, id -> store.contacts.resolved(id).deepCopy()))).reading(locks.contacts));
        routes.add("POST", BASE + "/bulk/organizations/divisionviews", Auth.CLOUD, guard(r -> ApiResponse.ok(
                BulkResults.fetchEach(r, id -> OrganizationStore.view(store.organizations.existing(id), false))))
                .reading(locks.organizations));
        routes.add("POST", BASE + "/bulk/contacts/unresolved", Auth.CLOUD, guard(r -> ApiResponse.ok(
                BulkResults.fetchEach(r, id -> store.contacts.existing(id).deepCopy()))).reading(locks.contacts));
    }

    /** One page of the scan of every division: its own listing, so a divisionId scan's cursor does not continue it. */
    private ApiResponse allDivisions(ApiRequest request, String entities, EntityTable table,
            Predicate<ObjectNode> filter) {
        return ApiResponse.ok(store.scans.scan(request, entities + ":divisionviews", table, filter,
                BASE + "/scan/" + entities + "/divisionviews/all"));
    }
}
