package io.camelgenesys.core.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.core.test.TypedItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code BodyRules.typed(Model.class, ...)}: the JSON type of every field is checked against the model class before
 * anything is sent ({@code TestOperation.createTypedItem}, whose body stands for {@link TypedItem}), every wrong field
 * reported once, with its path; a body of the right types goes through.
 */
class TypedBodyRulesRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    private String refusal(Object body) throws Exception {
        String from = route(cloud("createTypedItem", ""));
        int before = sim().requests().total();
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, body));
        assertEquals(before, sim().requests().total(), "nothing was sent");
        return assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage();
    }

    @Test
    void aBodyOfTheModelsTypesIsSent() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "ok");
        body.put("active", true);
        body.put("count", 3);
        body.put("total", 9_000_000_000L);
        body.put("weight", 1.5);
        body.put("tags", List.of("a", "b"));
        body.put("parts", List.of(Map.of("label", "p", "size", 2)));
        body.put("main", Map.of("label", "m"));
        body.put("extra", Map.of("anything", List.of(1, "two", Map.of())));
        body.put("undeclared", 42); // kept as it is: the model does not declare it
        body.put("count2", null);
        TestItem created = template.requestBody(route(cloud("createTypedItem", "")), body, TestItem.class);
        assertNotNull(created.getId());
        assertEquals(42, created.getAdditionalProperties().get("undeclared"));
    }

    @Test
    void everyFieldOfTheWrongTypeIsReportedOnceWithItsPath() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", 5);
        body.put("active", "yes");
        body.put("count", 1.5);
        body.put("total", "many");
        body.put("weight", "heavy");
        body.put("tags", "a,b");
        body.put("parts", List.of(Map.of("label", "p"), "not a part", Map.of("size", "big")));
        body.put("main", "m");
        body.put("extra", List.of());
        assertEquals("createTypedItem: name must be text, was 5; active must be true or false, was text;"
                     + " count must be a whole number (32-bit), was 1.5; total must be a whole number, was text;"
                     + " weight must be a number, was text; tags must be a list, was text;"
                     + " parts[1] must be a JSON object (Part), was text; parts[2].size must be a whole number, was text;"
                     + " main must be a JSON object (Part), was text; extra must be a JSON object, was a list",
                refusal(body));
    }

    @Test
    void theOtherRulesStillApplyToFieldsOfTheRightType() throws Exception {
        assertEquals("createTypedItem: tags[1] must be text, was 2; name is required",
                refusal(Map.of("tags", List.of("a", 2))));
        assertEquals("createTypedItem: tags must have at most 3 items, was 4",
                refusal(Map.of("name", "n", "tags", List.of("a", "b", "c", "d"))));
        assertEquals("createTypedItem: count must be a whole number (32-bit), was 3000000000",
                refusal(Map.of("name", "n", "count", 3_000_000_000L)));
    }

    @Test
    void aPojoOfTheModelPassesItsOwnTypeCheck() throws Exception {
        TypedItem item = new TypedItem();
        item.setName("pojo");
        item.setTotal(7L);
        TypedItem.Part part = new TypedItem.Part();
        part.setLabel("x");
        item.setParts(List.of(part));
        assertNotNull(template.requestBody(route(cloud("createTypedItem", "")), item, TestItem.class).getId());
    }
}
