package io.camelgenesys.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import io.camelgenesys.statistics.model.Statistic;
import io.camelgenesys.statistics.model.StatisticValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one consumer's Genesys Statistics subscription, free of Camel: created once the CometD channels are
 * subscribed, checked after every new CometD session (re-read; created again when Genesys answers 404), dropped on
 * ServiceStateChange UNAVAILABLE and created again on AVAILABLE (or, since an AVAILABLE published while there was no
 * CometD session is lost, by a create tried in each new session while the service is taken to be UNAVAILABLE: a 503
 * says the outage goes on), deleted on stop. Failed creates and checks are
 * retried through the connection's {@link RetryScheduler}, without a limit (the {@code retry*} options' waits,
 * {@link RetryPolicy#unbounded()}): a consumer keeps trying for as long as it runs. Every state change bumps a generation under one lock, so an answer that
 * belongs to an older state (a create that returns after an outage began, or after stop) is discarded, and what it
 * created deleted, never applied.
 * <p>
 * Values go to an {@link Output} (the consumer's {@link StatisticsStream}) while the lock is held, so that no update of
 * a new subscription can be queued before its initial values. Updates of a subscription being created, which Genesys
 * may send before the create's answer (the subscriptionId is the operationId), are kept and passed on after it.
 * <p>
 * <b>Delivery check</b> (health): a session can be connected and still get nothing for the subscription (a server that
 * ties subscriptions to the CometD session's cookie, when the REST calls do not carry it). Every
 * {@code deliveryCheckMillis}, when no update of the subscription came over CometD since the last check, its values
 * are read over REST: a value newer than any the consumer has seen is evidence; the same evidence at the next check
 * with still nothing over CometD makes {@link #status()} report the problem (the subscription is created again once,
 * in case the server only lost track of it). A quiet statistic has no newer value, so it raises no alarm; an update
 * over CometD clears it.
 */
final class SubscriptionManager {

    /** The REST calls of the Statistics API the manager makes. */
    interface Api {

        /** {@code POST /subscriptions} with this operationId (Genesys uses it as the subscriptionId). */
        CompletableFuture<Created> create(String operationId);

        /** {@code GET /subscriptions/{id}/statistic-values}; fails with a 404 {@link GenesysApiException} when gone. */
        CompletableFuture<List<StatisticValue>> read(String subscriptionId);

        /** {@code DELETE /subscriptions/{id}}. */
        CompletableFuture<?> delete(String subscriptionId);
    }

    /**
     * A created subscription.
     *
     * @param refused what Genesys refused when it opened only some of the statistics, else {@code null}
     */
    record Created(String subscriptionId, List<StatisticValue> values, Object refused) {
    }

    /** Where values go; called with the manager's lock held, so it must not block. */
    interface Output {

        /**
         * @param restating current values read after a recovery (they may re-state unchanged values once)
         */
        void values(String subscriptionId, String eventType, List<StatisticValue> values, boolean restating);

        /**
         * Current values read over REST when the route does not want them as such ({@code initialValues=false}): only
         * those that changed since the value last passed on for their statistic go on (they replace updates lost
         * while the consumer was cut off or behind); a statistic's first value is only remembered, as what later
         * values are compared with.
         */
        default void changes(String subscriptionId, String eventType, List<StatisticValue> values) {
        }

        /**
         * Genesys created the subscription while the service was taken to be UNAVAILABLE: its AVAILABLE notification
         * was missed (published while there was no CometD session). Called before the subscription's values.
         */
        default void serviceAvailable() {
        }
    }

    /** What health reports. */
    record Status(String subscriptionId, boolean running, boolean serviceAvailable, String lastError,
                  String deliveryProblem, long subscriptionsCreated, String channelProblem) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);

    private final String name;
    private final Map<String, Statistic> statistics;
    private final Api api;
    private final Output output;
    private final RetryScheduler retries;
    private final RetryPolicy policy;
    private final boolean initialValues;
    private final long deliveryCheckMillis;
    private final BooleanSupplier sessionConnected;
    private final Predicate<String> undeleted;

    private final Object lock = new Object();
    // guarded by lock
    private boolean running;
    private boolean channelsReady;
    private long generation;
    private String subscriptionId;
    private String pendingId;
    private List<StatisticValue> buffered;
    /** Completes once the answer of the request in flight has been handled (stale answers deleted included). */
    private CompletableFuture<Void> inFlight;
    /**
     * A check asked for while a request was in flight (a new CometD session while the values are read, say): that
     * request's answer may be older than the updates lost meanwhile, so the check runs once it has been handled.
     */
    private String checkAfter;
    private boolean checkAfterRestating;
    /** The retries of creates and checks, one sequence from start to stop (reset on success). */
    private RetryScheduler.Retry recreate;
    /** The attempt scheduled by {@link #recreate}, {@code null} when none; an attempt no longer here does nothing. */
    private Runnable retry;
    private boolean serviceAvailable = true;
    private String lastError;
    private final List<CompletableFuture<?>> deletions = new ArrayList<>();
    private long created;
    // the delivery check, guarded by lock
    private ScheduledFuture<?> check;
    /** statisticId -> the newest timestamp seen (over CometD, or in values read when the subscription was made). */
    private final Map<String, long[]> seen = new HashMap<>();
    private boolean receivedSinceCheck;
    private String evidence;
    private String deliveryProblem;
    private boolean recreatedForProblem;
    /** channel -> why it is not subscribed: Genesys refused its re-subscription (the consumer subscribes it again). */
    private final Map<String, String> channelProblems = new java.util.TreeMap<>();

    /**
     * @param name                the route, for logs
     * @param statistics          statisticId -> what was subscribed
     * @param retries             the connection's retry scheduler (creates and checks back off on it; the delivery
     *                            check runs on it)
     * @param policy              the waits between attempts (unbounded)
     * @param undeleted           told the id of a subscription whose delete failed, to delete it again later; answers
     *                            {@code false} when it cannot (the connection has closed): it is then left on Genesys
     * @param deliveryCheckMillis how often to check that updates arrive; 0: never
     */
    SubscriptionManager(String name, Map<String, Statistic> statistics, Api api, Output output,
                        RetryScheduler retries, RetryPolicy policy, boolean initialValues,
                        long deliveryCheckMillis, BooleanSupplier sessionConnected, Predicate<String> undeleted) {
        this.name = name;
        this.statistics = statistics;
        this.api = api;
        this.output = output;
        this.retries = retries;
        this.policy = policy;
        this.initialValues = initialValues;
        this.deliveryCheckMillis = deliveryCheckMillis;
        this.sessionConnected = sessionConnected;
        this.undeleted = undeleted;
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    void start() {
        synchronized (lock) {
            running = true;
            channelsReady = false;
            serviceAvailable = true;
            recreate = retries.start(policy, () -> "The statistics subscription of route " + name, System.nanoTime());
            retry = null;
            lastError = null;
            deliveryProblem = null;
            evidence = null;
            channelProblems.clear();
            scheduleCheck();
        }
    }

    /**
     * The CometD channels are subscribed: updates can be received, so the subscription can be made.
     *
     * @return whether this was news (later calls do nothing)
     */
    boolean channelsReady() {
        synchronized (lock) {
            if (!running || channelsReady) {
                return false;
            }
            channelsReady = true;
        }
        create("start", false);
        return true;
    }

    /** The channels could not be subscribed. */
    void channelsFailed(String message) {
        synchronized (lock) {
            if (!running) {
                return; // stopped before the channels were subscribed
            }
            lastError = message;
        }
        LOG.warn(message);
    }

    /** Stops: nothing more is created or emitted; deletes the live subscription and waits (bounded) for it. */
    void stop(long timeoutMillis) {
        String live;
        CompletableFuture<Void> pending;
        synchronized (lock) {
            running = false;
            generation++;
            if (recreate != null) {
                recreate.cancel();
            }
            retry = null;
            cancel(check);
            check = null;
            live = subscriptionId;
            subscriptionId = null;
            pendingId = null;
            buffered = null;
            checkAfter = null;
            pending = inFlight;
        }
        if (pending != null) {
            // a create under way: its answer is stale now and deletes what it created (see onCreated)
            await(pending, timeoutMillis);
        }
        if (live != null) {
            delete(live, "the consumer stopped");
        }
        List<CompletableFuture<?>> toAwait;
        synchronized (lock) {
            toAwait = new ArrayList<>(deletions);
            deletions.clear();
        }
        for (CompletableFuture<?> f : toAwait) {
            await(f, timeoutMillis);
        }
    }

    private static void await(CompletableFuture<?> f, long timeoutMillis) {
        try {
            f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the failure was logged where it happened
        }
    }

    // ------------------------------------------------------------------------------------------ create

    private void create(String reason) {
        create(reason, false);
    }

    /**
     * @param probe whether to create it although the service was reported UNAVAILABLE: its AVAILABLE may have been
     *              missed, and the create's answer tells (a 503 while the outage lasts)
     */
    private void create(String reason, boolean probe) {
        String operationId = UUID.randomUUID().toString();
        CompletableFuture<Void> settled = new CompletableFuture<>();
        long gen;
        CompletableFuture<Created> f;
        synchronized (lock) {
            if (!running || !channelsReady || inFlight != null || subscriptionId != null
                || !serviceAvailable && !probe) {
                return;
            }
            retry = null; // a scheduled attempt that finds itself replaced does nothing
            gen = generation;
            // Genesys fills the subscriptionId from the operationId: updates for it may arrive before the answer
            pendingId = operationId;
            buffered = new ArrayList<>();
            LOG.debug("Creating the statistics subscription {} ({}) for route {}", operationId, reason, name);
            inFlight = settled;
        }
        try {
            f = api.create(operationId);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((result, failure) -> {
            try {
                onCreated(gen, operationId, result, failure, !"start".equals(reason));
            } finally {
                settled.complete(null);
            }
            checkIfAskedMeanwhile();
        });
    }

    private void onCreated(long gen, String operationId, Created result, Throwable failure, boolean recovery) {
        boolean stale;
        boolean unavailable;
        synchronized (lock) {
            inFlight = null;
            stale = gen != generation || !running;
            unavailable = !serviceAvailable;
            if (!stale) {
                pendingId = null;
                List<StatisticValue> early = buffered;
                buffered = null;
                if (failure == null) {
                    if (unavailable) {
                        // a probe (see verify) that Genesys answered: the service is back, its AVAILABLE was missed
                        serviceAvailable = true;
                        LOG.info("The Genesys Statistics service is AVAILABLE again for route {}: a subscription was"
                                 + " created (its AVAILABLE notification was published while there was no CometD"
                                 + " session)", name);
                        output.serviceAvailable();
                    }
                    String id = result.subscriptionId() != null ? result.subscriptionId() : operationId;
                    subscriptionId = id;
                    recreate.reset();
                    lastError = null;
                    created++;
                    LOG.info("Statistics subscription {} created with {} statistic(s) for route {}", id,
                            statistics.size(), name);
                    if (result.refused() != null) {
                        // Multicloud status.code 2: Genesys opened some of the statistics only; say which, never silently
                        LOG.warn("Statistics subscription {} of route {} opened some statistics only; Genesys refused: {}",
                                id, name, result.refused());
                    }
                    List<StatisticValue> values = named(result.values());
                    see(values);
                    if (initialValues) {
                        output.values(id, StatisticsConstants.INITIAL_VALUES, values, recovery);
                    } else {
                        output.changes(id, StatisticsConstants.INITIAL_VALUES, values);
                    }
                    // updates that arrived before the answer, under the operationId Genesys made the subscriptionId
                    if (early != null && !early.isEmpty() && id.equals(operationId)) {
                        output.values(id, StatisticsConstants.STATISTIC_UPDATE, early, false);
                    }
                }
            }
        }
        if (stale) {
            if (failure == null) {
                // created for a state that is gone (an outage began, or the consumer stopped): leave nothing behind
                delete(result.subscriptionId() != null ? result.subscriptionId() : operationId,
                        "it was created for a state that has passed");
            } else if (outcomeUnknown(failure)) {
                // no readable answer (e.g. the connection closed while the stop no longer waited): Genesys may have
                // opened it under the operationId, which it makes the subscriptionId
                delete(operationId, "its create, for a state that has passed, got no readable answer");
            }
            resumeIfNeeded("a stale answer");
        } else if (failure != null) {
            if (outcomeUnknown(failure)) {
                // no answer, or one that cannot be read: Genesys may have opened it; the retry uses a new operationId
                delete(operationId, "its create got no readable answer");
            }
            if (unavailable && hasStatus(failure, 503)) {
                // a probe while the service is UNAVAILABLE, answered as during an outage: it goes on; its AVAILABLE
                // creates the subscription, or the probe of the next new session or restored connection does
                LOG.debug("The Genesys Statistics service is still unavailable for route {}: {}", name,
                        GenesysErrors.unwrap(failure).getMessage());
            } else {
                // a probe that failed otherwise proves nothing about the service: tried again, as a create is
                failed("Creating the statistics subscription failed", failure, this::createAgain);
            }
        }
    }

    /** A failed create's retry: a probe while the service is taken to be UNAVAILABLE, else a create. */
    private void createAgain() {
        boolean probe;
        synchronized (lock) {
            probe = !serviceAvailable;
        }
        create("retry", probe);
    }

    /** A failure without an HTTP error status: the request may have been carried out. */
    private static boolean outcomeUnknown(Throwable failure) {
        Throwable cause = GenesysErrors.unwrap(failure);
        return !(cause instanceof GenesysApiException e) || e.getHttpStatus() == 0 || e.getHttpStatus() < 300;
    }

    // ------------------------------------------------------------------------------------------ verify

    /**
     * Reads the subscription's values: they replace the updates lost while there was no session (or that the queue
     * could not take); a 404 means it is gone, so it is created again.
     *
     * @param restating whether the values may re-state unchanged ones (after a recovery, not after an overflow)
     */
    void verify(String reason, boolean restating) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        String id;
        long gen;
        boolean probe;
        synchronized (lock) {
            if (!running || !channelsReady) {
                return;
            }
            // UNAVAILABLE, and the CometD session was lost (or a connect failed) since: the AVAILABLE may have been
            // published meanwhile and lost with it (Bayeux keeps nothing for a session to come). Ask Genesys rather
            // than wait for good: create the subscription (a 503 says the outage goes on). Seed 002 L5078-5083.
            probe = !serviceAvailable;
            if (probe) {
                if (inFlight != null || subscriptionId != null) {
                    return; // a probe is under way
                }
                id = null;
                gen = -1;
            } else if (inFlight != null) {
                // the request under way may have been answered before what this check is for (updates lost with a
                // CometD session, or dropped by a full queue): check once it has been handled
                checkAfterRestating = checkAfter == null ? restating : checkAfterRestating || restating;
                checkAfter = reason;
                return;
            } else {
                id = subscriptionId;
                if (id == null) {
                    gen = -1;
                } else {
                    retry = null; // a scheduled attempt that finds itself replaced does nothing
                    gen = generation;
                    LOG.debug("Checking the statistics subscription {} ({})", id, reason);
                    inFlight = settled;
                }
            }
        }
        if (probe) {
            create("the service was UNAVAILABLE; " + reason, true);
            return;
        }
        if (id == null) {
            create(reason);
            return;
        }
        CompletableFuture<List<StatisticValue>> f;
        try {
            f = api.read(id);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((values, failure) -> {
            try {
                onVerified(gen, id, values, failure, restating);
            } finally {
                settled.complete(null);
            }
            checkIfAskedMeanwhile();
        });
    }

    private void onVerified(long gen, String id, List<StatisticValue> values, Throwable failure, boolean restating) {
        boolean gone = isGone(failure);
        boolean stale;
        synchronized (lock) {
            inFlight = null;
            stale = gen != generation || !running || !id.equals(subscriptionId);
            if (!stale && failure == null) {
                recreate.reset();
                lastError = null;
                List<StatisticValue> current = named(values);
                see(current);
                if (initialValues) {
                    output.values(id, StatisticsConstants.INITIAL_VALUES, current, restating);
                } else {
                    output.changes(id, StatisticsConstants.INITIAL_VALUES, current);
                }
            }
            if (!stale && gone) {
                subscriptionId = null;
            }
        }
        if (stale) {
            resumeIfNeeded("a stale answer");
        } else if (gone) {
            LOG.info("Statistics subscription {} is gone from Genesys (404); creating it again", id);
            create("the subscription was gone");
        } else if (failure != null) {
            failed("Checking the statistics subscription " + id + " failed", failure,
                    () -> verify("retry", restating));
        } else {
            LOG.info("Statistics subscription {} checked after a new CometD session; its current values were read", id);
        }
    }

    private static boolean isGone(Throwable failure) {
        return hasStatus(failure, 404);
    }

    private static boolean hasStatus(Throwable failure, int status) {
        return failure != null && GenesysErrors.unwrap(failure) instanceof GenesysApiException e
               && e.getHttpStatus() == status;
    }

    /**
     * A check asked for while the request that just settled was under way: runs now, when there is a subscription to
     * check (without one, the create under way or its retry reads the values anyway).
     */
    private void checkIfAskedMeanwhile() {
        String reason;
        boolean restating;
        synchronized (lock) {
            reason = checkAfter;
            restating = checkAfterRestating;
            if (reason == null || inFlight != null) {
                return; // nothing asked, or a request started meanwhile (it settles and comes back here)
            }
            checkAfter = null;
            checkAfterRestating = false;
            if (!running || !channelsReady || !serviceAvailable || subscriptionId == null || retry != null) {
                return; // a retry is scheduled: it reads the values (or creates the subscription) itself
            }
        }
        verify(reason + ", asked for while a request was under way", restating);
    }

    /** After a stale answer, whatever superseded it may have waited for the request to finish: carry on. */
    private void resumeIfNeeded(String reason) {
        boolean again;
        synchronized (lock) {
            again = running && channelsReady && serviceAvailable && inFlight == null && subscriptionId == null
                    && retry == null;
        }
        if (again) {
            create(reason);
        }
    }

    private void failed(String what, Throwable failure, Runnable again) {
        Throwable cause = GenesysErrors.unwrap(failure);
        long delay;
        int attempt;
        String message = what + ": " + cause.getMessage();
        synchronized (lock) {
            if (!running) {
                return;
            }
            lastError = message;
            Runnable attemptAgain = new Runnable() {
                @Override
                public void run() {
                    synchronized (lock) {
                        if (retry != this) {
                            return; // replaced or cancelled meanwhile
                        }
                        retry = null;
                    }
                    again.run();
                }
            };
            delay = recreate.backoff(message, attemptAgain);
            if (delay == RetryPolicy.NO_RETRY) {
                retry = null;
                return; // stopped, or the connection is closing
            }
            retry = attemptAgain;
            attempt = recreate.failures();
        }
        if (attempt == 1) {
            LOG.warn("{}; retrying in {} ms", message, delay);
        } else {
            LOG.debug("{}; retrying in {} ms", message, delay);
        }
    }

    // ------------------------------------------------------------------------------------------ delete

    private void delete(String id, String reason) {
        LOG.debug("Deleting statistics subscription {}: {}", id, reason);
        CompletableFuture<?> f;
        try {
            f = api.delete(id);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<?> logged = f.whenComplete((r, failure) -> {
            if (failure != null) {
                String problem = GenesysErrors.unwrap(failure).getMessage();
                if (undeleted.test(id)) {
                    LOG.warn("Deleting statistics subscription {} failed: {}; it is deleted again with backoff while"
                             + " the connection is open", id, problem);
                } else {
                    LOG.warn("Deleting statistics subscription {} failed: {}; the connection has closed, so it is left"
                             + " on Genesys until Genesys drops it", id, problem);
                }
            } else {
                LOG.info("Statistics subscription {} deleted ({})", id, reason);
            }
        });
        synchronized (lock) {
            deletions.removeIf(CompletableFuture::isDone);
            deletions.add(logged);
        }
    }

    // ------------------------------------------------------------------------------------------ notifications

    /** A StatisticUpdate (its payload): the entries of this consumer's subscription go to the output. */
    void onUpdate(Map<?, ?> payload) {
        List<?> entries = StatisticsDecoder.entries(payload);
        synchronized (lock) {
            String id = subscriptionId;
            String pending = pendingId;
            List<StatisticValue> mine = null;
            for (Object entry : entries) {
                String sid = StatisticsDecoder.subscriptionId(entry);
                if (sid == null) {
                    continue;
                }
                if (sid.equals(id)) {
                    if (mine == null) {
                        mine = new ArrayList<>(entries.size());
                    }
                    mine.add(StatisticsDecoder.value(entry, statistics));
                } else if (sid.equals(pending) && buffered != null) {
                    buffered.add(StatisticsDecoder.value(entry, statistics));
                }
            }
            if (mine != null) {
                receivedSinceCheck = true;
                if (deliveryProblem != null || evidence != null) {
                    LOG.info("Updates of statistics subscription {} arrive over CometD again", id);
                    deliveryProblem = null;
                    evidence = null;
                    recreatedForProblem = false;
                }
                see(mine);
                output.values(id, StatisticsConstants.STATISTIC_UPDATE, mine, false);
            }
        }
    }

    /** ServiceStateChange UNAVAILABLE: Genesys dropped every subscription. */
    void serviceUnavailable() {
        String dropped;
        synchronized (lock) {
            if (!running) {
                return;
            }
            serviceAvailable = false;
            generation++;
            dropped = subscriptionId;
            subscriptionId = null;
            pendingId = null;
            buffered = null;
            checkAfter = null; // AVAILABLE creates it again, with its current values
            retry = null; // a scheduled attempt that finds itself replaced does nothing
            lastError = "The Genesys Statistics service is UNAVAILABLE (it dropped every subscription)";
        }
        LOG.warn("The Genesys Statistics service is UNAVAILABLE: subscription {} was dropped; it is created again"
                 + " when the service is AVAILABLE", dropped);
    }

    /** ServiceStateChange AVAILABLE: create the subscription again (or check it, if the UNAVAILABLE was missed). */
    void serviceAvailable() {
        boolean had;
        synchronized (lock) {
            if (!running) {
                return;
            }
            serviceAvailable = true;
            had = subscriptionId != null;
        }
        LOG.info("The Genesys Statistics service is AVAILABLE");
        // an AVAILABLE without the UNAVAILABLE (missed while the session was down) may still mean a drop
        if (had) {
            verify("service available", true);
        } else {
            create("service available");
        }
    }

    /**
     * Genesys refused to subscribe a channel of the consumer again after a new session: nothing arrives on it until it
     * is subscribed again ({@link #channelRestored}); {@link #status()} reports it.
     */
    void refused(String channel, String message) {
        boolean first;
        synchronized (lock) {
            if (!running) {
                return;
            }
            lastError = message;
            first = channelProblems.put(channel, message) == null;
        }
        if (first) {
            LOG.warn(message);
        } else {
            LOG.debug(message);
        }
    }

    /** A refused channel is subscribed again: what was published on it meanwhile is read again. */
    void channelRestored(String channel) {
        synchronized (lock) {
            if (!running || channelProblems.remove(channel) == null) {
                return;
            }
        }
        LOG.info("{} is subscribed again for route {}", channel, name);
        verify("the channel " + channel + " was subscribed again", true);
    }

    // ------------------------------------------------------------------------------------------ delivery check

    // guarded by lock
    private void scheduleCheck() {
        cancel(check);
        check = deliveryCheckMillis <= 0 ? null : retries.schedule(this::checkDelivery, deliveryCheckMillis);
    }

    private void checkDelivery() {
        String id;
        long gen;
        synchronized (lock) {
            check = null;
            if (!running) {
                return;
            }
            scheduleCheck();
            id = subscriptionId;
            boolean quiet = !receivedSinceCheck;
            receivedSinceCheck = false;
            if (!quiet) {
                evidence = null;
                return;
            }
            if (id == null || inFlight != null || !channelsReady || !serviceAvailable || !channelProblems.isEmpty()
                || !sessionConnected.getAsBoolean()) {
                return; // nothing to check now; health says why already
            }
            gen = generation;
        }
        CompletableFuture<List<StatisticValue>> f;
        try {
            f = api.read(id);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((values, failure) -> onChecked(gen, id, values, failure));
    }

    private void onChecked(long gen, String id, List<StatisticValue> values, Throwable failure) {
        boolean recreate = false;
        String problem = null;
        synchronized (lock) {
            if (failure != null || gen != generation || !running || !id.equals(subscriptionId) || receivedSinceCheck) {
                return; // a failed read proves nothing; verify and recovery handle a gone subscription
            }
            String newer = newerThanSeen(values);
            if (newer == null) {
                evidence = null;
                if (deliveryProblem != null) {
                    LOG.info("Statistics subscription {}: Genesys has no value newer than those received", id);
                }
                deliveryProblem = null;
                return;
            }
            if (evidence == null) {
                evidence = newer; // in flight, perhaps: look again at the next check
                return;
            }
            evidence = newer;
            problem = "The Genesys CometD session is connected but receives nothing for statistics subscription " + id
                      + " although Genesys has newer values (" + newer + "). Genesys delivers a subscription's"
                      + " updates to the CometD session whose cookie created it: the REST calls and the CometD session"
                      + " must share their cookies (they do through one connection; check that a proxy or load"
                      + " balancer between this application and Genesys keeps cookies and session affinity)";
            if (!problem.equals(deliveryProblem)) {
                LOG.warn(problem);
            }
            deliveryProblem = problem;
            if (!recreatedForProblem) {
                recreatedForProblem = true;
                recreate = true;
                generation++;
                subscriptionId = null;
                deliveryProblem = problem + "; the subscription was created again in the current session";
            }
        }
        if (recreate) {
            delete(id, "its updates did not arrive over CometD");
            create("its updates did not arrive over CometD");
        }
    }

    /** A description of the first value newer than seen (statistic, timestamps), or {@code null}. Under lock. */
    private String newerThanSeen(List<StatisticValue> values) {
        for (StatisticValue v : values) {
            Long ts = v.getTimestamp();
            long[] entry = v.getStatisticId() != null ? seen.get(v.getStatisticId()) : null;
            Long known = entry != null ? entry[0] : null;
            if (ts != null && known != null && ts > known) {
                Statistic s = statistics.get(v.getStatisticId());
                String label = s != null && s.getName() != null ? s.getName() + ":" + s.getObjectType() + ":"
                        + s.getObjectId() : v.getStatisticId();
                return label + " has a value of " + ts + " on Genesys, the newest received is of " + known;
            }
        }
        return null;
    }

    // guarded by lock
    private void see(List<StatisticValue> values) {
        for (StatisticValue v : values) {
            if (v.getStatisticId() != null && v.getTimestamp() != null) {
                long[] entry = seen.computeIfAbsent(v.getStatisticId(), k -> new long[] { Long.MIN_VALUE });
                entry[0] = Math.max(entry[0], v.getTimestamp());
            }
        }
    }

    private List<StatisticValue> named(List<StatisticValue> values) {
        if (values == null) {
            return List.of();
        }
        values.forEach(v -> StatisticsDecoder.named(v, statistics));
        return values;
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    // ------------------------------------------------------------------------------------------ state

    Status status() {
        synchronized (lock) {
            String channelProblem = channelProblems.isEmpty() ? null : String.join("; ", channelProblems.values());
            return new Status(subscriptionId, running, serviceAvailable, lastError, deliveryProblem, created,
                    channelProblem);
        }
    }

    /** The subscription live on Genesys, or null while there is none. */
    String subscriptionId() {
        synchronized (lock) {
            return subscriptionId;
        }
    }
}
