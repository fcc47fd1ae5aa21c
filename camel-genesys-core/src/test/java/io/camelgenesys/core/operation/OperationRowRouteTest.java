package io.camelgenesys.core.operation;

import java.util.Map;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operation added as one row ({@code TestOperation.renameItem}, {@code TestOperation.watchItems}) works through
 * the generic endpoint, producer and executor with nothing else written: its alias, preparer, rules, read-first
 * execution and consumer-only role all come from the row.
 */
class OperationRowRouteTest extends GenesysRouteTestSupport {

    private static final String ITEMS = "/api/v2/simulator/items";

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    private String createItem(String name) throws Exception {
        return template.requestBody(route(cloud("createItem", "")), Map.of("name", name), TestItem.class).getId();
    }

    @Test
    void theAliasedOptionAndItsHeaderNameThePathVariableAndThePreparerBuildsTheBody() throws Exception {
        String id = createItem("before");
        TestItem renamed = template.requestBody(route(cloud("renameItem", "itemKey=" + id + "&newName=after")), null,
                TestItem.class);
        assertEquals("after", renamed.getName());
        assertEquals(1, sim().requests().count("GET", ITEMS + "/" + id), "read first");
        assertEquals(1, sim().requests().count("PUT", ITEMS + "/" + id));

        // the header of the bound option (CamelGenesysItemKey, not CamelGenesysItemId) overrides it for one message
        String other = createItem("other");
        TestItem viaHeader = template.requestBodyAndHeaders(route(cloud("renameItem", "itemKey=" + id)), null,
                Map.of("CamelGenesysItemKey", other, "CamelGenesysNewName", "renamed by header"), TestItem.class);
        assertEquals(other, viaHeader.getId());
        assertEquals("renamed by header", viaHeader.getName());
    }

    @Test
    void theRowsRulesCheckWhatThePreparerBuiltBeforeAnyRequest() throws Exception {
        String id = createItem("before");
        int before = sim().requests().total();
        String from = route(cloud("renameItem", "itemKey=" + id + "&newName=" + "n".repeat(41)));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, (Object) null));
        IllegalArgumentException bad = assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals("renameItem: name must be between 1 and 40 characters, was 41", bad.getMessage());

        String missing = route(cloud("renameItem", "newName=x"));
        e = assertThrows(CamelExecutionException.class, () -> template.requestBody(missing, (Object) null));
        assertTrue(e.getCause().getMessage().contains("set the itemKey option or the CamelGenesysItemKey header"),
                e.getCause().getMessage());
        assertEquals(before, sim().requests().total(), "nothing was sent");
    }

    @Test
    void theReadFirstRefusesTheWriteAndNothingIsWritten() throws Exception {
        String id = createItem("locked");
        String from = route(cloud("renameItem", "itemKey=" + id + "&newName=free"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, (Object) null));
        assertEquals("renameItem: item " + id + " is locked", e.getCause().getMessage());
        assertEquals(1, sim().requests().count("GET", ITEMS + "/" + id));
        assertEquals(0, sim().requests().count("PUT", ITEMS + "/" + id), "the write was not sent");
    }

    @Test
    void aConsumerOnlyRowIsRefusedInToAndInTheOperationHeader() throws Exception {
        Exception e = assertThrows(Exception.class, () -> route(cloud("watchItems", "")));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().startsWith("genesys-test:watchItems is a consumer: use it in from(); the producer"
                                                + " operations are getItem,"), root.getMessage());

        String get = route(cloud("getItem", "itemId=x"));
        int before = sim().requests().total();
        CamelExecutionException refused = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(get, null, GenesysConstants.OPERATION, "watchItems"));
        assertInstanceOf(IllegalArgumentException.class, refused.getCause());
        assertTrue(refused.getCause().getMessage().contains("is a consumer"), refused.getCause().getMessage());
        assertEquals(before, sim().requests().total());
    }
}
