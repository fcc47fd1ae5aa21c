package io.camelgenesys.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.camelgenesys.statistics.model.Statistic;
import io.camelgenesys.statistics.model.StatisticValue;

/**
 * Reads the Statistics notifications as the CometD client parsed them (plain maps and lists, no JSON tree, no
 * conversion per statistic): {@code {"name":"StatisticUpdate","topic":..,"data":{"statistics":[{"subscriptionId",
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
        for (Map.Entry<?, ?> field : map.entrySet()) {
            String name = String.valueOf(field.getKey());
            Object x = field.getValue();
            switch (name) {
                case "statisticId" -> v.setStatisticId(x != null ? x.toString() : null);
                case "name" -> v.setName(x != null ? x.toString() : null);
                case "objectType" -> v.setObjectType(x != null ? x.toString() : null);
                case "objectId" -> v.setObjectId(x != null ? x.toString() : null);
                case "value" -> v.setValue(x);
                case "timestamp" -> v.setTimestamp(x instanceof Number n ? n.longValue() : parseLong(x));
                default -> v.setAdditionalProperty(name, x);
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
