package io.camelgenesys.simulator;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The store of pre-configured statistics: the catalogue (statistic names and the object types each applies to), the
 * directory of objects, and the current value of each (statistic, object) pair with the number of updates it has had.
 * Guarded by its own lock; the catalogue and directory survive {@link #clearValues()}.
 */
final class StatisticsCatalogue {

    /** How the generator moves a value on. */
    enum Kind {
        /** {@code {"state":"WaitForNextCall"}}, cycling through {@link Statistics#AGENT_STATES}. */
        AGENT_STATE,
        /** {@code {"value":N}} growing by one per update (a time in seconds, a count). */
        GROWING,
        /** {@code {"value":N}} moving within a band (an average). */
        AVERAGE
    }

    /** A pre-configured statistic: its name and the object types it applies to. */
    record StatisticType(String name, Set<String> objectTypes, Kind kind) {
    }

    /** A value and the time (epoch millis) it was generated, as Stat Server stamps it. */
    record Value(Object value, long timestamp) {
    }

    /** A pre-configured statistic applied to one object. */
    record Key(String name, String objectType, String objectId) {
    }

    private final Object lock = new Object();
    private final Map<String, StatisticType> types = new LinkedHashMap<>();
    private final Map<String, Set<String>> objects = new LinkedHashMap<>();
    private final Map<Key, Value> values = new HashMap<>();
    private final Map<Key, Long> generations = new HashMap<>();

    void define(String name, Kind kind, String... objectTypes) {
        Objects.requireNonNull(name, "name");
        if (objectTypes.length == 0) {
            throw new IllegalArgumentException("A statistic applies to at least one object type: " + name);
        }
        synchronized (lock) {
            types.put(name, new StatisticType(name, Set.of(objectTypes), kind));
        }
    }

    void addObject(String objectType, String objectId) {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectId, "objectId");
        synchronized (lock) {
            objects.computeIfAbsent(objectType, t -> new LinkedHashSet<>()).add(objectId);
        }
    }

    Set<String> statisticNames() {
        synchronized (lock) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(types.keySet()));
        }
    }

    Map<String, Set<String>> objects() {
        synchronized (lock) {
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            objects.forEach((type, ids) -> copy.put(type, Collections.unmodifiableSet(new LinkedHashSet<>(ids))));
            return copy;
        }
    }

    /** @return why the statistic cannot be opened on that object, or {@code null} when it can */
    String checkOpenable(String name, String objectType, String objectId) {
        synchronized (lock) {
            if (name != null) {
                StatisticType type = types.get(name);
                if (type == null) {
                    return "Statistic '" + name + "' is not configured";
                }
                if (!type.objectTypes().contains(objectType)) {
                    return "Statistic '" + name + "' does not apply to object type '" + objectType + "'";
                }
            }
            Set<String> ids = objects.get(objectType);
            if (ids == null || !ids.contains(objectId)) {
                return "Object '" + objectId + "' of type '" + objectType + "' does not exist";
            }
            return null;
        }
    }

    /** @return the current value (generated at its first read); the caller checked the key is openable */
    Value current(Key key) {
        synchronized (lock) {
            return values.computeIfAbsent(key, k -> new Value(generated(types.get(k.name()).kind(), 0),
                    System.currentTimeMillis()));
        }
    }

    /** Sets a value now; the caller checked the key is openable. */
    Value set(Key key, Object value) {
        Value v = new Value(value, System.currentTimeMillis());
        synchronized (lock) {
            values.put(key, v);
        }
        return v;
    }

    /** Moves each of these values on by one update, all stamped {@code now}. */
    void advance(Set<Key> keys, long now) {
        synchronized (lock) {
            for (Key key : keys) {
                long generation = generations.merge(key, 1L, Long::sum);
                values.put(key, new Value(generated(types.get(key.name()).kind(), generation), now));
            }
        }
    }

    void clearValues() {
        synchronized (lock) {
            values.clear();
            generations.clear();
        }
    }

    /** The value of a statistic after {@code generation} updates: deterministic, so tests can predict it. */
    static Map<String, Object> generated(Kind kind, long generation) {
        Map<String, Object> value = new LinkedHashMap<>();
        switch (kind) {
            case AGENT_STATE -> value.put("state",
                    Statistics.AGENT_STATES.get((int) (generation % Statistics.AGENT_STATES.size())));
            case GROWING -> value.put("value", generation);
            case AVERAGE -> value.put("value", 120 + generation % 60);
        }
        return Collections.unmodifiableMap(value);
    }
}
