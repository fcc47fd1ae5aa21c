package io.camelgenesys.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store of open subscriptions: each with its statistics, the own values of statistics opened by
 * {@code definition}, the CometD browser cookie of the request that created it (for session affinity), and when its
 * last update was published. Guarded by its own lock.
 */
final class StatisticsSubscriptions {

    /** One statistic opened in a subscription: by {@code name} (shared value) or by {@code definition} (own value). */
    static final class OpenStatistic {
        final String statisticId;
        final String name;
        final String objectType;
        final String objectId;
        final Map<String, Object> definition;
        /** The own value of a defined statistic; guarded by the store's lock. */
        private StatisticsCatalogue.Value own;
        private long generation;

        OpenStatistic(String statisticId, String name, String objectType, String objectId,
                Map<String, Object> definition) {
            this.statisticId = statisticId;
            this.name = name;
            this.objectType = objectType;
            this.objectId = objectId;
            this.definition = definition;
        }

        /** @return the catalogue key of a statistic opened by name, {@code null} for a defined one */
        StatisticsCatalogue.Key key() {
            return name == null ? null : new StatisticsCatalogue.Key(name, objectType, objectId);
        }
    }

    /**
     * An open subscription.
     *
     * @param cookie the CometD browser cookie ({@value Cometd#BROWSER_COOKIE}) the creating request carried, or
     *               {@code null}
     */
    record Subscription(String id, String operationId, Map<String, OpenStatistic> statistics, String cookie) {
    }

    private final Object lock = new Object();
    private final Map<String, Subscription> open = new LinkedHashMap<>();
    private final Map<String, Long> lastPublish = new HashMap<>();

    /** Opens a subscription; returns {@code null} when one with that id is open already. */
    Subscription open(String id, String operationId, List<OpenStatistic> statistics, String cookie) {
        long now = System.currentTimeMillis();
        synchronized (lock) {
            if (open.containsKey(id)) {
                return null;
            }
            Map<String, OpenStatistic> byId = new LinkedHashMap<>();
            for (OpenStatistic statistic : statistics) {
                if (statistic.name == null) {
                    statistic.own = new StatisticsCatalogue.Value(
                            StatisticsCatalogue.generated(StatisticsCatalogue.Kind.GROWING, 0), now);
                }
                byId.put(statistic.statisticId, statistic);
            }
            Subscription subscription = new Subscription(id, operationId, Collections.unmodifiableMap(byId), cookie);
            open.put(id, subscription);
            return subscription;
        }
    }

    Subscription get(String id) {
        synchronized (lock) {
            return open.get(id);
        }
    }

    /** @return whether a subscription was open */
    boolean close(String id) {
        synchronized (lock) {
            lastPublish.remove(id);
            return open.remove(id) != null;
        }
    }

    /** @return the open subscriptions, in the order they were opened */
    List<Subscription> all() {
        synchronized (lock) {
            return new ArrayList<>(open.values());
        }
    }

    int count() {
        synchronized (lock) {
            return open.size();
        }
    }

    Set<String> ids() {
        synchronized (lock) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(open.keySet()));
        }
    }

    /** Re-binds a subscription to another CometD browser cookie; returns whether it is open. */
    boolean rebind(String id, String cookie) {
        synchronized (lock) {
            Subscription s = open.get(id);
            if (s == null) {
                return false;
            }
            open.put(id, new Subscription(s.id(), s.operationId(), s.statistics(), cookie));
            return true;
        }
    }

    /** The own value of a defined statistic. */
    StatisticsCatalogue.Value own(OpenStatistic statistic) {
        synchronized (lock) {
            return statistic.own;
        }
    }

    void setOwn(OpenStatistic statistic, Object value) {
        StatisticsCatalogue.Value v = new StatisticsCatalogue.Value(value, System.currentTimeMillis());
        synchronized (lock) {
            statistic.own = v;
        }
    }

    /** Moves a defined statistic's own value on by one update, stamped {@code now}. */
    void advanceOwn(OpenStatistic statistic, long now) {
        synchronized (lock) {
            statistic.generation++;
            statistic.own = new StatisticsCatalogue.Value(
                    StatisticsCatalogue.generated(StatisticsCatalogue.Kind.GROWING, statistic.generation), now);
        }
    }

    void published(String id, long nanos) {
        synchronized (lock) {
            if (open.containsKey(id)) {
                lastPublish.put(id, nanos);
            }
        }
    }

    long lastPublishNanos(String id) {
        synchronized (lock) {
            return lastPublish.getOrDefault(id, 0L);
        }
    }

    void clear() {
        synchronized (lock) {
            open.clear();
            lastPublish.clear();
        }
    }
}
