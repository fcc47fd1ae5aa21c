package io.camelgenesys.core.http;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The queue of a connection's own worker pool: tasks wait first in, first out, as in any pool, but idle workers wait
 * last in, first out. A {@link java.util.concurrent.LinkedBlockingQueue} wakes the worker that has been idle longest,
 * so at one exchange in flight every response is taken by a different, cold thread of the pool; here the worker that
 * went idle last takes the next task, handed to it directly (no queue node, no lock), and the workers at the bottom
 * of the stack stay idle until the pool's keep-alive retires them.
 * <p>
 * No lost wake-up: a task is published (handed to a popped worker, or queued and then a worker popped to look at the
 * queue) and a worker is published (pushed, then it looks at the queue before it parks), each side looking at the
 * other's structure after writing its own. Parking only happens on the pool's idle threads, never on a thread that
 * offers a task (a Jetty thread).
 */
final class WorkerQueue extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {

    /** Put in a waiter's slot instead of a task: look at the queue again (a task was queued meanwhile). */
    private static final Runnable LOOK_AGAIN = () -> {
    };
    /** Put in a waiter's slot by the waiter itself when it stops waiting: nothing may be handed to it any more. */
    private static final Runnable GONE = () -> {
    };

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Idle workers, the last one to go idle first. */
    private final ConcurrentLinkedDeque<Waiter> idle = new ConcurrentLinkedDeque<>();

    private static final class Waiter extends AtomicReference<Runnable> {
        final Thread thread = Thread.currentThread();

        boolean give(Runnable r) {
            if (compareAndSet(null, r)) {
                LockSupport.unpark(thread);
                return true;
            }
            return false;
        }
    }

    @Override
    public boolean offer(Runnable task) {
        Objects.requireNonNull(task);
        for (Waiter w; (w = idle.pollFirst()) != null;) {
            if (w.give(task)) {
                return true;
            }
        }
        tasks.offer(task);
        // a worker that pushed itself after the loop above looks at the queue before it parks; one that pushed
        // itself before the add and has already looked is woken to look again
        wakeOneIfQueued();
        return true;
    }

    private void wakeOneIfQueued() {
        while (!tasks.isEmpty()) {
            Waiter w = idle.pollFirst();
            if (w == null || w.give(LOOK_AGAIN)) {
                return;
            }
        }
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
        return await(true, unit.toNanos(timeout));
    }

    @Override
    public Runnable take() throws InterruptedException {
        return await(false, 0);
    }

    private Runnable await(boolean timed, long nanos) throws InterruptedException {
        long deadline = timed ? System.nanoTime() + nanos : 0;
        while (true) {
            Runnable r = tasks.poll();
            if (r != null) {
                return r;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Waiter w = new Waiter();
            idle.offerFirst(w);
            r = tasks.poll();
            while (r == null && w.get() == null) {
                long left = deadline - System.nanoTime();
                if (timed && left <= 0 || Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (timed) {
                    LockSupport.parkNanos(this, left);
                } else {
                    LockSupport.park(this);
                }
            }
            Runnable given = w.getAndSet(GONE);
            if (given == null) {
                idle.removeFirstOccurrence(w);
            } else if (given == LOOK_AGAIN) {
                // the wake-up meant for a queued task: if this worker took another, pass it on
                if (r != null) {
                    wakeOneIfQueued();
                }
            } else if (r == null) {
                r = given;
            } else {
                // a task handed over while this worker took one from the queue: back into the queue
                offer(given);
            }
            if (r != null) {
                return r;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (timed && deadline - System.nanoTime() <= 0) {
                return null;
            }
        }
    }

    @Override
    public Runnable poll() {
        return tasks.poll();
    }

    @Override
    public Runnable peek() {
        return tasks.peek();
    }

    @Override
    public void put(Runnable task) {
        offer(task);
    }

    @Override
    public boolean offer(Runnable task, long timeout, TimeUnit unit) {
        return offer(task);
    }

    @Override
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int drainTo(Collection<? super Runnable> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super Runnable> c, int maxElements) {
        int n = 0;
        for (Runnable r; n < maxElements && (r = tasks.poll()) != null; n++) {
            c.add(r);
        }
        return n;
    }

    @Override
    public Iterator<Runnable> iterator() {
        return tasks.iterator();
    }

    @Override
    public int size() {
        return tasks.size();
    }

    @Override
    public boolean isEmpty() {
        return tasks.isEmpty();
    }
}
