package io.camelgenesys.benchmarks;

import java.util.Map;

import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;

/**
 * The operation table of the benchmark-only component {@code genesys-bench}, over the simulator's generic item
 * collection (the same shape as core's test-only {@code genesys-test}, which benchmarks may not depend on).
 */
public enum BenchOperation implements GenesysOperation {
    getItem(OperationSpec.get("/api/v2/simulator/items/{itemId}").returns(BenchItem.class)),
    createItem(OperationSpec.post("/api/v2/simulator/items").body(Map.class).returns(BenchItem.class));

    private final OperationSpec spec;

    BenchOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
