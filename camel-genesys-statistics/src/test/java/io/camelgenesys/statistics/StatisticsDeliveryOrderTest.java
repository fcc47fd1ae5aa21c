package io.camelgenesys.statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.simulator.Statistics;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 9 item 2: the CometD side restarts again and again while Genesys publishes every 50 ms. After each new
 * session the consumer re-reads its subscription's values over REST (here answered 100 ms late, so live updates always
 * race the answer) and emits them as InitialValues. Per statistic the route must never see a value older than the
 * one before it, never the same value twice (except the documented re-statement: the first value of a statistic after a
 * recovery may repeat an unchanged value as InitialValues, when no live update of it arrived in the new session
 * first), and nothing the server sent to the consumer's session may be missing.
 */
class StatisticsDeliveryOrderTest extends StatisticsConsumerTestSupport {

    private static final String VALUES_PATH = "/statistics/v3/subscriptions/*/statistic-values";

    /** One exchange as the route saw it (values compared as text: the wire does not keep Integer vs Long). */
    record Delivered(String eventType, long timestamp, String value, long arrivalNanos) {

        boolean sameValueAs(Delivered other) {
            return timestamp == other.timestamp && Objects.equals(value, other.value);
        }
    }

    private final Map<String, List<Delivered>> byStatistic = new ConcurrentHashMap<>();

    @Test
    void cometdRestartsDuring50msPublishingNeitherDuplicateNorRegressNorLose() throws Exception {
        restartsWhilePublishing(0);
    }

    /**
     * The same with bursts: every 50 ms ten updates of each statistic at once, so CometD responses carry many
     * messages and the consumer's thread is woken once per response (after its last message), across the restarts.
     */
    @Test
    void cometdRestartsDuringBurstsNeitherDuplicateNorRegressNorLose() throws Exception {
        restartsWhilePublishing(10);
    }

