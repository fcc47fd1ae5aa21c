package io.camelgenesys.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A generic in-memory collection served at {@code /api/v2/simulator/items}. It is NOT a Genesys API: it exists so
 * that the core's paging, retry and executor code can be tested against the three paging styles Genesys uses
 * (page number/size, cursor scan, offset) before any real API is simulated. Items keep their creation order.
 */
public final class Items {

    static final String BASE_PATH = "/api/v2/simulator/items";

    /** An item and its position in creation order. */
    record Entry(long sequence, ObjectNode item) {
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<Long, ObjectNode> bySequence = new TreeMap<>();
    private final Map<String, Long> sequenceById = new HashMap<>();
    private long nextSequence = 1;

    Items() {
    }

    /**
     * Adds {@code n} generated items ({@code name} "item-N", {@code index} N).
     *
     * @param n how many
     */
    public void seed(int n) {
        lock.writeLock().lock();
        try {
            for (int i = 0; i < n; i++) {
                ObjectNode item = Json.object();
                long index = nextSequence;
                item.put("name", String.format("item-%05d", index));
                item.put("index", index);
                insert(item);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** @return how many items the collection holds */
    public int count() {
        lock.readLock().lock();
        try {
            return bySequence.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes every item. */
    public void clear() {
        lock.writeLock().lock();
        try {
            bySequence.clear();
            sequenceById.clear();
            nextSequence = 1;
        } finally {
            lock.writeLock().unlock();
        }
    }

    ObjectNode create(ObjectNode fields) {
        lock.writeLock().lock();
        try {
            return insert(fields.deepCopy()).deepCopy();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ObjectNode insert(ObjectNode item) {
        String id = UUID.randomUUID().toString();
        item.put("id", id);
        item.put("dateCreated", Json.timestamp(Instant.now()));
        item.put("selfUri", BASE_PATH + "/" + id);
        long sequence = nextSequence++;
        bySequence.put(sequence, item);
        sequenceById.put(id, sequence);
        return item;
    }

    ObjectNode get(String id) {
        lock.readLock().lock();
        try {
            Long sequence = sequenceById.get(id);
            return sequence == null ? null : bySequence.get(sequence).deepCopy();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Replaces the fields of an item, keeping its id, creation date and position. */
    ObjectNode replace(String id, ObjectNode fields) {
        lock.writeLock().lock();
        try {
            Long sequence = sequenceById.get(id);
            if (sequence == null) {
                return null;
            }
            ObjectNode old = bySequence.get(sequence);
            ObjectNode item = fields.deepCopy();
            item.put("id", id);
            item.set("dateCreated", old.get("dateCreated"));
            item.put("dateModified", Json.timestamp(Instant.now()));
            item.put("selfUri", BASE_PATH + "/" + id);
            bySequence.put(sequence, item);
            return item.deepCopy();
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean delete(String id) {
        lock.writeLock().lock();
        try {
            Long sequence = sequenceById.remove(id);
            return sequence != null && bySequence.remove(sequence) != null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** @return up to {@code size} items starting at position {@code from} (0-based) in creation order */
    List<ObjectNode> slice(long from, int size) {
        lock.readLock().lock();
        try {
            List<ObjectNode> page = new ArrayList<>(Math.min(size, 256));
            long skipped = 0;
            for (ObjectNode item : bySequence.values()) {
                if (skipped++ < from) {
                    continue;
                }
                if (page.size() == size) {
                    break;
                }
                page.add(item.deepCopy());
            }
            return page;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return up to {@code limit} entries created after {@code afterSequence}, in creation order */
    List<Entry> after(long afterSequence, int limit) {
        lock.readLock().lock();
        try {
            List<Entry> page = new ArrayList<>(Math.min(limit, 256));
            for (Map.Entry<Long, ObjectNode> e : bySequence.tailMap(afterSequence, false).entrySet()) {
                if (page.size() == limit) {
                    break;
                }
                page.add(new Entry(e.getKey(), e.getValue().deepCopy()));
            }
            return page;
        } finally {
            lock.readLock().unlock();
        }
    }
}
