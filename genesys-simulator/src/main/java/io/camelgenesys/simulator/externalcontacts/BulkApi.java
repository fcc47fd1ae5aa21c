package io.camelgenesys.simulator.externalcontacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.StoreLock;

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
        StoreLock organizations = store.organizations.lock();
        StoreLock contacts = store.contacts.lock();
        StoreLock identifiers = store.identifiers.lock();
        StoreLock notes = store.notes.lock();
        StoreLock relationships = store.relationships.lock();
        StoreLock journeySegments = store.journeySegments.lock();
        String contactsPath = BASE + "/bulk/contacts";
        routes.add("POST", contactsPath, Auth.CLOUD, StoreLock.guard(api::contactsBulkGet).reading(contacts));
        routes.add("POST", contactsPath + "/add", Auth.CLOUD, StoreLock.guard(api::contactsBulkAdd)
                .reading(organizations).writing(contacts, identifiers));
        routes.add("POST", contactsPath + "/update", Auth.CLOUD, StoreLock.guard(api::contactsBulkUpdate)
                .reading(organizations).writing(contacts));
        routes.add("POST", contactsPath + "/remove", Auth.CLOUD, StoreLock.guard(api::contactsBulkRemove)
                .writing(contacts, identifiers, notes, journeySegments));
        routes.add("POST", contactsPath + "/enrich", Auth.CLOUD, StoreLock.guard(api::contactsBulkEnrich)
                .reading(organizations).writing(contacts, identifiers));
        String organizationsPath = BASE + "/bulk/organizations";
        routes.add("POST", organizationsPath, Auth.CLOUD, StoreLock.guard(api::organizationsBulkGet)
                .reading(organizations));
        routes.add("POST", organizationsPath + "/add", Auth.CLOUD, StoreLock.guard(api::organizationsBulkAdd)
                .writing(organizations));
        routes.add("POST", organizationsPath + "/update", Auth.CLOUD, StoreLock.guard(api::organizationsBulkUpdate)
                .writing(organizations));
        routes.add("POST", organizationsPath + "/remove", Auth.CLOUD, StoreLock.guard(api::organizationsBulkRemove)
                .writing(organizations, identifiers, notes, relationships));
        routes.add("POST", organizationsPath + "/enrich", Auth.CLOUD, StoreLock.guard(api::organizationsBulkEnrich)
                .writing(organizations, identifiers));
    }

    /** BulkIdsRequest → BulkFetchContactsResponse. */
    private ApiResponse contactsBulkGet(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE), item -> {
            String id = BulkResults.bulkId(item);
            return new BulkResults.BulkOutcome(id, store.contacts.resolved(id).deepCopy(), 200);
        }));
    }

    /** BulkContactsRequest → BulkContactsResponse, each contact created or failed on its own. */
    private ApiResponse contactsBulkAdd(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE), item -> {
            ObjectNode created = store.contacts.create(item);
            return new BulkResults.BulkOutcome(created.get("id").asText(), created.deepCopy(), 200);
        }));
    }

    private ApiResponse contactsBulkUpdate(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE), item -> {
            String id = BulkResults.bulkId(item);
            ObjectNode old = store.contacts.existing(id);
            ObjectNode updated = store.contacts.update(id, old, store.contacts.valid(item, true));
            return new BulkResults.BulkOutcome(id, updated.deepCopy(), 200);
        }));
    }

    /** BulkIdsRequest → BulkDeleteResponse (no entity in the results). */
    private ApiResponse contactsBulkRemove(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE), item -> {
            String id = BulkResults.bulkId(item);
            store.contacts.existing(id);
            store.contacts.remove(id);
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
                    ObjectNode organization = store.organizations.existing(id);
                    return new BulkResults.BulkOutcome(id, OrganizationStore.view(organization, false), 200);
                }));
    }

    private ApiResponse organizationsBulkAdd(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE),
                item -> {
                    ObjectNode created = store.organizations.insert(OrganizationStore.valid(item));
                    return new BulkResults.BulkOutcome(created.get("id").asText(), created.deepCopy(), 200);
                }));
    }

    private ApiResponse organizationsBulkUpdate(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE),
                item -> {
                    String id = BulkResults.bulkId(item);
                    ObjectNode old = store.organizations.existing(id);
                    ObjectNode updated = store.organizations.update(id, old, OrganizationStore.valid(item));
                    return new BulkResults.BulkOutcome(id, OrganizationStore.view(updated, false), 200);
                }));
    }

    /** Like {@code DELETE /organizations/{id}} per item: the organization's notes, relationships and identifiers go. */
    private ApiResponse organizationsBulkRemove(ApiRequest request) {
        return ApiResponse.ok(BulkResults.bulk(BulkResults.entities(request, Integer.MAX_VALUE),
                item -> {
                    String id = BulkResults.bulkId(item);
                    store.organizations.existing(id);
                    store.organizations.remove(id);
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
