package io.camelgenesys.benchmarks;

import io.camelgenesys.core.GenesysDefaultEndpoint;
import org.apache.camel.Component;

/** Endpoint {@code genesys-bench:operation?itemId=...} over core's generic producer, shaped like a real component's. */
public class BenchEndpoint extends GenesysDefaultEndpoint<BenchOperation> {

    private final BenchConfiguration configuration;
    private BenchOperation operation;

    public BenchEndpoint(String uri, Component component, BenchConfiguration configuration) {
        super(uri, component, BenchOperation.class);
        this.configuration = configuration;
    }

    @Override
    public BenchConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public BenchOperation getOperation() {
        return operation;
    }

    public void setOperation(BenchOperation operation) {
        this.operation = operation;
    }
}
