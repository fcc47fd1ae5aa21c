package io.camelgenesys.simulator.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.RouteHandler;

/**
 * The lock of one store of a simulated API (an {@link EntityTable} or a {@link LockedMap}): a read-write lock with a
 * rank. Work that needs several stores takes their locks in ascending rank and releases them in reverse, so two
 * requests never wait for each other in a cycle. A route declares its stores once ({@link #guard}); the test-facing
 * API uses {@link #reading}, {@link #writing} and {@link #writingAll}. Taking a lock out of order, or upgrading a read
 * lock to a write lock, throws at once instead of deadlocking later.
 * <p>
 * The stores check on every access that the calling thread holds their lock ({@link #checkRead}, {@link #checkWrite}),
 * so a route that forgot to declare a store it touches fails on its first request (a 500) rather than racing.
 */
public final class StoreLock {

    /** The store locks the current thread holds, in acquisition order. */
    private static final ThreadLocal<List<StoreLock>> HELD = ThreadLocal.withInitial(ArrayList::new);

    private final String name;
    private final int rank;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * @param name names the store in error messages
     * @param rank its place in the acquisition order of the stores it may be locked together with (lower first)
     */
    public StoreLock(String name, int rank) {
        this.name = name;
        this.rank = rank;
    }

    public String name() {
        return name;
    }

    public int rank() {
        return rank;
    }

    /** @throws IllegalStateException unless the current thread holds this lock (read or write) */
    public void checkRead() {
        if (lock.getReadHoldCount() == 0 && !lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("The " + name + " store was read without holding its lock");
        }
    }

    /** @throws IllegalStateException unless the current thread holds this lock for writing */
    public void checkWrite() {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("The " + name + " store was changed without holding its write lock");
        }
    }

    /** Runs {@code body} holding this lock for reading. */
    public <T> T reading(Supplier<T> body) {
        return holdingUnchecked(List.of(new Hold(this, false)), body);
    }

    /** Runs {@code body} holding this lock for writing. */
    public <T> T writing(Supplier<T> body) {
        return holdingUnchecked(List.of(new Hold(this, true)), body);
    }

    /** Runs {@code body} holding this lock for writing. */
    public void writing(Runnable body) {
        writingAll(body, this);
    }

    /** Runs {@code body} holding every one of {@code locks} for writing, taken in rank order. */
    public static void writingAll(Runnable body, StoreLock... locks) {
        holdingUnchecked(plan(List.of(), locks, true), () -> {
            body.run();
            return null;
        });
    }

    /** A handler that runs holding the store locks it declares ({@code reading(...)}, {@code writing(...)}). */
    public static Guard guard(RouteHandler handler) {
        return new Guard(handler, List.of());
    }

    /** A route handler and the store locks it runs under; immutable. */
    public static final class Guard implements RouteHandler {

        private final RouteHandler handler;
        /** sorted by rank, one entry per lock */
        private final List<Hold> holds;

        private Guard(RouteHandler handler, List<Hold> holds) {
            this.handler = handler;
            this.holds = holds;
        }

        /** @return this guard, also holding {@code locks} for reading (unless it writes them) */
        public Guard reading(StoreLock... locks) {
            return new Guard(handler, plan(holds, locks, false));
        }

        /** @return this guard, also holding {@code locks} for writing */
        public Guard writing(StoreLock... locks) {
            return new Guard(handler, plan(holds, locks, true));
        }

        @Override
        public ApiResponse handle(ApiRequest request) throws Exception {
            return holding(holds, () -> handler.handle(request));
        }
    }

    private record Hold(StoreLock lock, boolean write) {
    }

    @FunctionalInterface
    private interface Body<T> {
        T run() throws Exception;
    }

    /** {@code holds} plus {@code locks}, one entry per lock (write wins), sorted by rank. */
    private static List<Hold> plan(List<Hold> holds, StoreLock[] locks, boolean write) {
        List<Hold> plan = new ArrayList<>(holds);
        for (StoreLock lock : locks) {
            Hold existing = plan.stream().filter(h -> h.lock() == lock).findFirst().orElse(null);
            if (existing != null) {
                plan.remove(existing);
            }
            plan.add(new Hold(lock, write || existing != null && existing.write()));
        }
        plan.sort(Comparator.comparingInt(h -> h.lock().rank));
        for (int i = 1; i < plan.size(); i++) {
            if (plan.get(i).lock().rank == plan.get(i - 1).lock().rank) {
                throw new IllegalArgumentException("Stores " + plan.get(i - 1).lock().name + " and "
                        + plan.get(i).lock().name + " share rank " + plan.get(i).lock().rank
                        + ", so their order is undefined: " + Arrays.toString(locks));
            }
        }
        return List.copyOf(plan);
    }

    private static <T> T holdingUnchecked(List<Hold> holds, Supplier<T> body) {
        try {
            return holding(holds, body::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T holding(List<Hold> holds, Body<T> body) throws Exception {
        int acquired = 0;
        try {
            for (Hold hold : holds) {
                hold.lock().acquire(hold.write());
                acquired++;
            }
            return body.run();
        } finally {
            for (int i = acquired - 1; i >= 0; i--) {
                holds.get(i).lock().release(holds.get(i).write());
            }
        }
    }

    private void acquire(boolean write) {
        List<StoreLock> held = HELD.get();
        for (StoreLock other : held) {
            if (other != this && other.rank >= rank) {
                throw new IllegalStateException("Store lock order violated: " + name + " (rank " + rank
                        + ") taken while holding " + other.name + " (rank " + other.rank + ")");
            }
        }
        if (write && lock.getReadHoldCount() > 0 && !lock.isWriteLockedByCurrentThread()) {
            // ReentrantReadWriteLock cannot upgrade: the write lock would wait for this thread's own read lock.
            throw new IllegalStateException("The " + name + " store is held for reading and cannot be upgraded");
        }
        (write ? lock.writeLock() : lock.readLock()).lock();
        held.add(this);
    }

    private void release(boolean write) {
        (write ? lock.writeLock() : lock.readLock()).unlock();
        List<StoreLock> held = HELD.get();
        held.remove(held.lastIndexOf(this));
    }

    @Override
    public String toString() {
        return name + "#" + rank;
    }
}
