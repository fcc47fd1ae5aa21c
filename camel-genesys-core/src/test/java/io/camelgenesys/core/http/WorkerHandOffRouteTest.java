package io.camelgenesys.core.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-over of a response to the worker pool ({@link WorkerPool}) seen through routes: one exchange after the
 * other and many more exchanges in flight than the pool has threads all continue on the connection's own pool; a
 * user's two-thread pool with a bounded queue and a caller-runs policy keeps working (a refused continuation is
 * offered again, never run on the thread that offered it); no continuation ever runs on a Jetty or scheduler
 * thread; and the connection's workers end with the context.
 */
class WorkerHandOffRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private final List<ThreadPoolExecutor> pools = new ArrayList<>();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @BeforeEach
    void noBudget() {
        // the test is about threads, not budgets: the simulator answers every request (its default is 300 a minute)
        sim().setRateLimit(1_000_000, Duration.ofMinutes(1));
    }

    @AfterEach
    void stopPools() {
        pools.forEach(ThreadPoolExecutor::shutdownNow);
    }

    /** A route {@code direct:<name>} that gets the item and records the thread the step after the producer ran on. */
    private List<String> routeRecordingThreads(String name, String itemId, String options, long stepMillis)
            throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + name).to(cloud("getItem", "itemId=" + itemId + "&rateLimit=0" + options))
                        .process(e -> {
                            threads.add(Thread.currentThread().getName());
                            if (stepMillis > 0) {
                                // a route step that blocks a moment, as a JDBC call would: only a worker may
                                Thread.sleep(stepMillis);
                            }
                        });
            }
        });
        return threads;
    }

    private String createItem() throws Exception {
        // every endpoint of the test shares one connection: the first one sets its budget, here none
        return template.requestBody(route(cloud("createItem", "rateLimit=0")), Map.of("name", "hand-off"), TestItem.class)
                .getId();
    }

    /**
     * Sends {@code n} exchanges to {@code direct:<route>} at once, the item's answers 20 ms late (so that the
     * continuations pile up behind busy workers), and checks that each finished and ran its step once.
     */
    private void lateAnswersInFlight(String route, String itemId, int n, List<String> threads) throws Exception {
        sim().faults().on("GET", "/api/v2/simulator/items/" + itemId).delay(Duration.ofMillis(20));
        List<CompletableFuture<Object>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(template.asyncRequestBody("direct:" + route, null));
        }
        for (CompletableFuture<Object> f : all) {
            assertEquals("hand-off", ((TestItem) f.get(60, TimeUnit.SECONDS)).getName());
        }
        assertEquals(n, threads.size(), "every continuation ran once");
    }

    /** The thread is parked: a caller whose producer returned waits so for the exchange to complete. */
    private static boolean waitsForAnAnswer(Thread caller) {
        Thread.State state = caller.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static void neverOnJetty(List<String> threads) {
        threads.forEach(t -> assertFalse(t.startsWith("genesys-http-") || t.contains("Scheduler")
                                         || t.contains("GenesysConnection["), "a continuation ran on " + t));
    }

    @Test
    void oneExchangeAfterTheOtherContinuesOnTheConnectionsWorkers() throws Exception {
        String id = createItem();
        List<String> threads = routeRecordingThreads("sequential", id, "", 0);
        // each answer is held until the producer returned and its caller waits for it (one that is there before
        // rightly goes on on the sending thread): a fixed 3 ms delay raced a loaded machine, where the caller may not
        // run for longer than that between sending and returning
        String path = "/api/v2/simulator/items/" + id;
        Thread callerThread = Thread.currentThread();
        int calls = 60;
        for (int i = 0; i < calls; i++) {
            CompletableFuture<Void> release = new CompletableFuture<>();
            sim().faults().on("GET", path).holdUntil(release).times(1);
            int held = i + 1;
            CompletableFuture<Void> releaser = CompletableFuture.runAsync(() -> {
                try {
                    Await.until("request " + held + " held while its caller waits for the answer", 10_000,
                            () -> sim().faults().hits("GET", path) == held && waitsForAnAnswer(callerThread));
                } finally {
                    release.complete(null);
                }
            });
            assertEquals("hand-off", template.requestBody("direct:sequential", null, TestItem.class).getName());
            releaser.get(10, TimeUnit.SECONDS);
        }
        assertEquals(calls, threads.size());
        neverOnJetty(threads);
        String caller = Thread.currentThread().getName();
        threads.removeIf(caller::equals);
        assertTrue(threads.size() > calls / 2, "most answers came after the producer returned: " + threads);
        threads.forEach(t -> assertTrue(t.contains("GenesysWorkers["), "not on the connection's pool: " + t));
    }

    @Test
    void manyMoreExchangesInFlightThanWorkersAllFinishOnWorkers() throws Exception {
        String id = createItem();
        List<String> threads = routeRecordingThreads("many", id, "&maxConnectionsPerHost=8", 2);
        lateAnswersInFlight("many", id, 300, threads);
        neverOnJetty(threads);
        Set<String> distinct = Set.copyOf(threads);
        distinct.forEach(t -> assertTrue(t.contains("GenesysWorkers[") || t.contains("ProducerTemplate"),
                "not on the connection's pool: " + t));
    }

    @Test
    void aUsersTwoThreadCallerRunsPoolKeepsWorking() throws Exception {
        AtomicInteger n = new AtomicInteger();
        // bounded queue and caller-runs (the shape of Camel's default profile), scaled down so that it overflows
        ThreadPoolExecutor twoThreads = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(2), r -> new Thread(r, "two-" + n.incrementAndGet()),
                new ThreadPoolExecutor.CallerRunsPolicy());
        pools.add(twoThreads);
        context.getRegistry().bind("twoThreads", twoThreads);
        String id = createItem();
        List<String> threads = routeRecordingThreads("user", id, "&workerPool=#twoThreads", 1);
        lateAnswersInFlight("user", id, 150, threads);
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        distinct.addAll(threads);
        distinct.removeIf(t -> t.contains("ProducerTemplate")); // answered before the producer returned
        assertEquals(Set.of("two-1", "two-2"), distinct, "only the user's pool ran the route");
    }

    @Test
    void theConnectionsWorkersStopWithTheContext() throws Exception {
        List<String> threads = routeRecordingThreads("stop", createItem(), "", 0);
        for (int i = 0; i < 5; i++) {
            template.requestBody("direct:stop", null, TestItem.class);
        }
        assertFalse(threads.isEmpty());
        context.stop();
        Await.until("the connection's idle workers end", 10_000, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().contains("GenesysWorkers[") && t.isAlive()));
    }
}
