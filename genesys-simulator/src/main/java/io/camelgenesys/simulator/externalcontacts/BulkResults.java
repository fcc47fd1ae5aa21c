package io.camelgenesys.simulator.externalcontacts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Json;

/** The SDK's bulk request and response shapes, shared by the bulk operations of contacts and organizations. */
final class BulkResults {

    /** The SDK: "Bulk Enrich Contacts - Run up to 10 Enrich operations per request". */
    static final int MAX_BULK_ENRICH = 10;

    private BulkResults() {
    }

    /** The outcome of one bulk item. */
    record BulkOutcome(String id, ObjectNode entity, int status) {
    }

    /** The request's {@code entities}, each an object; at most {@code max}. */
    static List<ObjectNode> entities(ApiRequest request, int max) {
        ObjectNode body = request.jsonObject();
        ArrayNode entities = Checks.array(body, "entities", 0, max, true);
        List<ObjectNode> list = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            if (!entities.get(i).isObject()) {
                throw ApiException.badRequest("entities[" + i + "] must be an object");
            }
            list.add((ObjectNode) entities.get(i));
        }
        return list;
    }

    static String bulkId(ObjectNode item) {
        JsonNode id = item.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw ApiException.badRequest("id is required");
        }
        return id.asText();
    }

    /**
     * The SDK's bulk response: {@code results[]} with {@code id}, {@code success}, {@code status} and either
     * {@code entity} or {@code error} ({@code code}, {@code message}, {@code status}, {@code entity}: the item as
     * sent), plus {@code errorCount} and {@code errorIndexes}. Items are processed in order; one failing does not
     * stop the others.
     */
    static ObjectNode bulk(List<ObjectNode> items, Function<ObjectNode, BulkOutcome> operation) {
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        ArrayNode errorIndexes = Json.array();
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = items.get(i);
            ObjectNode result = results.addObject();
            try {
                BulkOutcome outcome = operation.apply(item);
                if (outcome.id() != null) {
                    result.put("id", outcome.id());
                }
                result.put("success", true);
                result.put("status", outcome.status());
                if (outcome.entity() != null) {
                    result.set("entity", outcome.entity());
                }
            } catch (ApiException e) {
                if (item.path("id").isTextual()) {
                    result.put("id", item.get("id").asText());
                }
                result.put("success", false);
                result.put("status", e.status());
                ObjectNode error = result.putObject("error");
                error.put("code", e.code());
                error.put("message", e.getMessage());
                error.put("status", e.status());
                error.set("entity", item.deepCopy());
                errorIndexes.add(i);
            }
        }
        body.put("errorCount", errorIndexes.size());
        body.set("errorIndexes", errorIndexes);
        return body;
    }

    /** Items {@code {"id"}}: each answered by {@code fetch} (200). */
    static ObjectNode fetchEach(ApiRequest request, Function<String, ObjectNode> fetch) {
        return bulk(entities(request, Integer.MAX_VALUE), item -> {
            String id = bulkId(item);
            return new BulkOutcome(id, fetch.apply(id), 200);
        });
    }

    /** Items to create: {@code add} stores each and returns the stored entity (answered as a copy, 200). */
    static ObjectNode addEach(ApiRequest request, UnaryOperator<ObjectNode> add) {
        return bulk(entities(request, Integer.MAX_VALUE), item -> {
            ObjectNode created = add.apply(item);
            return new BulkOutcome(created.get("id").asText(), created.deepCopy(), 200);
        });
    }

    /** Items with their {@code id}: {@code update} replaces each and returns the answer (200). */
    static ObjectNode updateEach(ApiRequest request, BiFunction<String, ObjectNode, ObjectNode> update) {
        return bulk(entities(request, Integer.MAX_VALUE), item -> {
            String id = bulkId(item);
            return new BulkOutcome(id, update.apply(id, item), 200);
        });
    }

    /** Items {@code {"id"}}: each deleted by {@code remove} (204, no entity: {@code BulkDeleteResponse}). */
    static ObjectNode removeEach(ApiRequest request, Consumer<String> remove) {
        return bulk(entities(request, Integer.MAX_VALUE), item -> {
            String id = bulkId(item);
            remove.accept(id);
            return new BulkOutcome(id, null, 204);
        });
    }

    /** At most {@link #MAX_BULK_ENRICH} enrich requests; each result carries the request's {@code id} (200). */
    static ObjectNode enrichEach(ApiRequest request, UnaryOperator<ObjectNode> enrich) {
        return bulk(entities(request, MAX_BULK_ENRICH), item -> {
            String trackerId = item.path("id").asText(null);
            return new BulkOutcome(trackerId, enrich.apply(item).deepCopy(), 200);
        });
    }
}
