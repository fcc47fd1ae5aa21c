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

/**
 * Enriching contacts and organizations ({@code /contacts/enrich}, {@code /organizations/enrich}) and merging contacts
 * ({@code /contacts/merge}).
 */
final class EnrichMergeApi extends ResourceApi {

    EnrichMergeApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        routes.add("POST", BASE + "/contacts/enrich", Auth.CLOUD, guard(this::enrichContact)
                .reading(locks.organizations).writing(locks.contacts, locks.identifiers));
        routes.add("POST", BASE + "/contacts/merge", Auth.CLOUD, guard(this::merge).reading(locks.organizations)
                .writing(locks.contacts, locks.identifiers));
        routes.add("POST", BASE + "/organizations/enrich", Auth.CLOUD, guard(this::enrichOrganization)
                .writing(locks.organizations, locks.identifiers));
    }

    /**
     * "A 201 response status indicates that a new Contact was created, whereas a 200 status indicates that a Contact
     * was updated or a merge occurred" (npm SDK 262.0.0; the same for organizations); a dry run creates nothing: 200.
     */
    private ApiResponse enrichContact(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return answer(Enrichment.contact(store, request.jsonObject(), dryRun));
    }

    private static ApiResponse answer(Enrichment.Enriched enriched) {
        ObjectNode entity = enriched.entity().deepCopy();
        return enriched.created() ? ApiResponse.created(entity) : ApiResponse.ok(entity);
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
            override = store.contacts.valid(override);
        }
        return ApiResponse.ok(Merging.merge(store, contactIds, override).deepCopy());
    }

    private ApiResponse enrichOrganization(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return answer(Enrichment.organization(store, request.jsonObject(), dryRun));
    }
}
