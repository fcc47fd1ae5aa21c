package io.camelgenesys.simulator.externalcontacts;

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
     * Seed 003: "Assign/Unassign up to 10 segments ... if a segment is already assigned, update the expiry date".
     * {@code assign}/{@code unassign} list segment assignments, each with a segment {@code id}.
     */
    private ApiResponse updateJourneySegments(ApiRequest request) {
        String id = store.contacts.resolved(request.pathParam("contactId")).get("id").asText();
        ObjectNode body = request.jsonObject();
        List<JsonNode> assign = segmentList(body, "assign");
        List<JsonNode> unassign = segmentList(body, "unassign");
        if (assign.size() + unassign.size() > 10) {
            throw ApiException.badRequest("At most 10 segments can be assigned or unassigned per request, got "
                    + (assign.size() + unassign.size()));
        }
        ArrayNode assigned = store.journeySegments.computeIfAbsent(id, k -> Json.array());
        for (JsonNode segment : unassign) {
            String segmentId = segmentId(segment);
            for (Iterator<JsonNode> it = assigned.iterator(); it.hasNext(); ) {
                if (it.next().path("segment").path("id").asText().equals(segmentId)) {
                    it.remove();
                }
            }
        }
        for (JsonNode segment : assign) {
            String segmentId = segmentId(segment);
            ObjectNode assignment = null;
            for (JsonNode a : assigned) {
                if (a.path("segment").path("id").asText().equals(segmentId)) {
                    assignment = (ObjectNode) a;
                }
            }
            if (assignment == null) {
                assignment = assigned.addObject();
                assignment.putObject("segment").put("id", segmentId);
                assignment.put("assignmentDate", ContactStore.now());
            }
            if (segment.hasNonNull("expirationDate")) {
                assignment.set("expirationDate", segment.get("expirationDate"));
            }
        }
        ObjectNode result = Json.object();
        result.putArray("unprocessedAssignments");
        result.putArray("unprocessedUnassignments");
        return ApiResponse.ok(result);
    }

    private static List<JsonNode> segmentList(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        List<JsonNode> list = new ArrayList<>();
        if (value == null || value.isNull()) {
            return list;
        }
        if (value.isArray()) {
            value.forEach(list::add);
        } else if (value.isObject() && value.has("segments") && value.get("segments").isArray()) {
            value.get("segments").forEach(list::add);
        } else if (value.isObject()) {
            list.add(value);
        } else {
            throw ApiException.badRequest(field + " must be a segment assignment or a list of them");
        }
        for (int i = 0; i < list.size(); i++) {
            if (segmentId(list.get(i)) == null) {
                throw ApiException.badRequest(field + "[" + i + "] needs a segment id");
            }
        }
        return list;
    }

    private static String segmentId(JsonNode segment) {
        String id = segment.path("id").asText(null);
        if (id == null) {
            id = segment.path("segment").path("id").asText(null);
        }
        return id == null || id.isBlank() ? null : id;
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

    /** ConversationAssociation: {@code communicationId} and {@code mediaType} required; no contact disassociates. */
    private ApiResponse associateConversation(ApiRequest request) {
        String conversationId = request.pathParam("conversationId");
        ObjectNode body = request.jsonObject().deepCopy();
        Checks.text(body, "communicationId", 1, 255, true);
        Checks.oneOf(body, "mediaType", MEDIA_TYPES, true);
        String contactId = Checks.text(body, "externalContactId", 255);
        body.put("conversationId", conversationId);
        if (contactId == null || contactId.isEmpty()) {
            store.conversations.remove(conversationId);
        } else {
            store.contacts.resolved(contactId);
            store.conversations.put(conversationId, body);
        }
        return ApiResponse.noContent();
    }
}
