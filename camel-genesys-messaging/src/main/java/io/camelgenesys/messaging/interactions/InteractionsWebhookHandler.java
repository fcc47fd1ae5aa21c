package io.camelgenesys.messaging.interactions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.webhook.GenesysWebhookHandler;
import io.camelgenesys.messaging.model.EventsPayload;
import io.camelgenesys.messaging.model.InteractionEvent;
import org.apache.camel.Exchange;

/**
 * The Interactions webhook's payload ({@code EventsPayload}, seed 002 L3180-3261): one exchange per event (its body an
 * {@link InteractionEvent}), or one for the whole payload with {@code batch=true}. An event is recognized on redelivery
 * by operationId, interaction id, event and position (a payload by its operationId). {@code operationId} is optional
 * (seed 002 L3256-3258): without it an event is recognized by its interaction id and event, which an interaction has
 * once each (STARTED when it is created, FINISHED when it is stopped, seed 002 L3108-3111), and a payload by those of
 * all its events; an event without both (every field is optional) has no key and reaches the route at each delivery.
 * A {@code null} among the events carries nothing and is skipped.
 * Genesys is answered the seed's
 * {@code EventsResponse}: {@code {"status":{"code":0},"data":{"ids":[{"id":...}]}}} with the interaction ids.
 */
final class InteractionsWebhookHandler implements GenesysWebhookHandler {

    private final GenesysOutputType outputType;
    private final boolean batch;

    InteractionsWebhookHandler(GenesysOutputType outputType, boolean batch) {
        this.outputType = outputType;
        this.batch = batch;
    }

    @Override
    public Payload parse(byte[] body, Exchange request) throws Exception {
        JsonNode tree = GenesysJson.parse(body);
        if (tree == null || !tree.isObject()) {
            throw new InvalidPayload("not an EventsPayload: not a JSON object");
        }
        EventsPayload payload = GenesysJson.MAPPER.treeToValue(tree, EventsPayload.class);
        String operationId = blankToNull(payload.getOperationId());
        JsonNode entities = tree.path("data").path("entities");
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.putObject("status").put("code", 0);
        ArrayNode ids = answer.putObject("data").putArray("ids");
        List<Event> events = new ArrayList<>();
        boolean anyEvent = false;
        List<InteractionEvent> parsed = payload.getData() != null && payload.getData().getEntities() != null
                ? payload.getData().getEntities() : List.of();
        for (int i = 0; i < parsed.size(); i++) {
            InteractionEvent event = parsed.get(i);
            if (event == null) {
                // a null among the events carries nothing: skipped (it refused the whole payload, the others with it)
                continue;
            }
            anyEvent = true;
            String id = event.getEntity() != null ? blankToNull(event.getEntity().getId()) : null;
            if (id != null) {
                ids.addObject().put("id", id);
            }
            if (batch) {
                continue;
            }
            Map<String, Object> headers = new LinkedHashMap<>();
            put(headers, InteractionsConstants.EVENT_OPERATION_ID, operationId);
            put(headers, InteractionsConstants.EVENT_TYPE, event.getEvent());
            if (event.getEntity() != null) {
                put(headers, InteractionsConstants.EVENT_INTERACTION_ID, id);
                put(headers, InteractionsConstants.EVENT_MEDIA_TYPE, event.getEntity().getMediaType());
                put(headers, InteractionsConstants.EVENT_INTERACTION_SUBTYPE, event.getEntity().getInteractionSubtype());
                put(headers, InteractionsConstants.EVENT_SELF_URI, event.getEntity().getSelfUri());
            }
            String type = blankToNull(event.getEvent());
            String key = operationId != null ? operationId + "/" + id + "/" + event.getEvent() + "/" + i
                    : id != null && type != null ? "interaction/" + id + "/" + type : null;
            Object routeBody = outputType == GenesysOutputType.model ? event
                    : GenesysJson.convert(entities.get(i), outputType, InteractionEvent.class);
            events.add(new Event(key, routeBody, headers));
        }
        if (batch && anyEvent) {
            // a payload without events is acknowledged without calling the route, as without batch (the page says so)
            Map<String, Object> headers = new LinkedHashMap<>();
            put(headers, InteractionsConstants.EVENT_OPERATION_ID, operationId);
            Object routeBody = outputType == GenesysOutputType.model ? payload
                    : GenesysJson.convert(tree, outputType, EventsPayload.class);
            events.add(new Event(operationId != null ? operationId : eventsKey(parsed), routeBody, headers));
        }
        return new Payload(events, GenesysJson.MAPPER.writeValueAsString(answer));
    }

    /**
     * A payload without operationId: the digest of its events' interaction ids and events, in order ({@code null} when
     * it has none, or one lacks either: nothing identifies it then; a null one is skipped).
     */
    private static String eventsKey(List<InteractionEvent> events) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        boolean any = false;
        for (InteractionEvent event : events) {
            if (event == null) {
                continue;
            }
            any = true;
            String id = event.getEntity() != null ? blankToNull(event.getEntity().getId()) : null;
            String type = blankToNull(event.getEvent());
            if (id == null || type == null) {
                return null;
            }
            // each part with its length: no two lists of events give the same bytes
            for (String part : new String[] { id, type }) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
        }
        return any ? "interactions/" + HexFormat.of().formatHex(digest.digest()) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void put(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
