package io.camelgenesys.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Publishes the Statistics notifications on the CometD server and keeps the publication log. Its lock is also the
 * sequencing lock of the service: whatever changes values and publishes them runs inside {@link #sequenced}, so two
 * publishers never interleave and the order of the log is the order clients see. Lock order: this lock, then a
 * store's ({@link StatisticsCatalogue}, {@link StatisticsSubscriptions}), never the other way round.
 * <p>
 * Session affinity (off by default): an update of a subscription goes only to the CometD sessions whose browser
 * cookie is the one the request that created the subscription carried, as a server that ties subscriptions to the
 * CometD session by its cookie does. A subscription created without that cookie then reaches nobody.
 */
final class StatisticsPublisher {

    private final Cometd cometd;
    private final Object lock = new Object();
    // guarded by lock
    private final Deque<Statistics.Publication> log = new ArrayDeque<>();
    private final List<Consumer<Statistics.Publication>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean sessionAffinity;

    StatisticsPublisher(Cometd cometd) {
        this.cometd = cometd;
    }

    /** Runs {@code action} under the sequencing lock. */
    <T> T sequenced(Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }

    void sequenced(Runnable action) {
        synchronized (lock) {
            action.run();
        }
    }

    void setSessionAffinity(boolean on) {
        sessionAffinity = on;
    }

    boolean sessionAffinity() {
        return sessionAffinity;
    }

    /**
     * Publishes a {@code StatisticUpdate} for a subscription (to its cookie's sessions under session affinity).
     *
     * @return the publish time, or 0 when CometD is not running
     */
    long publishUpdate(StatisticsSubscriptions.Subscription subscription, List<Object> entries) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("statistics", Collections.unmodifiableList(entries));
        Map<String, Object> notification = notification(Statistics.STATISTIC_UPDATE, Statistics.UPDATES, data);
        return publish(Statistics.UPDATES, notification, sessionAffinity, subscription.cookie());
    }

    /** Publishes a {@code ServiceStateChange} to every session. */
    void publishServiceState(String state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serviceState", state);
        publish(Statistics.SERVICE, notification(Statistics.SERVICE_STATE_CHANGE, Statistics.SERVICE, data), false, null);
    }

    private long publish(String channel, Map<String, Object> notification, boolean targeted, String cookie) {
        synchronized (lock) {
            long nanos = System.nanoTime();
            if (nanos == 0) {
                nanos = 1;
            }
            Statistics.Publication publication = new Statistics.Publication(channel, notification, nanos);
            for (Consumer<Statistics.Publication> listener : listeners) {
                listener.accept(publication);
            }
            try {
                if (targeted) {
                    cometd.deliverToBrowser(channel, notification, cookie);
                } else {
                    cometd.publish(channel, notification);
                }
            } catch (IllegalStateException notRunning) {
                return 0;
            }
            if (log.size() == Statistics.PUBLISHED_LOG_LIMIT) {
                log.removeFirst();
            }
            log.addLast(publication);
            return nanos;
        }
    }

    private static Map<String, Object> notification(String name, String topic, Map<String, Object> data) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("name", name);
        notification.put("topic", topic);
        notification.put("data", Collections.unmodifiableMap(data));
        return Collections.unmodifiableMap(notification);
    }

    List<Map<String, Object>> published() {
        synchronized (lock) {
            List<Map<String, Object>> notifications = new ArrayList<>(log.size());
            log.forEach(p -> notifications.add(p.notification()));
            return notifications;
        }
    }

    List<Statistics.Publication> publications() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    void addListener(Consumer<Statistics.Publication> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(Consumer<Statistics.Publication> listener) {
        listeners.remove(listener);
    }

    void clearLog() {
        synchronized (lock) {
            log.clear();
        }
    }

    /** Forgets the log and the listeners; session affinity goes back off. */
    void reset() {
        synchronized (lock) {
            log.clear();
            listeners.clear();
            sessionAffinity = false;
        }
    }
}
