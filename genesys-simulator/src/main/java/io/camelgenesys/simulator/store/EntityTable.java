package io.camelgenesys.simulator.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One in-memory collection of JSON entities (contacts, organizations, notes, ...) in creation order, so that
 * page-number listings are stable and scan cursors can resume after a position. Not thread-safe: its owner guards
 * every access with its own lock.
 */
public final class EntityTable {

    /** An entity and its position in creation order. */
    public record Entry(long sequence, ObjectNode entity) {
    }

    private final String basePath;
    private final NavigableMap<Long, ObjectNode> bySequence = new TreeMap<>();
    private final Map<String, Long> sequenceById = new HashMap<>();
    private long nextSequence = 1;

    /** @param basePath the path the entities' {@code selfUri} starts with, e.g. {@code /api/v2/externalcontacts/contacts} */
    public EntityTable(String basePath) {
        this.basePath = basePath;
    }

    /** Stores the entity under a new UUID, setting {@code id} and {@code selfUri}; returns the stored instance. */
    public ObjectNode insert(ObjectNode entity) {
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
        Long sequence = id == null ? null : sequenceById.get(id);
        return sequence == null ? null : bySequence.get(sequence);
    }

    /** Replaces the entity with this id, keeping its position. */
    public void replace(String id, ObjectNode entity) {
        Long sequence = sequenceById.get(id);
        if (sequence == null) {
            throw new IllegalStateException("No entity " + id);
        }
        entity.put("id", id);
        entity.put("selfUri", basePath + "/" + id);
        bySequence.put(sequence, entity);
    }

    public ObjectNode remove(String id) {
        Long sequence = id == null ? null : sequenceById.remove(id);
        return sequence == null ? null : bySequence.remove(sequence);
    }

    public int size() {
        return bySequence.size();
    }

    /** @return the stored instances in creation order (a live view: copy before modifying the table) */
    public Collection<ObjectNode> values() {
        return bySequence.values();
    }

    /** @return the matching stored instances in creation order */
    public List<ObjectNode> filter(Predicate<ObjectNode> predicate) {
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
        bySequence.clear();
        sequenceById.clear();
        nextSequence = 1;
    }
}
