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
final class BulkApi {

    static final String BASE = ExternalContactsStores.BASE;

    private final ExternalContactsStores store;

    private BulkApi(ExternalContactsStores store) {
        this.store = store;
    }

    static void register(Routes routes, ExternalContactsStores store) {
        BulkApi api = new BulkApi(store);
        String contacts = BASE + "/bulk/contacts";
        routes.add("POST", contacts, Auth.CLOUD, store.locked(api::contactsBulkGet));
        routes.add("POST", contacts + "/add", Auth.CLOUD, store.locked(api::contactsBulkAdd));
        routes.add("POST", contacts + "/update", Auth.CLOUD, store.locked(api::contactsBulkUpdate));
        routes.add("POST", contacts + "/remove", Auth.CLOUD, store.locked(api::contactsBulkRemove));
        routes.add("POST", contacts + "/enrich", Auth.CLOUD, store.locked(api::contactsBulkEnrich));
        String organizations = BASE + "/bulk/organizations";
        routes.add("POST", organizations, Auth.CLOUD, store.locked(api::organizationsBulkGet));
        routes.add("POST", organizations + "/add", Auth.CLOUD, store.locked(api::organizationsBulkAdd));
        routes.add("POST", organizations + "/update", Auth.CLOUD, store.locked(api::organizationsBulkUpdate));
        routes.add("POST", organizations + "/remove", Auth.CLOUD, store.locked(api::organizationsBulkRemove));
        routes.add("POST", organizations + "/enrich", Auth.CLOUD, store.locked(api::organizationsBulkEnrich));
    }

    /** BulkIdsRequest → BulkFetchContactsResponse. */
    private ApiResponse contactsBulkGet(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE), item -> {
            String id = BulkResults.bulkId(item);
            return new BulkResults.BulkOutcome(id, ContactStore.resolved(store, id).deepCopy(), 200);
        }));
    }

    /** BulkContactsRequest → BulkContactsResponse, each contact created or failed on its own. */
    private ApiResponse contactsBulkAdd(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE), item -> {
            ObjectNode created = ContactStore.createContact(store, item);
            return new BulkResults.BulkOutcome(created.get("id").asText(), created.deepCopy(), 200);
        }));
    }

    private ApiResponse contactsBulkUpdate(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE), item -> {
            String id = BulkResults.bulkId(item);
            ObjectNode old = ContactStore.existing(store, id);
            return new BulkResults.BulkOutcome(id, ContactStore.update(store, id, old, ContactStore.validContact(store, item, true)).deepCopy(), 200);
        }));
    }

    /** BulkIdsRequest → BulkDeleteResponse (no entity in the results). */
    private ApiResponse contactsBulkRemove(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE), item -> {
            String id = BulkResults.bulkId(item);
            ContactStore.existing(store, id);
            ContactStore.removeContact(store, id);
            return new BulkResults.BulkOutcome(id, null, 204);
        }));
    }

    /** BulkContactsEnrichRequest (at most 10) → BulkContactsEnrichResponse; results carry the request's {@code id}. */
    private ApiResponse contactsBulkEnrich(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, BulkResults.MAX_BULK_ENRICH), item -> {
            String trackerId = item.path("id").asText(null);
            ObjectNode result = Enrichment.contact(store, item, dryRun).deepCopy();
            return new BulkResults.BulkOutcome(trackerId, result, 200);
        }));
    }

    private ApiResponse organizationsBulkGet(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE),
                item -> {
                    String id = BulkResults.bulkId(item);
                    return new BulkResults.BulkOutcome(id, OrganizationStore.view(OrganizationStore.existing(store, id), false), 200);
                }));
    }

    private ApiResponse organizationsBulkAdd(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE),
                item -> {
                    ObjectNode created = OrganizationStore.insert(store, OrganizationStore.valid(item));
                    return new BulkResults.BulkOutcome(created.get("id").asText(), created.deepCopy(), 200);
                }));
    }

    private ApiResponse organizationsBulkUpdate(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE),
                item -> {
                    String id = BulkResults.bulkId(item);
                    ObjectNode old = OrganizationStore.existing(store, id);
                    return new BulkResults.BulkOutcome(id, OrganizationStore.view(OrganizationStore.update(store, id, old, OrganizationStore.valid(item)), false), 200);
                }));
    }

    private ApiResponse organizationsBulkRemove(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE),
                item -> {
                    String id = BulkResults.bulkId(item);
                    OrganizationStore.existing(store, id);
                    store.organizations.remove(id);
                    IdentifierStore.releaseAll(store, "organization", id);
                    return new BulkResults.BulkOutcome(id, null, 204);
                }));
    }

    /** "Bulk enrich external organizations - Run up to 10 Enrich operations per request" (SDK). */
    private ApiResponse organizationsBulkEnrich(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return ApiResponse.ok(BulkResults.bulk(
                BulkResults.entities(request, BulkResults.MAX_BULK_ENRICH), item ->
                        new BulkResults.BulkOutcome(item.path("id").asText(null),
                                Enrichment.organization(store, item, dryRun).deepCopy(), 200)));
    }
}
