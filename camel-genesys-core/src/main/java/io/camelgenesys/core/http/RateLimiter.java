package io.camelgenesys.core.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.camelgenesys.core.GenesysStoppingException;

/**
 * The request budget of one connection, shared by every endpoint and route that uses the same credentials (Genesys
 * counts requests per token).
 * <p>
 * Client side it is a sliding window: at most {@code limit} requests start in any {@code period}, which also keeps
 * a server's fixed window within budget. It also obeys what Genesys says: {@code X-Rate-Limit-Remaining} with
 * {@code X-Rate-Limit-Reset} caps the requests until the reset, and a 429 pauses everyone for {@code Retry-After}.
 * Callers wait on a future completed by the scheduler: no thread sleeps, and waiters are served in order.
 * <p>
 * When the CamelContext stops ({@link #stopping()}), nobody waits any more: the waiting requests fail at once with a
 * {@link GenesysStoppingException} saying what they waited for, so that Camel's graceful shutdown is not held up by
 * exchanges whose turn may be a whole period away; a request that can start at once still does.
 */
public final class RateLimiter {

    private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

    private final int limit;
    private final long periodNanos;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;

    /** Start times of the last {@code limit} requests (a ring): the oldest is at {@code next}. */
    private final long[] starts;
    private int next;
    private int recorded;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private ScheduledFuture<?> wakeup;
    private long wakeupAt;
    private long wakeupGeneration;

    private long pausedUntil;
    /** Requests Genesys still allows until {@link #serverResetAt}; -1 when unknown. */
    private int serverRemaining = -1;
    private long serverResetAt;
    private int inFlight;
    private Integer lastRemaining;
    private boolean stopping;

    public RateLimiter(int limit, long periodMillis, ScheduledExecutorService scheduler) {
        this(limit, periodMillis, scheduler, System::nanoTime);
    }