    /** @param burst 0: the simulator publishes every 50 ms; n: n updates at once every 50 ms */
    private void restartsWhilePublishing(int burst) throws Exception {
        StatisticsConsumer consumer = recordingRouteWithInitialValues();
        String id = consumer.getSubscriptionId();

        List<Long> subscribedAt = new CopyOnWriteArrayList<>();
        sim().cometd().onSubscribe((session, channel) -> {
            if (StatisticsConsumer.UPDATES.equals(channel)) {
                subscribedAt.add(System.nanoTime());
            }
        });
        // what the server actually sent to the consumer's sessions (a message still queued for a session when it is
        // dropped is lost by the server, not by the consumer)
        List<Published> sent = new CopyOnWriteArrayList<>();
        // when the server sent each value: a value sent before a new session was subscribed was offered to the consumer
        // before its recovery began, however late the route got it (on a loaded machine the route ran it after the
        // subscribe, and its re-statement by the values read then was taken for a duplicate)
        Map<Published, Long> sentAt = new ConcurrentHashMap<>();
        sim().cometd().addListener(new BayeuxServer.SessionListener() {
            @Override
            public void sessionAdded(ServerSession session, ServerMessage message) {
                session.addListener((ServerSession.DeQueueListener) (s, queue) -> queue.forEach(m -> {
                    if (StatisticsConsumer.UPDATES.equals(m.getChannel())) {
                        long now = System.nanoTime();
                        List<Published> values = entries(m.getDataAsMap(), id);
                        values.forEach(v -> sentAt.putIfAbsent(v, now));
                        sent.addAll(values);
                    }
                }));
            }
        });
        // the re-read after each new session answers late: live updates always arrive before it
        sim().faults().on("GET", VALUES_PATH).delay(Duration.ofMillis(100));
        java.util.concurrent.ScheduledExecutorService bursts = null;
        if (burst == 0) {
            sim().statistics().setUpdateInterval(Duration.ofMillis(50));
        } else {
            bursts = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            bursts.scheduleWithFixedDelay(() -> {
                for (int i = 0; i < burst; i++) {
                    sim().statistics().publishUpdates();
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
        }

        int restarts = 12;
        for (int i = 0; i < restarts; i++) {
            Thread.sleep(250 + ThreadLocalRandom.current().nextInt(250));
            int reads = sim().requests().count("GET", VALUES_PATH);
            long handshakes = consumer.notifications().handshakeCount();
            sim().cometd().dropAllSessions();
            await("a new session", 10_000, () -> consumer.notifications().handshakeCount() > handshakes);
            await("the values re-read", 10_000, () -> sim().requests().count("GET", VALUES_PATH) > reads);
        }
        Thread.sleep(300);
        sim().statistics().setUpdateInterval(Duration.ZERO);
        if (bursts != null) {
            bursts.shutdown();
            assertTrue(bursts.awaitTermination(10, TimeUnit.SECONDS));
        }
        List<Statistics.Publication> publications = sim().statistics().publications();
        Map<String, Published> last = lastPublished(publications, id);
        await("the last published values delivered", 10_000, () -> last.values().stream().allMatch(p -> {
            List<Delivered> d = delivered(p.statisticId());
            return !d.isEmpty() && d.get(d.size() - 1).timestamp() >= p.timestamp();
        }));
        assertEquals(java.util.Set.of(id), sim().statistics().subscriptionIds(), "the same subscription throughout");

        List<String> problems = new ArrayList<>();
        for (String statisticId : sim().statistics().statisticIds(id)) {
            List<Delivered> d = delivered(statisticId);
            for (int i = 1; i < d.size(); i++) {
                Delivered before = d.get(i - 1);
                Delivered now = d.get(i);
                if (now.timestamp() < before.timestamp()) {
                    problems.add(statisticId + ": backwards, " + now + " after " + before);
                } else if (now.sameValueAs(before) && !isRestatement(now, before, subscribedAt,
                        sentAt.get(new Published(statisticId, before.timestamp(), before.value())))) {
                    problems.add(statisticId + ": duplicate, " + now + " after " + before);
                }
            }
        }
        int checked = 0;
        for (Published v : sent) {
            checked++;
            List<Delivered> d = delivered(v.statisticId());
            if (d.stream().anyMatch(x -> x.timestamp() == v.timestamp() && Objects.equals(x.value(), v.value()))) {
                continue;
            }
            // not delivered: only right when a re-read with a later value got there first
            Delivered next = d.stream().filter(x -> x.timestamp() > v.timestamp()).findFirst().orElse(null);
            if (next == null || !StatisticsConstants.INITIAL_VALUES.equals(next.eventType())) {
                problems.add(v.statisticId() + ": lost " + v + ", next delivered " + next);
            }
        }
        assertTrue(checked > 2 * restarts, "values sent to the consumer were checked: " + checked);
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) over " + restarts + " restarts:\n" + String.join("\n", problems));
        }
    }

    /**
     * The race the restarts test met on a loaded machine: in the new CometD session Genesys publishes an update right
     * as the channel is subscribed, and the consumer receives it before the subscribe reply (ahead of the reply in the
     * same response, or with a connect while the reply is on its way). The values read after the new session are that
     * update again: a live update got there first, so they are not re-stated (the recovery was marked after the live
     * update, when the subscribe replies arrived, and the route got each value twice).
     */
    @Test
    void aLiveUpdateAheadOfTheNewSessionsSubscribeReplyIsNotDeliveredAgain() throws Exception {
        StatisticsConsumer consumer = recordingRouteWithInitialValues();
        String id = consumer.getSubscriptionId();

        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger published = new java.util.concurrent.atomic.AtomicInteger();
        sim().cometd().onSubscribe((session, channel) -> {
            if (StatisticsConsumer.UPDATES.equals(channel) && armed.compareAndSet(true, false)) {
                int updatesBefore = count(StatisticsConstants.STATISTIC_UPDATE);
                published.set(sim().statistics().publishUpdates());
                // the subscribe reply waits until the route has the update (delivered with a connect), or 2 s at most
                // (the update goes out with this reply, ahead of it)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (count(StatisticsConstants.STATISTIC_UPDATE) == updatesBefore && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
        long staleBefore = consumer.getStaleValuesDropped();
        int initialBefore = count(StatisticsConstants.INITIAL_VALUES);
        int reads = sim().requests().count("GET", VALUES_PATH);
        armed.set(true);
        sim().cometd().dropAllSessions();

        await("the values re-read after the new session", 10_000, () -> sim().requests().count("GET", VALUES_PATH) > reads);
        await("the re-read values delivered or dropped", 10_000,
                () -> count(StatisticsConstants.INITIAL_VALUES) - initialBefore
                      + consumer.getStaleValuesDropped() - staleBefore >= 2);
        assertEquals(1, published.get(), "the update published in the new session");
        for (String statisticId : sim().statistics().statisticIds(id)) {
            List<Delivered> d = delivered(statisticId);
            Delivered update = d.stream().filter(x -> StatisticsConstants.STATISTIC_UPDATE.equals(x.eventType()))
                    .findFirst().orElseThrow(() -> new AssertionError(statisticId + ": no live update in " + d));
            assertEquals(List.of(update), d.stream().filter(update::sameValueAs).toList(),
                    statisticId + ": the live update once, not re-stated by the values read after it: " + d);
        }
        assertEquals(2, consumer.getStaleValuesDropped() - staleBefore, "the re-read values were the update's");
        assertEquals(initialBefore, count(StatisticsConstants.INITIAL_VALUES));
    }

    /** Route r1 records what it gets; returns its consumer once the subscription is live and its values arrived. */
    private StatisticsConsumer recordingRouteWithInitialValues() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(subscribe("statistics=" + TWO_STATS)).routeId("r1").process(StatisticsDeliveryOrderTest.this::record);
            }
        });
        StatisticsConsumer consumer = consumer("r1");
        awaitSubscription(consumer);
        awaitCount("the initial values", () -> byStatistic.size() == 2);
        return consumer;
    }

