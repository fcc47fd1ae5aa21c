package io.camelgenesys.core.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import io.camelgenesys.core.test.Await;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.common.HashMapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The channel registry on its own: subscriptions, replies and new sessions played by the test through a stand-in for
 * the CometD client's channel calls (it keeps the client-side subscribers and the pending replies, as the client
 * does). Behaviour against a real CometD server is in {@link GenesysNotificationsRouteTest}.
 */
class ChannelRegistryTest {

    private static final String UPDATES = "/statistics/v3/updates";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeClient client = new FakeClient();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ChannelRegistry registry = new ChannelRegistry("http://genesys/notifications", client,
            new RetryScheduler(scheduler), new RetryPolicy(true, 1, 10, 20, 0).unbounded(), new ChannelRegistry.Events() {
                @Override
                public void authFailed(BayeuxFailure failure) {
                    events.add("auth " + failure.httpCode());
                }

                @Override
                public void refused(String channel, String error, String message, boolean wasConfirmed) {
                    events.add("refused " + channel + " " + error + " confirmedBefore=" + wasConfirmed);
                }
            });
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final ClientSessionChannel.MessageListener a = (c, m) -> received.add(m);
    private final ClientSessionChannel.MessageListener b = (c, m) -> received.add(m);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void waitsForASessionThenSubscribesOnceForAllListenersAndFansOut() throws Exception {
        CompletableFuture<Void> first = registry.subscribe(UPDATES, a);
        CompletableFuture<Void> second = registry.subscribe(UPDATES, b);
        assertTrue(client.requests.isEmpty(), "no session yet");

        client.handshook = true;
        assertEquals(1, registry.resubscribeAll().size());
        assertEquals(1, client.requests.size(), "one subscription for two listeners");
        assertFalse(first.isDone());
        client.answer(0, success());
        first.get(1, TimeUnit.SECONDS);
        second.get(1, TimeUnit.SECONDS);
        assertTrue(registry.isSubscribed(UPDATES));
        assertTrue(registry.subscribe(UPDATES, a).isDone(), "already confirmed in this session");
        assertEquals(1, client.requests.size());

        client.deliver(UPDATES, message(UPDATES));
        assertEquals(2, received.size(), "each listener once");
        assertEquals(1, registry.messageCount());
    }

    @Test
    void aNewSessionSubscribesEachChannelOnceAndIgnoresTheOldSessionsLateReplies() throws Exception {
        client.handshook = true;
        registry.subscribe(UPDATES, a);
        registry.subscribe("/statistics/v3/service", b);
        client.answer(0, success());
        client.answer(1, success());
        ClientSessionChannel.MessageListener old = client.requests.get(0).listener();

        client.newSession();
        assertFalse(registry.isSubscribed(UPDATES));
        assertEquals(2, registry.resubscribeAll().size());
        assertEquals(2, registry.resubscribeAll().size(), "the same attempts again, nothing sent twice");
        assertEquals(4, client.requests.size());
        // a message through the old session's dispatcher is not delivered
        old.onMessage(null, message(UPDATES));
        assertTrue(received.isEmpty());
        client.answer(2, success());
        client.answer(3, success());
        assertTrue(registry.isSubscribed(UPDATES));
        client.deliver(UPDATES, message(UPDATES));
        assertEquals(1, received.size());
    }

    @Test
    void aRefusalFailsTheFutureAndForgetsTheChannel() {
        client.handshook = true;
        CompletableFuture<Void> f = registry.subscribe(UPDATES, a);
        client.answer(0, refusal("403:denied_subscribe:not for you"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.SECONDS));
        GenesysNotificationsException cause = assertInstanceOf(GenesysNotificationsException.class, e.getCause());
        assertTrue(cause.getMessage().contains("refused the subscription to " + UPDATES), cause.getMessage());
        assertTrue(cause.getMessage().contains("403:denied_subscribe"), cause.getMessage());
        assertEquals(Set.of(), registry.channels());
        assertEquals(List.of("refused " + UPDATES + " 403:denied_subscribe:not for you confirmedBefore=false"), events);
    }

