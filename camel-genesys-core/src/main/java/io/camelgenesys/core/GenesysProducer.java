package io.camelgenesys.core;

import java.util.concurrent.CompletableFuture;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.operation.OperationResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The one producer of every camel-genesys component: resolves the exchange's operation row and runs its
 * {@link io.camelgenesys.core.operation.OperationExecution} (one call, batches, a read before the write), then sets
 * the result and the response headers. No component has a producer of its own. Asynchronous: no thread waits for
 * Genesys.
 * <p>
 * While it runs it counts as a user of its connection's readiness check when the component's
 * {@code healthCheckProducerEnabled} is on (see {@link io.camelgenesys.core.health.GenesysHealthCheckRepository}).
 */
public class GenesysProducer extends DefaultAsyncProducer {

    private final GenesysEndpoint endpoint;
    private GenesysConnection healthCheckUse;

    public GenesysProducer(GenesysEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the endpoint's shared connection is acquired now, when something uses it
        GenesysConnection connection = endpoint.getConnection();
        if (connection != null && endpoint.getComponent() instanceof HealthCheckComponent c
            && c.isHealthCheckProducerEnabled()) {
            connection.addHealthCheckUser();
            healthCheckUse = connection;
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckUse != null) {
            healthCheckUse.removeHealthCheckUser();
            healthCheckUse = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<OperationResult> result;
        try {
            result = endpoint.support().execute(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        result.whenComplete((r, failure) -> {
            if (failure != null) {
                exchange.setException(GenesysErrors.unwrap(failure));
            } else {
                Message out = exchange.getMessage();
                out.setBody(r.body());
                r.headers().forEach(out::setHeader);
            }
            callback.done(false);
        });
        return false;
    }
}