    private int count(String eventType) {
        int n = 0;
        for (String statisticId : byStatistic.keySet()) {
            n += (int) delivered(statisticId).stream().filter(d -> eventType.equals(d.eventType())).count();
        }
        return n;
    }

    /**
     * Issue 9 item 4: the delivery pool's CallerRuns fallback ran the route on the CometD thread once 1,000 tasks
     * waited. A route that is stuck while 3,000 notifications (6,000 values) arrive: every exchange still runs on the
     * consumer's own thread, more than half the queue's capacity waits (so the CometD session holds its polls), and
     * once the route moves on every value arrives, once, in order.
     */
    @Test
    void aStuckRouteRunsOnlyOnTheConsumersThreadAndLosesNothing() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(subscribe("initialValues=false&statistics=" + TWO_STATS)).routeId("r1").process(e -> {
                    threads.add(Thread.currentThread().getName());
                    release.await(30, TimeUnit.SECONDS);
                    record(e);
                });
            }
        });
        StatisticsConsumer consumer = consumer("r1");
        String id = awaitSubscription(consumer);
        int notifications = 3_000;
        for (int i = 0; i < notifications; i++) {
            assertEquals(1, sim().statistics().publishUpdates());
        }
        await("more than half the capacity waiting", 15_000, () -> consumer.getPendingValues()
                                                                    > StatisticsConsumer.MAX_PENDING_VALUES / 2);
        release.countDown();
        awaitEachValueOnceInOrder(id, notifications);
        assertEquals(1, threads.size(), "one thread: " + threads);
        assertTrue(threads.iterator().next().contains("CamelGenesysStatistics[r1]"), threads.toString());
        assertEquals(0, consumer.getOverflowValuesDropped());
        assertEquals(0, consumer.getStaleValuesDropped());
        Thread.sleep(300);
        assertEquals(2 * notifications, byStatistic.values().stream().mapToInt(List::size).sum(), "nothing more");
    }

    /**
     * A route stuck while twice what the queue holds arrives: what does not fit is dropped and counted, and once the
     * route has caught up the current values are read again and reach it (as InitialValues), so it ends with the
     * latest value of each statistic, in order, none twice. (The dropped values were recorded as delivered, so the
     * values read again, equal to the last ones dropped, were dropped as stale: the route kept the value from before
     * the overflow for good.)
     */
    @Test
    void aRouteThatOverflowedStillEndsWithTheLatestValues() throws Exception {
        routeThatOverflowsEndsWithTheLatestValues(true);
    }

    /**
     * The same without initial values (initialValues=false): the values read again after the overflow that changed
     * since the last one the route got still reach it. (They were emitted only with initialValues=true.)
     */
    @Test
    void aRouteWithoutInitialValuesThatOverflowedStillEndsWithTheLatestValues() throws Exception {
        routeThatOverflowsEndsWithTheLatestValues(false);
    }

    private void routeThatOverflowsEndsWithTheLatestValues(boolean initialValues) throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(subscribe("initialValues=" + initialValues + "&statistics=" + TWO_STATS)).routeId("r1").process(e -> {
                    release.await(60, TimeUnit.SECONDS);
                    record(e);
                });
            }
        });
        StatisticsConsumer consumer = consumer("r1");
        String id = awaitSubscription(consumer);
        // two values each: twice what the queue holds
        int notifications = StatisticsConsumer.MAX_PENDING_VALUES;
        for (int i = 0; i < notifications; i++) {
            assertEquals(1, sim().statistics().publishUpdates());
        }
        // every value reached the consumer (waiting, or dropped for want of room; without initial values the first
        // update is in the route), so none comes later to make up for the last ones dropped
        long arrived = 2L * notifications - (initialValues ? 0 : 2);
        // (stale: the simulator publishes several notifications per millisecond and cycles the agent states, so a
        // value that does not fit can equal, timestamp and all, the last one that did: the same value)
        await("every value queued or dropped", 30_000, () -> consumer.getPendingValues()
                                                             + consumer.getOverflowValuesDropped()
                                                             + consumer.getStaleValuesDropped() == arrived);
        assertTrue(consumer.getOverflowValuesDropped() > 0);
        release.countDown();

        Map<String, Published> latest = lastPublished(sim().statistics().publications(), id);
        assertEquals(2, latest.size());
        await("the latest value of each statistic delivered", 30_000, () -> latest.values().stream().allMatch(p -> {
            List<Delivered> d = delivered(p.statisticId());
            return !d.isEmpty() && d.get(d.size() - 1).timestamp() == p.timestamp()
                   && d.get(d.size() - 1).value().equals(p.value());
        }));
        for (String statisticId : latest.keySet()) {
            List<Delivered> d = delivered(statisticId);
            assertEquals(StatisticsConstants.INITIAL_VALUES, d.get(d.size() - 1).eventType(), "read again, after the drops");
            for (int i = 1; i < d.size(); i++) {
                assertTrue(d.get(i).timestamp() >= d.get(i - 1).timestamp(), statisticId + " in order at " + i);
                assertTrue(!d.get(i).sameValueAs(d.get(i - 1)), statisticId + " no duplicate at " + i);
            }
        }
        int total = byStatistic.values().stream().mapToInt(List::size).sum();
        Thread.sleep(300);
        assertEquals(total, byStatistic.values().stream().mapToInt(List::size).sum(), "nothing more");
        long updates = byStatistic.values().stream().flatMap(List::stream)
                .filter(d -> StatisticsConstants.STATISTIC_UPDATE.equals(d.eventType())).count();
        assertEquals(2L * notifications, updates + consumer.getOverflowValuesDropped() + consumer.getStaleValuesDropped(),
                "each published value delivered or counted as dropped (for want of room, or the same value again)");
    }

    /**
     * A route that goes asynchronous (an asynchronous delay completes each exchange on a Camel scheduler thread): the
     * consumer's thread waits for each exchange to finish before the next one starts, so the values still arrive once,
     * in order, one exchange in the route at a time; a failure after the asynchronous step still reaches the
     * consumer's exception handler, and the consumer carries on.
     */
    @Test
    void anAsynchronousRouteGetsOneExchangeAtATimeInOrder() throws Exception {
        withLogs(this::asynchronousRoute);
    }

    private interface LogsTest {
        void run(io.camelgenesys.core.test.LogCapture logs) throws Exception;
    }

    private static void withLogs(LogsTest test) throws Exception {
        io.camelgenesys.core.test.LogCapture logs = io.camelgenesys.core.test.LogCapture.install();
        try {
            test.run(logs);
        } finally {
            logs.uninstall();
        }
    }

    private void asynchronousRoute(io.camelgenesys.core.test.LogCapture logs) throws Exception {
        java.util.concurrent.atomic.AtomicInteger inRoute = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostInRoute = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Set<String> entered = ConcurrentHashMap.newKeySet();
        java.util.Set<String> completed = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(subscribe("initialValues=false&statistics=" + TWO_STATS)).routeId("r1")
                        .process(e -> {
                            entered.add(Thread.currentThread().getName());
                            mostInRoute.accumulateAndGet(inRoute.incrementAndGet(), Math::max);
                        })
                        .delay(2).asyncDelayed()
                        .process(e -> {
                            completed.add(Thread.currentThread().getName());
                            inRoute.decrementAndGet();
                            record(e);
                            if (failures.get() == 0) {
                                failures.incrementAndGet();
                                throw new IllegalStateException("the first value fails after the asynchronous step");
                            }
                        });
            }
        });
        StatisticsConsumer consumer = consumer("r1");
        String id = awaitSubscription(consumer);
        int notifications = 100;
        for (int i = 0; i < notifications; i++) {
            assertEquals(1, sim().statistics().publishUpdates());
        }
        awaitEachValueOnceInOrder(id, notifications);
        assertEquals(1, mostInRoute.get(), "one exchange in the route at a time");
        assertEquals(1, entered.size(), "the route starts on the consumer's thread only: " + entered);
        assertTrue(entered.iterator().next().contains("CamelGenesysStatistics[r1]"), entered.toString());
        assertTrue(completed.stream().noneMatch(t -> t.contains("CamelGenesysStatistics")),
                "the asynchronous step completed elsewhere: " + completed);
        assertTrue(completed.stream().noneMatch(t -> t.contains("HttpClient") || t.contains("cometd")), completed.toString());
        assertEquals(1, failures.get());
        assertEquals(1, logs.matching(c -> c.message().contains("Processing a Genesys statistics exchange failed")).size(),
                "the failure reached the consumer's exception handler once");
        Thread.sleep(300);
        assertEquals(2 * notifications, byStatistic.values().stream().mapToInt(List::size).sum(), "nothing more");
    }

    /**
     * A route that went asynchronous and never completes, stopped with short timeouts: the consumer's thread, waiting
     * for it, is interrupted by the pool's shutdown; the route stops, the wait is reported to the exception handler
     * (not swallowed), and the route starts again and delivers.
     */
    @Test
    void aStuckAsynchronousRouteIsReportedWhenTheRouteIsForcedToStop() throws Exception {
        withLogs(this::stuckAsynchronousRoute);
    }

    private void stuckAsynchronousRoute(io.camelgenesys.core.test.LogCapture logs) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stuck = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger entered = new java.util.concurrent.atomic.AtomicInteger();
        context.getShutdownStrategy().setTimeout(1);
        context.getExecutorServiceManager().setShutdownAwaitTermination(500);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(subscribe("initialValues=false&statistics=" + TWO_STATS)).routeId("r1")
                        .process(new org.apache.camel.support.AsyncProcessorSupport() {
                            @Override
                            public boolean process(Exchange exchange, org.apache.camel.AsyncCallback callback) {
                                if (stuck.get()) {
                                    entered.incrementAndGet();
                                    return false; // never calls back
                                }
                                callback.done(true);
                                return true;
                            }
                        })
                        .process(StatisticsDeliveryOrderTest.this::record);
            }
        });
        StatisticsConsumer consumer = consumer("r1");
        awaitSubscription(consumer);
        assertEquals(1, sim().statistics().publishUpdates());
        await("the first exchange stuck in the route", 10_000, () -> entered.get() == 1);
        context.getRouteController().stopRoute("r1");
        assertTrue(context.getRouteController().getRouteStatus("r1").isStopped());
        assertEquals(1, entered.get(), "the value after the stuck one did not enter the route");
        await("the interrupted wait reported", 10_000, () -> !logs.matching(c -> c.message().contains(
                "Stopped while a Genesys statistics exchange was still in the route")).isEmpty());

        stuck.set(false);
        context.getRouteController().startRoute("r1");
        StatisticsConsumer again = consumer("r1");
        String id = awaitSubscription(again);
        assertEquals(1, sim().statistics().publishUpdates());
        await("delivered after the restart", 10_000, () -> byStatistic.values().stream().mapToInt(List::size).sum() >= 2);
        assertTrue(sim().statistics().statisticIds(id).stream().allMatch(byStatistic::containsKey));
    }

    /** Every one of {@code notifications} updates of each of the two statistics arrives once, in order. */
    private void awaitEachValueOnceInOrder(String id, int notifications) throws InterruptedException {
        await("every value", 30_000, () -> byStatistic.values().stream().mapToInt(List::size).sum() == 2 * notifications);
        for (String statisticId : sim().statistics().statisticIds(id)) {
            List<Delivered> d = delivered(statisticId);
            assertEquals(notifications, d.size(), statisticId);
            for (int i = 1; i < d.size(); i++) {
                assertTrue(d.get(i).timestamp() >= d.get(i - 1).timestamp(), statisticId + " in order at " + i);
                assertTrue(!d.get(i).sameValueAs(d.get(i - 1)), statisticId + " no duplicate at " + i);
            }
        }
    }

    private void record(Exchange exchange) {
        org.apache.camel.Message m = exchange.getMessage();
        String statisticId = m.getHeader(StatisticsConstants.STATISTIC_ID, String.class);
        Long timestamp = m.getHeader(StatisticsConstants.TIMESTAMP, Long.class);
        byStatistic.computeIfAbsent(statisticId, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(new Delivered(m.getHeader(StatisticsConstants.EVENT_TYPE, String.class),
                        timestamp != null ? timestamp : -1, String.valueOf(m.getBody()), System.nanoTime()));
    }

    private List<Delivered> delivered(String statisticId) {
        List<Delivered> d = byStatistic.get(statisticId);
        if (d == null) {
            return List.of();
        }
        synchronized (d) {
            return List.copyOf(d);
        }
    }

    /**
     * The documented re-statement: an InitialValues exchange whose value did not change, as the first exchange of its
     * statistic since the CometD session was subscribed again (the one before it reached the consumer before that:
     * the server sent it, or the route got it, before the subscribe; the route may get it after, when it lags).
     *
     * @param beforeSentAt when the server sent the value before, {@code null} when it was not a live update
     */
    private static boolean isRestatement(Delivered now, Delivered before, List<Long> subscribedAt, Long beforeSentAt) {
        if (!StatisticsConstants.INITIAL_VALUES.equals(now.eventType())) {
            return false;
        }
        long reached = beforeSentAt != null && StatisticsConstants.STATISTIC_UPDATE.equals(before.eventType())
                ? Math.min(beforeSentAt, before.arrivalNanos()) : before.arrivalNanos();
        return subscribedAt.stream().anyMatch(s -> reached < s && s < now.arrivalNanos());
    }

    record Published(String statisticId, long timestamp, String value) {
    }

    private static List<Published> entries(Statistics.Publication p, String subscriptionId) {
        if (!Statistics.UPDATES.equals(p.channel())) {
            return List.of();
        }
        return entries(p.notification(), subscriptionId);
    }

    @SuppressWarnings("unchecked")
    private static List<Published> entries(Map<String, Object> notification, String subscriptionId) {
        Map<String, Object> data = (Map<String, Object>) notification.get("data");
        Object statistics = data.get("statistics");
        List<Object> list = statistics instanceof Object[] array ? List.of(array) : (List<Object>) statistics;
        List<Published> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> entry = (Map<String, Object>) o;
            if (subscriptionId.equals(entry.get("subscriptionId"))) {
                out.add(new Published((String) entry.get("statisticId"), ((Number) entry.get("timestamp")).longValue(),
                        String.valueOf(entry.get("value"))));
            }
        }
        return out;
    }

    private static Map<String, Published> lastPublished(List<Statistics.Publication> publications, String id) {
        Map<String, Published> last = new ConcurrentHashMap<>();
        for (Statistics.Publication p : publications) {
            for (Published v : entries(p, id)) {
                last.put(v.statisticId(), v);
            }
        }
        return last;
    }
}