    @Test
    void aRefusedReSubscriptionIsReportedAsSuch() {
        client.handshook = true;
        registry.subscribe(UPDATES, a);
        client.answer(0, success());
        client.newSession();
        registry.resubscribeAll();
        client.answer(1, refusal("403::denied"));
        assertEquals(List.of("refused " + UPDATES + " 403::denied confirmedBefore=true"), events);
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffAndA401IsReported() throws Exception {
        client.handshook = true;
        CompletableFuture<Void> f = registry.subscribe(UPDATES, a);
        client.answer(0, transportFailure(503));
        await("a retry", () -> client.requests.size() == 2);
        client.answer(1, transportFailure(401));
        assertEquals(List.of("auth 401"), events);
        await("another retry", () -> client.requests.size() == 3);
        assertFalse(f.isDone());
        client.answer(2, success());
        f.get(1, TimeUnit.SECONDS);
        assertTrue(registry.isSubscribed(UPDATES));
    }

    @Test
    void theLastListenerUnsubscribesAndCloseFailsWhatIsPending() throws Exception {
        client.handshook = true;
        registry.subscribe(UPDATES, a);
        registry.subscribe(UPDATES, b);
        client.answer(0, success());
        assertTrue(registry.unsubscribe(UPDATES, a).isDone());
        assertEquals(0, client.unsubscribed.size(), "b still listens");
        CompletableFuture<Void> gone = registry.unsubscribe(UPDATES, b);
        assertEquals(List.of(UPDATES), client.unsubscribed);
        assertTrue(gone.isDone());
        assertEquals(Set.of(), registry.channels());

        CompletableFuture<Void> pending = registry.subscribe("/other", a);
        registry.close();
        assertThrows(ExecutionException.class, () -> pending.get(1, TimeUnit.SECONDS));
        assertTrue(registry.subscribe(UPDATES, a).isCompletedExceptionally());
        assertThrows(IllegalArgumentException.class, () -> registry.subscribe("/meta/connect", a));
        assertThrows(IllegalArgumentException.class, () -> registry.subscribe("nochannel", a));
    }

    // ---- the stand-in for the client's channel calls ------------------------------------------------------------

    record Request(String channel, ClientSessionChannel.MessageListener listener, ClientSession.MessageListener reply) {
    }

    static final class FakeClient implements ChannelRegistry.Subscriber {
        volatile boolean handshook;
        final List<Request> requests = new CopyOnWriteArrayList<>();
        final List<String> unsubscribed = new CopyOnWriteArrayList<>();
        /** The client-side subscribers of the current session, as the BayeuxClient keeps them. */
        final Map<String, Set<ClientSessionChannel.MessageListener>> subscribers = new HashMap<>();

        @Override
        public boolean isHandshook() {
            return handshook;
        }

        @Override
        public synchronized boolean has(String channel, ClientSessionChannel.MessageListener listener) {
            return subscribers.getOrDefault(channel, Set.of()).contains(listener);
        }

        @Override
        public synchronized void subscribe(String channel, ClientSessionChannel.MessageListener listener,
                                           ClientSession.MessageListener reply) {
            subscribers.computeIfAbsent(channel, c -> new HashSet<>()).add(listener);
            requests.add(new Request(channel, listener, reply));
        }

        @Override
        public synchronized boolean unsubscribe(String channel, ClientSessionChannel.MessageListener listener,
                                                ClientSession.MessageListener reply) {
            subscribers.getOrDefault(channel, new HashSet<>()).remove(listener);
            unsubscribed.add(channel);
            reply.onMessage(success());
            return true;
        }

        @Override
        public void release(String channel) {
        }

        /** The server's reply to request {@code i}; a failed one removes the client-side subscriber, as CometD does. */
        void answer(int i, Message reply) {
            Request r = requests.get(i);
            if (!reply.isSuccessful()) {
                synchronized (this) {
                    subscribers.getOrDefault(r.channel(), new HashSet<>()).remove(r.listener());
                }
            }
            r.reply().onMessage(reply);
        }

        /** A message for the channel's client-side subscribers. */
        void deliver(String channel, Message message) {
            List<ClientSessionChannel.MessageListener> targets;
            synchronized (this) {
                targets = new ArrayList<>(subscribers.getOrDefault(channel, Set.of()));
            }
            targets.forEach(l -> l.onMessage(null, message));
        }

        /** The session was lost and a new one handshaken: the client forgot its subscribers. */
        synchronized void newSession() {
            subscribers.clear();
        }
    }

    static Message success() {
        HashMapMessage m = new HashMapMessage();
        m.setSuccessful(true);
        return m;
    }

    static Message refusal(String error) {
        HashMapMessage m = new HashMapMessage();
        m.setSuccessful(false);
        m.put(Message.ERROR_FIELD, error);
        return m;
    }

    static Message transportFailure(int httpCode) {
        HashMapMessage m = new HashMapMessage();
        m.setSuccessful(false);
        m.put("failure", new HashMap<>(Map.of("httpCode", httpCode)));
        return m;
    }

    static Message message(String channel) {
        HashMapMessage m = new HashMapMessage();
        m.setChannel(channel);
        m.setData(Map.of("n", 1));
        return m;
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, 5_000, condition);
    }
}
