package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The Statistics service's two timers on one daemon thread: the generator (a tick every {@code interval}) and the end
 * of an outage. Each arming bumps an epoch, and the callbacks receive the epoch they were armed with, so a tick or
 * an outage end that was already running when its timer was changed can tell (with {@link #isGeneratorEpoch} /
 * {@link #isOutageEpoch}, under the caller's sequencing lock) that it must do nothing. Guarded by its own lock.
 */
final class StatisticsTimers {

    private final LongConsumer tick;
    private final LongConsumer outageEnd;
    private final Object lock = new Object();
    // guarded by lock
    private boolean running;
    private ScheduledExecutorService scheduler;
    private Duration interval = Duration.ZERO;
    private ScheduledFuture<?> generator;
    private long generatorEpoch;
    /** When the current outage ends ({@link System#nanoTime()}), or {@code null} when none is scheduled. */
    private Long outageEndsAt;
    private ScheduledFuture<?> outage;
    private long outageEpoch;

    /**
     * @param tick      called with its epoch at every generator tick
     * @param outageEnd called with its epoch when an outage ends
     */
    StatisticsTimers(LongConsumer tick, LongConsumer outageEnd) {
        this.tick = tick;
        this.outageEnd = outageEnd;
    }

    void setInterval(Duration interval) {
        synchronized (lock) {
            this.interval = interval;
            armGenerator();
        }
    }

    Duration interval() {
        synchronized (lock) {
            return interval;
        }
    }

    boolean isGeneratorEpoch(long epoch) {
        synchronized (lock) {
            return epoch == generatorEpoch;
        }
    }

    /** Schedules the end of an outage {@code after} from now (replacing a pending one). */
    void endOutageAfter(Duration after) {
        synchronized (lock) {
            outageEndsAt = System.nanoTime() + after.toNanos();
            armOutage();
        }
    }

    void cancelOutageEnd() {
        synchronized (lock) {
            cancel(outage);
            outage = null;
            outageEpoch++;
            outageEndsAt = null;
        }
    }

    boolean isOutageEpoch(long epoch) {
        synchronized (lock) {
            return epoch == outageEpoch;
        }
    }

    /** The simulator started: the generator and a pending outage end resume. */
    void start() {
        synchronized (lock) {
            running = true;
            armGenerator();
            armOutage();
        }
    }

    /** The simulator stopped: no timer fires; what remains of an outage is kept for the next start. */
    void stop() {
        ScheduledExecutorService stopping;
        synchronized (lock) {
            running = false;
            armGenerator();
            cancel(outage);
            outage = null;
            outageEpoch++;
            stopping = scheduler;
            scheduler = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    /** Generator off, no outage pending. */
    void reset() {
        synchronized (lock) {
            interval = Duration.ZERO;
            armGenerator();
        }
        cancelOutageEnd();
    }

    // guarded by lock
    private void armGenerator() {
        cancel(generator);
        generator = null;
        long epoch = ++generatorEpoch;
        if (!running || interval.isZero()) {
            return;
        }
        long nanos = interval.toNanos();
        generator = scheduler().scheduleAtFixedRate(() -> tick.accept(epoch), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    // guarded by lock
    private void armOutage() {
        cancel(outage);
        outage = null;
        long epoch = ++outageEpoch;
        if (!running || outageEndsAt == null) {
            return;
        }
        long delay = Math.max(0, outageEndsAt - System.nanoTime());
        outage = scheduler().schedule(() -> outageEnd.accept(epoch), delay, TimeUnit.NANOSECONDS);
    }

    // guarded by lock
    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "genesys-simulator-statistics");
                thread.setDaemon(true);
                return thread;
            });
        }
        return scheduler;
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
