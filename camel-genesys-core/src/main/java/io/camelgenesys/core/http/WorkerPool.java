package io.camelgenesys.core.http;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where user code continues after a Genesys call: the route after a producer, the reading of a bulk operation's
 * input. Wraps the endpoint's {@code workerPool} (or the connection's default) so that a continuation never runs on
 * the thread that hands it over, which is a Jetty I/O or scheduler thread: a pool that refuses it (a full queue) or
 * runs it on the caller (a caller-runs policy) is offered it again from the connection's scheduler a moment later.
 * A continuation handed over from a thread of the same pool is queued too, never run at once on that thread: a worker
 * that reads a download calls into Jetty, and Jetty may run another response's listener on it, inside its serialized
 * invoker; a continuation run there that reads its own download waits for content that the invoker it sits in must
 * deliver, and never gets it (seen as {@code ImportExportRouteTest}'s two-thread-pool test hanging one run in six).
 */
public final class WorkerPool implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    static final long REOFFER_MILLIS = 5;

    private final ExecutorService pool;
    private final ScheduledExecutorService scheduler;
    private final String name;
    private final AtomicBoolean warned = new AtomicBoolean();

    WorkerPool(ExecutorService pool, ScheduledExecutorService scheduler, String name) {
        this.pool = pool;
        this.scheduler = scheduler;
        this.name = name;
    }

    /**
     * A worker pool outside a connection (a webhook consumer's): {@code pool} runs the continuations, {@code scheduler}
     * offers a refused one again.
     */
    public static WorkerPool of(ExecutorService pool, ScheduledExecutorService scheduler, String name) {
        return new WorkerPool(pool, scheduler, name);
    }

    /** The pool's tasks run continuations; never on the calling thread, even when it is one of the pool's own. */
    @Override
    public void execute(Runnable continuation) {
        new Continuation(continuation).offer();
    }

    ExecutorService pool() {
        return pool;
    }

    @Override
    public String toString() {
        return name;
    }

    private final class Continuation implements Runnable {
        private final Runnable task;
        // only ever compared with the current thread, by the offering thread itself: no need to be volatile
        private Thread offering;
        private boolean ranByOfferer;

        Continuation(Runnable task) {
            this.task = task;
        }

        void offer() {
            offering = Thread.currentThread();
            boolean accepted;
            try {
                pool.execute(this);
                accepted = !ranByOfferer;
            } catch (RejectedExecutionException e) {
                accepted = false;
            } finally {
                offering = null;
            }
            if (!accepted) {
                refused();
            }
        }

        private void refused() {
            ranByOfferer = false;
            if (pool.isShutdown()) {
                // stopping: the exchange must still complete (Camel waits for it), and no pool is left to do it
                LOG.debug("{} is shut down: a continuation runs on the calling thread", name);
                task.run();
                return;
            }
            if (warned.compareAndSet(false, true)) {
                LOG.warn("{} refused a continuation (a full queue, or a policy that runs it on the caller); it is"
                         + " offered again every {} ms. Give the workerPool an unbounded queue or more threads.",
                        name, REOFFER_MILLIS);
            }
            try {
                scheduler.schedule(this::offer, REOFFER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("{}: the connection is closing; a continuation runs on the calling thread", name);
                task.run();
            }
        }

        @Override
        public void run() {
            if (Thread.currentThread() == offering) {
                // a caller-runs policy: not on an I/O thread; offer() schedules it again
                ranByOfferer = true;
                return;
            }
            task.run();
        }
    }
}
