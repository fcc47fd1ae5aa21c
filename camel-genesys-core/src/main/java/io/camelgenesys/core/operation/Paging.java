package io.camelgenesys.core.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The paging strategies of Genesys APIs. Each reads one page out of a response and says how to ask for the next.
 */
public interface Paging {

    /** Genesys Cloud page-number paging never goes past this many records ({@code pageNumber * pageSize <= 1000}). */
    int PAGE_NUMBER_CAP = 1000;

    PagingStyle style();

    /** The page in a response; {@code requestQuery} is the query that fetched it. */
    Page read(JsonNode root, Map<String, String> requestQuery);

    /** The query parameter holding the page size ({@code pageSize}, {@code limit}, {@code size}). */
    String pageSizeParam();

    /**
     * The page size sent when neither the {@code pageSize} option nor the header gives one; {@code null} to leave it
     * to Genesys' default.
     */
    default Integer defaultPageSize() {
        return null;
    }

    static Paging of(PagingStyle style) {
        return switch (style) {
            case PAGE_NUMBER -> PageNumberPaging.INSTANCE;
            case CURSOR -> CursorPaging.INSTANCE;
            case OFFSET -> OffsetPaging.INSTANCE;
            case INDEX -> IndexPaging.INSTANCE;
            case NONE -> null;
        };
    }

    static List<JsonNode> array(JsonNode root, String field) {
        JsonNode a = root == null ? null : root.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (a != null && a.isArray()) {
            a.forEach(items::add);
        }
        return items;
    }

    /** A query parameter's number, {@code fallback} when absent or not a number. */
    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static Integer intOrNull(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v != null && v.canConvertToInt() ? v.asInt() : null;
    }

    /** {@code pageNumber}/{@code pageSize}, stopping at Genesys' 1,000-record cap. */
    final class PageNumberPaging implements Paging {
        static final PageNumberPaging INSTANCE = new PageNumberPaging();

        @Override
        public PagingStyle style() {
            return PagingStyle.PAGE_NUMBER;
        }

        @Override
        public String pageSizeParam() {
            return "pageSize";
        }

        @Override
        public Page read(JsonNode root, Map<String, String> requestQuery) {
            List<JsonNode> items = array(root, "entities");
            Integer number = intOrNull(root, "pageNumber");
            Integer size = intOrNull(root, "pageSize");
            Integer count = intOrNull(root, "pageCount");
            Long total = root.hasNonNull("total") ? root.get("total").asLong() : null;
            // pageNumber is declared but not required by the SDK's listings: without it, the page is the one asked
            // for (taking it as 1 asked for page 2 again and again)
            int n = number != null ? number : (int) parse(requestQuery.get("pageNumber"), 1);
            int s = size != null ? size : Math.max(1, items.size());
            boolean more = count != null ? n < count : total != null ? (long) n * s < total : items.size() == s;
            Map<String, String> next = null;
            boolean truncated = false;
            if (more && !items.isEmpty()) {
                if ((long) (n + 1) * s <= PAGE_NUMBER_CAP) {
                    next = new java.util.LinkedHashMap<>(requestQuery);
                    next.put("pageNumber", String.valueOf(n + 1));
                    next.put("pageSize", String.valueOf(s));
                } else {
                    truncated = true;
                }
            }
            return new Page(items, total, number, size, count, null, next, truncated);
        }
    }

    /**
     * A cursor: {@code cursor} in the query, {@code cursors.after} in the response. The scan goes on while a page has
     * {@code cursors.after}, whether or not it holds entities: Genesys may answer a page with no entities and a
     * cursor ("The response may contain an empty entities array in certain conditions (congestion on database,
     * contacts deleted before the request was performed, ...)", the Genesys Developer Center's external contacts scan
     * tutorial; seed 003 L267: "each page returns a new cursor"). A cursor equal to the one that fetched the page
     * would fetch it again forever: that page is the last.
     */
    final class CursorPaging implements Paging {
        static final CursorPaging INSTANCE = new CursorPaging();

