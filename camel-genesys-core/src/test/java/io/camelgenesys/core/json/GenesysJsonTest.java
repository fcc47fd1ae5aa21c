package io.camelgenesys.core.json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.test.TestItem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GenesysJsonTest {

    @Test
    void anArrayResultBecomesAListOfTheModel() {
        JsonNode node = GenesysJson.toTree("[{\"name\":\"a\"},{\"name\":\"b\",\"extra\":1}]");
        List<?> list = assertInstanceOf(List.class, GenesysJson.convert(node, GenesysOutputType.model, TestItem.class));
        assertEquals(2, list.size());
        TestItem second = assertInstanceOf(TestItem.class, list.get(1));
        assertEquals("b", second.getName());
        assertEquals(1, second.getAdditionalProperties().get("extra"), "unknown fields are kept");
    }

    @Test
    void anObjectResultStaysOneModel() {
        JsonNode node = GenesysJson.toTree("{\"name\":\"a\"}");
        assertEquals("a", assertInstanceOf(TestItem.class, GenesysJson.convert(node, GenesysOutputType.model,
                TestItem.class)).getName());
    }

    /** A map of every plain kind of value, nested, with nulls. */
    private static Map<String, Object> plain() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("text", "x");
        inner.put("none", null);
        inner.put("list", Arrays.asList(1, null, "two", 3L, 4.5, true, List.of(), Map.of()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("s", "text");
        body.put("blank", "");
        body.put("t", Boolean.TRUE);
        body.put("i", 7);
        body.put("l", 9_000_000_000L);
        body.put("small", 1L);
        body.put("d", 1.5);
        body.put("nan", Double.NaN);
        body.put("null", null);
        body.put("inner", inner);
        body.put("items", List.of(inner, Map.of("k", "v")));
        body.put("empty", new ArrayList<>());
        return body;
    }

    @Test
    void aPlainMapBecomesTheTreeJacksonMakesOfIt() {
        for (Object body : List.of(plain(), Map.copyOf(Map.of("a", 1, "b", List.of("c"))), new LinkedHashMap<>())) {
            JsonNode expected = GenesysJson.MAPPER.valueToTree(body);
            JsonNode tree = GenesysJson.toTree(body);
            assertEquals(expected, tree, "same nodes, same number node classes");
            assertEquals(expected.toString(), tree.toString(), "same order, same text");
        }
    }

    @Test
    void aMapWithOtherValuesGoesThroughJacksonsSerializers() {
        for (Object other : List.of(new BigDecimal("1.50"), LocalDate.of(2026, 11, 30), (short) 3, 2.5f, 'c',
                new int[] {1, 2}, new TestItem(), Map.of(1, "numeric key"))) {
            Map<String, Object> body = plain();
            ((Map<String, Object>) body.get("inner")).put("other", other);
            assertEquals(GenesysJson.MAPPER.valueToTree(body), GenesysJson.toTree(body), String.valueOf(other));
        }
        Map<Object, Object> numericKey = new LinkedHashMap<>();
        numericKey.put(1, "a");
        assertEquals(GenesysJson.MAPPER.valueToTree(numericKey), GenesysJson.toTree(numericKey));
    }

    @Test
    void aValueJacksonCannotWriteFailsAsBefore() {
        Map<String, Object> body = plain();
        body.put("opt", java.util.Optional.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GenesysJson.toTree(body));
        IllegalArgumentException jackson = assertThrows(IllegalArgumentException.class,
                () -> GenesysJson.MAPPER.valueToTree(body));
        assertEquals(jackson.getMessage(), e.getMessage());
    }
}
