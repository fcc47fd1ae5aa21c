package io.camelgenesys.simulator.externalcontacts;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;

/**
 * Relationships between users and external organizations (seed 003): create, read, replace, delete and scan. A
 * Relationship has no dates (SDK); "sortOrder=createDate" of an organization's relationships is the creation order.
 */
final class RelationshipsApi extends ResourceApi {

    RelationshipsApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        String relationships = BASE + "/relationships";
        routes.add("POST", relationships, Auth.CLOUD, guard(this::createRelationship).reading(locks.organizations)
                .writing(locks.relationships));
        routes.add("GET", relationships + "/{relationshipId}", Auth.CLOUD, guard(this::getRelationship)
                .reading(locks.relationships));
        routes.add("PUT", relationships + "/{relationshipId}", Auth.CLOUD, guard(this::replaceRelationship)
                .reading(locks.organizations).writing(locks.relationships));
        routes.add("DELETE", relationships + "/{relationshipId}", Auth.CLOUD, guard(this::deleteRelationship)
                .writing(locks.relationships));
        routes.add("GET", BASE + "/scan/relationships", Auth.CLOUD, guard(this::scan).reading(locks.relationships));
    }

    private ApiResponse createRelationship(ApiRequest request) {
        ObjectNode relationship = validRelationship(request.jsonObject());
        return ApiResponse.ok(store.relationships.insert(relationship).deepCopy());
    }

    private ApiResponse getRelationship(ApiRequest request) {
        return ApiResponse.ok(relationship(request.pathParam("relationshipId")).deepCopy());
    }

    private ApiResponse replaceRelationship(ApiRequest request) {
        String id = request.pathParam("relationshipId");
        relationship(id); // 404 when unknown
        ObjectNode relationship = validRelationship(request.jsonObject());
        store.relationships.replace(id, relationship);
        return ApiResponse.ok(relationship.deepCopy());
    }

    private ApiResponse deleteRelationship(ApiRequest request) {
        store.relationships.remove(relationship(request.pathParam("relationshipId")).get("id").asText());
        return ApiResponse.noContent();
    }

    private ApiResponse scan(ApiRequest request) {
        return scan(request, "relationships", store.relationships, r -> true);
    }

    /** Seed 003: {@code user} and {@code externalOrganization} required, {@code relationship} 1–100 characters. */
    ObjectNode validRelationship(ObjectNode body) {
        ObjectNode r = body.deepCopy();
        for (String serverField : List.of("id", "selfUri", "externalDataSources")) {
            r.remove(serverField);
        }
        Checks.reference(r, "user", true);
        String organizationId = Checks.reference(r, "externalOrganization", true);
        Checks.text(r, "relationship", 1, 100, true);
        if (store.organizations.table().get(organizationId) == null) {
            throw ApiException.badRequest("externalOrganization.id " + organizationId
                    + " is not an existing external organization");
        }
        return r;
    }

    ObjectNode relationship(String id) {
        ObjectNode relationship = store.relationships.get(id);
        if (relationship == null) {
            throw ApiException.notFound("Relationship " + id + " not found");
        }
        return relationship;
    }
}
