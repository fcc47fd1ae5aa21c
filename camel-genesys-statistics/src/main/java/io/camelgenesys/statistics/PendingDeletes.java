package io.camelgenesys.statistics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.http.RetryScheduler;
import io.camelgenesys.core.operation.GenesysOperationExecutor;
import io.camelgenesys.core.operation.OperationCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statistics subscriptions whose delete failed (typically: the consumer stopped while Genesys refused its token), kept
 * per connection and deleted again with backoff for as long as the connection is open (another endpoint with the same
 * credentials, or the stopped route's own endpoint, keeps it open): the connection's {@link RetryScheduler} with its
 * {@code retry*} options, without a limit ({@link RetryPolicy#unbounded()}), reset after a round that deleted them
 * all. When the connection closes with some still
 * undeleted, a WARN names them: they stay on Genesys until Genesys drops them. One per connection, as an attachment.
 */
final class PendingDeletes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PendingDeletes.class);
    private static final String KEY = "genesys-stats:pending-deletes";

    private final GenesysConnection connection;
    private final GenesysOperationExecutor executor;
    private final Function<String, OperationCall> deleteCall;
    private final RetryScheduler.Retry backoff;

    private final Object lock = new Object();
    // guarded by lock
    private final Set<String> ids = new LinkedHashSet<>();
    /** The attempt scheduled, {@code null} when none; an attempt no longer here does nothing (see retryNow). */
    private Runnable retry;
    private boolean inFlight;
    private boolean closed;

    private PendingDeletes(GenesysConnection connection, Function<String, OperationCall> deleteCall) {
        this.connection = connection;
        this.executor = new GenesysOperationExecutor(connection);
        this.deleteCall = deleteCall;
        this.backoff = connection.retries().start(connection.retryPolicy().unbounded(),
                () -> "Deleting statistics subscriptions on " + connection.id(), System.nanoTime());
    }

    /** The pending deletes of a connection. */
    static PendingDeletes of(GenesysConnection connection, Function<String, OperationCall> deleteCall) {
        return connection.attachment(KEY, c -> new PendingDeletes(c, deleteCall));
    }

    /**
     * Deletes this subscription again later (with backoff) until it succeeds or the connection closes.
     *
     * @return {@code false} when the connection has closed: nothing deletes it any more (the caller says so)
     */
    boolean add(String id) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            if (ids.add(id)) {
                scheduleLocked();
            }
            return true;
        }
    }

    /** The subscriptions still to delete. */
    Set<String> ids() {
        synchronized (lock) {
            return Set.copyOf(ids);
        }
    }

    /** Tries now (a consumer on this connection just worked with Genesys: the connection can again). */
    void retryNow() {
        synchronized (lock) {
            if (closed || ids.isEmpty() || inFlight) {
                return;
            }
            retry = null;
        }
        attempt(null);
    }

    // guarded by lock
    private void scheduleLocked() {
        if (retry == null && !inFlight && !ids.isEmpty()) {
            Runnable scheduled = new Runnable() {
                @Override
                public void run() {
                    attempt(this);
                }
            };
            if (backoff.backoff("a failed delete", scheduled) != RetryPolicy.NO_RETRY) {
                retry = scheduled;
            }
        }
    }

    /** @param scheduled the scheduled attempt that runs, {@code null} when tried now */
    private void attempt(Runnable scheduled) {
        List<String> batch;
        synchronized (lock) {
            if (scheduled != null && retry != scheduled) {
                return; // replaced by a try now
            }
            retry = null;
            if (closed || inFlight || ids.isEmpty()) {
                return;
            }
            inFlight = true;
            batch = List.copyOf(ids);
        }
        deleteAll(batch, 0);
    }

    /** One after the other: a refused token fails them all alike, so the first failure ends the round. */
    private void deleteAll(List<String> batch, int i) {
        if (i == batch.size()) {
            synchronized (lock) {
                inFlight = false;
                backoff.reset();
                scheduleLocked();
            }
            return;
        }
        String id = batch.get(i);
        executor.execute(deleteCall.apply(id)).whenComplete((r, failure) -> {
            if (failure == null) {
                synchronized (lock) {
                    ids.remove(id);
                }
                LOG.info("Statistics subscription {} deleted (its delete had failed before)", id);
                deleteAll(batch, i + 1);
                return;
            }
            LOG.debug("Deleting statistics subscription {} failed again: {}", id,
                    GenesysErrors.unwrap(failure).getMessage());
            synchronized (lock) {
                inFlight = false;
                scheduleLocked();
            }
        });
    }

    /** The connection closes: what is left stays on Genesys; say so. */
    @Override
    public void close() {
        Set<String> left;
        synchronized (lock) {
            closed = true;
            backoff.cancel();
            retry = null;
            left = Set.copyOf(ids);
            ids.clear();
        }
        if (!left.isEmpty()) {
            LOG.warn("The connection {} closed before statistics subscription(s) {} could be deleted (Genesys refused the"
                     + " requests, e.g. the token): they stay on Genesys until it drops them", connection.id(), left);
        }
    }
}
