package io.camelgenesys.core.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.camelgenesys.core.operation.OperationResult;
import io.camelgenesys.core.test.SimulatorRouteTestSupport;
import io.camelgenesys.core.test.TestEndpoint;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.core.test.TestOperation;
import org.apache.camel.Exchange;
import org.eclipse.jetty.util.thread.SerializedInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hang {@link WorkerPool} no longer has (commit 82cdd7e), forced through routes instead of waited for. What
 * ImportExportRouteTest's two-thread-pool test hit now and then: import A's worker read A's report (a
 * {@link DownloadStream}) and so called into Jetty; Jetty ran another response's listener on that worker inside its
 * {@link SerializedInvoker}, which opened import B's report and completed B's future there; B reads its report on
 * the worker pool ({@code thenApplyAsync(..., workers)}), and a worker pool that ran that continuation at once ran it
 * nested on the same worker, inside the same invoker, where B's read waited for content only that invoker could
 * deliver, and the invoker was busy in the frame below it.
 * <p>
 * Here each step is placed, not hoped for, with one worker thread and the test row {@link TestOperation#getItemThen}
 * (both stages below run on the endpoint's worker pool, as the imports' reads of their reports do with
 * {@code thenApplyAsync(..., context.workers())}; a route step would not do, since which thread runs the route after
 * a producer is Camel's choice: the worker, or the template's thread waiting for the exchange). Exchange B's call is
 * answered and held; what follows the hold waits for a task it hands a Jetty {@link SerializedInvoker}, as a read of
 * a download waits for its content. Exchange A's call, once answered, runs a stage on the worker (A's read of its
 * download) with a task in that invoker that releases B's call, so that the worker completes B's future inside the
 * invoker. Queued, B's stage runs once A's has left the invoker, and both exchanges finish. Nested, B's wait can only
 * time out, after {@link #DELIVERY_WAIT_SECONDS}: far shorter than the test's own waits, so it fails quickly and
 * clearly instead of hanging.
 */
class NestedContinuationRouteTest extends SimulatorRouteTestSupport {

    private static final long DELIVERY_WAIT_SECONDS = 3;

    private final ExecutorService oneWorker = Executors.newSingleThreadExecutor(r -> new Thread(r, "one-worker"));

    @AfterEach
    void stopWorker() {
        oneWorker.shutdownNow();
    }

    @Test
    void aWorkerThatCompletesAnotherExchangesCallInsideJettysInvokerDoesNotRunItsContinuationThere() throws Exception {
        context.getRegistry().bind("oneWorker", oneWorker);
        String id = template.requestBody(route(cloud("createItem", "")), Map.of("name", "nested"), TestItem.class)
                .getId();
        SerializedInvoker invoker = new SerializedInvoker("test-invoker");
        CompletableFuture<Void> release = new CompletableFuture<>();
        CountDownLatch bAnswered = new CountDownLatch(1);
        String options = "itemId=" + id + "&workerPool=#oneWorker&rateLimit=0";
        String uri = cloud("getItemThen", options);
        String from = route(uri);
        WorkerPool workers = context.getEndpoint(uri, TestEndpoint.class).workers();
        List<String> stageThreads = new CopyOnWriteArrayList<>();

        // B: its call is answered, then held until A releases it; then, on the worker pool, B waits for a task it
        // gives the invoker (a read of its download waiting for its content)
        Function<OperationResult, CompletableFuture<OperationResult>> heldAfterAnswer = answer -> {
            CompletableFuture<OperationResult> held = release.thenApplyAsync(released -> {
                stageThreads.add("B " + Thread.currentThread().getName());
                CountDownLatch delivered = new CountDownLatch(1);
                invoker.run(delivered::countDown);
                try {
                    if (!delivered.await(DELIVERY_WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("B's read ran inside the invoker that had to deliver to it (a"
                                                        + " continuation run nested on the worker that completed B's"
                                                        + " call)");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return answer;
            }, workers);
            // only now may A release it: released earlier, the stage would be handed over by this I/O thread
            bAnswered.countDown();
            return held;
        };
        // A: once answered, on the worker pool (as a read of its download), a task in the invoker releases B's call
        // (Jetty running B's listener inside the serialized invoker of the worker's read of A's download)
        Function<OperationResult, CompletableFuture<OperationResult>> releasesB = answer -> CompletableFuture
                .supplyAsync(() -> {
                    stageThreads.add("A " + Thread.currentThread().getName());
                    invoker.run(() -> release.complete(null));
                    return answer;
                }, workers);

        CompletableFuture<Exchange> b = template.asyncSend(from,
                x -> x.setProperty(TestOperation.THEN, heldAfterAnswer));
        assertTrue(bAnswered.await(10, TimeUnit.SECONDS), "B's call was answered and is held");
        CompletableFuture<Exchange> a = template.asyncSend(from, x -> x.setProperty(TestOperation.THEN, releasesB));

        Exchange doneA = a.get(DELIVERY_WAIT_SECONDS + 10, TimeUnit.SECONDS);
        Exchange doneB = b.get(DELIVERY_WAIT_SECONDS + 10, TimeUnit.SECONDS);
        assertNull(doneA.getException(), () -> stackTrace(doneA.getException()));
        assertNull(doneB.getException(), () -> stackTrace(doneB.getException()));
        assertEquals(id, doneB.getMessage().getBody(TestItem.class).getId());
        assertEquals(List.of("A one-worker", "B one-worker"), stageThreads, "A's read, then B's, on the one worker");
    }
}
