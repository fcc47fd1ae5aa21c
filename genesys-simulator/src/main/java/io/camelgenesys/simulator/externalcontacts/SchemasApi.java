package io.camelgenesys.simulator.externalcontacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.Routes;

/**
 * Custom-field schemas of contacts and organizations (SDK ExternalContactsApi): list, create, read, update (a new
 * version), their versions, the core types and the quantity limits; contact schemas can also be deleted (the SDK has
 * no DELETE for organization schemas). The literal {@code /contacts/schemas} paths win over {@code /contacts/{id}}.
 * The stores are their own leaf monitors ({@link SchemaStore}), so these routes hold no store lock.
 */
final class SchemasApi extends ResourceApi {

    SchemasApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        register(routes, store.contactSchemas, true);
        register(routes, store.organizationSchemas, false);
    }

    private void register(Routes routes, SchemaStore schemas, boolean deletable) {
        String base = schemas.base();
        String one = base + "/{schemaId}";
        routes.add("GET", base, Auth.CLOUD, r -> ApiResponse.ok(schemas.list()));
        routes.add("POST", base, Auth.CLOUD, r -> ApiResponse.ok(schemas.create(r.jsonObject())));
        routes.add("GET", one, Auth.CLOUD, r -> ApiResponse.ok(schemas.current(r.pathParam("schemaId"))));
        routes.add("PUT", one, Auth.CLOUD, r -> ApiResponse.ok(schemas.update(r.pathParam("schemaId"),
                r.jsonObject())));
        if (deletable) {
            routes.add("DELETE", one, Auth.CLOUD, r -> {
                schemas.delete(r.pathParam("schemaId"));
                return ApiResponse.noContent();
            });
        }
        routes.add("GET", one + "/versions", Auth.CLOUD, r -> ApiResponse.ok(schemas.versions(r.pathParam("schemaId"))));
        routes.add("GET", one + "/versions/{versionId}", Auth.CLOUD, r -> ApiResponse.ok(
                schemas.version(r.pathParam("schemaId"), r.pathParam("versionId"))));
        routes.add("GET", base + "/coretypes", Auth.CLOUD, r -> ApiResponse.ok(coreTypes(base)));
        routes.add("GET", base + "/coretypes/{coreTypeName}", Auth.CLOUD, r -> ApiResponse.ok(coreType(base,
                r.pathParam("coreTypeName"))));
        routes.add("GET", base + "/limits", Auth.CLOUD, r -> ApiResponse.ok(schemas.limits()));
    }

    /** CoretypeListing. */
    private static ObjectNode coreTypes(String base) {
        ObjectNode listing = Json.object();
        ArrayNode entities = listing.putArray("entities");
        CoreTypes.ALL.values().forEach(t -> entities.add(CoreTypes.json(t, base)));
        listing.put("total", entities.size());
        listing.put("selfUri", base + "/coretypes");
        return listing;
    }

    private static ObjectNode coreType(String base, String name) {
        CoreTypes.CoreType type = CoreTypes.ALL.get(name);
        if (type == null) {
            throw ApiException.notFound("Core type " + name + " not found (core types: " + CoreTypes.names() + ")");
        }
        return CoreTypes.json(type, base);
    }
}
