package io.camelgenesys.messaging.openmedia;

import io.camelgenesys.core.GenesysDefaultEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Genesys Multicloud CX Open Media (task routing): turn work from another system (a CRM case, an order) into a Genesys
 * workitem routed to agents, then read, update and stop it by its interaction id or by its id in your system.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-openmedia", title = "Genesys Open Media",
             syntax = "genesys-openmedia:operation", producerOnly = true,
             category = { Category.CLOUD, Category.SAAS, Category.WORKFLOW }, headersClass = OpenMediaConstants.class)
public class OpenMediaEndpoint extends GenesysDefaultEndpoint<OpenMediaOperation> {

    @UriPath(description = "The operation: create, get, update or stop.")
    @Metadata(required = true)
    private OpenMediaOperation operation;

    @UriParam
    private final OpenMediaConfiguration configuration;

    public OpenMediaEndpoint(String uri, Component component, OpenMediaConfiguration configuration) {
        super(uri, component, OpenMediaOperation.class);
        this.configuration = configuration;
    }

    @Override
    public OpenMediaConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public OpenMediaOperation getOperation() {
        return operation;
    }

    public void setOperation(OpenMediaOperation operation) {
        this.operation = operation;
    }
}
