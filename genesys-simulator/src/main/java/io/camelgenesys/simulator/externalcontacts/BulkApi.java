package io.camelgenesys.simulator.externalcontacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;

/**
 * The bulk operations of contacts and organizations (get, add, update, remove, enrich): each item succeeds or fails on
 * its own ({@code BulkContactsResponse}, {@code BulkDeleteResponse}, {@code BulkOrganizationsResponse}, ...).
 */
final class BulkApi extends ResourceApi {

    BulkApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        String contacts = BASE + "/bulk/contacts";
        routes.add("POST", contacts, Auth.CLOUD, guard(this::contactsBulkGet).reading(locks.contacts));
        routes.add("POST", contacts + "/add", Auth.CLOUD, guard(this::contactsBulkAdd).reading(locks.organizations)
                .writing(locks.contacts, locks.identifiers));
        routes.add("POST", contacts + "/update", Auth.CLOUD, guard(this::contactsBulkUpdate)
                .reading(locks.organizations)
                .writing(locks.contacts));
        routes.add("POST", contacts + "/remove", Auth.CLOUD, guard(this::contactsBulkRemove)
                .writing(locks.contacts, locks.identifiers, locks.notes, locks.journeySegments));
        routes.add("POST", contacts + "/enrich", Auth.CLOUD, guard(this::contactsBulkEnrich)
                .reading(locks.organizations)
                .writing(locks.contacts, locks.identifiers));
        String organizations = BASE + "/bulk/organizations";
        routes.add("POST", organizations, Auth.CLOUD, guard(this::organizationsBulkGet).reading(locks.organizations));
        routes.add("POST", organizations + "/add", Auth.CLOUD, guard(this::organizationsBulkAdd)
                .writing(locks.organizations));
        routes.add("POST", organizations + "/update", Auth.CLOUD, guard(this::organizationsBulkUpdate)
                .writing(locks.organizations));
        routes.add("POST", organizations + "/remove", Auth.CLOUD, guard(this::organizationsBulkRemove)
                .writing(locks.organizations, locks.identifiers, locks.notes, locks.relationships));
        routes.add("POST", organizations + "/enrich", Auth.CLOUD, guard(this::organizationsBulkEnrich)
                .writing(locks.organizations, locks.identifiers));
    }

    /** BulkIdsRequest → BulkFetchContactsResponse. */
    private ApiResponse contactsBulkGet(ApiRequest request) {
        return ApiResponse.ok(BulkResults.fetchEach(request, id -> store.contacts.resolved(id).deepCopy()));
    }

    /** BulkContactsRequest → BulkContactsResponse, each contact created (claiming its identifiers) or failed. */
    private ApiResponse contactsBulkAdd(ApiRequest request) {
        return ApiResponse.ok(BulkResults.addEach(request, store.contacts::create));
    }

    private ApiResponse contactsBulkUpdate(ApiRequest request) {
        return ApiResponse.ok(BulkResults.updateEach(request, (id, item) ->
                store.contacts.update(id, store.contacts.existing(id), store.contacts.valid(item)).deepCopy()));
    }

    /** BulkIdsRequest → BulkDeleteResponse, each contact deleted as {@code DELETE /contacts/{id}} does. */
    private ApiResponse contactsBulkRemove(ApiRequest request) {
        return ApiResponse.ok(BulkResults.removeEach(request, store.contacts::remove));
    }

    /** BulkContactsEnrichRequest (at most 10) → BulkContactsEnrichResponse. */
    private ApiResponse contactsBulkEnrich(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return ApiResponse.ok(BulkResults.enrichEach(request,
                item -> Enrichment.contact(store, item, dryRun).entity()));
    }

    private ApiResponse organizationsBulkGet(ApiRequest request) {
        return ApiResponse.ok(BulkResults.fetchEach(request,
                id -> OrganizationStore.view(store.organizations.existing(id), false)));
    }

    private ApiResponse organizationsBulkAdd(ApiRequest request) {
        return ApiResponse.ok(BulkResults.addEach(request,
                item -> store.organizations.insert(OrganizationStore.valid(item))));
    }

    private ApiResponse organizationsBulkUpdate(ApiRequest request) {
        return ApiResponse.ok(BulkResults.updateEach(request, (id, item) -> {
            ObjectNode old = store.organizations.existing(id);
            return OrganizationStore.view(store.organizations.update(id, old, OrganizationStore.valid(item)), false);
        }));
    }

    /** Like {@code DELETE /organizations/{id}} per item: the organization's notes, relationships and identifiers go. */
    private ApiResponse organizationsBulkRemove(ApiRequest request) {
        return ApiResponse.ok(BulkResults.removeEach(request, store.organizations::remove));
    }

    /** "Bulk enrich external organizations - Run up to 10 Enrich operations per request" (SDK). */
    private ApiResponse organizationsBulkEnrich(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return ApiResponse.ok(BulkResults.enrichEach(request,
                item -> Enrichment.organization(store, item, dryRun).entity()));
    }
}
