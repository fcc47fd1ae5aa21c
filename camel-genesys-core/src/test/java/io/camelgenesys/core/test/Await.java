package io.camelgenesys.core.test;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition (polling, never a fixed sleep), failing the test with what it waited for. */
public final class Await {

    private Await() {
    }

    /**
     * Waits for a condition as long as the system makes progress: fails when {@code progress} (a count that grows
     * while the system works towards the condition, e.g. requests a server received) has not changed for
     * {@code idleMillis}, or after {@code capMillis} in all. A loaded machine that is slow but working is waited for;
     * one that is stuck fails as soon as before.
     */
    public static void whileProgressing(String what, long idleMillis, long capMillis, LongSupplier progress,
                                        BooleanSupplier condition) {
        long start = System.nanoTime();
        long last = progress.getAsLong();
        long lastChange = start;
        while (!condition.getAsBoolean()) {
            long now = System.nanoTime();
            long current = progress.getAsLong();
            if (current != last) {
                last = current;
                lastChange = now;
            }
            if (now - lastChange > TimeUnit.MILLISECONDS.toNanos(idleMillis)) {
                fail("No progress for " + idleMillis + " ms (after " + TimeUnit.NANOSECONDS.toMillis(now - start)
                     + " ms) waiting for " + what);
            }
            if (now - start > TimeUnit.MILLISECONDS.toNanos(capMillis)) {
                fail("Timed out after " + capMillis + " ms, still progressing, waiting for " + what);
            }
            pause(what);
        }
    }

    public static void until(String what, long timeoutMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            pause(what);
        }
    }

    private static void pause(String what) {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("Interrupted while waiting for " + what);
        }
    }
}
