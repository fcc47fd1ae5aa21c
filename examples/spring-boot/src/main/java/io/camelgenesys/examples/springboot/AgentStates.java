package io.camelgenesys.examples.springboot;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.camelgenesys.statistics.model.StatisticValue;
import org.springframework.stereotype.Component;

/**
 * The latest value of each statistic the {@code agent-states} route (camel/agent-states.yaml) receives, by object and
 * statistic name, for {@code GET /agent-states}.
 */
@Component("agentStates")
public class AgentStates {

    private final Map<String, Map<String, Object>> latest = new ConcurrentHashMap<>();

    /** Called by the route with a batch of values (the consumer's {@code batch=true}). */
    public void update(List<StatisticValue> values) {
        for (StatisticValue value : values) {
            latest.computeIfAbsent(value.getObjectType() + ":" + value.getObjectId(), k -> new ConcurrentHashMap<>())
                    .put(value.getName(), value.getValue());
        }
    }

    public Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> copy = new TreeMap<>();
        latest.forEach((object, values) -> copy.put(object, new TreeMap<>(values)));
        return copy;
    }
}
