package io.camelgenesys.simulator.store;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;

/** The {@code sortOrder} query parameter of Genesys Cloud listings. */
public final class SortOrder {

    private SortOrder() {
    }

    /**
     * Sorts by {@code sortOrder}: {@code field:asc|desc} with a field from {@code fields}, or seed 000's bare
     * {@code asc}/{@code desc} (by {@code defaultField}). Without it the creation order is kept. Text compares
     * case-insensitively; the sort is stable.
     *
     * @throws ApiException 400 naming the allowed fields for any other value
     */
    public static void sort(List<ObjectNode> entities, String sortOrder, List<String> fields, String defaultField) {
        sort(entities, sortOrder, fields, defaultField, null);
    }

    /**
     * As {@link #sort(List, String, List, String)}, where {@code creationOrderField} (a sort field the entities do not
     * show, such as a Relationship's {@code createDate}) sorts by the list's creation order: kept for asc, reversed
     * for desc.
     */
    public static void sort(List<ObjectNode> entities, String sortOrder, List<String> fields, String defaultField,
            String creationOrderField) {
        if (sortOrder == null || sortOrder.isBlank()) {
            return;
        }
        String field;
        String direction;
        int colon = sortOrder.indexOf(':');
        if (colon < 0 && (sortOrder.equalsIgnoreCase("asc") || sortOrder.equalsIgnoreCase("desc"))) {
            field = defaultField;
            direction = sortOrder.toLowerCase(Locale.ROOT);
        } else if (colon > 0) {
            field = sortOrder.substring(0, colon);
            direction = sortOrder.substring(colon + 1).toLowerCase(Locale.ROOT);
        } else {
            field = sortOrder;
            direction = "asc";
        }
        if (!fields.contains(field) || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ApiException.badRequest("sortOrder must be one of " + fields + " followed by :asc or :desc (e.g. \""
                    + fields.get(0) + ":asc\"), got '" + sortOrder + "'");
        }
        if (field.equals(creationOrderField)) {
            if (direction.equals("desc")) {
                Collections.reverse(entities);
            }
            return;
        }
        Comparator<ObjectNode> order = Comparator.comparing(e -> e.path(field).asText("").toLowerCase(Locale.ROOT));
        entities.sort(direction.equals("desc") ? order.reversed() : order);
    }
}
