package io.camelgenesys.core.test;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysEndpoint;
import org.apache.camel.Component;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Test-only endpoint {@code genesys-test:operation} over the generic executor.
 */
@UriEndpoint(scheme = "genesys-test", title = "Genesys test", syntax = "genesys-test:operation", producerOnly = true,
             category = {})
public class TestEndpoint extends GenesysEndpoint<TestOperation> {

    @UriPath(description = "The operation")
    private TestOperation operation;

    @UriParam(description = "The item id")
    private String itemId;

    @UriParam(description = "Offset paging start")
    private Integer from;

    public TestEndpoint(String uri, Component component, GenesysConfiguration configuration) {
        super(uri, component, configuration, TestOperation.class);
    }

    @Override
    public TestOperation getOperation() {
        return operation;
    }

    public void setOperation(TestOperation operation) {
        this.operation = operation;
    }

    public String getItemId() {
        return itemId;
    }

    public void setItemId(String itemId) {
        this.itemId = itemId;
    }

    public Integer getFrom() {
        return from;
    }

    public void setFrom(Integer from) {
        this.from = from;
    }
}
