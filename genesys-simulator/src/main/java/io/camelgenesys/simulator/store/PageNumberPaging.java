package io.camelgenesys.simulator.store;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.Json;

/**
 * Genesys Cloud page-number paging: {@code pageSize} 1–100 (default 25), {@code pageNumber} from 1, and only the
 * first 1,000 records reachable ("pageNumber * pageSize must be <= 1,000", seed 003). The body is the SDK's
 * {@code *Listing}: {@code entities}, {@code pageSize}, {@code pageNumber}, {@code total}, {@code pageCount} and the
 * page URIs; no {@code nextUri} points past the cap.
 */
public final class PageNumberPaging {

    public static final int MAX_PAGED_RECORDS = 1000;

    /** The entities at positions {@code from} to {@code from + size - 1} (fewer at the end), as copies. */
    @FunctionalInterface
    public interface Slice {
        List<ObjectNode> get(int from, int size);
    }

    private PageNumberPaging() {
    }

    /**
     * A page of {@code all} (already filtered and sorted); the entities are copied.
     *
     * @param path     the listing's path, for the page URIs
     * @param scanPath the cursor listing that reads past the cap, named in the 400 (or {@code null})
     */
    public static ObjectNode page(List<ObjectNode> all, ApiRequest request, String path, String scanPath) {
        return page(all, request.queryInt("pageSize", 25), request.queryInt("pageNumber", 1), path, scanPath);
    }

    /** A page of a collection of {@code total} entities that {@code slice} reads. */
    public static ObjectNode page(ApiRequest request, String path, String scanPath, int total, Slice slice) {
        return page(request.queryInt("pageSize", 25), request.queryInt("pageNumber", 1), path, scanPath, total, slice);
    }

    /** A page of {@code all} whose size and number come from elsewhere than the query (a POST search's body). */
    public static ObjectNode page(List<ObjectNode> all, int pageSize, int pageNumber, String path, String scanPath) {
        return page(pageSize, pageNumber, path, scanPath, all.size(), (from, size) -> {
            List<ObjectNode> copies = new ArrayList<>(Math.max(0, Math.min(size, all.size() - from)));
            for (int i = from; i < Math.min(all.size(), from + size); i++) {
                copies.add(all.get(i).deepCopy());
            }
            return copies;
        });
    }

    private static ObjectNode page(int pageSize, int pageNumber, String path, String scanPath, int total,
            Slice slice) {
        if (pageSize < 1 || pageSize > 100) {
            throw ApiException.badRequest("pageSize must be between 1 and 100, got " + pageSize);
        }
        if (pageNumber < 1) {
            throw ApiException.badRequest("pageNumber must be 1 or greater, got " + pageNumber);
        }
        if ((long) pageNumber * pageSize > MAX_PAGED_RECORDS) {
            throw ApiException.badRequest("Paging is limited to the first 1,000 records: pageNumber * pageSize must be"
                    + " <= 1,000, got " + pageNumber + " * " + pageSize + " = " + ((long) pageNumber * pageSize)
                    + (scanPath == null ? "" : "; use GET " + scanPath + " (cursor paging) to read further"));
        }
        int pageCount = (total + pageSize - 1) / pageSize;
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        slice.get((pageNumber - 1) * pageSize, pageSize).forEach(entities::add);
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
}
