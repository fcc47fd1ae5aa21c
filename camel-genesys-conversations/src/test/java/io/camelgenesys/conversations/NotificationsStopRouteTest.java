package io.camelgenesys.conversations;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.SimulatorSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping a genesys-notifications route while events wait for it: the events the consumer already took from the
 * socket (queued for the worker pool) run through the route before {@code stopRoute} returns, as Camel's graceful
 * shutdown does for a consumer's pending exchanges. Genesys does not replay a notification: an event dropped at stop
 * is gone, and one run after the route "stopped" surprises a route that was stopped to switch what it writes to.
 */
class NotificationsStopRouteTest extends CloudTestSupport {

    static final int QUEUED = 10;

    @BeforeEach
    void topicAndPool() {
        sim().notifications().defineTopic("v2.test.{id}.stop", "events for the stop test");
        // one worker: an exchange that holds it makes the other events wait in line for it
        context.getRegistry().bind("onePool",
                context.getExecutorServiceManager().newFixedThreadPool(this, "onePool", 1));
    }

    @Test
    void eventsQueuedWhenTheRouteStopsAreDeliveredBeforeTheStopReturns() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Object> received = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("v2.test.busy.stop")).routeId("busy").process(e -> {
                    entered.countDown();
                    assertTrue(release.await(60, TimeUnit.SECONDS), "the test released the worker");
                });
                from(uri("v2.test.s1.stop")).routeId("stop")
                        .process(e -> received.add(e.getMessage().getBody(Map.class).get("seq")));
            }
        });
        NotificationsConsumer consumer = (NotificationsConsumer) context.getRoute("stop").getConsumer();
        awaitUpWithSocket("busy", "stop");

        sim().notifications().publish("v2.test.busy.stop", Map.of("seq", -1));
        assertTrue(entered.await(20, TimeUnit.SECONDS), "the busy route holds the worker");
        for (int i = 0; i < QUEUED; i++) {
            sim().notifications().publish("v2.test.s1.stop", Map.of("seq", i));
        }
        Await.until("the events queued for the route", 20_000, () -> consumer.status().pending() == QUEUED);

        CompletableFuture<Integer> deliveredWhenStopped = CompletableFuture.supplyAsync(() -> {
            try {
                context.getRouteController().stopRoute("stop", 60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return received.size();
        });
        // the stop is under way: the consumer takes no new event (suspended, or stopped at once)
        Await.until("the consumer suspended or stopped", 20_000,
                () -> consumer.isSuspendingOrSuspended() || !consumer.isRunAllowed());
        release.countDown();

        // every event the consumer had taken from the socket ran through the route, in order, before the stop ended
        assertEquals(QUEUED, deliveredWhenStopped.get(60, TimeUnit.SECONDS), "events delivered when stopRoute returned");
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), received);
    }

    /**
     * A suspended route takes no event: one that arrives meanwhile is not delivered (Genesys does not replay it), and
     * the resume says how many were missed; after the resume, events are delivered again.
     */
    @Test
    void aSuspendedRouteSaysAtResumeHowManyEventsItMissed() throws Exception {
        List<Object> received = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("v2.test.s2.stop")).routeId("suspend")
                        .process(e -> received.add(e.getMessage().getBody(Map.class).get("seq")));
            }
        });
        awaitUpWithSocket("suspend");
        String channel = sim().notifications().channelIds().iterator().next();
        LogCapture logs = LogCapture.install();
        try {
            context.getRouteController().suspendRoute("suspend");
            sim().notifications().publish("v2.test.s2.stop", Map.of("seq", 1));
            sim().notifications().publish("v2.test.s2.stop", Map.of("seq", 2));
            Await.until("both events written to the socket", 20_000,
                    () -> sim().notifications().delivered(channel, "v2.test.s2.stop") == 2);
            NotificationsConsumer consumer = (NotificationsConsumer) context.getRoute("suspend").getConsumer();
            Await.until("both events reached the suspended consumer", 20_000,
                    () -> consumer.missedWhileSuspended() == 2);
            // events are being dropped: the consumer is not reported UP while suspended (Camel's consumer check
            // reports the suspended route DOWN itself, without asking the consumer's own check)
            HealthCheck.Result suspended = HealthCheckHelper.invoke(context, "consumer:suspend", Map.of())
                    .orElseThrow();
            assertEquals(HealthCheck.State.DOWN, suspended.getState());
            assertEquals("Suspended", suspended.getDetails().get("route.status"));
            context.getRouteController().resumeRoute("suspend");
            assertTrue(up("suspend"), "UP again after the resume");
            assertTrue(logs.matching(c -> c.message().contains("2 event(s) arrived while the route was suspended"))
                    .size() == 1, logs.events().toString());
            sim().notifications().publish("v2.test.s2.stop", Map.of("seq", 3));
            Await.until("the event after the resume delivered", 20_000, () -> received.contains(3));
            assertEquals(List.of(3), received);
        } finally {
            logs.uninstall();
        }
    }

    /**
     * A route slower than its topics: the events waiting for it are bounded (maxPendingEvents), not held until the heap
     * runs out; one past the bound is not queued but counted and reported as a gap: the next event delivered carries
     * CamelGenesysNotificationGapSince, so the route knows to re-read the state.
     */
    @Test
    void eventsWaitingForASlowRouteAreBoundedAndTheOverflowIsReportedAsAGap() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Object> received = new CopyOnWriteArrayList<>();
        List<Object> gapSince = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("v2.test.s3.stop") + "&maxPendingEvents=5").routeId("slow").process(e -> {
                    Object seq = e.getMessage().getBody(Map.class).get("seq");
                    if (Integer.valueOf(0).equals(seq)) {
                        entered.countDown();
                        assertTrue(release.await(60, TimeUnit.SECONDS), "the test released the route");
                    }
                    received.add(seq);
                    Object since = e.getMessage().getHeader(NotificationsConstants.NOTIFICATION_GAP_SINCE);
                    if (since != null) {
                        gapSince.add(seq);
                    }
                });
            }
        });
        NotificationsConsumer consumer = (NotificationsConsumer) context.getRoute("slow").getConsumer();
        awaitUpWithSocket("slow");
        String channel = sim().notifications().channelIds().iterator().next();

        sim().notifications().publish("v2.test.s3.stop", Map.of("seq", 0));
        assertTrue(entered.await(20, TimeUnit.SECONDS), "the first event holds the route");
        try {
            for (int i = 1; i <= 20; i++) {
                sim().notifications().publish("v2.test.s3.stop", Map.of("seq", i));
            }
            Await.until("every event written to the socket", 20_000,
                    () -> sim().notifications().delivered(channel, "v2.test.s3.stop") == 21);
            Await.until("every event taken by the consumer", 20_000,
                    () -> consumer.status().pending() + consumer.getOverflowCount() == 20);
            assertEquals(5, consumer.status().pending(), "events waiting for the route");
            assertEquals(15, consumer.getOverflowCount());
            assertEquals(15L, HealthCheckHelper.invoke(context, "consumer:slow", Map.of()).orElseThrow().getDetails()
                    .get("genesys.notifications.overflowed"));
        } finally {
            release.countDown();
        }
        // the queue drained first: published while the 5 still wait, 21 would overflow too (a slow machine wakes the
        // released route later than the socket delivers)
        Await.until("the waiting events delivered", 20_000, () -> received.contains(5));
        sim().notifications().publish("v2.test.s3.stop", Map.of("seq", 21));
        Await.until("the event after the overflow delivered", 20_000, () -> received.contains(21));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 21), received);
        assertEquals(List.of(21), gapSince, "the first event after the lost ones says there was a gap");
    }

    String uri(String topic) {
        return "genesys-notifications:" + topic + "?workerPool=#onePool&" + SimulatorSupport.cloud(sim());
    }

    /** The routes' consumers UP and the simulator holding their socket (UP can come before the server saw it). */
    void awaitUpWithSocket(String... routeIds) {
        Await.until("the consumers UP", 20_000, () -> java.util.Arrays.stream(routeIds).allMatch(this::up));
        Await.until("the simulator has the socket", 20_000,
                () -> sim().notifications().channelIds().stream().anyMatch(sim().notifications()::isConnected));
    }

    boolean up(String routeId) {
        return HealthCheckHelper.invoke(context, "consumer:" + routeId, Map.of())
                .map(r -> r.getState() == HealthCheck.State.UP).orElse(false);
    }
}
