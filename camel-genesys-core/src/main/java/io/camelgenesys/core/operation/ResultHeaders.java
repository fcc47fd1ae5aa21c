package io.camelgenesys.core.operation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The headers of an {@link OperationResult}: a small modifiable map in insertion order, keys and values side by side
 * in one array. A result has three to eight headers, made once per exchange: a {@code LinkedHashMap} of them cost a
 * table and an entry object per header; this is one array, searched in order (keys compared with {@code equals}, as
 * a {@code HashMap} does). Iteration and {@code forEach} in insertion order; {@code null} keys and values allowed.
 */
final class ResultHeaders extends AbstractMap<String, Object> {

    /** Keys at even indexes, each value right after its key. */
    private Object[] slots;
    private int size;

    ResultHeaders() {
        this.slots = new Object[8];
    }

    private int indexOf(Object key) {
        for (int i = 0, n = size * 2; i < n; i += 2) {
            if (Objects.equals(slots[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : slots[i + 1];
    }

    @Override
    public Object put(String key, Object value) {
        int i = indexOf(key);
        if (i >= 0) {
            Object old = slots[i + 1];
            slots[i + 1] = value;
            return old;
        }
        if (size * 2 == slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        slots[size * 2] = key;
        slots[size * 2 + 1] = value;
        size++;
        return null;
    }

    @Override
    public Object remove(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        Object old = slots[i + 1];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        int n = size * 2;
        System.arraycopy(slots, i + 2, slots, i, n - i - 2);
        slots[n - 2] = null;
        slots[n - 1] = null;
        size--;
    }

    @Override
    public void clear() {
        Arrays.fill(slots, 0, size * 2, null);
        size = 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0, n = size * 2; i < n; i += 2) {
            action.accept((String) slots[i], slots[i + 1]);
        }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    /** The slot of the next entry. */
                    private int next;
                    /** The slot of the entry last returned, -1 when none (or removed). */
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size * 2;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        last = next;
                        next += 2;
                        return new Entry(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }
        };
    }

    /** An entry of the iteration: reads and writes its slot (valid until the map changes, as with any map). */
    private final class Entry implements Map.Entry<String, Object> {
        private final int slot;

        Entry(int slot) {
            this.slot = slot;
        }

        @Override
        public String getKey() {
            return (String) slots[slot];
        }

        @Override
        public Object getValue() {
            return slots[slot + 1];
        }

        @Override
        public Object setValue(Object value) {
            Object old = slots[slot + 1];
            slots[slot + 1] = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && Objects.equals(getKey(), e.getKey())
                   && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }
}
