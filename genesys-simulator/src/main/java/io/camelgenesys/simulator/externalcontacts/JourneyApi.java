package io.camelgenesys.simulator.externalcontacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.Routes;

/**
 * What a contact did: its journey segment assignments and sessions, and the conversations associated with it
 * ({@code ConversationAssociation}).
 */
final class JourneyApi extends ResourceApi {

    /** ConversationAssociation.MediaTypeEnum of the SDK (docs/ConversationAssociation.md). */
    static final List<String> MEDIA_TYPES = List.of("CALL", "CALLBACK", "CHAT", "COBROWSE", "EMAIL", "MESSAGE",
            "SOCIAL_EXPRESSION", "VIDEO", "SCREENSHARE");

    /**
     * How long a segment assignment lasts before Genesys unassigns it ({@code dateForUnassignment}): in Genesys a
     * segment's own setting; the simulator has no segments, so every assignment lasts this long.
     */
    static final Duration ASSIGNMENT_LIFETIME = Duration.ofDays(30);

    JourneyApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        String contact = BASE + "/contacts/{contactId}";
        routes.add("GET", contact + "/journey/segments", Auth.CLOUD, guard(this::journeySegments)
                .reading(locks.contacts, locks.journeySegments));
        routes.add("POST", contact + "/journey/segments", Auth.CLOUD, guard(this::updateJourneySegments)
                .reading(locks.contacts)
                .writing(locks.journeySegments));
        routes.add("GET", contact + "/journey/sessions", Auth.CLOUD, guard(this::journeySessions)
                .reading(locks.contacts));
        routes.add("PUT", BASE + "/conversations/{conversationId}", Auth.CLOUD, guard(this::associateConversation)
                .reading(locks.contacts)
                .writing(locks.conversations));
    }

    private ApiResponse journeySegments(ApiRequest request) {
        String id = store.contacts.resolved(request.pathParam("contactId")).get("id").asText();
        int limit = request.queryInt("limit", 25);
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("limit must be between 1 and 500, got " + limit);
        }
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        ArrayNode assigned = Objects.requireNonNullElseGet(store.journeySegments.get(id), Json::array);
        for (int i = 0; i < Math.min(limit, assigned.size()); i++) {
            entities.add(assigned.get(i).deepCopy());
        }
        return ApiResponse.ok(body);
    }

    /**
     * UpdateSegmentAssignmentRequest (SDK):
     * {@code {"assign":{"segments":[{"id":...}]}, "unassign":{"segments":[...]}}},
     * "Assign/Unassign up to 10 segments ... if a segment is already assigned, update the expiry date" (seed 003).
     * Every item is processed, so the answer's {@code unprocessedItems} (UpdateSegmentAssignmentResponse) is empty.
     */
    private ApiResponse updateJourneySegments(ApiRequest request) {
        ObjectNode contact = store.contacts.resolved(request.pathParam("contactId"));
        String id = contact.get("id").asText();
        ObjectNode body = request.jsonObject();
        List<String> assign = segmentIds(body, "assign");
        List<String> unassign = segmentIds(body, "unassign");
        if (assign.size() + unassign.size() > 10) {
            throw ApiException.badRequest("At most 10 segments can be assigned or unassigned per request, got "
                    + (assign.size() + unassign.size()));
        }
        ArrayNode assigned = store.journeySegments.computeIfAbsent(id, k -> Json.array());
        for (String segmentId : unassign) {
            for (Iterator<JsonNode> it = assigned.iterator(); it.hasNext(); ) {
                if (it.next().path("segment").path("id").asText().equals(segmentId)) {
                    it.remove();
                }
            }
        }
        Instant now = Instant.now();
        for (String segmentId : assign) {
            ObjectNode assignment = null;
            for (JsonNode a : assigned) {
                if (a.path("segment").path("id").asText().equals(segmentId)) {
                    assignment = (ObjectNode) a;
                }
            }
            if (assignment == null) {
                assignment = assigned.addObject();
                assignment.put("dateAssigned", Json.timestamp(now));
                assignment.putObject("segment").put("id", segmentId)
                        .put("selfUri", "/api/v2/journey/segments/" + segmentId);
                assignment.putObject("externalContact").put("id", id).put("selfUri", BASE + "/contacts/" + id);
            }
            // assigning again moves the expiry date
            assignment.put("dateForUnassignment", Json.timestamp(now.plus(ASSIGNMENT_LIFETIME)));
        }
        ObjectNode result = Json.object();
        ObjectNode unprocessed = result.putObject("unprocessedItems");
        unprocessed.putObject("assign").putArray("segments");
        unprocessed.putObject("unassign").putArray("segments");
        unprocessed.put("count", 0);
        return ApiResponse.ok(result);
    }

    /** The segment ids of {@code assign} or {@code unassign}: an object {@code {"segments":[{"id":...}]}} (SDK). */
    private static List<String> segmentIds(ObjectNode body, String field) {
        ObjectNode value = Checks.object(body, field, false);
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        ArrayNode segments = Checks.prefixed(field + ".", () -> Checks.array(value, "segments", 0, Integer.MAX_VALUE,
                true));
        for (int i = 0; i < segments.size(); i++) {
            JsonNode segment = segments.get(i);
            String id = segment.isObject() ? segment.path("id").asText("") : "";
            if (!segment.path("id").isTextual() || id.isBlank()) {
                throw ApiException.badRequest(field + ".segments[" + i + "].id is required");
            }
            ids.add(id);
        }
        return ids;
    }

    /** The simulator records no journey sessions: an empty cursor listing, after the parameters are checked. */
    private ApiResponse journeySessions(ApiRequest request) {
        store.contacts.resolved(request.pathParam("contactId"));
        int pageSize = request.queryInt("pageSize", 25);
        if (pageSize < 1 || pageSize > 200) {
            throw ApiException.badRequest("pageSize must be between 1 and 200, got " + pageSize);
        }
        ObjectNode body = Json.object();
        body.putArray("entities");
        return ApiResponse.ok(body);
    }

    /**
     * ConversationAssociation (SDK): {@code conversationId} (the path's, repeated), {@code communicationId} and
     * {@code mediaType} required; no {@code externalContactId} disassociates. Answers 202 with no body, as Genesys does
     * ("202 - Accepted - Processing association", API Explorer).
     */
    private ApiResponse associateConversation(ApiRequest request) {
        String conversationId = request.pathParam("conversationId");
        ObjectNode body = request.jsonObject().deepCopy();
        String given = Checks.text(body, "conversationId", 1, 255, true);
        if (!given.equals(conversationId)) {
            throw ApiException.badRequest("conversationId " + given + " of the body is not the conversation of the"
                    + " path (" + conversationId + ")");
        }
        Checks.text(body, "communicationId", 1, 255, true);
        Checks.oneOf(body, "mediaType", MEDIA_TYPES, true);
        String contactId = Checks.text(body, "externalContactId", 255);
        if (contactId == null || contactId.isEmpty()) {
            store.conversations.remove(conversationId);
        } else {
            store.contacts.resolved(contactId);
            store.conversations.put(conversationId, body);
        }
        return ApiResponse.status(202);
    }
}
