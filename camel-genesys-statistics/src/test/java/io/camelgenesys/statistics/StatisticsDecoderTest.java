package io.camelgenesys.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysJson;

import io.camelgenesys.statistics.model.Statistic;
import io.camelgenesys.statistics.model.StatisticValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Notifications as plain maps (as the CometD client parses them) to values. */
class StatisticsDecoderTest {

    @Test
    void readsAWrappedStatisticUpdateAndNamesTheValuesAfterWhatWasSubscribed() {
        Map<String, Object> entry = Map.of("subscriptionId", "sub", "statisticId", "a", "value", Map.of("state", "x"),
                "timestamp", 1490830620000L, "extra", true);
        Map<String, Object> message = Map.of("name", "StatisticUpdate", "topic", "/statistics/v3/updates",
                "data", Map.of("statistics", List.of(entry)));
        Map<?, ?> payload = StatisticsDecoder.payload(message);
        List<?> entries = StatisticsDecoder.entries(payload);
        assertEquals(1, entries.size());
        assertEquals("sub", StatisticsDecoder.subscriptionId(entries.get(0)));
        Statistic s = new Statistic();
        s.setStatisticId("a");
        s.setName("CurrentAgentState");
        s.setObjectType("Agent");
        s.setObjectId("agent2");
        StatisticValue v = StatisticsDecoder.value(entries.get(0), Map.of("a", s));
        assertEquals("a", v.getStatisticId());
        assertEquals(Map.of("state", "x"), v.getValue());
        assertEquals(1490830620000L, v.getTimestamp());
        assertEquals("CurrentAgentState", v.getName());
        assertEquals("Agent", v.getObjectType());
        assertEquals("agent2", v.getObjectId());
        assertEquals(Map.of("subscriptionId", "sub", "extra", true), v.getAdditionalProperties());
    }

    @Test
    void toleratesWhatIsMissingOrMalformed() {
        assertEquals(List.of(), StatisticsDecoder.entries(Map.of()));
        assertEquals(List.of(), StatisticsDecoder.entries(Map.of("statistics", "nope")));
        assertEquals(2, StatisticsDecoder.entries(Map.of("statistics", new Object[] { Map.of(), Map.of() })).size());
        assertNull(StatisticsDecoder.subscriptionId("not a map"));
        StatisticValue v = StatisticsDecoder.value(Map.of("statisticId", "z", "timestamp", "12"), Map.of());
        assertEquals(12L, v.getTimestamp());
        assertNull(StatisticsDecoder.value(Map.of("timestamp", "soon"), Map.of()).getTimestamp());
        // unwrapped payloads are read as they are
        assertEquals("AVAILABLE", StatisticsDecoder.serviceState(StatisticsDecoder.payload(
                Map.of("serviceState", "AVAILABLE"))));
        assertEquals("UNAVAILABLE", StatisticsDecoder.serviceState(StatisticsDecoder.payload(
                Map.of("name", "ServiceStateChange", "data", Map.of("serviceState", "UNAVAILABLE")))));
        assertEquals("", StatisticsDecoder.serviceState(Map.of()));
    }

    @Test
    void theSubscriptionIdIsAnAdditionalPropertyInTheOrderItCameWhetherReadFirstOrWrittenAsJsonFirst() {
        // the decoder defers the subscriptionId's map until it is read: what a reader sees must not tell
        for (List<String> order : List.of(List.of("subscriptionId", "statisticId", "extra", "value", "more"),
                List.of("extra", "subscriptionId", "statisticId", "value", "more"),
                List.of("statisticId", "value", "subscriptionId"))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            Map<String, Object> all = Map.of("subscriptionId", "sub", "statisticId", "a", "value", 7L, "extra", true,
                    "more", "x");
            order.forEach(k -> entry.put(k, all.get(k)));
            // what setAdditionalProperty in the entry's order gives (the decoder before the deferral)
            StatisticValue eager = new StatisticValue();
            eager.setStatisticId("a");
            eager.setValue(7);
            order.stream().filter(k -> !k.equals("statisticId") && !k.equals("value"))
                    .forEach(k -> eager.setAdditionalProperty(k, all.get(k)));
            String expected = new String(GenesysJson.toBytes(eager));

            StatisticValue jsonFirst = StatisticsDecoder.value(entry, Map.of());
            assertEquals(expected, new String(GenesysJson.toBytes(jsonFirst)), "JSON, entry order " + order);
            assertEquals(List.copyOf(eager.getAdditionalProperties().keySet()),
                    List.copyOf(jsonFirst.getAdditionalProperties().keySet()), "then the map, entry order " + order);

            StatisticValue mapFirst = StatisticsDecoder.value(entry, Map.of());
            assertEquals(eager.getAdditionalProperties(), mapFirst.getAdditionalProperties());
            assertEquals(List.copyOf(eager.getAdditionalProperties().keySet()),
                    List.copyOf(mapFirst.getAdditionalProperties().keySet()), "map first, entry order " + order);
            assertEquals(expected, new String(GenesysJson.toBytes(mapFirst)));
        }
        // removed by a reader, it stays removed; set again, it is the new one
        StatisticValue v = StatisticsDecoder.value(Map.of("subscriptionId", "sub", "statisticId", "a"), Map.of());
        v.getAdditionalProperties().remove("subscriptionId");
        assertFalse(v.getAdditionalProperties().containsKey("subscriptionId"));
        assertFalse(new String(GenesysJson.toBytes(v)).contains("subscriptionId"));
        v.setAdditionalProperty("subscriptionId", "other");
        assertEquals(Map.of("subscriptionId", "other"), v.getAdditionalProperties());
        // a subscriptionId that is not a string is kept as it came
        assertEquals(Map.of("subscriptionId", 5L),
                StatisticsDecoder.value(Map.of("subscriptionId", 5L, "statisticId", "a"), Map.of()).getAdditionalProperties());
    }
}
