package io.camelgenesys.core.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import org.cometd.bayeux.ChannelId;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels of one CometD session and their listeners, free of Camel: subscribes each channel once per session
 * however many listeners it has (one internal {@link Dispatcher} per channel fans a message out to them), remembers
 * it, and subscribes it again in every new session ({@link #resubscribeAll()} after a handshake), exactly once per
 * channel and session. A subscription the server did not answer, or lost with its session, is retried with backoff
 * (one {@link RetryScheduler.Retry} per channel, unbounded, reset when the server confirms); one it refused is
 * forgotten and reported.
 * <p>
 * A fresh dispatcher per attempt means that a late reply or message of an attempt from an older session can never
 * remove, confirm or duplicate the current subscription. Guarded by its own lock; callbacks ({@link Events}) and
 * futures complete outside it.
 */
final class ChannelRegistry {

    /** What the registry needs of the CometD client. */
    interface Subscriber {

        /** Whether there is a session to subscribe in. */
        boolean isHandshook();

        /** Whether {@code listener} is subscribed client-side to {@code channel} in the current session. */
        boolean has(String channel, ClientSessionChannel.MessageListener listener);

        /** Sends the subscription; {@code reply} gets the server's answer (or the failure). */
        void subscribe(String channel, ClientSessionChannel.MessageListener listener, ClientSession.MessageListener reply);

        /** Sends the unsubscription; returns whether anything was sent ({@code reply} is then called). */
        boolean unsubscribe(String channel, ClientSessionChannel.MessageListener listener,
                            ClientSession.MessageListener reply);

        /** Forgets the client-side channel when nothing uses it any more. */
        void release(String channel);
    }

    /** What the registry reports. */
    interface Events {

        /** A subscription failed with HTTP 401 or 403 (the token or the API key); it is retried. */
        void authFailed(BayeuxFailure failure);

        /**
         * The server refused a channel; it is forgotten.
         *
         * @param wasConfirmed whether it had been subscribed before (a re-subscription after a new handshake failed)
         */
        void refused(String channel, String error, String message, boolean wasConfirmed);

        /** The server accepted a subscription to the channel (first or again). */
        default void subscribed(String channel) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);

    private final String url;
    private final Subscriber subscriber;
    private final RetryScheduler retries;
    private final RetryPolicy policy;
    private final Events events;
    private final AtomicLong messages = new AtomicLong();

    private final Object lock = new Object();
    /** channel name -> entry; guarded by {@link #lock}. */
    private final Map<String, Entry> channels = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @param retries the connection's retry scheduler
     * @param policy  the waits between attempts to subscribe a channel (unbounded: a channel is subscribed for as long
     *                as it has listeners)
     */
    ChannelRegistry(String url, Subscriber subscriber, RetryScheduler retries, RetryPolicy policy, Events events) {
        this.url = url;
        this.subscriber = subscriber;
        this.retries = retries;
        this.policy = policy;
        this.events = events;
    }

    /**
     * Registers a listener on a channel and subscribes the channel unless it is already.
     *
     * @return completes when the server confirmed the subscription (at once when it is confirmed in the current
     *         session); exceptionally with a {@link GenesysNotificationsException} when the server refused it (the
     *         listener is then forgotten). While there is no session it waits for the next handshake.
     */
    CompletableFuture<Void> subscribe(String channel, ClientSessionChannel.MessageListener listener) {
        Objects.requireNonNull(listener, "listener");
        String name = validateChannel(channel);
        CompletableFuture<Void> ready;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("The CometD session with " + url
                                                                                + " is closed"));
            }
            Entry e = channels.computeIfAbsent(name, Entry::new);
            e.listeners.addIfAbsent(listener);
            if (e.ready == null && isSubscribedInCurrentSession(e)) {
                return CompletableFuture.completedFuture(null);
            }
            if (e.ready == null) {
                e.ready = new CompletableFuture<>();
            }
            ready = e.ready;
            ensureSubscribed(e);
        }
        return ready.copy();
    }

    /**
     * Removes a listener; when it was the channel's last, the channel is unsubscribed and forgotten.
     *
     * @return completes when the server confirmed the unsubscription (at once when nothing had to be sent)
     */
    CompletableFuture<Void> unsubscribe(String channel, ClientSessionChannel.MessageListener listener) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        CompletableFuture<Void> abandoned;
        synchronized (lock) {
            Entry e = channels.get(channel);
            if (e == null || !e.listeners.remove(listener) || !e.listeners.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            channels.remove(channel);
            e.retry.cancel();
            abandoned = e.ready;
            e.ready = null;
            Dispatcher d = e.dispatcher;
            e.dispatcher = null;
            if (d != null && !closed && subscriber.isHandshook() && subscriber.has(channel, d)) {
                if (!subscriber.unsubscribe(channel, d, reply -> result.complete(null))) {
                    result.complete(null);
                }
            } else {
                result.complete(null);
            }
            subscriber.release(channel);
        }
        if (abandoned != null) {
            abandoned.cancel(false);
        }
        return result;
    }

    /** A new session: subscribes every remembered channel in it. Returns the attempts (they complete on the reply). */
    List<CompletableFuture<Void>> resubscribeAll() {
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        synchronized (lock) {
            for (Entry e : new ArrayList<>(channels.values())) {
                CompletableFuture<Void> attempt = ensureSubscribed(e);
                if (attempt != null) {
                    attempts.add(attempt);
                }
            }
        }
        return attempts;
    }

    /** Forgets every channel and fails the subscriptions still waiting for a confirmation. Idempotent. */
    void close() {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (Entry e : channels.values()) {
                e.retry.cancel();
                if (e.ready != null) {
                    pending.add(e.ready);
                }
            }
            channels.clear();
        }
        for (CompletableFuture<Void> f : pending) {
            f.completeExceptionally(new IllegalStateException("The CometD session with " + url
                                                              + " was closed before the subscription completed"));
        }
    }

    /** The channels with at least one listener. */
    Set<String> channels() {
        synchronized (lock) {
            return Set.copyOf(channels.keySet());
        }
    }

    /** Whether the channel is subscribed and confirmed in the current session. */
    boolean isSubscribed(String channel) {
        synchronized (lock) {
            Entry e = channels.get(channel);
            return e != null && isSubscribedInCurrentSession(e);
        }
    }

    /** Messages delivered to listeners. */
    long messageCount() {
        return messages.get();
    }

    // guarded by lock
    private boolean isSubscribedInCurrentSession(Entry e) {
        Dispatcher d = e.dispatcher;
        return d != null && d.confirmed && subscriber.isHandshook() && subscriber.has(e.channel, d);
    }

    /**
     * Subscribes the channel in the current session unless it is subscribed or being subscribed already. Guarded by
     * lock.
     *
     * @return the attempt (completes on the server's reply), or null when there is no session to subscribe in
     */
    private CompletableFuture<Void> ensureSubscribed(Entry e) {
        if (closed || !subscriber.isHandshook()) {
            // resubscribeAll() subscribes it once there is a session
            return null;
        }
        if (e.dispatcher != null && subscriber.has(e.channel, e.dispatcher)) {
            return e.attempt; // subscribed or being subscribed in this session
        }
        Dispatcher d = new Dispatcher(e);
        CompletableFuture<Void> attempt = new CompletableFuture<>();
        e.dispatcher = d;
        e.attempt = attempt;
        LOG.debug("Subscribing to {} on {}", e.channel, url);
        subscriber.subscribe(e.channel, d, reply -> onReply(e, d, attempt, reply));
        return attempt;
    }

    private void onReply(Entry e, Dispatcher d, CompletableFuture<Void> attempt, Message reply) {
        CompletableFuture<Void> ready = null;
        String refusal = null;
        boolean wasConfirmed = false;
        boolean confirmed = false;
        BayeuxFailure retry = null;
        synchronized (lock) {
            boolean current = !closed && channels.get(e.channel) == e && e.dispatcher == d;
            if (current) {
                if (reply.isSuccessful()) {
                    if (subscriber.has(e.channel, d)) {
                        d.confirmed = true;
                        confirmed = true;
                        e.retry.reset();
                        e.everConfirmed = true;
                        ready = e.ready;
                        e.ready = null;
                    }
                    // else: a late success from an older session; resubscribeAll() subscribes it again
                } else {
                    BayeuxFailure failure = BayeuxFailure.of(reply);
                    if (isTransient(failure)) {
                        retry = failure;
                    } else {
                        refusal = failure.error();
                        wasConfirmed = e.everConfirmed;
                        channels.remove(e.channel);
                        e.retry.cancel();
                        e.dispatcher = null;
                        ready = e.ready;
                        e.ready = null;
                    }
                }
            }
        }
        attempt.complete(null);
        if (confirmed) {
            events.subscribed(e.channel);
        }
        if (refusal != null) {
            String message = "Genesys refused the subscription to " + e.channel + " on " + url + ": " + refusal;
            if (ready != null) {
                ready.completeExceptionally(new GenesysNotificationsException(message));
            }
            events.refused(e.channel, refusal, message, wasConfirmed);
        } else if (ready != null) {
            LOG.debug("Subscribed to {} on {}", e.channel, url);
            ready.complete(null);
        }
        if (retry != null) {
            if (retry.isTransportFailure() && retry.httpCode() != null
                && (retry.kind() == BayeuxFailure.Kind.TOKEN_REFUSED || retry.kind() == BayeuxFailure.Kind.FORBIDDEN)) {
                events.authFailed(retry);
            }
            retryLater(e, retry);
        }
    }

    /** No reply from the server, a lost session, or an HTTP error: try again (not a refusal of the channel). */
    private boolean isTransient(BayeuxFailure failure) {
        return failure.isTransportFailure() || failure.kind() == BayeuxFailure.Kind.UNKNOWN_SESSION
               || !subscriber.isHandshook();
    }

    private void retryLater(Entry e, BayeuxFailure failure) {
        synchronized (lock) {
            if (closed || channels.get(e.channel) != e) {
                return;
            }
            // the Retry logs the failure and the wait
            e.retry.backoff(failure.brief(), () -> {
                synchronized (lock) {
                    if (!closed && channels.get(e.channel) == e) {
                        ensureSubscribed(e);
                    }
                }
            });
        }
    }

    private static String validateChannel(String channel) {
        if (channel == null || channel.isBlank() || !channel.startsWith("/")) {
            throw new IllegalArgumentException("A CometD channel starts with '/', e.g. /statistics/v3/updates: " + channel);
        }
        if (ChannelId.isMeta(channel)) {
            throw new IllegalArgumentException("Meta channels cannot be subscribed: " + channel);
        }
        return channel;
    }

    private final class Entry {
        final String channel;
        final CopyOnWriteArrayList<ClientSessionChannel.MessageListener> listeners = new CopyOnWriteArrayList<>();
        final RetryScheduler.Retry retry;
        /** The internal listener of the current subscription attempt; messages through any other are dropped. */
        volatile Dispatcher dispatcher;
        CompletableFuture<Void> attempt;
        /** Completes for the subscribe() callers waiting for a confirmation. */
        CompletableFuture<Void> ready;
        boolean everConfirmed;

        Entry(String channel) {
            this.channel = channel;
            this.retry = retries.start(policy, "The subscription to " + channel + " on " + url);
        }
    }

    /** The one CometD listener of a channel in a session: fans each message out to the registered listeners. */
    final class Dispatcher implements ClientSessionChannel.MessageListener {
        private final Entry entry;
        volatile boolean confirmed;

        Dispatcher(Entry entry) {
            this.entry = entry;
        }

        @Override
        public void onMessage(ClientSessionChannel channel, Message message) {
            if (entry.dispatcher != this) {
                return; // a leftover of an older attempt: the current one delivers
            }
            messages.incrementAndGet();
            for (ClientSessionChannel.MessageListener l : entry.listeners) {
                try {
                    l.onMessage(channel, message);
                } catch (RuntimeException e) {
                    LOG.warn("A listener of {} failed: {}", entry.channel, BayeuxFailure.describe(e));
                }
            }
        }
    }
}
