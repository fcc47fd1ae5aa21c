package io.camelgenesys.simulator.notifications;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.Json;

/**
 * What happened to every event, per channel and topic, so that a test can prove that nothing was lost or duplicated:
 * queued for a channel ({@code published}), written to its socket ({@code delivered}) or not
 * ({@code undelivered}). Not thread-safe: guarded by the {@link Notifications} monitor. Channels stay counted after
 * they expire, until {@code reset()}.
 */
final class DeliveryCounters {

    /** Correlation ids kept per channel and topic (the latest), so that a long standalone run stays small. */
    static final int KEPT_CORRELATION_IDS = 100_000;

    static final class Count {
        long published;
        long delivered;
        long undelivered;
        final ArrayDeque<String> correlationIds = new ArrayDeque<>();
    }

    private final Map<String, Map<String, Count>> byChannel = new LinkedHashMap<>();
    /** topic -> {published (publish calls), delivered (over every channel)} */
    private final Map<String, long[]> byTopic = new LinkedHashMap<>();

    Count of(String channelId, String topic) {
        return byChannel.computeIfAbsent(channelId, c -> new LinkedHashMap<>()).computeIfAbsent(topic, t -> new Count());
    }

    void offered(String topic) {
        byTopic.computeIfAbsent(topic, t -> new long[2])[0]++;
    }

    void delivered(String channelId, String topic, String correlationId) {
        Count c = of(channelId, topic);
        c.delivered++;
        if (c.correlationIds.size() == KEPT_CORRELATION_IDS) {
            c.correlationIds.removeFirst();
        }
        c.correlationIds.add(correlationId);
        byTopic.computeIfAbsent(topic, t -> new long[2])[1]++;
    }

    long published(String channelId, String topic) {
        Count c = peek(channelId, topic);
        return c == null ? 0 : c.published;
    }

    long delivered(String channelId, String topic) {
        Count c = peek(channelId, topic);
        return c == null ? 0 : c.delivered;
    }

    long undelivered(String channelId, String topic) {
        Count c = peek(channelId, topic);
        return c == null ? 0 : c.undelivered;
    }

    List<String> correlationIds(String channelId, String topic) {
        Count c = peek(channelId, topic);
        return c == null ? List.of() : List.copyOf(c.correlationIds);
    }

    long publishedTopic(String topic) {
        long[] t = byTopic.get(topic);
        return t == null ? 0 : t[0];
    }

    long deliveredTopic(String topic) {
        long[] t = byTopic.get(topic);
        return t == null ? 0 : t[1];
    }

    private Count peek(String channelId, String topic) {
        Map<String, Count> topics = byChannel.get(channelId);
        return topics == null ? null : topics.get(topic);
    }

    ObjectNode describe() {
        ObjectNode all = Json.object();
        ObjectNode channels = all.putObject("channels");
        byChannel.forEach((channel, topics) -> {
            ObjectNode c = channels.putObject(channel);
            topics.forEach((topic, count) -> c.putObject(topic).put("published", count.published)
                    .put("delivered", count.delivered).put("undelivered", count.undelivered));
        });
        ObjectNode topics = all.putObject("topics");
        byTopic.forEach((topic, t) -> topics.putObject(topic).put("published", t[0]).put("delivered", t[1]));
        return all;
    }

    void clear() {
        byChannel.clear();
        byTopic.clear();
    }
}
