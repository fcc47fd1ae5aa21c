package io.camelgenesys.simulator.externalcontacts;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;

/** External sources (seed 003): create, read, replace, delete, and a cursor listing filtered by name and state. */
final class ExternalSourcesApi extends ResourceApi {

    ExternalSourcesApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        String sources = BASE + "/externalsources";
        routes.add("POST", sources, Auth.CLOUD, guard(this::createSource).writing(locks.externalSources));
        routes.add("GET", sources, Auth.CLOUD, guard(this::listSources).reading(locks.externalSources));
        routes.add("GET", sources + "/{externalSourceId}", Auth.CLOUD, guard(this::getSource)
                .reading(locks.externalSources));
        routes.add("PUT", sources + "/{externalSourceId}", Auth.CLOUD, guard(this::replaceSource)
                .writing(locks.externalSources));
        routes.add("DELETE", sources + "/{externalSourceId}", Auth.CLOUD, guard(this::deleteSource)
                .writing(locks.externalSources));
    }

    private ApiResponse createSource(ApiRequest request) {
        ObjectNode source = validSource(request.jsonObject(), null);
        return ApiResponse.ok(store.externalSources.insert(source).deepCopy());
    }

    private ApiResponse getSource(ApiRequest request) {
        return ApiResponse.ok(source(request.pathParam("externalSourceId")).deepCopy());
    }

    private ApiResponse replaceSource(ApiRequest request) {
        String id = request.pathParam("externalSourceId");
        ObjectNode old = source(id);
        ObjectNode source = validSource(request.jsonObject(), old.get("id").asText());
        store.externalSources.replace(id, source);
        return ApiResponse.ok(source.deepCopy());
    }

    private ApiResponse deleteSource(ApiRequest request) {
        store.externalSources.remove(source(request.pathParam("externalSourceId")).get("id").asText());
        return ApiResponse.noContent();
    }

    /**
     * {@code GET /externalsources?cursor=&limit=&name=&active=}: cursor paging, {@code limit} 10–200 (default 100),
     * {@code name} a prefix filter, {@code active} an exact filter (seed 003).
     */
    private ApiResponse listSources(ApiRequest request) {
        String prefix = request.query("name");
        String active = request.query("active");
        Boolean activeFilter = active == null || active.isEmpty() ? null : Checks.boolParam(request, "active", true);
        String listing = "externalsources:" + (prefix == null ? "" : prefix) + ":" + activeFilter;
        return ApiResponse.ok(store.scans.scan(request, listing, store.externalSources, s ->
                (prefix == null || s.path("name").asText().toLowerCase(Locale.ROOT)
                        .startsWith(prefix.toLowerCase(Locale.ROOT)))
                        && (activeFilter == null || s.path("active").asBoolean() == activeFilter),
                BASE + "/externalsources"));
    }

    /**
     * Seed 003: {@code name} required, unique, at most 200 characters, trimmed. An ExternalSource has no dates (SDK:
     * id, name, active, linkConfiguration, selfUri).
     */
    private ObjectNode validSource(ObjectNode body, String selfId) {
        ObjectNode s = body.deepCopy();
        for (String serverField : List.of("id", "selfUri")) {
            s.remove(serverField);
        }
        String name = Checks.text(s, "name", 1, 200, true);
        if (s.has("active") && !s.get("active").isBoolean()) {
            throw ApiException.badRequest("active must be true or false");
        }
        if (!s.has("active")) {
            s.put("active", true);
        }
        ObjectNode link = Checks.object(s, "linkConfiguration", false);
        if (link != null) {
            Checks.text(link, "uriTemplate", 0, 2000, false);
        }
        for (ObjectNode other : store.externalSources.values()) {
            if (!other.get("id").asText().equals(selfId) && other.path("name").asText().equalsIgnoreCase(name)) {
                throw new ApiException(409, "conflict", "name must be unique: external source "
                        + other.get("id").asText() + " is already named '" + name + "'");
            }
        }
        return s;
    }

    private ObjectNode source(String id) {
        ObjectNode source = store.externalSources.get(id);
        if (source == null) {
            throw ApiException.notFound("External source " + id + " not found");
        }
        return source;
    }
}
