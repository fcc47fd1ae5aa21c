package io.camelgenesys.core.json;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.test.TestItem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
}
