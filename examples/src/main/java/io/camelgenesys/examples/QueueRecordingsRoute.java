package io.camelgenesys.examples;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;

/**
 * Downloads yesterday's recordings of a queue into a folder ({@code example.work-dir}/recordings), one file per
 * recording, never held in memory: the analytics conversation details query finds the queue's conversations of the
 * day before (UTC), {@code listRecordings} lists each one's recordings and {@code downloadRecording} streams each into
 * {@code file:}, following Genesys' pre-signed link without credentials. Runs once, {@code example.recordings.delay}
 * ms after start-up, when {@code example.queue-id} names a queue (the embedded simulator sets one up).
 */
final class QueueRecordingsRoute extends RouteBuilder {

    @Override
    public void configure() {
        if (getContext().resolvePropertyPlaceholders("{{example.queue-id:}}").isBlank()) {
            return; // no queue to read: real Genesys needs example.queue-id
        }
        from("timer:queue-recordings?repeatCount=1&delay={{example.recordings.delay:2000}}")
                .routeId("queue-recordings")
                .process(e -> e.getMessage().setBody(yesterdaysConversationsOf(
                        e.getContext().resolvePropertyPlaceholders("{{example.queue-id}}"))))
                .to("genesys-conversations:search")
                .process(e -> e.getMessage().setBody(conversationIds(e.getMessage().getBody(JsonNode.class))))
                .log("Queue recordings: ${body.size()} conversations of yesterday")
                .split(body()).streaming()
                    .setHeader("CamelGenesysConversationId", body())
                    .to("genesys-conversations:listRecordings")
                    .split(body()).streaming()
                        .setHeader("CamelGenesysRecordingId", simple("${body.id}"))
                        .to("genesys-conversations:downloadRecording?formatId=WAV")
                        .to("file:{{example.work-dir}}/recordings"
                            + "?fileName=${header.CamelGenesysConversationId}-${header.CamelGenesysRecordingId}.wav")
                        .log("Queue recordings: saved ${header.CamelGenesysConversationId}-${header.CamelGenesysRecordingId}.wav")
                    .end()
                .end();
    }

    /** A ConversationQuery: yesterday (UTC) and the queue, at most 100 conversations (one page). */
    static Map<String, Object> yesterdaysConversationsOf(String queueId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String interval = today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "/"
                          + today.atStartOfDay(ZoneOffset.UTC).toInstant();
        return Map.of("interval", interval, "order", "asc",
                "segmentFilters", List.of(Map.of("type", "and",
                        "predicates", List.of(Map.of("dimension", "queueId", "value", queueId)))),
                "paging", Map.of("pageSize", 100, "pageNumber", 1));
    }

    private static List<String> conversationIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("conversations").forEach(c -> ids.add(c.path("conversationId").asText()));
        return ids;
    }
}
