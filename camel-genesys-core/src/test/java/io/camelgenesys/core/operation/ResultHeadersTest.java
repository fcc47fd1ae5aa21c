package io.camelgenesys.core.operation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The result headers' map behaves as the {@code LinkedHashMap} it replaces, step by step: insertion order, replacing a
 * value in place, removal (by key and through the iterator), entries written through, growth past its first size,
 * {@code null} values, equality and hash code. (Routes read it through {@code OperationResult.headers()}: the message
 * headers every route test asserts, and modules that add a header to a result, e.g. OpenMedia's.)
 */
class ResultHeadersTest {

    @Test
    void behavesAsALinkedHashMapThroughPutsReplacementsAndRemovals() {
        Map<String, Object> mine = new ResultHeaders();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            both(mine, expected, "h" + i, i % 3 == 0 ? null : i);
        }
        both(mine, expected, "h4", "replaced");
        assertEquals(expected.remove("h0"), mine.remove("h0"));
        assertEquals(expected.remove("h19"), mine.remove("h19"));
        assertEquals(expected.remove("h7"), mine.remove("h7"));
        assertNull(mine.remove("absent"));
        both(mine, expected, "h0", "back at the end");
        assertSame(expected, mine);

        Iterator<Map.Entry<String, Object>> a = mine.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> b = expected.entrySet().iterator();
        while (a.hasNext()) {
            Map.Entry<String, Object> x = a.next();
            Map.Entry<String, Object> y = b.next();
            assertEquals(y, x);
            if (x.getKey().endsWith("2")) {
                a.remove();
                b.remove();
            } else if (x.getKey().endsWith("5")) {
                assertEquals(y.setValue("set"), x.setValue("set"));
            }
        }
        assertFalse(b.hasNext());
        assertSame(expected, mine);
        assertThrows(IllegalStateException.class, () -> mine.entrySet().iterator().remove());

        mine.clear();
        assertTrue(mine.isEmpty());
        mine.put("again", 1);
        assertEquals(Map.of("again", 1), mine);
    }

    private static void both(Map<String, Object> mine, Map<String, Object> expected, String key, Object value) {
        assertEquals(expected.put(key, value), mine.put(key, value));
    }

    private static void assertSame(Map<String, Object> expected, Map<String, Object> mine) {
        assertEquals(expected, mine);
        assertEquals(mine, expected);
        assertEquals(expected.hashCode(), mine.hashCode());
        assertEquals(expected.size(), mine.size());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(mine.keySet()), "insertion order");
        List<String> visited = new ArrayList<>();
        mine.forEach((k, v) -> {
            visited.add(k);
            assertEquals(expected.get(k), v);
            assertTrue(mine.containsKey(k));
        });
        assertEquals(new ArrayList<>(expected.keySet()), visited, "forEach in insertion order");
    }
}
