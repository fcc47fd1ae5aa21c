package io.camelgenesys.benchmarks.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the contacts routes did to Genesys, record by record, and the verdict of a final scan against it.
 * <p>
 * <b>CRUD</b>: a lane creates contact {@code n} with {@code lastName = c-<lane>-<n>} and {@code title = v0}, reads it,
 * replaces it ({@code v1}), patches it ({@code v2}), reads it again, and deletes its oldest contact once it holds more
 * than a few. Per contact the ledger keeps whether the create was acknowledged, the delete was acknowledged, the last
 * acknowledged and last attempted write, and which writes were slow (their exchange took at least the request
 * timeout, so an attempt of theirs may have timed out and still be applied by the server later).
 * <p>
 * <b>Bulk</b>: a lane upserts its keys {@code b-<lane>-<k>} (ExternalId identifiers) in every exchange with the
 * exchange's version; per key the ledger keeps the last acknowledged version (the item was not in
 * CamelGenesysBulkFailures of a completed exchange) and the last attempted, and per lane which versions were slow.
 * <p>
 * The verdict, against every contact of a final {@code pageAll} scan grouped by {@code lastName}:
 * <ul>
 * <li><b>lost</b>: a contact whose create was acknowledged and that the lane did not try to delete, not found; a
 * bulk key acknowledged at least once, not found;</li>
 * <li><b>duplicated</b>: any tag found more than once (a create retried after Genesys applied it, an upsert that
 * inserted twice);</li>
 * <li><b>resurrected</b>: a contact whose delete was acknowledged, found;</li>
 * <li><b>lost update</b>: a contact or key found with an older version than its last acknowledged write, unless that
 * older write was slow (its original may have been applied after the acknowledged one: HTTP keeps no order between
 * a timed-out request and its retry);</li>
 * <li>allowed either way: a create or delete that failed (found at most once / or not).</li>
 * </ul>
 */
final class ContactsLedger {

    static final byte ATTEMPTED = 1;
    static final byte CREATED = 2;
    static final byte CREATE_FAILED = 3;
    static final byte DELETED = 4;
    static final byte DELETE_FAILED = 5;

    private static final Pattern CRUD_TAG = Pattern.compile("c-(\\d+)-(\\d+)");
    private static final Pattern BULK_TAG = Pattern.compile("b-(\\d+)-(\\d+)");

    /** One CRUD lane's contacts, indexed by their number. */
    static final class CrudBook {
        byte[] state = new byte[256];
        byte[] acked = new byte[256];
        byte[] attempted = new byte[256];
        byte[] slow = new byte[256];
        int size;

        synchronized int next() {
            if (size == state.length) {
                state = Arrays.copyOf(state, size * 2);
                acked = Arrays.copyOf(acked, size * 2);
                attempted = Arrays.copyOf(attempted, size * 2);
                slow = Arrays.copyOf(slow, size * 2);
            }
            state[size] = ATTEMPTED;
            return size++;
        }

        synchronized void state(int n, byte s) {
            state[n] = s;
        }

        synchronized void attempt(int n, int version) {
            attempted[n] = (byte) Math.max(attempted[n], version);
        }

        synchronized void ack(int n, int version) {
            acked[n] = (byte) Math.max(acked[n], version);
        }

        synchronized void slow(int n, int version) {
            slow[n] |= (byte) (1 << version);
        }

        /** Whether a read may expect exactly the last acknowledged version (no write of it is in doubt). */
        synchronized boolean settled(int n) {
            return acked[n] == attempted[n] && slow[n] == 0;
        }

        synchronized int ackedVersion(int n) {
            return acked[n];
        }
    }

    /** One bulk lane's keys. */
    static final class BulkBook {
        final int[] acked;
        final int[] attempted;
        final BitSet slowVersions = new BitSet();

        BulkBook(int keys) {
            acked = new int[keys];
            attempted = new int[keys];
            Arrays.fill(acked, -1);
            Arrays.fill(attempted, -1);
        }

        synchronized void attempt(int version) {
            Arrays.fill(attempted, version);
        }

        synchronized void ack(int key, int version) {
            acked[key] = Math.max(acked[key], version);
        }

        synchronized void slow(int version) {
            slowVersions.set(version);
        }
    }

    /** A contact of the final scan. */
    record Found(String id, String firstName, String lastName, String title) {
    }

    /** The verdict. */
    record Verdict(long checked, long lost, long duplicated, long resurrected, long lostUpdates, long foundAfterFailedCreate,
                   long goneAfterFailedDelete, long unknown, List<String> orphanIds, List<String> examples) {
    }

    private final Map<Integer, CrudBook> crud = new HashMap<>();
    private final Map<Integer, BulkBook> bulk = new HashMap<>();

    synchronized CrudBook crud(int lane) {
        return crud.computeIfAbsent(lane, l -> new CrudBook());
    }

