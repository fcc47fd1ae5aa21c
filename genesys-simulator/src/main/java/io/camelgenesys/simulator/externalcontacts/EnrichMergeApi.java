package io.camelgenesys.simulator.externalcontacts;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * Enriching contacts and organizations ({@code /contacts/enrich}, {@code /organizations/enrich}) and merging contacts
 * ({@code /contacts/merge}).
 */
final class EnrichMergeApi {

    static final String BASE = ExternalContactsStores.BASE;

    private final ExternalContactsStores store;

    private EnrichMergeApi(ExternalContactsStores store) {
        this.store = store;
    }

    static void register(Routes routes, ExternalContactsStores store) {
        EnrichMergeApi api = new EnrichMergeApi(store);
        StoreLock organizations = store.organizations.lock();
        StoreLock contacts = store.contacts.lock();
        StoreLock identifiers = store.identifiers.lock();
        routes.add("POST", BASE + "/contacts/enrich", Auth.CLOUD, StoreLock.guard(api::enrichContact)
                .reading(organizations).writing(contacts, identifiers));
        routes.add("POST", BASE + "/contacts/merge", Auth.CLOUD, StoreLock.guard(api::merge).reading(organizations)
                .writing(contacts, identifiers));
        routes.add("POST", BASE + "/organizations/enrich", Auth.CLOUD, StoreLock.guard(api::enrichOrganization)
                .writing(organizations, identifiers));
    }

    private ApiResponse enrichContact(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return ApiResponse.ok(Enrichment.contact(store, request.jsonObject(), dryRun).deepCopy());
    }

    /** MergeContactsRequest: {@code contactIds} (2–25) and an optional {@code valueOverride} → the new contact. */
    private ApiResponse merge(ApiRequest request) {
        ObjectNode body = request.jsonObject().deepCopy();
        ArrayNode ids = Checks.array(body, "contactIds", 2, 25, true);
        List<String> contactIds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isTextual() || ids.get(i).asText().isBlank()) {
                throw ApiException.badRequest("contactIds[" + i + "] must be a contact id");
            }
            String id = ids.get(i).asText();
            if (contactIds.contains(id)) {
                throw ApiException.badRequest("contactIds lists " + id + " twice");
            }
            contactIds.add(id);
        }
        ObjectNode override = Checks.object(body, "valueOverride", false);
        if (override != null) {
            override = store.contacts.valid(override, false);
        }
        return ApiResponse.ok(Merging.merge(store, contactIds, override).deepCopy());
    }

    private ApiResponse enrichOrganization(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return ApiResponse.ok(Enrichment.organization(store, request.jsonObject(), dryRun).deepCopy());
    }
}
