package io.camelgenesys.core;

import java.util.concurrent.CompletableFuture;

import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The one producer of every camel-genesys component: resolves the operation and its call from the exchange, runs
 * it through the shared executor, and sets the result and response headers. Asynchronous: no thread waits for
 * Genesys.
 */
public class GenesysProducer extends DefaultAsyncProducer {

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
        CompletableFuture<OperationResult> result;
        try {
            result = execute(exchange);
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

    /**
     * Starts the exchange's operation; bad input throws before anything is sent. Components whose operations need
     * more than one call (bulk batches, a read before a write) override this and keep the rest of the producer.
     */
    protected CompletableFuture<OperationResult> execute(Exchange exchange) throws Exception {
        return endpoint.getExecutor().execute(createCall(endpoint, exchange));
    }

    private static <O extends Enum<O> & GenesysOperation> OperationCall createCall(GenesysEndpoint<O> endpoint,
                                                                                   Exchange exchange) {
        return endpoint.createCall(endpoint.resolveOperation(exchange), exchange);
    }
}
