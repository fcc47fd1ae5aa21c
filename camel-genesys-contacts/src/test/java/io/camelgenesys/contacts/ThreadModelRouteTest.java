package io.camelgenesys.contacts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.contacts.model.ExternalContact;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The thread model under more exchanges in flight than any pool has threads: streaming splits over {@code pageAll}
 * iterators, bulk operations reading another endpoint's {@code pageAll} iterator, a user's worker pool (small, or
 * bounded with a caller-runs policy), and route steps that block. Every wait is bounded, so a deadlock fails the
 * test instead of hanging the build.
 */
class ThreadModelRouteTest extends ContactsTestSupport {

    private static final int CONTACTS = 200;
    private static final long WAIT_SECONDS = 45;

    private final List<ExecutorService> pools = new ArrayList<>();

    @BeforeEach
    void manyRequests() {
        // the test is about threads, not budgets: neither side throttles
        sim().setRateLimit(1_000_000, Duration.ofMinutes(1));
    }

    @AfterEach
    void stopPools() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    private String unlimited(String operation, String options) {
        return contacts(operation, "rateLimit=0" + (options.isEmpty() ? "" : "&" + options));
    }

    /** A fixed pool whose threads are named {@code prefix-n}, bound in the registry under {@code name}. */
    private ExecutorService pool(String name, String prefix, int threads) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads,
                r -> new Thread(r, prefix + "-" + n.incrementAndGet()));
        pools.add(pool);
        context.getRegistry().bind(name, pool);
        return pool;
    }

    /** Sends {@code n} exchanges without waiting for any, then waits (bounded) for all of them. */
    private List<Exchange> inFlight(String from, int n) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            sent.add(template.asyncSend(from, e -> e.getMessage().setHeader("index", index)));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            long done = sent.stream().filter(CompletableFuture::isDone).count();
            fail(done + " of " + n + " exchanges finished in " + WAIT_SECONDS + " s: the routes are stuck");
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (CompletableFuture<Exchange> f : sent) {
            Exchange e = f.get();
            assertNull(e.getException(), () -> "exchange failed: " + e.getException());
            exchanges.add(e);
        }
        return exchanges;
    }

    @Test
    void fortyPageAllScansWithAStreamingSplitAllFinish() throws Exception {
        sim().externalContacts().seedContacts(CONTACTS);
        Map<Integer, Set<String>> seen = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:scanSplit")
                        .to(unlimited("scan", "pageAll=true&pageSize=10"))
                        .split(body()).streaming()
                        .process(e -> seen.computeIfAbsent(e.getMessage().getHeader("index", Integer.class),
                                k -> ConcurrentHashMap.newKeySet())
                                .add(e.getMessage().getBody(ExternalContact.class).getId()));
            }
        });
        inFlight("direct:scanSplit", 40);
        assertEquals(40, seen.size());
        seen.forEach((i, ids) -> assertEquals(CONTACTS, ids.size(), "exchange " + i + " read every contact once"));
        assertEquals(40 * CONTACTS / 10, sim().requests().count("GET", EC + "/scan/contacts"),
                "one request per page of 10 per exchange");
    }

    @Test
    void scansOnAUsersTwoThreadWorkerPoolAllFinish() throws Exception {
        sim().externalContacts().seedContacts(CONTACTS);
        pool("twoThreads", "user-pool", 2);
        AtomicInteger records = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:scanSplitUserPool")
                        .to(unlimited("scan", "pageAll=true&pageSize=10&workerPool=#twoThreads"))
                        .process(e -> threads.add(Thread.currentThread().getName()))
                        .split(body()).streaming()
                        .process(e -> records.incrementAndGet());
            }
        });
        // the first pages answer late, so that no answer is there before the producer returns (the route would then
        // rightly go on on the thread that sent it, with no hand-over at all)
        sim().faults().on("GET", EC + "/scan/contacts").delay(Duration.ofMillis(100)).times(30);
        inFlight("direct:scanSplitUserPool", 30);
        assertEquals(30 * CONTACTS, records.get());
        // a first page that is there before the producer returns rightly goes on on the sending thread: a starved
        // machine can take the 100 ms delay to get there (as in moreExchangesInFlightThanThreadsAndConnections)
        threads.removeIf(t -> t.contains("ProducerTemplate"));
        assertFalse(threads.isEmpty(), "no exchange continued on the user's pool");
        assertTrue(threads.stream().allMatch(t -> t.startsWith("user-pool-")),
                "the route continued on the user's pool only, never on Jetty's: " + threads);
    }

    @Test
    void bulkOperationsReadingAnotherEndpointsPageAllIteratorAllFinish() throws Exception {
        sim().externalContacts().seedContacts(CONTACTS);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:scanThenBulkGet")
                        .to(unlimited("scan", "pageAll=true&pageSize=10"))
                        // the bulk operation's input is the scan's Iterator: it fetches pages while the batches go
                        .to(unlimited("bulkGet", "bulkBatchSize=10"));
            }
        });
        List<Exchange> done = inFlight("direct:scanThenBulkGet", 30);
        for (Exchange e : done) {
            List<?> got = e.getMessage().getBody(List.class);
            assertEquals(CONTACTS, got.size());
            assertInstanceOf(ExternalContact.class, got.get(0));
            assertEquals(0, e.getMessage().getHeader(ContactsConstants.BULK_FAILURE_COUNT));
        }
        assertEquals(30 * CONTACTS / 10, sim().requests().count("POST", EC + "/bulk/contacts"));
    }

    /**
     * Sends {@code n} gets of one contact at once through a route whose step after the call blocks its thread for a
     * moment, as a JDBC call would; returns the names of the threads that step ran on.
     */
    private Set<String> blockingGets(String options, int n) throws Exception {
        String id = sim().externalContacts().seedContacts(1).get(0);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger steps = new AtomicInteger();
        String from = "direct:blockingGets" + options.hashCode();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from)
                        .to(unlimited("get", "contactId=" + id + "&" + options))
                        .process(e -> {
                            steps.incrementAndGet();
                            threads.add(Thread.currentThread().getName());
                            Thread.sleep(1);
                        });
            }
        });
        // late answers, so that none is there before the producer returns (the route would then rightly go on on
        // the thread that sent it)
        sim().faults().on("GET", EC + "/contacts/" + id).delay(Duration.ofMillis(50));
        List<Exchange> done = inFlight(from, n);
        assertEquals(n, steps.get(), "no continuation was lost");
        done.forEach(e -> assertEquals(id, e.getMessage().getBody(ExternalContact.class).getId()));
        return threads;
    }

    /** A pool of one thread and a queue of one (so that it overflows), bound in the registry under {@code name}. */
    private void boundedPool(String name, java.util.concurrent.RejectedExecutionHandler whenFull) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(1),
                r -> new Thread(r, name + "-" + n.incrementAndGet()), whenFull);
        pools.add(pool);
        context.getRegistry().bind(name, pool);
    }

    @Test
    void moreExchangesInFlightThanThreadsAndConnections() throws Exception {
        pool("oneThread", "single-worker", 1);
        Set<String> threads = blockingGets("workerPool=#oneThread&maxConnectionsPerHost=4", 300);
        // an answer that is there before the producer returns rightly goes on on the sending thread (a starved
        // machine can take the 50 ms delay to get there); every other one on the worker pool, never on Jetty's
        threads.removeIf(t -> t.contains("ProducerTemplate"));
        assertEquals(Set.of("single-worker-1"), threads);
    }

    @Test
    void aBoundedCallerRunsPoolNeverRunsTheRouteOnAnHttpThread() throws Exception {
        // the shape of Camel's default profile (bounded queue, caller runs), scaled down so that it overflows
        boundedPool("tiny", new ThreadPoolExecutor.CallerRunsPolicy());
        Set<String> threads = blockingGets("workerPool=#tiny", 100);
        // an answer that is there before the producer returns rightly goes on on the sending thread (a starved
        // machine can take the 50 ms delay to get there); every other one on the user's pool, never on Jetty's
        threads.removeIf(t -> t.contains("ProducerTemplate"));
        assertEquals(Set.of("tiny-1"), threads,
                "the route ran on the user's pool only, never on the thread that offered it");
    }

    @Test
    void aBoundedPoolThatRefusesIsOfferedTheContinuationAgain() throws Exception {
        boundedPool("refusing", new ThreadPoolExecutor.AbortPolicy());
        Set<String> threads = blockingGets("workerPool=#refusing", 100);
        // as above: an answer there before the producer returned goes on on the sending thread, rightly
        threads.removeIf(t -> t.contains("ProducerTemplate"));
        assertEquals(Set.of("refusing-1"), threads);
    }

    @Test
    void synchronousCallersOnManyThreadsEachGetTheirOwnAnswer() throws Exception {
        List<String> ids = sim().externalContacts().seedContacts(50);
        pool("callers", "caller", 50);
        // straight to the endpoint, no route: a waiting caller is woken from the I/O thread, or through the worker
        // pool when the answer came before the caller started to wait
        List<java.util.concurrent.Future<List<String>>> callers = new ArrayList<>();
        for (String id : ids) {
            String uri = unlimited("get", "contactId=" + id);
            callers.add(pools.get(0).submit(() -> {
                List<String> got = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    got.add(template.requestBody(uri, null, ExternalContact.class).getId());
                }
                return got;
            }));
        }
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(java.util.Collections.nCopies(20, ids.get(i)), callers.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }
}
