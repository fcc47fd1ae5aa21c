package io.camelgenesys.core.notifications;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExponentialBackoffTest {

    @Test
    void doublesWithJitterUpToTheCapAndResets() {
        ExponentialBackoff b = new ExponentialBackoff(500, 30_000);
        assertEquals(0, b.current());
        long[] bases = { 500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000 };
        for (long base : bases) {
            long v = b.next();
            assertTrue(v <= base && v >= base * 3 / 4, v + " for base " + base);
            assertEquals(v, b.current());
        }
        for (int i = 0; i < 100; i++) {
            assertTrue(b.next() <= 30_000);
        }
        b.reset();
        assertEquals(0, b.current());
        assertTrue(b.next() <= 500);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ExponentialBackoff(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialBackoff(100, 10));
    }

    @Test
    void parsesBayeuxErrorCodes() {
        assertEquals(402, BayeuxFailure.bayeuxCode("402::Unknown client"));
        assertEquals(403, BayeuxFailure.bayeuxCode("403:denied_subscribe:not for you"));
        assertEquals(-1, BayeuxFailure.bayeuxCode("nonsense"));
        assertEquals(-1, BayeuxFailure.bayeuxCode(null));
    }

    @Test
    void normalizesPaths() {
        assertEquals("/statistics/v3/notifications", GenesysNotifications.normalizePath("statistics/v3/notifications/"));
        assertThrows(IllegalArgumentException.class, () -> GenesysNotifications.normalizePath(" "));
        assertThrows(IllegalArgumentException.class, () -> GenesysNotifications.normalizePath("https://x/y"));
    }
}
