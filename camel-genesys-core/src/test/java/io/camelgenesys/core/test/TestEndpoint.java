package io.camelgenesys.core.test;

import io.camelgenesys.core.GenesysDefaultEndpoint;
import org.apache.camel.Component;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Test-only endpoint {@code genesys-test:operation} over the generic producer: the shape every component endpoint
 * has (the {@code @UriPath} operation and the component's configuration, nothing else).
 */
@UriEndpoint(scheme = "genesys-test", title = "Genesys test", syntax = "genesys-test:operation", producerOnly = true,
             category = {})
public class TestEndpoint extends GenesysDefaultEndpoint<TestOperation> {

    @UriPath(description = "The operation")
    private TestOperation operation;

    @UriParam
    private final TestConfiguration configuration;

    public TestEndpoint(String uri, Component component, TestConfiguration configuration) {
        super(uri, component, TestOperation.class);
        this.configuration = configuration;
    }

    @Override
    public TestConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public TestOperation getOperation() {
        return operation;
    }

    public void setOperation(TestOperation operation) {
        this.operation = operation;
    }
}
