package io.camelgenesys.benchmarks;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysEndpoint;
import org.apache.camel.Component;

/** Endpoint {@code genesys-bench:operation?itemId=...} over core's generic executor. */
public class BenchEndpoint extends GenesysEndpoint<BenchOperation> {

    private BenchOperation operation;
    private String itemId;

    public BenchEndpoint(String uri, Component component, GenesysConfiguration configuration) {
        super(uri, component, configuration, BenchOperation.class);
    }

    @Override
    public BenchOperation getOperation() {
        return operation;
    }

    public void setOperation(BenchOperation operation) {
        this.operation = operation;
    }

    public String getItemId() {
        return itemId;
    }

    public void setItemId(String itemId) {
        this.itemId = itemId;
    }
}