    synchronized BulkBook bulk(int lane, int keys) {
        return bulk.computeIfAbsent(lane, l -> new BulkBook(keys));
    }

    static String crudTag(int lane, int n) {
        return "c-" + lane + "-" + n;
    }

    static String bulkTag(int lane, int key) {
        return "b-" + lane + "-" + key;
    }

    static int version(String title) {
        if (title == null || !title.startsWith("v")) {
            return -1;
        }
        try {
            return Integer.parseInt(title.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Judges the final scan.
     *
     * @param found    every contact the final scan returned
     * @param liveIds  the ids the CRUD lanes still hold (their contacts are expected), to tell orphans from them
     */
    synchronized Verdict verdict(List<Found> found, java.util.Set<String> liveIds) {
        Map<String, List<Found>> byTag = new HashMap<>();
        long unknown = 0;
        List<String> examples = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        for (Found f : found) {
            if (f.lastName() != null && (CRUD_TAG.matcher(f.lastName()).matches()
                                         || BULK_TAG.matcher(f.lastName()).matches())) {
                byTag.computeIfAbsent(f.lastName(), k -> new ArrayList<>()).add(f);
            }
        }
        long checked = 0, lost = 0, duplicated = 0, resurrected = 0, lostUpdates = 0, afterFailedCreate = 0,
                goneAfterFailedDelete = 0;
        for (Map.Entry<Integer, CrudBook> e : crud.entrySet()) {
            CrudBook b = e.getValue();
            synchronized (b) {
                for (int n = 0; n < b.size; n++) {
                    String tag = crudTag(e.getKey(), n);
                    List<Found> hits = byTag.remove(tag);
                    int count = hits == null ? 0 : hits.size();
                    checked++;
                    if (count > 1) {
                        duplicated += count - 1;
                        example(examples, tag + ": found " + count + " times (state " + b.state[n] + ")");
                    }
                    switch (b.state[n]) {
                        case CREATED -> {
                            if (count == 0) {
                                lost++;
                                example(examples, tag + ": created, never deleted, not found");
                            }
                        }
                        case DELETED -> {
                            if (count > 0) {
                                resurrected++;
                                example(examples, tag + ": deleted, found " + count + " time(s)");
                            }
                        }
                        case CREATE_FAILED -> {
                            if (count > 0) {
                                afterFailedCreate++;
                            }
                        }
                        case DELETE_FAILED -> {
                            if (count == 0) {
                                goneAfterFailedDelete++;
                            }
                        }
                        default -> {
                            // ATTEMPTED: the run ended with the create in flight (a hung exchange): either way
                        }
                    }
                    if (hits != null) {
                        for (Found f : hits) {
                            int v = version(f.title());
                            if (v < b.acked[n] && (v < 0 || (b.slow[n] & (1 << v)) == 0)) {
                                lostUpdates++;
                                example(examples, tag + ": title " + f.title() + ", last acknowledged v" + b.acked[n]);
                            }
                            if (!liveIds.contains(f.id())) {
                                orphans.add(f.id());
                            }
                        }
                    }
                }
            }
        }
        for (Map.Entry<Integer, BulkBook> e : bulk.entrySet()) {
            BulkBook b = e.getValue();
            synchronized (b) {
                for (int k = 0; k < b.acked.length; k++) {
                    String tag = bulkTag(e.getKey(), k);
                    List<Found> hits = byTag.remove(tag);
                    int count = hits == null ? 0 : hits.size();
                    checked++;
                    if (count > 1) {
                        duplicated += count - 1;
                        example(examples, tag + ": found " + count + " times");
                        for (int i = 1; i < hits.size(); i++) {
                            orphans.add(hits.get(i).id());
                        }
                    }
                    if (b.acked[k] >= 0 && count == 0) {
                        lost++;
                        example(examples, tag + ": upserted (v" + b.acked[k] + " acknowledged), not found");
                    }
                    if (hits != null) {
                        for (Found f : hits) {
                            int v = version(f.title());
                            if (v < b.acked[k] && (v < 0 || !b.slowVersions.get(v))) {
                                lostUpdates++;
                                example(examples, tag + ": title " + f.title() + ", last acknowledged v" + b.acked[k]);
                            }
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, List<Found>> left : byTag.entrySet()) {
            unknown += left.getValue().size();
            example(examples, left.getKey() + ": found, but no route wrote it");
        }
        return new Verdict(checked, lost, duplicated, resurrected, lostUpdates, afterFailedCreate,
                goneAfterFailedDelete, unknown, orphans, examples);
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 20) {
            examples.add(example);
        }
    }

    /** Forgets everything (after the verdict, before the last heap measurement). */
    synchronized void release() {
        crud.clear();
        bulk.clear();
    }
}
