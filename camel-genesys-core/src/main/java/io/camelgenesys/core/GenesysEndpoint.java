package io.camelgenesys.core;

import java.util.Map;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.WorkerPool;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.GenesysOperationExecutor;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.EndpointServiceLocation;

/**
 * What every camel-genesys endpoint is to the one producer, the consumers and Camel's tooling: its configuration (the
 * component's {@code @UriParams} class, shared options included), its operation row, and the Genesys host it talks
 * to ({@link EndpointServiceLocation}: Camel's service map shows it).
 * <p>
 * A component extends {@link GenesysDefaultEndpoint} or, when its rows can be polled, {@link GenesysScheduledPollEndpoint};
 * both keep the shared behaviour in one {@link GenesysEndpointSupport}.
 */
public interface GenesysEndpoint extends Endpoint, EndpointServiceLocation {

    /** The endpoint's options: the component's configuration copied and overridden by the URI. */
    GenesysConfiguration getConfiguration();

    /** The operation of this endpoint (its {@code @UriPath}). */
    GenesysOperation getOperation();

    /** The shared behaviour: connection, operation resolution, option reads. */
    GenesysEndpointSupport<?> support();

    /** The shared connection; acquired by the first producer or consumer that starts. */
    default GenesysConnection getConnection() {
        return support().connection();
    }

    default GenesysOperationExecutor getExecutor() {
        return support().executor();
    }

    /** Where routes continue after a call of this endpoint: its {@code workerPool}, else its connection's pool. */
    default WorkerPool workers() {
        return support().workers();
    }

    @Override
    default String getServiceUrl() {
        return support().serviceUrl();
    }

    @Override
    default String getServiceProtocol() {
        return support().serviceProtocol();
    }

    @Override
    default Map<String, String> getServiceMetadata() {
        return support().serviceMetadata();
    }
}
