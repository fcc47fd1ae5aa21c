package io.camelgenesys.conversations.notifications;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order given, on an underlying executor (a shared pool): the order of one stream
 * without a thread of its own. A task's failure is logged, never lost, and does not stop the ones after it.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final String name;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;
    /** Whether a task taken from the queue is running (counted by {@link #outstanding()}). */
    private boolean active;

    public SerialExecutor(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (tasks) {
                running = false;
                LOG.warn("{}: {} task(s) dropped, the pool is shut down", name, tasks.size());
                tasks.clear();
            }
        }
    }

    private void drain() {
        // a bounded batch, then the pool's other work gets its turn
        for (int i = 0; i < 256; i++) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
                active = true;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: a task failed: {}", name, e.toString());
            } finally {
                synchronized (tasks) {
                    active = false;
                }
            }
        }
        schedule();
    }

    /** Tasks waiting. */
    public int pending() {
        synchronized (tasks) {
            return tasks.size();
        }
    }

    /** Tasks not finished: those waiting and the one running; 0 once every task given has run (or was dropped). */
    public int outstanding() {
        synchronized (tasks) {
            return tasks.size() + (active ? 1 : 0);
        }
    }
}