        @Override
        public PagingStyle style() {
            return PagingStyle.CURSOR;
        }

        @Override
        public String pageSizeParam() {
            return "limit";
        }

        @Override
        public Page read(JsonNode root, Map<String, String> requestQuery) {
            List<JsonNode> items = array(root, "entities");
            String after = root.path("cursors").path("after").asText(null);
            if (after != null && after.isEmpty()) {
                after = null;
            }
            Map<String, String> next = null;
            if (after != null && !after.equals(requestQuery.get("cursor"))) {
                next = new java.util.LinkedHashMap<>(requestQuery);
                next.put("cursor", after);
            }
            Long total = root.hasNonNull("total") ? root.get("total").asLong() : null;
            return new Page(items, total, null, null, null, after, next, false);
        }
    }

    /**
     * {@code from}/{@code size} with {@code items} and {@code count} (UDM's {@code PagedResponse}). The size is always
     * sent: without it UDM answers every matching item in one response (its v3/v4 default is 999,999,999).
     * <p>
     * The seed does not say what {@code count} counts (002 L9100-9102, L10424: "count (integer):"): the matching items
     * or this page's. The next page is asked for when {@code count} says more items follow, and also when a full page
     * has {@code count} equal to its own length, which either reading allows (so a count of the page's length never
     * ends a listing early; a total that is a multiple of the page size costs one empty page). An empty page is the
     * last, and so is a shorter one unless {@code count} says more follow. The next {@code from} is the one asked for plus the page's items
     * (not the response's {@code from}, which an answer might leave out).
     */
    final class OffsetPaging implements Paging {
        static final OffsetPaging INSTANCE = new OffsetPaging();
        /** Sent when no pageSize is given. */
        public static final int DEFAULT_SIZE = 100;

        @Override
        public PagingStyle style() {
            return PagingStyle.OFFSET;
        }

        @Override
        public String pageSizeParam() {
            return "size";
        }

        @Override
        public Integer defaultPageSize() {
            return DEFAULT_SIZE;
        }

        @Override
        public Page read(JsonNode root, Map<String, String> requestQuery) {
            List<JsonNode> items = array(root, "items");
            long from = parse(requestQuery.get("from"), root == null ? 0 : root.path("from").asLong(0));
            long asked = parse(requestQuery.get("size"), DEFAULT_SIZE);
            Long count = root != null && root.hasNonNull("count") ? root.get("count").asLong() : null;
            long n = items.size();
            boolean more = n > 0 && (count == null || from + n < count || count == n && n >= asked);
            Map<String, String> next = null;
            if (more) {
                next = new java.util.LinkedHashMap<>(requestQuery);
                next.put("from", String.valueOf(from + n));
            }
            Integer size = root == null ? null : intOrNull(root, "size");
            return new Page(items, count, null, size, null, null, next, false);
        }
    }

    /** {@code index}/{@code count}; the result is the page's array; no total (see {@link PagingStyle#INDEX}). */
    final class IndexPaging implements Paging {
        static final IndexPaging INSTANCE = new IndexPaging();
        /** The page size Genesys uses when {@code count} is not sent (Secure Email, seed 002 L3385-3398). */
        static final int DEFAULT_COUNT = 10;

        @Override
        public PagingStyle style() {
            return PagingStyle.INDEX;
        }

        @Override
        public String pageSizeParam() {
            return "count";
        }

        @Override
        public Page read(JsonNode root, Map<String, String> requestQuery) {
            List<JsonNode> items = new ArrayList<>();
            if (root != null && root.isArray()) {
                root.forEach(items::add);
            }
            long index = parse(requestQuery.get("index"), 0);
            long count = parse(requestQuery.get("count"), DEFAULT_COUNT);
            Map<String, String> next = null;
            if (!items.isEmpty() && items.size() >= count) {
                next = new java.util.LinkedHashMap<>(requestQuery);
                next.put("index", String.valueOf(index + items.size()));
            }
            return new Page(items, null, null, (int) count, null, null, next, false);
        }
    }
}
