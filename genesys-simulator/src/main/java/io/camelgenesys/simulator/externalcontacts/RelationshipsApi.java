package io.camelgenesys.simulator.externalcontacts;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.StoreLock;

/** Relationships between users and external organizations (seed 003): create, read, replace, delete and scan. */
final class RelationshipsApi {

    static final String BASE = ExternalContactsStores.BASE;

    private final ExternalContactsStores store;

    private RelationshipsApi(ExternalContactsStores store) {
        this.store = store;
    }

    static void register(Routes routes, ExternalContactsStores store) {
        RelationshipsApi api = new RelationshipsApi(store);
        StoreLock organizations = store.organizations.lock();
        StoreLock relationships = store.relationships.lock();
        String relationshipsPath = BASE + "/relationships";
        routes.add("POST", relationshipsPath, Auth.CLOUD, StoreLock.guard(api::createRelationship)
                .reading(organizations).writing(relationships));
        routes.add("GET", relationshipsPath + "/{relationshipId}", Auth.CLOUD, StoreLock.guard(api::getRelationship)
                .reading(relationships));
        routes.add("PUT", relationshipsPath + "/{relationshipId}", Auth.CLOUD, StoreLock.guard(api::replaceRelationship)
                .reading(organizations).writing(relationships));
        routes.add("DELETE", relationshipsPath + "/{relationshipId}", Auth.CLOUD,
                StoreLock.guard(api::deleteRelationship)
                .writing(relationships));
        routes.add("GET", BASE + "/scan/relationships", Auth.CLOUD, StoreLock.guard(request -> ApiResponse.ok(
                store.scans.scan(request, "relationships", store.relationships, r -> true,
                        BASE + "/scan/relationships")))
                .reading(relationships));
    }

    private ApiResponse createRelationship(ApiRequest request) {
        ObjectNode relationship = validRelationship(request.jsonObject());
        String now = ContactStore.now();
        relationship.put("createDate", now);
        return ApiResponse.ok(store.relationships.insert(relationship).deepCopy());
    }

    private ApiResponse getRelationship(ApiRequest request) {
        return ApiResponse.ok(relationship(request.pathParam("relationshipId")).deepCopy());
    }

    private ApiResponse replaceRelationship(ApiRequest request) {
        String id = request.pathParam("relationshipId");
        ObjectNode old = relationship(id);
        ObjectNode relationship = validRelationship(request.jsonObject());
        relationship.set("createDate", old.get("createDate"));
        store.relationships.replace(id, relationship);
        return ApiResponse.ok(relationship.deepCopy());
    }

    private ApiResponse deleteRelationship(ApiRequest request) {
        store.relationships.remove(relationship(request.pathParam("relationshipId")).get("id").asText());
        return ApiResponse.noContent();
    }

    /** Seed 003: {@code user} and {@code externalOrganization} required, {@code relationship} 1–100 characters. */
    private ObjectNode validRelationship(ObjectNode body) {
        ObjectNode r = body.deepCopy();
        for (String serverField : List.of("id", "selfUri", "createDate", "externalDataSources")) {
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

    private ObjectNode relationship(String id) {
        ObjectNode relationship = store.relationships.get(id);
        if (relationship == null) {
            throw ApiException.notFound("Relationship " + id + " not found");
        }
        return relationship;
    }
}
