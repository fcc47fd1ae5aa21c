package io.camelgenesys.core;

import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationCall;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The one producer of every camel-genesys component: resolves the operation and its call from the exchange, runs
 * it through the shared executor, and sets the result and response headers. Asynchronous: no thread waits for
 * Genesys.
 */
public final class GenesysProducer extends DefaultAsyncProducer {

    private final GenesysEndpoint<?> endpoint;

    public GenesysProducer(GenesysEndpoint<?> endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.getExecutor(); // the endpoint's shared connection is acquired now, when something uses it
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        OperationCall call;
        try {
            call = createCall(endpoint, exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        endpoint.getExecutor().execute(call).whenComplete((result, failure) -> {
            if (failure != null) {
                exchange.setException(GenesysErrors.unwrap(failure));
            } else {
                Message out = exchange.getMessage();
                out.setBody(result.body());
                result.headers().forEach(out::setHeader);
            }
            callback.done(false);
        });
        return false;
    }

    private static <O extends Enum<O> & GenesysOperation> OperationCall createCall(GenesysEndpoint<O> endpoint,
                                                                                   Exchange exchange) {
        return endpoint.createCall(endpoint.resolveOperation(exchange), exchange);
    }
}
