package io.camelgenesys.conversations.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import io.camelgenesys.core.notifications.GenesysNotificationsState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The channel state machine alone, Camel-free, with an in-memory channel API and sockets that record every call in
 * order (the route tests run the same against the simulator's real REST API and WebSocket).
 */
class ChannelSupervisorTest {

    /** How long {@link #await} waits: a deadline for a loaded machine, not a measure (only a failure waits it out). */
    private static final long AWAIT_SECONDS = 30;

    private TestScheduler scheduler;
    private RetryScheduler retries;
    private FakeGenesys genesys;
    private ChannelSupervisor supervisor;
    /** The supervisor's clock in the tests that move it themselves ({@link #supervisorOnTestClock}). */
    private final AtomicLong clock = new AtomicLong(System.nanoTime());

    @BeforeEach
    void setUp() {
        scheduler = new TestScheduler();
        retries = new RetryScheduler(scheduler);
        genesys = new FakeGenesys();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (supervisor != null) {
            supervisor.close().get(AWAIT_SECONDS, TimeUnit.SECONDS);
        }
        scheduler.shutdownNow();
    }

    private ChannelSupervisor supervisor(long heartbeat, int missed, long renewBefore) {
        supervisor = new ChannelSupervisor("test", genesys, genesys, scheduler, retries,
                new RetryPolicy(true, 5, 10, 50, 1000),
                new ChannelSupervisor.Settings(heartbeat, missed, renewBefore, 60_000, 1000));
        return supervisor;
    }

    /**
     * A supervisor whose clock (silence, quiet time) moves only when the test moves {@link #clock}: how long a socket
     * was silent or quiet is then what the test says, not how fast this machine ran the test's steps.
     */
    private ChannelSupervisor supervisorOnTestClock(long heartbeat, int missed, long renewBefore) {
        supervisor = new ChannelSupervisor("test", genesys, genesys, scheduler, retries,
                new RetryPolicy(true, 5, 10, 50, 1000),
                new ChannelSupervisor.Settings(heartbeat, missed, renewBefore, 60_000, 1000), clock::get);
        return supervisor;
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void oneChannelCarriesEverySubscribersTopicsAndStopRemovesOnlyTheUnusedOnes() throws Exception {
        ChannelSupervisor s = supervisor(60_000, 3, 0);
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        s.subscribe(a, List.of("v2.users.u1.presence", "v2.users.u1.routingStatus")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        s.subscribe(b, List.of("v2.users.u1.presence", "v2.users.u2.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, genesys.channels.size());
        assertEquals(List.of("create ch-1", "open ch-1", "add ch-1 [v2.users.u1.presence, v2.users.u1.routingStatus]",
                "add ch-1 [v2.users.u2.presence]"), genesys.calls);

        FakeSocket socket = genesys.socket(1);
        socket.text(event("v2.users.u1.presence", "c1"));
        socket.text("{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"WebSocket Heartbeat\"}}");
        socket.text(event("v2.users.u2.presence", "c2"));
        await(() -> a.events.size() == 1 && b.events.size() == 2);
        assertEquals("c1", a.events.get(0).correlationId());

        s.unsubscribe(a).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("replace ch-1 [v2.users.u1.presence, v2.users.u2.presence]", last(genesys.calls));
        s.unsubscribe(b).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals("delete ch-1", last(genesys.calls));
    }

    @Test
    void aRefusedTopicFailsItsSubscriberAloneWithGenesysReason() throws Exception {
        ChannelSupervisor s = supervisor(60_000, 3, 0);
        Recorder good = new Recorder();
        s.subscribe(good, List.of("v2.users.u1.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> s.subscribe(new Recorder(), List.of("v2.bad.topic")).get(AWAIT_SECONDS, TimeUnit.SECONDS));
        TopicsRefusedException refused = assertInstanceOf(TopicsRefusedException.class, e.getCause());
        assertEquals(List.of("v2.bad.topic"), refused.getTopics());
        assertTrue(refused.getMessage().contains("unknown topic v2.bad.topic"), refused.getMessage());
        assertEquals(java.util.Set.of("v2.users.u1.presence"), s.topics());
        genesys.socket(1).text(event("v2.users.u1.presence", "c1"));
        await(() -> good.events.size() == 1);
        assertEquals(GenesysNotificationsState.CONNECTED, s.state());
    }

    @Test
    void socketClosingNoticeSubscribesANewChannelBeforeTheOldSocketClosesAndDeliversEachEventOnce() throws Exception {
        genesys.answerPings = true;
        ChannelSupervisor s = supervisor(60_000, 3, 0);
        Recorder r = new Recorder();
        s.subscribe(r, List.of("v2.users.u1.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        FakeSocket old = genesys.socket(1);
        old.text("{\"topicName\":\"v2.system.socket_closing\",\"eventBody\":{\"message\":\"closing\"}}");
        await(() -> "ch-2".equals(s.channelId()));
        // published during the overlap: both sockets deliver it, the route gets it once
        old.text(event("v2.users.u1.presence", "overlap"));
        genesys.socket(2).text(event("v2.users.u1.presence", "overlap"));
        genesys.socket(2).text(event("v2.users.u1.presence", "after"));
        await(() -> r.events.size() == 2);
        Thread.sleep(100);
        assertEquals(List.of("overlap", "after"), r.events.stream().map(NotificationFrame::correlationId).toList());
        assertEquals(1, s.duplicateCount());
        assertEquals(0, s.gapCount());
        assertEquals(List.of(), r.gaps);
        // removed as the new channel takes over, which the test saw begin (its id): awaited, not assumed done
        await(() -> genesys.calls.contains("delete ch-1"));
        // the new channel was subscribed while the old socket was still open; the old one's topics were removed, and
        // it was closed only once it had delivered nothing for a while (what Genesys still had for it is not lost)
        await(() -> genesys.calls.contains("close ch-1"));
        int subscribedNew = genesys.calls.indexOf("replace ch-2 [v2.users.u1.presence]");
        int deletedOld = genesys.calls.indexOf("delete ch-1");
        int closedOld = genesys.calls.indexOf("close ch-1");
        assertTrue(subscribedNew > 0 && deletedOld > subscribedNew && closedOld > deletedOld, genesys.calls.toString());
    }

    /** Subscribes on ch-1, which Genesys announces closing; returns its socket once ch-2 took over and it was pinged. */
    private FakeSocket announcedAndReplaced(ChannelSupervisor s, Recorder r) throws Exception {
        s.subscribe(r, List.of("v2.users.u1.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        FakeSocket old = genesys.socket(1);
        old.text(CLOSING);
        await(() -> "ch-2".equals(s.channelId()) && old.sent.contains(NotificationFrame.PING));
        return old;
    }

    @Test
    void anAnnouncedSocketGenesysClosesBeforeItAnswersAPingSentOnceTheNewChannelIsSubscribedIsAGap() throws Exception {
        // the pong is what proves the old socket was open when the new channel was subscribed: here none comes, and
        // Genesys' close arrives only after the new channel took over (it was behind a backlog of events)
        ChannelSupervisor s = supervisor(60_000, 3, 0);
        Recorder r = new Recorder();
        FakeSocket old = announcedAndReplaced(s, r);
        assertEquals(0, s.gapCount());
        old.text(event("v2.users.u1.presence", "backlog")); // written before the close: delivered
        old.serverClose(1001, "The socket is closing");
        await(() -> s.gapCount() == 1);
        assertEquals(1, r.gaps.size());
        assertEquals(List.of("backlog"), r.events.stream().map(NotificationFrame::correlationId).toList());
        assertEquals(0, s.dropCount(), "the current channel is fine: no drop, no new channel");
        assertEquals("ch-2", s.channelId());
        assertEquals(2, genesys.channels.size());
    }

    /**
     * Genesys' close of the announced socket is handled (on the socket's thread) while the new channel takes over: after
     * the old socket was marked replaced, before the ping that must prove it open was recorded. The close was then
     * judged to need no proof, and the gap came only when the old socket had lingered its maximum (30 s):
     * NotificationsRouteTest's gap test timed out waiting for it on a loaded machine. The close is judged on the
     * supervisor's own thread, after the takeover: a gap at once.
     */
    @Test
    void anAnnouncedSocketClosedAsItsProofPingIsSentIsAGapWithoutWaitingOutTheLinger() throws Exception {
        ChannelSupervisor s = supervisor(60_000, 3, 0);
        Recorder r = new Recorder();
        s.subscribe(r, List.of("v2.users.u1.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        FakeSocket old = genesys.socket(1);
        old.closeOnPing = true;
        old.text(CLOSING);
        await(() -> "ch-2".equals(s.channelId()) && old.sent.contains(NotificationFrame.PING));
        await(() -> s.gapCount() == 1);
        assertEquals(1, r.gaps.size());
        assertEquals(0, s.dropCount(), "the current channel is fine: no drop, no new channel");
        assertEquals("ch-2", s.channelId());
    }

    @Test
    void anAnnouncedSocketClosedBeforeItsPongIsNoGapWhenAnEventItDeliveredArrivesOnTheNewSocketToo() throws Exception {
        // no pong comes (Genesys closed the old socket first), but the old socket delivered an event that the new
        // channel delivers too, even after the old one's close: published while both had the topic, so the old socket
        // was open after the new subscription and nothing fell between them
        ChannelSupervisor s = supervisor(60_000, 3, 0);
        Recorder r = new Recorder();
        FakeSocket old = announcedAndReplaced(s, r);
        FakeSocket now = genesys.socket(2);
        // the decision without an answer from the new socket (after LINGER_QUIET_MILLIS) waits until the copy and
        // the pong came: on a loaded machine the test's next steps can take longer than that timer
        scheduler.holdFrom(ChannelSupervisor.LINGER_QUIET_MILLIS);
        old.text(event("v2.users.u1.presence", "both"));
        old.serverClose(1001, "The socket is closing");
        // the supervisor asks the new socket for a pong, which Genesys writes after what it had queued for it: the
        // copy of the event, then the pong, which decides
        await(() -> now.sent.contains(NotificationFrame.PING));
        now.text(event("v2.users.u1.presence", "both"));
        now.text(PONG);
        scheduler.releaseHeld(); // and the timer finds the old socket proven open
        assertEquals(0, s.gapCount());
        assertEquals(List.of(), r.gaps);
        assertEquals(List.of("both"), r.events.stream().map(NotificationFrame::correlationId).toList());
        assertEquals(1, s.duplicateCount());
    }

    @Test
    void anAnnouncedSocketThatAnsweredThePingAfterTheNewSubscriptionClosesWithoutAGap() throws Exception {
        genesys.answerPings = true;
        ChannelSupervisor s = supervisor(60_000, 3, 0);
        Recorder r = new Recorder();
        FakeSocket old = announcedAndReplaced(s, r);
        old.serverClose(1001, "The socket is closing"); // after its pong: it was open when ch-2 was subscribed
        Thread.sleep(100);
        assertEquals(0, s.gapCount());
        assertEquals(List.of(), r.gaps);
    }

    @Test
    void theChannelIsReplacedBeforeItExpires() throws Exception {
        // replaced 300 ms after it was created, a long time before it expires: a slow machine's replacement still
        // comes in time (with 600 ms and 300 ms before, a replacement slower than 300 ms came after the expiry)
        genesys.lifetime = Duration.ofSeconds(30);
        ChannelSupervisor s = supervisor(60_000, 3, 29_700);
        Recorder r = new Recorder();
        s.subscribe(r, List.of("v2.users.u1.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        Instant firstExpires = s.channelExpires();
        await(() -> "ch-2".equals(s.channelId()));
        assertTrue(Instant.now().isBefore(firstExpires), "replaced before " + firstExpires);
        assertEquals(1, s.handoverCount());
        assertEquals(0, s.gapCount());
    }

    @Test
    void aReplacedSocketStaysOpenWhileItStillDeliversWhatWasPublishedToItAndClosesOnceQuiet() throws Exception {
        genesys.answerPings = true;
        // quiet is measured on the test's clock: a loaded machine's slow steps do not make the old socket quiet
        ChannelSupervisor s = supervisorOnTestClock(60_000, 3, 0);
        Recorder r = new Recorder();
        s.subscribe(r, List.of("v2.users.u1.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        FakeSocket old = genesys.socket(1);
        old.text("{\"topicName\":\"v2.system.socket_closing\",\"eventBody\":{\"message\":\"closing\"}}");
        await(() -> "ch-2".equals(s.channelId()) && genesys.calls.contains("delete ch-1"));
        // Genesys still writes what it had queued for the old channel before the new one was subscribed (a burst):
        // the old socket stays open for it, each event delivered once, as long as events keep coming. An event every
        // quarter of the quiet time on the supervisor's clock, for longer than the quiet time; the real sleeps let
        // its checks run meanwhile (each finds the socket not quiet, however long this machine took)
        int late = 6;
        for (int i = 0; i < late; i++) {
            assertFalse(genesys.calls.contains("close ch-1"), "closed while it still delivered: " + genesys.calls);
            old.text(event("v2.users.u1.presence", "late-" + i));
            advance(ChannelSupervisor.LINGER_QUIET_MILLIS / 4);
            Thread.sleep(ChannelSupervisor.LINGER_QUIET_MILLIS / 4);
        }
        await(() -> r.events.size() == late);
        assertFalse(genesys.calls.contains("close ch-1"), "closed while it still delivered: " + genesys.calls);
        // then, quiet, it is closed (its close is no drop, no gap)
        advance(ChannelSupervisor.LINGER_QUIET_MILLIS);
        await(() -> genesys.calls.contains("close ch-1"));
        old.serverClose(1000, "closed");
        Thread.sleep(100);
        assertEquals(0, s.dropCount());
        assertEquals(0, s.gapCount());
        assertEquals("ch-2", s.channelId());
    }

    /**
     * A replaced socket is closed only once it delivered what Genesys had queued for it: after the pong to a ping sent
     * when the new channel took over, which Genesys writes after that backlog. A time without events is no proof: a
     * machine that stalls (a GC pause, a starved CPU) sees more than a second without events while the backlog waits
     * to be read, and closing the socket then lost the backlog, without a gap (a renewal has no notice, so no ping
     * was sent on the old socket before).
     */
    @Test
    void aRenewedChannelsSocketClosesOnlyAfterItAnsweredThePingSentAtTheTakeoverNotOnceItWentQuiet() throws Exception {
        genesys.lifetime = Duration.ofSeconds(30);
        CompletableFuture<Void> deleted = new CompletableFuture<>();
        genesys.deleteHold = deleted;
        ChannelSupervisor s = supervisorOnTestClock(60_000, 3, 29_700); // ch-1 is renewed 300 ms after its creation
        Recorder r = new Recorder();
        s.subscribe(r, List.of("v2.users.u1.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        genesys.lifetime = Duration.ofHours(24); // ch-2 is not
        FakeSocket old = genesys.socket(1);
        await(() -> "ch-2".equals(s.channelId()) && genesys.calls.contains("delete ch-1"));
        // the supervisor's checks of the old socket wait for the test from now on
        scheduler.holdFrom(1);
        deleted.complete(null);
        await(() -> scheduler.heldCount() >= 1);
        // a stall: more than the quiet time without an event on the old socket, whose backlog has not been read
        advance(2 * ChannelSupervisor.LINGER_QUIET_MILLIS);
        scheduler.releaseHeld();
        assertFalse(genesys.calls.contains("close ch-1"), "closed before its backlog was read: " + genesys.calls);
        assertTrue(old.sent.contains(NotificationFrame.PING), "pinged when the new channel took over");
        // the backlog, then the pong; then, quiet, it is closed
        old.text(event("v2.users.u1.presence", "backlog"));
        old.text(PONG);
        advance(ChannelSupervisor.LINGER_QUIET_MILLIS);
        await(() -> genesys.calls.contains("close ch-1"));
        assertEquals(List.of("backlog"), r.events.stream().map(NotificationFrame::correlationId).toList());
        assertEquals(0, s.gapCount());
        assertEquals(0, s.dropCount());
        assertEquals("ch-2", s.channelId());
    }

    @Test
    void anAbruptDropMakesANewChannelAndReportsTheGap() throws Exception {
        ChannelSupervisor s = supervisor(60_000, 3, 0);
        Recorder r = new Recorder();
        s.subscribe(r, List.of("v2.users.u1.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        genesys.failCreates.set(2); // Genesys is unreachable for two attempts
        genesys.socket(1).serverClose(1006, "gone");
        await(() -> r.states.contains(GenesysNotificationsState.RECONNECTING));
        await(() -> s.state() == GenesysNotificationsState.CONNECTED && "ch-2".equals(s.channelId()));
        assertEquals(1, s.gapCount());
        assertEquals(1, r.gaps.size());
        assertTrue(genesys.calls.contains("replace ch-2 [v2.users.u1.presence]"), genesys.calls.toString());
        genesys.socket(2).text(event("v2.users.u1.presence", "back"));
        await(() -> r.events.size() == 1);
        assertNull(s.lastError());
    }

    @Test
    void aSilentSocketIsPingedThenCountsAsDropped() throws Exception {
        // silence on the test's clock: the new (as silent) socket is not dropped in turn while a loaded machine runs
        // the test's next steps, so exactly one drop is seen
        ChannelSupervisor s = supervisorOnTestClock(100, 3, 0);
        Recorder r = new Recorder();
        s.subscribe(r, List.of("v2.users.u1.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        FakeSocket silent = genesys.socket(1);
        advance(150); // more than one heartbeat interval without a frame: pinged
        await(() -> silent.sent.contains(NotificationFrame.PING));
        assertEquals(0, s.dropCount(), "dropped after " + 150 + " ms");
        advance(200); // more than three: dropped
        await(() -> "ch-2".equals(s.channelId()) && s.gapCount() == 1);
        assertEquals(1, s.dropCount());
        assertEquals(1, s.gapCount());
        assertTrue(genesys.calls.contains("close ch-1"));
    }

    @Test
    void malformedFramesAndUnknownTopicsAreCountedAndTheChannelGoesOn() throws Exception {
        ChannelSupervisor s = supervisor(60_000, 3, 0);
        Recorder r = new Recorder();
        s.subscribe(r, List.of("v2.users.u1.presence")).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        FakeSocket socket = genesys.socket(1);
        socket.text("{not json");
        socket.text("[1,2]");
        socket.text("{\"eventBody\":{}}");
        socket.text(event("v2.users.someone-else.presence", "x"));
        socket.text(event("v2.users.u1.presence", "ok"));
        await(() -> r.events.size() == 1);
        assertEquals(3, s.malformedFrameCount());
        assertEquals(1, s.unknownTopicEventCount());
        assertEquals(GenesysNotificationsState.CONNECTED, s.state());
    }

    @Test
    void moreTopicsThanAChannelTakesAreRefusedBeforeAnyCall() {
        supervisor = new ChannelSupervisor("test", genesys, genesys, scheduler, retries,
                new RetryPolicy(true, 5, 10, 50, 1000), new ChannelSupervisor.Settings(60_000, 3, 0, 60_000, 2));
        ExecutionException e = assertThrows(ExecutionException.class, () -> supervisor
                .subscribe(new Recorder(), List.of("v2.a.1.x", "v2.a.2.x", "v2.a.3.x")).get(AWAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("at most 2 topics"), e.getCause().getMessage());
        assertEquals(List.of(), genesys.calls);
    }

    // ------------------------------------------------------------------------------------------------ fakes

    private static String event(String topic, String correlationId) {
        return "{\"topicName\":\"" + topic + "\",\"version\":\"2\",\"eventBody\":{\"id\":\"x\"},"
               + "\"metadata\":{\"CorrelationId\":\"" + correlationId + "\"}}";
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within " + AWAIT_SECONDS + " s");
            }
            Thread.sleep(10);
        }
    }

    /**
     * The supervisor's scheduler (its control executor and its timers) whose timers of at least {@link #holdFrom}
     * milliseconds wait for the test ({@link #releaseHeld}): a timer that decides "nothing came in time" then fires
     * when the test has done what should come before it, however slowly this machine did it.
     */
    static final class TestScheduler extends ScheduledThreadPoolExecutor {
        private final List<Runnable> held = new ArrayList<>();
        private final List<ScheduledFuture<?>> placeholders = new ArrayList<>();
        private volatile long holdFrom = Long.MAX_VALUE;

        TestScheduler() {
            super(1);
        }

        /** Timers of {@code millis} or more are held from now on. */
        void holdFrom(long millis) {
            holdFrom = millis;
        }

        synchronized int heldCount() {
            return held.size();
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (unit.toMillis(delay) < holdFrom) {
                return super.schedule(command, delay, unit);
            }
            synchronized (this) {
                // a future the supervisor can cancel; the task runs on release unless it was
                ScheduledFuture<?> placeholder = super.schedule(() -> { }, 1, TimeUnit.DAYS);
                held.add(command);
                placeholders.add(placeholder);
                return placeholder;
            }
        }

        /** Runs the held timers that were not cancelled, stops holding, and waits until what they started ran. */
        void releaseHeld() throws Exception {
            holdFrom = Long.MAX_VALUE;
            synchronized (this) {
                for (int i = 0; i < held.size(); i++) {
                    if (placeholders.get(i).cancel(false)) {
                        execute(held.get(i));
                    }
                }
                held.clear();
                placeholders.clear();
            }
            // a timer hands its decision to the control executor (on this same thread): two rounds see it done
            submit(() -> { }).get(AWAIT_SECONDS, TimeUnit.SECONDS);
            submit(() -> { }).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    static final class Recorder implements ChannelSupervisor.Subscriber {
        final List<NotificationFrame> events = new CopyOnWriteArrayList<>();
        final List<GenesysNotificationsState> states = new CopyOnWriteArrayList<>();
        final List<Instant> gaps = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(NotificationFrame frame, int socket) {
            events.add(frame);
        }

        @Override
        public void onGap(Instant since, Instant until, long gaps) {
            this.gaps.add(since);
        }

        @Override
        public void onStateChange(GenesysNotificationsState state, String error) {
            states.add(state);
        }
    }

    /** An in-memory Genesys: channels, topics, sockets; every call recorded in order. */
    static final class FakeGenesys implements ChannelSupervisor.Api, ChannelSupervisor.Sockets {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<String> channels = new CopyOnWriteArrayList<>();
        final List<FakeSocket> sockets = new CopyOnWriteArrayList<>();
        final AtomicInteger failCreates = new AtomicInteger();
        volatile Duration lifetime = Duration.ofHours(24);
        /** Sockets opened from now on answer a ping with a pong, as Genesys does (off: a silent socket). */
        volatile boolean answerPings;
        /** While set, a removal of a channel's topics is answered once it completes. */
        volatile CompletableFuture<Void> deleteHold;

        @Override
        public CompletableFuture<ChannelSupervisor.ChannelInfo> createChannel() {
            if (failCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                calls.add("create failed");
                return CompletableFuture.failedFuture(new java.io.IOException("connection refused"));
            }
            String id = "ch-" + (channels.size() + 1);
            channels.add(id);
            calls.add("create " + id);
            return CompletableFuture.supplyAsync(() -> new ChannelSupervisor.ChannelInfo(id, "fake://" + id,
                    Instant.now().plus(lifetime)));
        }

        @Override
        public CompletableFuture<Void> addTopics(String channelId, List<String> topics) {
            calls.add("add " + channelId + " " + topics);
            List<String> bad = topics.stream().filter(t -> t.contains("bad")).toList();
            if (!bad.isEmpty()) {
                return CompletableFuture.failedFuture(new TopicsRefusedException(bad, "unknown topic " + bad.get(0)));
            }
            return CompletableFuture.runAsync(() -> { });
        }

        @Override
        public CompletableFuture<Void> replaceTopics(String channelId, List<String> topics) {
            calls.add("replace " + channelId + " " + topics);
            return CompletableFuture.runAsync(() -> { });
        }

        @Override
        public CompletableFuture<Void> removeAllTopics(String channelId) {
            calls.add("delete " + channelId);
            CompletableFuture<Void> hold = deleteHold;
            return hold != null ? hold.thenRunAsync(() -> { }) : CompletableFuture.runAsync(() -> { });
        }

        @Override
        public CompletableFuture<ChannelSupervisor.Socket> open(String connectUri,
                                                                ChannelSupervisor.SocketEvents events) {
            String id = connectUri.substring("fake://".length());
            calls.add("open " + id);
            FakeSocket s = new FakeSocket(id, events, calls);
            s.answerPings = answerPings;
            sockets.add(s);
            return CompletableFuture.supplyAsync(() -> s);
        }

        FakeSocket socket(int n) {
            return sockets.stream().filter(s -> s.id.equals("ch-" + n)).findFirst().orElseThrow();
        }
    }

    static final String PONG = "{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"pong\"}}";
    static final String CLOSING = "{\"topicName\":\"v2.system.socket_closing\",\"eventBody\":{\"message\":\"closing\"}}";

    static final class FakeSocket implements ChannelSupervisor.Socket {
        final String id;
        final ChannelSupervisor.SocketEvents events;
        final List<String> calls;
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean answerPings;
        /** Genesys' close arrives as a ping is sent (on the thread that sends it). */
        volatile boolean closeOnPing;

        FakeSocket(String id, ChannelSupervisor.SocketEvents events, List<String> calls) {
            this.id = id;
            this.events = events;
            this.calls = calls;
        }

        void text(String frame) {
            events.onText(frame);
        }

        void serverClose(int code, String reason) {
            events.onClosed(code, reason);
        }

        @Override
        public boolean send(String text) {
            sent.add(text);
            if (answerPings && NotificationFrame.PING.equals(text)) {
                text(PONG);
            }
            if (closeOnPing && NotificationFrame.PING.equals(text)) {
                serverClose(1001, "The socket is closing");
            }
            return true;
        }

        @Override
        public void close(String reason) {
            calls.add("close " + id);
        }
    }
}
