package io.camelgenesys.simulator.store;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A keyed store (by id) guarded by its {@link StoreLock}: every read checks that the caller holds the lock, every
 * change that it holds it for writing.
 */
public final class LockedMap<V> {

    private final StoreLock lock;
    private final Map<String, V> map = new HashMap<>();

    public LockedMap(StoreLock lock) {
        this.lock = lock;
    }

    public StoreLock lock() {
        return lock;
    }

    public V get(String key) {
        lock.checkRead();
        return map.get(key);
    }

    public V put(String key, V value) {
        lock.checkWrite();
        return map.put(key, value);
    }

    public V remove(String key) {
        lock.checkWrite();
        return map.remove(key);
    }

    public V computeIfAbsent(String key, Function<String, V> create) {
        lock.checkWrite();
        return map.computeIfAbsent(key, create);
    }

    /** Removes the values that match. */
    public void removeValuesIf(Predicate<V> predicate) {
        lock.checkWrite();
        map.values().removeIf(predicate);
    }

    public void replaceAll(BiFunction<String, V, V> function) {
        lock.checkWrite();
        map.replaceAll(function);
    }

    /** @return a read-only live view: use it while holding the lock */
    public Collection<V> values() {
        lock.checkRead();
        return Collections.unmodifiableCollection(map.values());
    }

    public int size() {
        lock.checkRead();
        return map.size();
    }

    public void clear() {
        lock.checkWrite();
        map.clear();
    }
}
