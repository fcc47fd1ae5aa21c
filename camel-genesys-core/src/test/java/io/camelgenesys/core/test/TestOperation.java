package io.camelgenesys.core.test;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.PagingStyle;

/**
 * A test-only operation table over the simulator's generic item collection: it exercises the generic executor
 * until real components exist, and later components' tests reuse it for core behaviour.
 */
public enum TestOperation implements GenesysOperation {
    getItem(OperationSpec.get("/api/v2/simulator/items/{itemId}").returns(TestItem.class)),
    createItem(OperationSpec.post("/api/v2/simulator/items").body(Map.class).returns(TestItem.class)),
    updateItem(OperationSpec.put("/api/v2/simulator/items/{itemId}").body(Map.class).returns(TestItem.class)),
    deleteItem(OperationSpec.delete("/api/v2/simulator/items/{itemId}")),
    listItems(OperationSpec.get("/api/v2/simulator/items").returns(TestItem.class).paging(PagingStyle.PAGE_NUMBER)),
    scanItems(OperationSpec.get("/api/v2/simulator/items/scan").returns(TestItem.class).paging(PagingStyle.CURSOR)),
    offsetItems(OperationSpec.get("/api/v2/simulator/items/offset").returns(TestItem.class)
            .query("from").paging(PagingStyle.OFFSET)),
    /** A Multicloud-style call; tests answer it through the simulator's fault switchboard. */
    multicloudCall(OperationSpec.post("/test/v3/operations/{itemId}").optionalBody(JsonNode.class)
            .returns(JsonNode.class).multicloud()),
    /**
     * A list inside an envelope with its total (as Web Services answers), on Genesys Cloud only; tests answer it
     * through the simulator's fault switchboard.
     */
    listEnvelope(OperationSpec.get("/test/v2/envelope").result("/things").total("/count").returns(TestItem.class));

    private final OperationSpec spec;

    TestOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @Override
    public OperationSpec spec(GenesysPlatform platform) {
        return this == listEnvelope && platform != GenesysPlatform.cloud ? null : spec;
    }
}
