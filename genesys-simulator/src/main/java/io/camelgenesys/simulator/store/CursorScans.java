package io.camelgenesys.simulator.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.Json;

/**
 * Cursor paging as the SDK's {@code Cursor*Listing}: {@code limit} 10–200 (default 100), {@code cursor} from the
 * previous page's {@code cursors.after}; the last page has no {@code cursors}. A page may hold no entities and still
 * have a cursor ({@link #emptyPages(int)}): the scan goes on while {@code cursors.after} is there. Cursors are opaque, bound to the
 * listing that issued them, and expire ("each page returns a new cursor with a 24h TTL", SDK), so one instance serves
 * every scan of an API and keeps its cursors.
 * <p>
 * Thread-safe on its own monitor, which is a leaf: it is taken last, inside whatever store locks the caller holds,
 * and nothing else is locked while it is held.
 */
public final class CursorScans {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    /** A cursor handed out by a scan: where the next page starts, for which listing, until when. */
    private record Cursor(String listing, long afterSequence, Instant expiresAt) {
    }

    private final Map<String, Cursor> cursors = new HashMap<>();
    private Duration ttl = DEFAULT_TTL;
    /** How many of the next pages answer empty with a cursor (a test control, see {@link #emptyPages(int)}). */
    private int emptyPages;

    /**
     * One page of a scan of {@code table} (caller holds the table's lock), the entities copied.
     *
     * @param listing names the listing (and its filters): a cursor only continues the listing that issued it
     * @param path    the listing's path, for {@code selfUri} and {@code nextUri}
     */
    public ObjectNode scan(ApiRequest request, String listing, EntityTable table, Predicate<ObjectNode> filter,
            String path) {
        return scan(request, listing, table, filter, path, 10, 200, 100);
    }

    /**
     * As {@link #scan(ApiRequest, String, EntityTable, Predicate, String)}, for a listing whose {@code limit} has
     * other bounds (the identity graph's cluster listings: 1–100, default 20).
     */
    public ObjectNode scan(ApiRequest request, String listing, EntityTable table, Predicate<ObjectNode> filter,
            String path, int minLimit, int maxLimit, int defaultLimit) {
        int limit = request.queryInt("limit", defaultLimit);
        if (limit < minLimit || limit > maxLimit) {
            throw ApiException.badRequest("limit must be between " + minLimit + " and " + maxLimit + ", got " + limit);
        }
        String cursor = request.query("cursor");
        long after = cursor == null || cursor.isEmpty() ? 0 : resolve(listing, cursor);
        if (takeEmptyPage()) {
            // Genesys' scan tutorial: "The response may contain an empty entities array in certain conditions
            // (congestion on database, contacts deleted before the request was performed, ...)"; cursors.after
            // still says where the scan goes on (here: where this page would have started)
            String next = issue(listing, after);
            ObjectNode body = Json.object();
            body.putArray("entities");
            body.put("selfUri", path + "?limit=" + limit + (cursor == null || cursor.isEmpty() ? "" : "&cursor=" + cursor));
            body.putObject("cursors").put("after", next);
            body.put("nextUri", path + "?limit=" + limit + "&cursor=" + next);
            return body;
        }
        // One more than asked tells whether a next page exists.
        List<EntityTable.Entry> entries = table.after(after, limit + 1, filter);
        boolean more = entries.size() > limit;
        List<EntityTable.Entry> page = more ? entries.subList(0, limit) : entries;
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        page.forEach(e -> entities.add(e.entity().deepCopy()));
        body.put("selfUri", path + "?limit=" + limit + (cursor == null || cursor.isEmpty() ? "" : "&cursor=" + cursor));
        if (more) {
            String next = issue(listing, page.get(page.size() - 1).sequence());
            body.putObject("cursors").put("after", next);
            body.put("nextUri", path + "?limit=" + limit + "&cursor=" + next);
        }
        return body;
    }

    /** How long cursors issued from now on stay valid (default 24 hours). */
    public synchronized void ttl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        this.ttl = ttl;
    }

    /**
     * The next {@code n} pages (of any listing) answer no entities and a cursor that goes on where the page would
     * have started, as Genesys may under load; 0 turns it off.
     */
    public synchronized void emptyPages(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        emptyPages = n;
    }

    private synchronized boolean takeEmptyPage() {
        if (emptyPages == 0) {
            return false;
        }
        emptyPages--;
        return true;
    }

    /** Forgets every cursor, restores the default TTL and answers pages as they are. */
    public synchronized void clear() {
        cursors.clear();
        ttl = DEFAULT_TTL;
        emptyPages = 0;
    }

    /** Issues a cursor for a listing that continues after {@code afterSequence}. */
    private synchronized String issue(String listing, long afterSequence) {
        Instant now = Instant.now();
        // Expired cursors are dropped as new ones are issued, so a long scan keeps a bounded map.
        for (Iterator<Cursor> it = cursors.values().iterator(); it.hasNext(); ) {
            if (!it.next().expiresAt().isAfter(now)) {
                it.remove();
            }
        }
        String cursor = UUID.randomUUID().toString().replace("-", "");
        cursors.put(cursor, new Cursor(listing, afterSequence, now.plus(ttl)));
        return cursor;
    }

    /**
     * @return where the cursor continues
     * @throws ApiException 400 when the cursor is unknown, belongs to another listing or has expired
     */
    private synchronized long resolve(String listing, String cursor) {
        Cursor c = cursors.get(cursor);
        if (c == null || !c.listing().equals(listing)) {
            throw ApiException.badRequest("Invalid cursor '" + cursor + "': it was not issued by this listing");
        }
        if (!c.expiresAt().isAfter(Instant.now())) {
            cursors.remove(cursor);
            throw ApiException.badRequest("The cursor '" + cursor + "' has expired (cursors live "
                    + ttl + "); start the scan again without a cursor");
        }
        return c.afterSequence();
    }
}
