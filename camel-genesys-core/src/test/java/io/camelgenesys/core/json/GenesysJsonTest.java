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

    /** Every kind of text Jackson escapes or encodes: quotes, backslash, each control character, DEL, 2- and 3-byte UTF-8. */
    private static String awkwardText() {
        StringBuilder sb = new StringBuilder("q\"b\\s/ ");
        for (char c = 0; c < 0x20; c++) {
            sb.append(c);
        }
        return sb.append('\u007F').append("\u00E9\u00FC\u07FF\u0800\u20AC\u2028\uFFFF").toString();
    }

    @Test
    void aTreeIsWrittenAsTheBytesJacksonWritesOfIt() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree = GenesysJson.MAPPER.createObjectNode();
        tree.put("text", awkwardText());
        tree.put(awkwardText(), "a key that needs escapes");
        tree.put("empty", "");
        tree.put("int", Integer.MIN_VALUE).put("int2", 0).put("int3", 7).put("int4", Integer.MAX_VALUE);
        tree.put("long", Long.MIN_VALUE).put("long2", Long.MAX_VALUE).put("long3", -10L);
        tree.put("big", new java.math.BigInteger("-123456789012345678901234567890"));
        tree.put("double", 2.5).put("double2", -0.0).put("double3", 1.0E-10).put("double4", 1.2345678901234567E300)
                .put("double5", 100.0);
        tree.put("yes", true).put("no", false).putNull("null");
        tree.putObject("nested").put("a", "b").putArray("list").add(1).add("two").addNull().addObject();
        tree.putArray("emptyList");
        tree.putObject("emptyObject");
        List<JsonNode> trees = new ArrayList<>(List.of(tree,
                GenesysJson.toTree(Map.of("a", 1, "b", List.of("c", 2.5, true, 9_000_000_000L))),
                GenesysJson.MAPPER.createObjectNode(), GenesysJson.MAPPER.createArrayNode(),
                GenesysJson.toTree("[1,\"x\",null,true,{\"k\":[]}]")));
        for (JsonNode t : trees) {
            org.junit.jupiter.api.Assertions.assertNotNull(JsonTreeWriter.write(t), "written without Jackson: " + t);
            assertEquals(new String(GenesysJson.MAPPER.writeValueAsBytes(t), java.nio.charset.StandardCharsets.UTF_8),
                    new String(GenesysJson.toBytes(t), java.nio.charset.StandardCharsets.UTF_8));
            org.junit.jupiter.api.Assertions.assertArrayEquals(GenesysJson.MAPPER.writeValueAsBytes(t),
                    GenesysJson.toBytes(t));
        }
    }

    @Test
    void aTreeWithOtherNodesIsWrittenByJackson() throws Exception {
        for (JsonNode other : List.of(GenesysJson.MAPPER.getNodeFactory().numberNode(new BigDecimal("1.50")),
                GenesysJson.MAPPER.getNodeFactory().numberNode(2.5f),
                GenesysJson.MAPPER.getNodeFactory().numberNode((short) 3),
                GenesysJson.MAPPER.getNodeFactory().numberNode(Double.NaN),
                GenesysJson.MAPPER.getNodeFactory().binaryNode(new byte[] {1, 2, 3}),
                GenesysJson.MAPPER.getNodeFactory().pojoNode(new TestItem()),
                GenesysJson.MAPPER.getNodeFactory().textNode("emoji \uD83D\uDE00 and a lone \uD800 surrogate"))) {
            com.fasterxml.jackson.databind.node.ObjectNode tree = GenesysJson.MAPPER.createObjectNode();
            tree.put("a", "b").putArray("items").add(other);
            org.junit.jupiter.api.Assertions.assertNull(JsonTreeWriter.write(tree), "left to Jackson: " + other);
            org.junit.jupiter.api.Assertions.assertArrayEquals(GenesysJson.MAPPER.writeValueAsBytes(tree),
                    GenesysJson.toBytes(tree), String.valueOf(other));
        }
    }
}
