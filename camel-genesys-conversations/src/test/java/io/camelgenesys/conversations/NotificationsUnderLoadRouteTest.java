package io.camelgenesys.conversations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.SelectorReads;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notifications WebSocket shares its connection's Jetty client with the REST calls, whose reads core runs on the
 * selector thread (core README, "Threads"); an upgraded connection keeps Jetty's own reads. Here: the socket's frames
 * are read by Jetty's pool threads, not by the selector (Jetty's own counters); and many numbered events (far more in
 * flight than the worker pool has threads) arrive while REST calls, some of which publish events themselves, run on
 * the same connection and the channel is replaced (a socket closing notice) in the middle: the socket reads every
 * event while every worker is held (its reads never wait for the pool), every event arrives exactly once, no gap, and
 * no route runs on a Jetty thread.
 */
class NotificationsUnderLoadRouteTest extends CloudTestSupport {

    static final int EVENTS = 4000;
    static final int REST_CALLS = 100; // with the 20 presence calls, well within Genesys' 300 requests a minute
    /** Every endpoint has the same settings (one connection); no client-side budget to wait for. */
    static final String NO_RATE_LIMIT = "rateLimit=0";

    @Test
    void everyNumberedEventArrivesOnceWhileRestCallsShareTheConnection() throws Exception {
        notifications().defineTopic("v2.test.{id}.load", "numbered events under load");
        notifications().heartbeatInterval(Duration.ofMillis(200));
        // Genesys' grace, one minute: the consumer closes the announced socket itself once the new channel took over.
        // (With 3 s, a loaded machine's replacement, slowed by the REST calls it waits behind, could take longer:
        // Genesys then closed the old socket before the new subscription, a real gap with lost events.)
        notifications().socketClosingGrace(Duration.ofSeconds(60));
        String user = cloud().seedUsers(1).get(0);
        // a pool of 2 threads: thousands of events and hundreds of REST continuations wait in line for them
        ExecutorService workers = context.getExecutorServiceManager().newFixedThreadPool(this, "tinyPool", 2);
        context.getRegistry().bind("tinyPool", workers);
        Map<Integer, AtomicInteger> received = new ConcurrentHashMap<>();
        List<String> routeThreads = new CopyOnWriteArrayList<>();
        AtomicInteger presenceEvents = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the heartbeat settings are the default ones (30 s, 3 missed): that reads never wait for the pool is
                // shown below with the workers held, not by a second of silence counting as a drop, which a loaded
                // machine's stall alone also caused (a 1.4 s stall pinned to one core: a gap, 169 events lost)
                from(uri("v2.test.l1.load", "workerPool=#tinyPool"))
                        .routeId("load")
                        .process(e -> {
                            routeThreads.add(Thread.currentThread().getName());
                            Object seq = e.getMessage().getBody(Map.class).get("seq");
                            received.computeIfAbsent(seq instanceof Integer i ? i : -1, k -> new AtomicInteger())
                                    .incrementAndGet();
                        });
                from(uri("v2.users." + user + ".presence", "workerPool=#tinyPool")).routeId("presence")
                        .process(e -> presenceEvents.incrementAndGet());
                from("direct:rest").to(uri("users", "get", "userId=" + user + "&workerPool=#tinyPool&" + NO_RATE_LIMIT));
                from("direct:presence").to(uri("users", "setPresence", "userId=" + user + "&workerPool=#tinyPool&"
                                                                       + NO_RATE_LIMIT));
            }
        });
        Await.until("both consumers UP", 20_000, () -> up("load") && up("presence"));
        NotificationsConsumer consumer = (NotificationsConsumer) context.getRoute("load").getConsumer();
        // UP can come before the server reported the socket's open; the closing notice below needs the socket
        Await.until("the simulator has the socket", 20_000,
                () -> notifications().isConnected(consumer.supervisor().channelId()));

        // both workers held: until released, no route and no REST continuation runs, while the events arrive
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            workers.execute(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(holding.await(30, TimeUnit.SECONDS), "both workers held");
        List<CompletableFuture<Object>> rest = new ArrayList<>();
        int presenceCalls = 0;
        for (int seq = 0; seq < EVENTS; seq++) {
            // one channel, two while the replacement overlaps the old one
            assertTrue(notifications().publish("v2.test.l1.load", Map.of("seq", seq, "pad", "x".repeat(seq % 700))) >= 1);
            if (seq % (EVENTS / REST_CALLS) == 0) {
                rest.add(template.asyncRequestBody("direct:rest", null));
            }
            if (seq % 200 == 0) {
                rest.add(template.asyncRequestBody("direct:presence",
                        Map.of("presenceDefinition", Map.of("id", seq % 400 == 0 ? "presence-busy" : "presence-available"))));
                presenceCalls++;
            }
            if (seq == EVENTS / 2) {
                notifications().closeSockets(true); // Genesys announces the close: the channel is replaced meanwhile
            }
        }
        // with every worker held, the channel read every numbered event (each waits for the route in the consumer's
        // queue): a socket's reads never wait for the pool. Waited for as long as the reads progress.
        try {
            Await.whileProgressing("every numbered event read while the workers are held", 20_000, 300_000,
                    () -> consumer.supervisor().eventCount(), () -> consumer.status().pending() >= EVENTS);
        } catch (AssertionError e) {
            release.countDown();
            throw new AssertionError(e.getMessage() + ": " + stages(consumer, received, presenceEvents), e);
        }
        assertEquals(0, received.size(), "a route ran while both workers were held");
        release.countDown();
        for (CompletableFuture<Object> f : rest) {
            f.get(120, TimeUnit.SECONDS); // every REST call answered
        }
        int expectedPresence = presenceCalls;
        try {
            // as long as the routes progress: a loaded machine is slow, a lost event stops the count for good
            Await.whileProgressing("every numbered event delivered", 20_000, 300_000, received::size,
                    () -> received.size() == EVENTS);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + stages(consumer, received, presenceEvents), e);
        }
        Await.until("every presence event delivered", 60_000, () -> presenceEvents.get() >= expectedPresence);
        assertTrue(notifications().awaitIdle(Duration.ofSeconds(5)));
        Thread.sleep(300); // stragglers, if any, would be duplicates

        List<Integer> notOnce = new ArrayList<>();
        for (int seq = 0; seq < EVENTS; seq++) {
            AtomicInteger n = received.get(seq);
            if (n == null || n.get() != 1) {
                notOnce.add(seq);
            }
        }
        assertEquals(List.of(), notOnce, "events not received exactly once");
        assertFalse(received.containsKey(-1));
        assertEquals(expectedPresence, presenceEvents.get(), "one presence event per setPresence call");
        assertEquals(0, consumer.supervisor().gapCount(), "no socket dropped (a gap loses events)");
        assertTrue(consumer.supervisor().handoverCount() >= 1, "the closing notice replaced the channel");
        routeThreads.forEach(t -> assertTrue(t.contains("tinyPool"), "a route ran on " + t));
    }

    @Test
    void theSocketsFramesAreReadByJettyPoolThreadsNotByTheSelector() throws Exception {
        notifications().defineTopic("v2.test.{id}.frames", "numbered events");
        Map<Integer, AtomicInteger> received = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("v2.test.f1.frames", "")).routeId("frames").process(e -> received.computeIfAbsent(
                        (Integer) e.getMessage().getBody(Map.class).get("seq"), k -> new AtomicInteger())
                        .incrementAndGet());
            }
        });
        Await.until("consumer UP", 20_000, () -> up("frames"));
        // the channel's REST calls (token, channel, subscription) were answered: from now on only frames arrive
        SelectorReads selector = SelectorReads.ofOnlyConnection(context);
        long onBefore = selector.onSelector();
        long offBefore = selector.offSelector();
        int events = 500;
        for (int seq = 0; seq < events; seq++) {
            notifications().publish("v2.test.f1.frames", Map.of("seq", seq));
        }
        Await.until("every event delivered", 30_000, () -> received.size() == events);
        long onSelector = selector.onSelector() - onBefore;
        long offSelector = selector.offSelector() - offBefore;
        // the upgraded connection's reads are Jetty's own (pool threads); the REST connections' stay on the selector
        assertTrue(offSelector >= 1, "the frames were read by pool threads: " + selector);
        assertTrue(onSelector < 10, "the selector read " + onSelector + " times while only frames arrived (" + events
                                    + " events, " + offSelector + " reads by pool threads)");
        received.forEach((seq, n) -> assertEquals(1, n.get(), "event " + seq));
    }

    /** Which stage stopped: the simulator's writes, the sockets' reads, the route; and whether a socket dropped. */
    private String stages(NotificationsConsumer consumer, Map<Integer, AtomicInteger> received,
                          AtomicInteger presenceEvents) {
        List<Integer> missing = new ArrayList<>();
        for (int seq = 0; seq < EVENTS && missing.size() < 10; seq++) {
            if (!received.containsKey(seq)) {
                missing.add(seq);
            }
        }
        String topic = "v2.test.l1.load";
        return "received " + received.size() + " of " + EVENTS + " (first missing " + missing + "); published "
               + notifications().published(topic) + ", written to a socket " + notifications().delivered(topic)
               + "; the channel read " + consumer.supervisor().eventCount() + " events (with " + presenceEvents.get()
               + " presence routed) + duplicates " + consumer.supervisor().duplicateCount() + "; routed "
               + consumer.getDeliveredCount() + " (pending " + consumer.status().pending() + "); drops "
               + consumer.supervisor().dropCount() + ", gaps " + consumer.supervisor().gapCount() + ", handovers "
               + consumer.supervisor().handoverCount() + ", channels " + consumer.supervisor().channelsCreated();
    }

    private boolean up(String routeId) {
        return HealthCheckHelper.invoke(context, "consumer:" + routeId, Map.of())
                .map(r -> r.getState() == HealthCheck.State.UP).orElse(false);
    }

    private io.camelgenesys.simulator.notifications.Notifications notifications() {
        return sim().notifications();
    }

    private String uri(String topic, String options) {
        return "genesys-notifications:" + topic + "?" + io.camelgenesys.core.test.SimulatorSupport.cloud(sim())
               + "&" + NO_RATE_LIMIT + (options.isEmpty() ? "" : "&" + options);
    }
}
