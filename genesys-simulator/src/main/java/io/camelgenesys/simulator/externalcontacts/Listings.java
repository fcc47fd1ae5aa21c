package io.camelgenesys.simulator.externalcontacts;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.store.EntityTable;

/** Sorting, page-number paging and cursor scans, shared by every External Contacts listing. */
final class Listings {

    static final String BASE = ExternalContactsStores.BASE;
    static final int MAX_PAGED_RECORDS = 1000;

    private Listings() {
    }

    /**
     * Sorts by {@code sortOrder}: {@code field:asc|desc} with a field from {@code fields}, or seed 000's bare
     * {@code asc}/{@code desc} (by {@code defaultField}). Without it the creation order is kept.
     */
    static void sort(List<ObjectNode> entities, String sortOrder, List<String> fields, String defaultField) {
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
        Comparator<ObjectNode> order = Comparator.comparing(e -> e.path(field).asText("").toLowerCase(Locale.ROOT));
        entities.sort(direction.equals("desc") ? order.reversed() : order);
    }

    /**
     * Genesys Cloud page-number paging: {@code pageSize} 1–100 (default 25), {@code pageNumber} from 1, and only
     * the first 1,000 records reachable ("pageNumber * pageSize must be <= 1,000", seed 003).
     */
    static ObjectNode page(List<ObjectNode> all, ApiRequest request, String path, String scanPath) {
        int pageSize = request.queryInt("pageSize", 25);
        int pageNumber = request.queryInt("pageNumber", 1);
        if (pageSize < 1 || pageSize > 100) {
            throw ApiException.badRequest("pageSize must be between 1 and 100, got " + pageSize);
        }
        if (pageNumber < 1) {
            throw ApiException.badRequest("pageNumber must be 1 or greater, got " + pageNumber);
        }
        if ((long) pageNumber * pageSize > MAX_PAGED_RECORDS) {
            throw ApiException.badRequest("Paging is limited to the first 1,000 records: pageNumber * pageSize must be"
                    + " <= 1,000, got " + pageNumber + " * " + pageSize + " = " + ((long) pageNumber * pageSize)
                    + (scanPath == null ? "" : "; use GET " + BASE + scanPath + " (cursor paging) to read further"));
        }
        int total = all.size();
        int pageCount = (total + pageSize - 1) / pageSize;
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        int from = (pageNumber - 1) * pageSize;
        for (int i = from; i < Math.min(total, from + pageSize); i++) {
            entities.add(all.get(i).deepCopy());
        }
        body.put("pageSize", pageSize);
        body.put("pageNumber", pageNumber);
        body.put("total", total);
        body.put("pageCount", pageCount);
        body.put("firstUri", pageUri(path, pageSize, 1));
        body.put("selfUri", pageUri(path, pageSize, pageNumber));
        body.put("lastUri", pageUri(path, pageSize, Math.max(pageCount, 1)));
        if (pageNumber > 1) {
            body.put("previousUri", pageUri(path, pageSize, pageNumber - 1));
        }
        if (pageNumber < pageCount && (long) (pageNumber + 1) * pageSize <= MAX_PAGED_RECORDS) {
            body.put("nextUri", pageUri(path, pageSize, pageNumber + 1));
        }
        return body;
    }

    private static String pageUri(String path, int pageSize, int pageNumber) {
        return path + "?pageSize=" + pageSize + "&pageNumber=" + pageNumber;
    }

    /**
     * Cursor paging as the SDK's {@code Cursor*Listing}: {@code limit} 10–200 (default 100), {@code cursor} from the
     * previous page's {@code cursors.after}; the last page has no {@code cursors}. Cursors expire (24 h by default,
     * {@link ExternalContactsStores#scanCursorTtl}).
     */
    static ObjectNode scan(ExternalContactsStores store, ApiRequest request, String listing, EntityTable table,
            Predicate<ObjectNode> filter, String path) {
        int limit = request.queryInt("limit", 100);
        if (limit < 10 || limit > 200) {
            throw ApiException.badRequest("limit must be between 10 and 200, got " + limit);
        }
        String cursor = request.query("cursor");
        long after = cursor == null || cursor.isEmpty() ? 0 : store.resolveCursor(listing, cursor);
        // One more than asked tells whether a next page exists.
        List<EntityTable.Entry> entries = table.after(after, limit + 1, filter);
        boolean more = entries.size() > limit;
        List<EntityTable.Entry> page = more ? entries.subList(0, limit) : entries;
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        page.forEach(e -> entities.add(e.entity().deepCopy()));
        body.put("selfUri", path + "?limit=" + limit + (cursor == null || cursor.isEmpty() ? "" : "&cursor=" + cursor));
        if (more) {
            String next = store.issueCursor(listing, page.get(page.size() - 1).sequence());
            body.putObject("cursors").put("after", next);
            body.put("nextUri", path + "?limit=" + limit + "&cursor=" + next);
        }
        return body;
    }
}
