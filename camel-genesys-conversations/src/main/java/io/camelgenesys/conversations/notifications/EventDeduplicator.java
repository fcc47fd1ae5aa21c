package io.camelgenesys.conversations.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drops an event that a second socket delivers again while two sockets overlap (a channel being replaced before the
 * old socket closes): an event is a duplicate when the same key ({@link NotificationFrame#key()}) was delivered by
 * ANOTHER socket within the window. The same key on the same socket is a new event (Genesys may publish equal bodies
 * twice, e.g. a presence set back), so nothing a single socket delivers is ever dropped. Bounded: the oldest keys are
 * forgotten first. Thread-safe.
 */
public final class EventDeduplicator {

    private record Seen(int socket, long atNanos) {
    }

    private final int capacity;
    private final long windowNanos;
    private final Map<String, Seen> seen;
    private long duplicates;

    /**
     * @param capacity     the most keys remembered
     * @param windowMillis how long a key delivered by one socket makes the same key from another a duplicate
     */
    public EventDeduplicator(int capacity, long windowMillis) {
        this.capacity = capacity;
        this.windowNanos = windowMillis * 1_000_000L;
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false);
    }

    /**
     * @param key    the event's key
     * @param socket the generation of the socket that delivered it
     * @return whether to deliver it ({@code false}: another socket delivered it within the window)
     */
    public boolean firstDelivery(String key, int socket, long nowNanos) {
        return deliveredBy(key, socket, nowNanos) < 0;
    }

    /**
     * {@link #firstDelivery} that also tells which socket delivered a duplicate first: both sockets were subscribed
     * when Genesys published it, and both were open when it was written.
     *
     * @return -1 to deliver it; else the generation of the socket that delivered it within the window
     */
    public synchronized int deliveredBy(String key, int socket, long nowNanos) {
        Seen previous = seen.get(key);
        if (previous != null && previous.socket != socket && nowNanos - previous.atNanos <= windowNanos) {
            duplicates++;
            return previous.socket;
        }
        if (previous != null) {
            seen.remove(key); // re-inserted last: the order stays the order of delivery
        }
        seen.put(key, new Seen(socket, nowNanos));
        if (seen.size() > capacity) {
            var it = seen.entrySet().iterator();
            it.next();
            it.remove();
        }
        return -1;
    }

    /** Events dropped as duplicates so far. */
    public synchronized long duplicates() {
        return duplicates;
    }
}
