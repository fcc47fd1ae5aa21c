package io.camelgenesys.simulator.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One in-memory collection of JSON entities (contacts, organizations, notes, ...) in creation order, so that
 * page-number listings are stable and scan cursors can resume after a position. Guarded by its {@link StoreLock}:
 * every read checks that the caller holds the lock, every change that it holds it for writing. The entities handed
 * out are the stored instances: change them only under the write lock, and copy them for a response.
 */
public final class EntityTable {

    /** An entity and its position in creation order. */
    public record Entry(long sequence, ObjectNode entity) {
    }

    private final String basePath;
    private final StoreLock lock;
    private final NavigableMap<Long, ObjectNode> bySequence = new TreeMap<>();
    private final Map<String, Long> sequenceById = new HashMap<>();
    private long nextSequence = 1;

    /** @param basePath the path the entities' {@code selfUri} starts with, e.g. {@code /api/v2/externalcontacts/contacts} */
    public EntityTable(String basePath, StoreLock lock) {
        this.basePath = basePath;
        this.lock = lock;
    }

    public StoreLock lock() {
        return lock;
    }

    /** Stores the entity under a new UUID, setting {@code id} and {@code selfUri}; returns the stored instance. */
    public ObjectNode insert(ObjectNode entity) {
        lock.checkWrite();
        String id = UUID.randomUUID().toString();
        entity.put("id", id);
        entity.put("selfUri", basePath + "/" + id);
        long sequence = nextSequence++;
        bySequence.put(sequence, entity);
        sequenceById.put(id, sequence);
        return entity;
    }

    /** @return the stored instance (not a copy), or {@code null} */
    public ObjectNode get(String id) {
        lock.checkRead();
        Long sequence = id == null ? null : sequenceById.get(id);
        return sequence == null ? null : bySequence.get(sequence);
    }

    /** Replaces the entity with this id, keeping its position. */
    public void replace(String id, ObjectNode entity) {
        lock.checkWrite();
        Long sequence = sequenceById.get(id);
        if (sequence == null) {
            throw new IllegalStateException("No entity " + id);
        }
        entity.put("id", id);
        entity.put("selfUri", basePath + "/" + id);
        bySequence.put(sequence, entity);
    }

    public ObjectNode remove(String id) {
        lock.checkWrite();
        Long sequence = id == null ? null : sequenceById.remove(id);
        return sequence == null ? null : bySequence.remove(sequence);
    }

    /** Removes the entities that match. */
    public void removeIf(Predicate<ObjectNode> predicate) {
        lock.checkWrite();
        for (Iterator<Map.Entry<Long, ObjectNode>> it = bySequence.entrySet().iterator(); it.hasNext(); ) {
            ObjectNode entity = it.next().getValue();
            if (predicate.test(entity)) {
                it.remove();
                sequenceById.remove(entity.path("id").asText());
            }
        }
    }

    public int size() {
        lock.checkRead();
        return bySequence.size();
    }

    /** @return the stored instances in creation order (a read-only live view: use it while holding the lock) */
    public Collection<ObjectNode> values() {
        lock.checkRead();
        return Collections.unmodifiableCollection(bySequence.values());
    }

    /** @return the matching stored instances in creation order */
    public List<ObjectNode> filter(Predicate<ObjectNode> predicate) {
        lock.checkRead();
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode entity : bySequence.values()) {
            if (predicate.test(entity)) {
                result.add(entity);
            }
        }
        return result;
    }

    /** @return up to {@code limit} matching entries created after {@code afterSequence}, in creation order */
    public List<Entry> after(long afterSequence, int limit, Predicate<ObjectNode> predicate) {
        lock.checkRead();
        List<Entry> page = new ArrayList<>(Math.min(limit, 256));
        for (Map.Entry<Long, ObjectNode> e : bySequence.tailMap(afterSequence, false).entrySet()) {
            if (page.size() == limit) {
                break;
            }
            if (predicate.test(e.getValue())) {
                page.add(new Entry(e.getKey(), e.getValue()));
            }
        }
        return page;
    }

    public String selfUri(String id) {
        return basePath + "/" + id;
    }

    public void clear() {
        lock.checkWrite();
        bySequence.clear();
        sequenceById.clear();
        nextSequence = 1;
    }
}
