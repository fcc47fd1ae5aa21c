package io.camelgenesys.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.store.PageNumberPaging;

/**
 * The HTTP face of {@link Items}, in Genesys Cloud style (bearer token, Cloud error bodies, rate limited), registered
 * through {@link Routes} like any later API. Page-number paging is the shared {@link PageNumberPaging} (page size
 * 1–100 with a default of 25, at most 1,000 records reachable, seed 000); the cursor and offset styles mirror the
 * Cloud scan endpoints and Multicloud UDM listing. The scan cursors here are stateless (they carry the position) and
 * never expire, the simplest cursor a client must handle; the simulated Genesys APIs issue expiring ones
 * ({@link io.camelgenesys.simulator.store.CursorScans}).
 */
final class ItemsApi {

    private static final String CURSOR_PREFIX = "items:";

    private final Items items;

    private ItemsApi(Items items) {
        this.items = items;
    }

    static void register(Routes routes, Items items) {
        ItemsApi api = new ItemsApi(items);
        String base = Items.BASE_PATH;
        routes.add("POST", base, Auth.CLOUD, api::create);
        routes.add("GET", base, Auth.CLOUD, api::page);
        routes.add("GET", base + "/scan", Auth.CLOUD, api::scan);
        routes.add("GET", base + "/offset", Auth.CLOUD, api::offset);
        routes.add("GET", base + "/{id}", Auth.CLOUD, api::get);
        routes.add("PUT", base + "/{id}", Auth.CLOUD, api::replace);
        routes.add("DELETE", base + "/{id}", Auth.CLOUD, api::delete);
    }

    private ApiResponse create(ApiRequest request) {
        return ApiResponse.created(items.create(validated(request.jsonObject())));
    }

    private ApiResponse get(ApiRequest request) {
        String id = request.pathParam("id");
        ObjectNode item = items.get(id);
        if (item == null) {
            throw notFound(id);
        }
        return ApiResponse.ok(item);
    }

    private ApiResponse replace(ApiRequest request) {
        String id = request.pathParam("id");
        ObjectNode item = items.replace(id, validated(request.jsonObject()));
        if (item == null) {
            throw notFound(id);
        }
        return ApiResponse.ok(item);
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.pathParam("id");
        if (!items.delete(id)) {
            throw notFound(id);
        }
        return ApiResponse.noContent();
    }

    /** {@code GET ?pageSize=&pageNumber=}: Genesys Cloud page-number paging, as every Cloud listing pages. */
    private ApiResponse page(ApiRequest request) {
        return ApiResponse.ok(PageNumberPaging.page(request, Items.BASE_PATH, Items.BASE_PATH + "/scan", items.count(),
                items::slice));
    }

    /** {@code GET /scan?limit=&cursor=}: cursor paging with no record cap; no {@code cursors} on the last page. */
    private ApiResponse scan(ApiRequest request) {
        int limit = request.queryInt("limit", 100);
        if (limit < 10 || limit > 200) {
            throw ApiException.badRequest("limit must be between 10 and 200, got " + limit);
        }
        String cursor = request.query("cursor");
        long after = cursor == null || cursor.isEmpty() ? 0 : decodeCursor(cursor);
        // One more than asked tells whether a next page exists without a second query.
        List<Items.Entry> entries = items.after(after, limit + 1);
        boolean more = entries.size() > limit;
        List<Items.Entry> page = more ? entries.subList(0, limit) : entries;
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        page.forEach(e -> entities.add(e.item()));
        if (more) {
            body.putObject("cursors").put("after", encodeCursor(page.get(page.size() - 1).sequence()));
        }
        return ApiResponse.ok(body);
    }

    /** {@code GET /offset?from=&size=}: offset paging as Multicloud UDM lists it ({@code count} is the total). */
    private ApiResponse offset(ApiRequest request) {
        int from = request.queryInt("from", 0);
        int size = request.queryInt("size", 100);
        if (from < 0) {
            throw ApiException.badRequest("from must be 0 or greater, got " + from);
        }
        if (size < 1 || size > 1000) {
            throw ApiException.badRequest("size must be between 1 and 1000, got " + size);
        }
        ObjectNode body = Json.object();
        body.put("count", items.count());
        body.put("from", from);
        body.put("size", size);
        ArrayNode list = body.putArray("items");
        items.slice(from, size).forEach(list::add);
        return ApiResponse.ok(body);
    }

    private static ObjectNode validated(ObjectNode fields) {
        JsonNode name = fields.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw ApiException.badRequest("name is required");
        }
        return fields;
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("Item " + id + " not found");
    }

    /** Cursors are opaque to clients; inside they carry the creation sequence of the last item returned. */
    private static String encodeCursor(long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + sequence).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                long sequence = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
                if (sequence >= 0) {
                    return sequence;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below (NumberFormatException is an IllegalArgumentException)
        }
        throw ApiException.badRequest("Invalid cursor: " + cursor);
    }
}
