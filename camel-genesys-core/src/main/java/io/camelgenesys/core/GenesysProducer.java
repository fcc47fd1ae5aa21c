package io.camelgenesys.core;

import java.io.InputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.WorkerPool;
import io.camelgenesys.core.operation.OperationResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.AsyncProcessorAwaitManager;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.IOHelper;

/**
 * The one producer of every camel-genesys component: resolves the exchange's operation row and runs its
 * {@link io.camelgenesys.core.operation.OperationExecution} (one call, batches, a read before the write), then sets
 * the result and the response headers. No component has a producer of its own. Asynchronous: no thread waits for
 * Genesys.
 * <p>
 * Threads: the response arrives on a Jetty I/O thread, where the result is set on the message; the route then
 * continues on the endpoint's {@link WorkerPool}. One shortcut, which saves a thread hand-over: a caller that is
 * already blocked waiting for exactly this exchange outside any route (a {@code ProducerTemplate}'s synchronous call
 * straight to the endpoint) is woken from the I/O thread, since no route step runs after the producer then. When
 * the answer comes before the caller started waiting, the worker pool wakes it, as for any other exchange.
 * <p>
 * While it runs it counts as a user of its connection's readiness check when the component's
 * {@code healthCheckProducerEnabled} is on; the check reports only while Camel's producer checks are on globally
 * ({@code camel.health.producersEnabled=true}; see {@link io.camelgenesys.core.health.GenesysHealthCheckRepository}).
 */
public class GenesysProducer extends DefaultAsyncProducer {

    private final GenesysEndpoint endpoint;
    private GenesysConnection healthCheckUse;
    private WorkerPool workers;
    private AsyncProcessorAwaitManager awaitManager;

    public GenesysProducer(GenesysEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the endpoint's shared connection is acquired now, when something uses it
        GenesysConnection connection = endpoint.getConnection();
        workers = endpoint.workers();
        awaitManager = PluginHelper.getAsyncProcessorAwaitManager(endpoint.getCamelContext());
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
        if (result.isDone()) {
            // answered without a wait (e.g. refused before sending): finish on the calling thread
            complete(exchange, result);
            callback.done(true);
            return true;
        }
        result.whenComplete(new Completion(exchange, callback));
        return false;
    }

    /**
     * The end of one exchange's call: sets the result on the I/O thread that completed it, then continues the route on
     * the worker pool (or wakes the caller blocked outside any route). One object is both the future's callback and
     * the worker pool's task.
     */
    private final class Completion implements BiConsumer<OperationResult, Throwable>, Runnable {
        private final Exchange exchange;
        private final AsyncCallback callback;

        Completion(Exchange exchange, AsyncCallback callback) {
            this.exchange = exchange;
            this.callback = callback;
        }

        @Override
        public void accept(OperationResult r, Throwable failure) {
            complete(exchange, r, failure);
            if (awaitedOutsideRoute(exchange)) {
                callback.done(false);
            } else {
                workers.execute(this);
            }
        }

        /** On the worker pool: the route goes on. */
        @Override
        public void run() {
            callback.done(false);
        }
    }

    /**
     * Camel's synchronous path ({@code Processor.process}): the calling thread waits for the call itself, without a
     * worker thread in between. Waiting is safe on any thread but the I/O and scheduler threads that complete it.
     */
    @Override
    public void process(Exchange exchange) throws Exception {
        complete(exchange, endpoint.support().execute(exchange));
    }

    private static void complete(Exchange exchange, CompletableFuture<OperationResult> done) {
        OperationResult r = null;
        Throwable failure = null;
        try {
            r = done.join();
        } catch (CompletionException | CancellationException e) {
            failure = e;
        }
        complete(exchange, r, failure);
    }

    private static void complete(Exchange exchange, OperationResult r, Throwable failure) {
        if (failure != null) {
            exchange.setException(GenesysErrors.unwrap(failure));
        } else {
            Message out = exchange.getMessage();
            out.setBody(r.body());
            r.headers().forEach(out::setHeader);
            if (r.body() instanceof InputStream stream) {
                // a streamed download: it holds an HTTP connection until read or closed; read it in the route
                exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                    @Override
                    public void onDone(Exchange done) {
                        IOHelper.close(stream);
                    }
                });
            }
        }
    }

    /**
     * Whether a thread outside any route is blocked waiting for this exchange (Camel's await manager lists it once
     * the caller waits): then the continuation only wakes it. Inside a route, more steps may follow, and they run on
     * the worker pool.
     */
    private boolean awaitedOutsideRoute(Exchange exchange) {
        UnitOfWork uow = exchange.getUnitOfWork();
        if (uow != null && uow.getRoute() != null || awaitManager.size() == 0) {
            return false;
        }
        for (AsyncProcessorAwaitManager.AwaitThread waiting : awaitManager.browse()) {
            if (waiting.getExchange() == exchange) {
                return true;
            }
        }
        return false;
    }
}