    RateLimiter(int limit, long periodMillis, ScheduledExecutorService scheduler, LongSupplier clock) {
        this.limit = Math.max(0, limit);
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, periodMillis));
        this.scheduler = scheduler;
        this.clock = clock;
        this.starts = new long[Math.max(1, this.limit)];
    }

    /** Completes when the request may start; pair every completion with one {@link #release()}. */
    public CompletableFuture<Void> acquire() {
        return acquire(Long.MAX_VALUE);
    }

    /**
     * As {@link #acquire()}, for a request that must start by {@code latestStartNanos} ({@link System#nanoTime()}
     * time; {@code Long.MAX_VALUE}: no limit): while a 429's pause ({@link #pauseFor}) lasts past it, it fails at
     * once with a {@link PausedTooLong}, whether it asks during the pause or waits when the pause is set, rather than
     * waiting for a pause it cannot outlast (a {@code Retry-After} of an hour). Waits for the budget are not limited.
     */
    public CompletableFuture<Void> acquire(long latestStartNanos) {
        synchronized (this) {
            long now = clock.getAsLong();
            if (waiters.isEmpty() && tryTake(now)) {
                return NOW;
            }
            if (stopping) {
                return CompletableFuture.failedFuture(stoppingException(now));
            }
            if (now < pausedUntil && latestStartNanos != Long.MAX_VALUE && pausedUntil - latestStartNanos > 0) {
                return CompletableFuture.failedFuture(new PausedTooLong(pausedUntil - now));
            }
            Waiter f = new Waiter(latestStartNanos);
            waiters.add(f);
            scheduleWakeup(clock.getAsLong());
            return f;
        }
    }

    /** A waiting request, and the latest time it may start. */
    private static final class Waiter extends CompletableFuture<Void> {
        final long latestStartNanos;

        Waiter(long latestStartNanos) {
            this.latestStartNanos = latestStartNanos;
        }
    }

    /**
     * A request that could not start before its latest start ({@link #acquire(long)}) because Genesys asked, with a
     * 429's {@code Retry-After}, that nothing be sent on this connection until later; the connection reports it as a
     * {@code GenesysRateLimitException} naming the request.
     */
    public static final class PausedTooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long pauseLeftMillis;

        PausedTooLong(long pauseLeftNanos) {
            super("Genesys asked for a pause (429 Too Many Requests, Retry-After) that ends in "
                  + TimeUnit.NANOSECONDS.toMillis(pauseLeftNanos) + " ms", null, false, false);
            this.pauseLeftMillis = TimeUnit.NANOSECONDS.toMillis(pauseLeftNanos);
        }

        /** How long the pause lasts from when the request was refused. */
        public long pauseLeftMillis() {
            return pauseLeftMillis;
        }
    }

    /** A request that {@link #acquire()} let start has finished. */
    public synchronized void release() {
        if (inFlight > 0) {
            inFlight--;
        }
    }

    /**
     * What Genesys said in a response: requests remaining and seconds (or an epoch second) until its window resets.
     * Requests already in flight count against the remaining ones.
     */
    public void observe(Integer remaining, Long reset) {
        if (remaining != null) {
            observed(remaining, reset == null ? -1 : reset);
        }
    }

    /**
     * As {@link #observe(Integer, Long)} with a remaining count, the reset unboxed: the pipeline's path, once per
     * response (the count is the response's own, already boxed).
     *
     * @param reset the {@code X-Rate-Limit-Reset} value, negative when absent
     */
    void observed(Integer remaining, long reset) {
        synchronized (this) {
            long now = clock.getAsLong();
            lastRemaining = remaining;
            long resetSeconds = reset < 0 ? 1 : reset;
            if (resetSeconds > 1_000_000_000L) { // an epoch second rather than a delta
                resetSeconds = Math.max(0, resetSeconds - System.currentTimeMillis() / 1000);
            }
            long resetAt = now + TimeUnit.SECONDS.toNanos(Math.max(1, resetSeconds));
            int left = Math.max(0, remaining - inFlight);
            if (serverRemaining >= 0 && now < serverResetAt) {
                // responses on parallel connections arrive out of order: within the window we know of, an older
                // (higher) count never raises the budget again
                serverRemaining = Math.min(serverRemaining, left);
                serverResetAt = Math.max(serverResetAt, resetAt);
            } else {
                serverRemaining = left;
                serverResetAt = resetAt;
            }
        }
        drain();
    }

    /**
     * Genesys answered 429: nobody on this connection starts a request for that long; a waiting request that must
     * start before the pause ends ({@link #acquire(long)}) fails now.
     */
    public void pauseFor(long millis) {
        List<Waiter> refused = null;
        long left;
        synchronized (this) {
            long now = clock.getAsLong();
            long until = now + TimeUnit.MILLISECONDS.toNanos(Math.min(millis, RetryPolicy.MAX_RETRY_AFTER_MILLIS));
            pausedUntil = Math.max(pausedUntil, until);
            left = pausedUntil - now;
            for (java.util.Iterator<Waiter> i = waiters.iterator(); i.hasNext();) {
                Waiter w = i.next();
                if (w.latestStartNanos != Long.MAX_VALUE && pausedUntil - w.latestStartNanos > 0) {
                    i.remove();
                    if (refused == null) {
                        refused = new ArrayList<>();
                    }
                    refused.add(w);
                }
            }
        }
        if (refused != null) {
            PausedTooLong e = new PausedTooLong(left);
            refused.forEach(w -> w.completeExceptionally(e));
        }
    }

    /** The last {@code X-Rate-Limit-Remaining} Genesys sent, or {@code null}. */
    public synchronized Integer lastRemaining() {
        return lastRemaining;
    }

    /** How many requests started in the current window ({@code 0} when client-side limiting is off). */
    public synchronized int usedInWindow() {
        if (limit == 0) {
            return 0;
        }
        long now = clock.getAsLong();
        int used = 0;
        for (int i = 0; i < recorded; i++) {
            if (now - starts[i] < periodNanos) {
                used++;
            }
        }
        return used;
    }

    public synchronized int waiting() {
        return waiters.size();
    }

    public int limit() {
        return limit;
    }

    public long periodMillis() {
        return TimeUnit.NANOSECONDS.toMillis(periodNanos);
    }

    /**
     * The CamelContext is stopping: every waiting request fails now with a {@link GenesysStoppingException} naming
     * what it waited for, and from now on a request that cannot start at once fails instead of waiting.
     */
    public void stopping() {
        List<Waiter> released;
        GenesysStoppingException e;
        synchronized (this) {
            stopping = true;
            released = new ArrayList<>(waiters);
            waiters.clear();
            if (wakeup != null) {
                wakeup.cancel(false);
            }
            e = stoppingException(clock.getAsLong());
        }
        released.forEach(f -> f.completeExceptionally(e));
    }

    /** The failure of a request released because the CamelContext is stopping, saying what it waited for. */
    private GenesysStoppingException stoppingException(long now) {
        long dueMillis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, nextChance(now) - now));
        String what;
        if (now < pausedUntil) {
            what = "the pause Genesys asked for with a 429 Too Many Requests (Retry-After)";
        } else if (serverRemaining == 0) {
            what = "Genesys' rate budget (X-Rate-Limit-Remaining was 0 until its reset)";
        } else {
            what = "its turn in the rate budget (rateLimit " + limit + " per " + periodMillis() + " ms, used up)";
        }
        return new GenesysStoppingException("the CamelContext is stopping and the request was waiting for " + what
                                            + "; its turn was due in " + dueMillis + " ms");
    }

    /** Fails every waiting request; the connection is closing. */
    public void close() {
        List<Waiter> failed;
        synchronized (this) {
            failed = new ArrayList<>(waiters);
            waiters.clear();
            if (wakeup != null) {
                wakeup.cancel(false);
            }
        }
        IllegalStateException e = new IllegalStateException("The Genesys connection was closed while the request waited"
                                                            + " for its rate-limit turn");
        failed.forEach(f -> f.completeExceptionally(e));
    }

    private boolean tryTake(long now) {
        if (now < pausedUntil) {
            return false;
        }
        if (serverRemaining >= 0 && now >= serverResetAt) {
            serverRemaining = -1;
        }
        if (serverRemaining == 0) {
            return false;
        }
        if (limit > 0 && recorded == limit && now - starts[next] < periodNanos) {
            return false;
        }
        if (limit > 0) {
            starts[next] = now;
            next = (next + 1) % limit;
            recorded = Math.min(limit, recorded + 1);
        }
        if (serverRemaining > 0) {
            serverRemaining--;
        }
        inFlight++;
        return true;
    }

    private long nextChance(long now) {
        long at = now;
        at = Math.max(at, pausedUntil);
        if (serverRemaining == 0) {
            at = Math.max(at, serverResetAt);
        }
        if (limit > 0 && recorded == limit) {
            at = Math.max(at, starts[next] + periodNanos);
        }
        return at;
    }

    private void scheduleWakeup(long now) {
        long at = nextChance(now);
        if (wakeup != null && !wakeup.isDone() && wakeupAt <= at) {
            return;
        }
        if (wakeup != null) {
            wakeup.cancel(false);
        }
        wakeupAt = at;
        long generation = ++wakeupGeneration;
        wakeup = scheduler.schedule(() -> wokeUp(generation), Math.max(0, at - now), TimeUnit.NANOSECONDS);
    }

    /**
     * A scheduled wakeup fired. It is forgotten before it drains: its future is not done until this method returns,
     * and the requests it releases may run on this thread and ask again while it completes them (a route's next
     * call); such a waiter must schedule a wakeup of its own, not count on this one, which was lost before.
     */
    private void wokeUp(long generation) {
        synchronized (this) {
            if (generation == wakeupGeneration) {
                wakeup = null;
            }
        }
        drain();
    }

    private void drain() {
        List<CompletableFuture<Void>> ready = null;
        synchronized (this) {
            if (waiters.isEmpty()) {
                // the common case, once per response: nobody waits, nothing to complete (and no list made)
                return;
            }
            long now = clock.getAsLong();
            ready = new ArrayList<>();
            while (!waiters.isEmpty() && tryTake(now)) {
                ready.add(waiters.poll());
            }
            if (!waiters.isEmpty()) {
                wakeup = null;
                scheduleWakeup(now);
            }
        }
        // completed outside the lock: the callers go on to send their requests
        ready.forEach(f -> f.complete(null));
    }
}
