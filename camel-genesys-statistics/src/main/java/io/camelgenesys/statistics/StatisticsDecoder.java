package io.camelgenesys.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelgenesys.statistics.model.Statistic;
import io.camelgenesys.statistics.model.StatisticValue;

/**
 * Reads the Statistics notifications as the CometD client parsed them (plain maps and arrays, no JSON tree, no
 * model conversion): {@code {"name":"StatisticUpdate","topic":..,"data":{"statistics":[{"subscriptionId",
 * "statisticId","value","timestamp"}]}}} and {@code {"name":"ServiceStateChange",..,"data":{"serviceState":..}}}.
 * Updates carry only ids: the name and the object come from what was subscribed. Free of Camel.
 */
final class StatisticsDecoder {

    private StatisticsDecoder() {
    }

    /** The notification's {@code data}: Genesys wraps it as {@code {"name":..,"topic":..,"data":{..}}}. */
    static Map<?, ?> payload(Map<String, Object> message) {
        return message != null && message.get("data") instanceof Map<?, ?> inner ? inner : message;
    }

    /** The entries of a StatisticUpdate, each a map; empty when there are none. */
    static List<?> entries(Map<?, ?> payload) {
        Object list = payload != null ? payload.get("statistics") : null;
        if (list instanceof List<?> l) {
            return l;
        }
        if (list instanceof Object[] array) {
            return Arrays.asList(array); // Jetty's JSON parses arrays as Object[]
        }
        return List.of();
    }

    /** The subscriptionId of an entry, or {@code null}. */
    static String subscriptionId(Object entry) {
        return entry instanceof Map<?, ?> map && map.get("subscriptionId") instanceof String s ? s : null;
    }

    /**
     * One entry as a value, named after what was subscribed.
     *
     * @param subscribed statisticId -> the subscribed statistic
     */
    static StatisticValue value(Object entry, Map<String, Statistic> subscribed) {
        Map<?, ?> map = (Map<?, ?>) entry;
        StatisticValue v = new StatisticValue();
        boolean extras = false; // whether an additional property was set yet
        for (Map.Entry<?, ?> field : map.entrySet()) {
            String name = String.valueOf(field.getKey());
            Object x = field.getValue();
            if (!extras && x instanceof String id && "subscriptionId".equals(name)) {
                // every entry has one: its map is made only if someone reads the additional properties
                v.deferSubscriptionId(id);
                continue;
            }
            switch (name) {
                case "statisticId" -> v.setStatisticId(x != null ? x.toString() : null);
                case "name" -> v.setName(x != null ? x.toString() : null);
                case "objectType" -> v.setObjectType(x != null ? x.toString() : null);
                case "objectId" -> v.setObjectId(x != null ? x.toString() : null);
                case "value" -> v.setValue(plain(x));
                case "timestamp" -> v.setTimestamp(x instanceof Number n ? n.longValue() : parseLong(x));
                default -> {
                    v.setAdditionalProperty(name, x);
                    extras = true;
                }
            }
        }
        return named(v, subscribed);
    }

    /** Fills what a value does not say (name, object) from the statistic it was subscribed as. */
    static StatisticValue named(StatisticValue v, Map<String, Statistic> subscribed) {
        Statistic s = v.getStatisticId() != null ? subscribed.get(v.getStatisticId()) : null;
        if (s != null) {
            if (v.getName() == null) {
                v.setName(s.getName());
            }
            if (v.getObjectType() == null) {
                v.setObjectType(s.getObjectType());
            }
            if (v.getObjectId() == null) {
                v.setObjectId(s.getObjectId());
            }
        }
        return v;
    }

    /**
     * A value as Jackson would have read it, so that a value has the same Java types whether it came from REST
     * ({@code getSubscriptionValues}, initial values) or from a notification (CometD's JSON reader): objects as
     * {@link LinkedHashMap}, arrays as {@link List} (not {@code Object[]}), whole numbers as {@link Integer} when they
     * fit, else {@link Long}.
     */
    static Object plain(Object x) {
        if (x instanceof Long l) {
            return l == l.intValue() ? Integer.valueOf(l.intValue()) : l;
        }
        if (x instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (x instanceof Object[] array) {
            List<Object> copy = new ArrayList<>(array.length);
            for (Object o : array) {
                copy.add(plain(o));
            }
            return copy;
        }
        if (x instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                copy.add(plain(o));
            }
            return copy;
        }
        return x;
    }

    /** A ServiceStateChange's state ({@code AVAILABLE}, {@code UNAVAILABLE}), or {@code ""}. */
    static String serviceState(Map<?, ?> payload) {
        return payload != null && payload.get("serviceState") instanceof String s ? s : "";
    }

    private static Long parseLong(Object x) {
        if (x == null) {
            return null;
        }
        try {
            return Long.parseLong(x.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
