package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per access token, a fixed window of {@code limit} requests: Genesys limits requests per token (per OAuth client),
 * and announces the budget in {@code X-Rate-Limit-Limit}, {@code X-Rate-Limit-Remaining} and
 * {@code X-Rate-Limit-Reset} (seconds until the window resets).
 */
final class RateLimiter {

    /**
     * @param allowed      whether the request is within budget
     * @param limit        the budget per window
     * @param remaining    what is left of it after this request
     * @param resetSeconds whole seconds until the window resets, at least 1
     */
    record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    private static final class Window {
        long startNanos;
        int used;
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile int limit;
    private volatile long windowNanos;

    RateLimiter(int limit, Duration window) {
        configure(limit, window);
    }

    /** Changes the budget; running windows are forgotten so that the new budget applies at once. */
    void configure(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("The rate limit must allow at least one request: " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The rate-limit window must be positive: " + window);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        windows.clear();
    }

    Decision charge(String token) {
        long now = System.nanoTime();
        int max = limit;
        long length = windowNanos;
        if (windows.size() > 4096) {
            windows.values().removeIf(w -> now - w.startNanos >= length);
        }
        Window window = windows.computeIfAbsent(token, t -> new Window());
        synchronized (window) {
            if (window.used == 0 || now - window.startNanos >= length) {
                window.startNanos = now;
                window.used = 0;
            }
            long left = window.startNanos + length - now;
            long resetSeconds = Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
            if (window.used >= max) {
                return new Decision(false, max, 0, resetSeconds);
            }
            window.used++;
            return new Decision(true, max, max - window.used, resetSeconds);
        }
    }

    void clear() {
        windows.clear();
    }
}
