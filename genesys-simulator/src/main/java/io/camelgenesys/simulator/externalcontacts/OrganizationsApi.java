package io.camelgenesys.simulator.externalcontacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.PageNumberPaging;
import io.camelgenesys.simulator.store.SortOrder;

/**
 * External organizations (seed 003): create, read, replace, delete, search ({@code ExternalOrganizationListing}), scan
 * ({@code CursorOrganizationListing}), their contacts and relationships, and the trustor link.
 */
final class OrganizationsApi extends ResourceApi {

    OrganizationsApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        String organizations = BASE + "/organizations";
        String organization = organizations + "/{externalOrganizationId}";
        routes.add("POST", organizations, Auth.CLOUD, guard(this::create)
                .writing(locks.organizations, locks.identifiers));
        routes.add("GET", organizations, Auth.CLOUD, guard(this::search).reading(locks.organizations));
        routes.add("GET", organization, Auth.CLOUD, guard(this::get).reading(locks.organizations));
        routes.add("PUT", organization, Auth.CLOUD, guard(this::replace).writing(locks.organizations));
        routes.add("DELETE", organization, Auth.CLOUD, guard(this::delete)
                .writing(locks.organizations, locks.identifiers, locks.notes, locks.relationships));
        routes.add("GET", BASE + "/scan/organizations", Auth.CLOUD, guard(this::scan).reading(locks.organizations));
        routes.add("GET", organization + "/contacts", Auth.CLOUD, guard(this::contacts)
                .reading(locks.organizations, locks.contacts));
        routes.add("GET", organization + "/relationships", Auth.CLOUD, guard(this::organizationRelationships)
                .reading(locks.organizations, locks.relationships));
        routes.add("PUT", organization + "/trustor/{trustorId}", Auth.CLOUD, guard(this::linkTrustor)
                .writing(locks.organizations));
        routes.add("DELETE", organization + "/trustor", Auth.CLOUD, guard(this::unlinkTrustor)
                .writing(locks.organizations));
    }

    private ApiResponse create(ApiRequest request) {
        ObjectNode body = request.jsonObject();
        List<ObjectNode> identifiers = IdentifierStore.identifiersOf(body,
                IdentifierStore.ORGANIZATION_IDENTIFIER_TYPES);
        for (ObjectNode identifier : identifiers) {
            store.identifiers.checkClaimable(identifier, "organization", null);
        }
        ObjectNode valid = OrganizationStore.valid(body);
        CustomFieldChecks.check(valid, store.organizationSchemas);
        ObjectNode stored = store.organizations.insert(valid);
        String id = stored.get("id").asText();
        identifiers.forEach(i -> store.identifiers.claim(i, "organization", id));
        return ApiResponse.ok(stored.deepCopy());
    }

    private ApiResponse get(ApiRequest request) {
        ObjectNode organization = store.organizations.existing(request.pathParam("externalOrganizationId"));
        boolean includeTrustors = Checks.boolParam(request, "includeTrustors", false);
        return ApiResponse.ok(OrganizationStore.view(organization, includeTrustors));
    }

    private ApiResponse replace(ApiRequest request) {
        String id = request.pathParam("externalOrganizationId");
        ObjectNode old = store.organizations.existing(id);
        ObjectNode valid = OrganizationStore.valid(request.jsonObject());
        CustomFieldChecks.check(valid, store.organizationSchemas);
        ObjectNode updated = store.organizations.update(id, old, valid);
        return ApiResponse.ok(OrganizationStore.view(updated, false));
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.pathParam("externalOrganizationId");
        store.organizations.remove(id);
        return ApiResponse.noContent();
    }

    /**
     * {@code GET /organizations?q=&trustorId=&sortOrder=&pageSize=&pageNumber=&divisionIds=}: "trustorId ... (limit
     * 25). If supplied, the q parameters is ignored. Items are returned in the order requested" (seed 003).
     */
    private ApiResponse search(ApiRequest request) {
        List<String> divisions = Checks.listParam(request, "divisionIds");
        if (divisions.size() > 50) {
            throw ApiException.badRequest("divisionIds must list at most 50 divisions, got " + divisions.size());
        }
        List<String> trustorIds = Checks.listParam(request, "trustorId");
        if (trustorIds.size() > 25) {
            throw ApiException.badRequest("trustorId must list at most 25 trustors, got " + trustorIds.size());
        }
        boolean includeTrustors = Checks.boolParam(request, "includeTrustors", false);
        List<ObjectNode> found = new ArrayList<>();
        if (!trustorIds.isEmpty()) {
            for (String trustorId : trustorIds) {
                found.addAll(store.organizations.table().filter(
                        o -> trustorId.equals(o.path("trustor").path("id").asText())));
            }
        } else {
            String q = request.query("q");
            String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
            found.addAll(store.organizations.table().filter(o -> ContactStore.inDivisions(o, divisions)
                    && (needle.isEmpty()
                    || o.path("name").asText("").toLowerCase(Locale.ROOT).contains(needle)
                    || o.path("industry").asText("").toLowerCase(Locale.ROOT).contains(needle))));
            SortOrder.sort(found, request.query("sortOrder"), OrganizationStore.ORGANIZATION_SORT_FIELDS, "name");
        }
        ObjectNode page = PageNumberPaging.page(found, request, BASE + "/organizations", BASE + "/scan/organizations");
        if (!includeTrustors) {
            page.get("entities").forEach(o -> ((ObjectNode) o).remove("trustor"));
        }
        return ApiResponse.ok(page);
    }

    private ApiResponse scan(ApiRequest request) {
        return scan(request, "organizations", store.organizations.table(), o -> true);
    }

    private ApiResponse contacts(ApiRequest request) {
        String id = store.organizations.existing(request.pathParam("externalOrganizationId")).get("id").asText();
        String q = request.query("q");
        List<ObjectNode> found = store.contacts.table().filter(c -> ContactStore.visible(c)
                && id.equals(c.path("externalOrganization").path("id").asText())
                && ContactStore.matches(c, q));
        SortOrder.sort(found, request.query("sortOrder"), List.of("firstName", "lastName", "middleName",
                "title"), "lastName");
        return ApiResponse.ok(PageNumberPaging.page(found, request, BASE + "/organizations/" + id + "/contacts",
                null));
    }

    private ApiResponse organizationRelationships(ApiRequest request) {
        String id = store.organizations.existing(request.pathParam("externalOrganizationId")).get("id").asText();
        List<ObjectNode> found = store.relationships.filter(
                r -> id.equals(r.path("externalOrganization").path("id").asText()));
        // a Relationship shows no date: createDate sorts by creation order (the order of the store)
        SortOrder.sort(found, request.query("sortOrder"), List.of("createDate", "relationship"), "createDate",
                "createDate");
        return ApiResponse.ok(PageNumberPaging.page(found, request, BASE + "/organizations/" + id
                + "/relationships", null));
    }

    /**
     * Links a trustor (another Genesys Cloud organization) with the external organization and answers the link
     * (ExternalOrganizationTrustorLink of the SDK); the organization shows it as its {@code trustor} with
     * {@code includeTrustors=true}.
     */
    private ApiResponse linkTrustor(ApiRequest request) {
        ObjectNode organization = store.organizations.existing(request.pathParam("externalOrganizationId"));
        String organizationId = organization.get("id").asText();
        String trustorId = request.pathParam("trustorId");
        String now = ContactStore.now();
        organization.putObject("trustor").put("id", trustorId).put("enabled", true).put("dateCreated", now);
        organization.put("modifyDate", now);
        ObjectNode link = Json.object();
        if (organization.has("division")) {
            link.set("division", organization.get("division").deepCopy());
        }
        link.put("externalOrganizationId", organizationId);
        link.put("trustorOrgId", trustorId);
        link.put("dateCreated", now);
        link.put("externalOrganizationUri", BASE + "/organizations/" + organizationId);
        return ApiResponse.ok(link);
    }

    private ApiResponse unlinkTrustor(ApiRequest request) {
        ObjectNode organization = store.organizations.existing(request.pathParam("externalOrganizationId"));
        if (!organization.hasNonNull("trustor")) {
            throw ApiException.notFound("External organization " + organization.get("id").asText()
                    + " has no trustor to unlink");
        }
        organization.remove("trustor");
        return ApiResponse.noContent();
    }
}
