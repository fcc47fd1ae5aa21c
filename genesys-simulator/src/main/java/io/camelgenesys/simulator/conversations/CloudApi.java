package io.camelgenesys.simulator.conversations;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

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
import io.camelgenesys.simulator.store.PageNumberPaging;

/**
 * The Genesys Cloud calls of seed 000 section 8 as the official SDK defines them (purecloud-platform-client-v2
 * 262.0.0; camel-genesys-core's {@code contract/conversations.json}): conversations, their recordings and the
 * recording download, the analytics conversation details query, users with expand, users search, routing status,
 * Genesys Cloud presence, queue members. Validation answers 400 with a message naming the field, as Genesys does.
 */
public final class CloudApi {

    static final String V2 = "/api/v2";

    private final CloudStore store;
    /** The pre-signed link of a recording's media on the storage host. */
    private final Function<String, String> presign;
    private volatile boolean redirectDownloads;
    private volatile int mediaEntries = 1;

    public CloudApi(CloudStore store, Function<String, String> presign) {
        this.store = store;
        this.presign = presign;
    }

    /**
     * With {@code true}, {@code GET .../recordings/{recordingId}?download=true} answers 307 to the pre-signed link,
     * as seed 000 describes the media download ({@code GET /recordings/{recordingId}/media}, "307 redirect to a
     * presigned S3 URL"); with {@code false} (the default) 200 with the Recording whose {@code mediaUris} hold the
     * link, as the SDK's RecordingApi returns it.
     */
    public void redirectDownloads(boolean redirect) {
        this.redirectDownloads = redirect;
    }

    /**
     * How many {@code mediaUris} entries a Recording asked for with a format carries: 1 (the default, key {@code S})
     * or more, keyed {@code 0}, {@code 1}, ... as a screen recording's screens (the SDK's Recording.mediaUris is a
     * map of MediaResult). Each entry links the recording's media.
     */
    public void mediaEntries(int n) {
        this.mediaEntries = Math.max(1, n);
    }

    public void register(Routes routes) {
        routes.add("GET", V2 + "/conversations", Auth.CLOUD, this::listConversations);
        routes.add("GET", V2 + "/conversations/{conversationId}", Auth.CLOUD, this::getConversation);
        routes.add("GET", V2 + "/conversations/{conversationId}/recordings", Auth.CLOUD, this::listRecordings);
        routes.add("GET", V2 + "/conversations/{conversationId}/recordings/{recordingId}", Auth.CLOUD,
                this::getRecording);
        routes.add("POST", V2 + "/analytics/conversations/details/query", Auth.CLOUD, this::queryConversations);
        routes.add("GET", V2 + "/users/{userId}", Auth.CLOUD, this::getUser);
        routes.add("POST", V2 + "/users/search", Auth.CLOUD, this::searchUsers);
        routes.add("GET", V2 + "/users/{userId}/routingstatus", Auth.CLOUD, this::getRoutingStatus);
        routes.add("PUT", V2 + "/users/{userId}/routingstatus", Auth.CLOUD, this::putRoutingStatus);
        routes.add("GET", V2 + "/users/{userId}/presences/purecloud", Auth.CLOUD, this::getPresence);
        routes.add("PATCH", V2 + "/users/{userId}/presences/purecloud", Auth.CLOUD, this::patchPresence);
        routes.add("GET", V2 + "/routing/queues/{queueId}/members", Auth.CLOUD, this::queueMembers);
    }

    // ---- conversations -------------------------------------------------------------------------------------------

    private ApiResponse listConversations(ApiRequest request) {
        String type = request.query("communicationType");
        List<ObjectNode> all = store.conversations();
        if (type != null && !type.isBlank() && !type.equalsIgnoreCase("call")) {
            all = List.of(); // the simulator's conversations are all calls
        }
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        all.forEach(entities::add);
        body.put("pageSize", all.size());
        body.put("pageNumber", 1);
        body.put("total", all.size());
        body.put("pageCount", 1);
        return ApiResponse.ok(body);
    }

    private ApiResponse getConversation(ApiRequest request) {
        return ApiResponse.ok(conversation(request.pathParam("conversationId")));
    }

    private ObjectNode conversation(String id) {
        ObjectNode c = store.conversation(id);
        if (c == null) {
            throw ApiException.notFound("Conversation " + id + " not found");
        }
        return c;
    }

    private ApiResponse listRecordings(ApiRequest request) {
        String id = request.pathParam("conversationId");
        conversation(id);
        return ApiResponse.ok(store.recordings(id));
    }

    private static final List<String> FORMATS = List.of("WAV", "WEBM", "WAV_ULAW", "OGG_VORBIS", "OGG_OPUS", "MP3",
            "NONE");

    private ApiResponse getRecording(ApiRequest request) {
        String id = request.pathParam("conversationId");
        String recordingId = request.pathParam("recordingId");
        ArrayNode recordings = store.recordings(id);
        if (recordings == null) {
            throw ApiException.notFound("Conversation " + id + " not found");
        }
        ObjectNode recording = null;
        for (JsonNode r : recordings) {
            if (recordingId.equals(r.path("id").asText())) {
                recording = (ObjectNode) r;
            }
        }
        if (recording == null) {
            throw ApiException.notFound("Recording " + recordingId + " not found in conversation " + id);
        }
        String format = request.query("formatId", "WEBM").toUpperCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw ApiException.badRequest("formatId must be one of " + FORMATS + ", got " + format);
        }
        List<String> mediaFormats = Checks.listParam(request, "mediaFormats");
        for (String f : mediaFormats) {
            if (!FORMATS.contains(f) || "NONE".equals(f)) {
                throw ApiException.badRequest("mediaFormats must be among " + FORMATS.subList(0, 6) + ", got " + f);
            }
        }
        if (!mediaFormats.isEmpty()) {
            format = mediaFormats.get(0); // "Overrides formatId"
        }
        boolean download = Checks.boolParam(request, "download", false);
        if (!"NONE".equals(format)) {
            String link = presign.apply(recordingId);
            if (download && redirectDownloads) {
                return ApiResponse.redirect(307, link);
            }
            ObjectNode uris = recording.putObject("mediaUris");
            int entries = mediaEntries;
            if (entries == 1) {
                uris.putObject("S").put("mediaUri", link);
            } else {
                for (int i = 0; i < entries; i++) {
                    uris.putObject(Integer.toString(i)).put("mediaUri", i == 0 ? link : presign.apply(recordingId));
                }
            }
        }
        return ApiResponse.ok(recording);
    }

    private ApiResponse queryConversations(ApiRequest request) {
        ObjectNode query = request.jsonObject();
        String interval = Checks.text(query, "interval", 1, 100, true);
        String[] bounds = interval.split("/");
        if (bounds.length != 2) {
            throw ApiException.badRequest("interval must be two ISO-8601 instants separated by '/', got " + interval);
        }
        ObjectNode paging = Checks.object(query, "paging", false);
        BodyPage page = BodyPage.of(paging == null ? Json.object() : paging, "paging.");
        Instant from;
        Instant to;
        try {
            from = Instant.parse(bounds[0]);
            to = Instant.parse(bounds[1]);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("interval must be two ISO-8601 instants separated by '/', got " + interval);
        }
        List<String> queues = queueFilter(query);
        List<ObjectNode> hits = new ArrayList<>();
        for (ObjectNode c : store.conversations()) {
            String start = c.path("startTime").asText();
            Instant started = Instant.parse(start);
            boolean queued = queues.isEmpty();
            for (JsonNode p : c.path("participants")) {
                queued |= queues.contains(p.path("queueId").asText());
            }
            if (queued && !started.isBefore(from) && started.isBefore(to)) {
                ObjectNode a = Json.object();
                a.put("conversationId", c.get("id").asText());
                a.put("conversationStart", start);
                a.put("conversationEnd", c.path("endTime").asText());
                a.putArray("participants");
                hits.add(a);
            }
        }
        hits.sort(Comparator.comparing(h -> h.get("conversationStart").asText()));
        if ("desc".equalsIgnoreCase(query.path("order").asText())) {
            java.util.Collections.reverse(hits);
        }
        ObjectNode body = Json.object();
        ArrayNode conversations = Json.array();
        page.slice(hits).forEach(conversations::add);
        if (!conversations.isEmpty()) {
            body.set("conversations", conversations);
        }
        body.put("totalHits", hits.size());
        return ApiResponse.ok(body);
    }

    /**
     * The queue ids a ConversationQuery filters on: the {@code queueId} predicates of its {@code segmentFilters} and
     * {@code conversationFilters} (the only dimension the simulator filters by; other predicates are refused).
     */
    private static List<String> queueFilter(ObjectNode query) {
        List<String> queues = new ArrayList<>();
        for (String filters : List.of("segmentFilters", "conversationFilters")) {
            for (JsonNode filter : query.path(filters)) {
                for (JsonNode predicate : filter.path("predicates")) {
                    String dimension = predicate.path("dimension").asText();
                    if (!"queueId".equals(dimension)) {
                        throw ApiException.badRequest("The simulator filters conversations by the queueId dimension"
                                                      + " only, got " + filters + " dimension '" + dimension + "'");
                    }
                    queues.add(predicate.path("value").asText());
                }
            }
        }
        return queues;
    }

    /** Paging given in a request body ({@code pageSize} 1-100, default 25; {@code pageNumber} from 1). */
    private record BodyPage(int size, int number) {

        static BodyPage of(ObjectNode holder, String prefix) {
            int size = holder.path("pageSize").asInt(25);
            int number = holder.path("pageNumber").asInt(1);
            if (size < 1 || size > 100) {
                throw ApiException.badRequest(prefix + "pageSize must be between 1 and 100, got " + size);
            }
            if (number < 1) {
                throw ApiException.badRequest(prefix + "pageNumber must be 1 or greater, got " + number);
            }
            return new BodyPage(size, number);
        }

        <T> List<T> slice(List<T> all) {
            long from = (long) (number - 1) * size;
            return from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + size));
        }
    }

    // ---- users ---------------------------------------------------------------------------------------------------

    private ObjectNode user(String id) {
        ObjectNode u = store.user(id);
        if (u == null) {
            throw ApiException.notFound("User " + id + " not found");
        }
        return u;
    }

    /** A user as GET /users/{userId} answers: presence and routingStatus only when expanded. */
    private static ObjectNode expanded(ObjectNode user, List<String> expand) {
        if (!expand.contains("presence")) {
            user.remove("presence");
        }
        if (!expand.contains("routingStatus")) {
            user.remove("routingStatus");
        }
        return user;
    }

    private ApiResponse getUser(ApiRequest request) {
        return ApiResponse.ok(expanded(user(request.pathParam("userId")), Checks.listParam(request, "expand")));
    }

    private static final List<String> SEARCH_TYPES = List.of("EXACT", "STARTS_WITH", "CONTAINS");
    private static final List<String> SEARCH_FIELDS = List.of("name", "email", "username", "id", "state");

    private ApiResponse searchUsers(ApiRequest request) {
        ObjectNode search = request.jsonObject();
        ArrayNode criteria = Checks.array(search, "query", 1, 10, true);
        BodyPage page = BodyPage.of(search, "");
        List<ObjectNode> results = new ArrayList<>();
        for (ObjectNode user : store.users()) {
            boolean all = true;
            for (JsonNode c : criteria) {
                all &= matches(user, c);
            }
            if (all) {
                results.add(user);
            }
        }
        results.sort(Comparator.comparing(u -> u.path("name").asText()));
        if ("DESC".equalsIgnoreCase(search.path("sortOrder").asText())) {
            java.util.Collections.reverse(results);
        }
        List<String> expand = new ArrayList<>();
        search.path("expand").forEach(e -> expand.add(e.asText()));
        ObjectNode body = Json.object();
        body.put("total", results.size());
        body.put("pageCount", (results.size() + page.size() - 1) / page.size());
        body.put("pageSize", page.size());
        body.put("pageNumber", page.number());
        body.putArray("types").add("users");
        ArrayNode entries = body.putArray("results");
        page.slice(results).forEach(u -> entries.add(expanded(u, expand)));
        return ApiResponse.ok(body);
    }

    private static boolean matches(ObjectNode user, JsonNode criterion) {
        String type = criterion.path("type").asText("");
        if (!SEARCH_TYPES.contains(type)) {
            throw ApiException.badRequest("query[].type must be one of " + SEARCH_TYPES + ", got '" + type + "'");
        }
        String value = criterion.path("value").asText("").toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw ApiException.badRequest("query[].value is required");
        }
        if (!criterion.path("fields").isArray() || criterion.path("fields").isEmpty()) {
            throw ApiException.badRequest("query[].fields is required: one or more of " + SEARCH_FIELDS);
        }
        for (JsonNode f : criterion.get("fields")) {
            if (!SEARCH_FIELDS.contains(f.asText())) {
                throw ApiException.badRequest("query[].fields: " + f.asText() + " is not one of " + SEARCH_FIELDS);
            }
            String actual = user.path(f.asText()).asText("").toLowerCase(Locale.ROOT);
            boolean hit = switch (type) {
                case "EXACT" -> actual.equals(value);
                case "STARTS_WITH" -> actual.startsWith(value);
                default -> actual.contains(value);
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private ApiResponse getRoutingStatus(ApiRequest request) {
        return ApiResponse.ok(user(request.pathParam("userId")).get("routingStatus"));
    }

    private ApiResponse putRoutingStatus(ApiRequest request) {
        String id = request.pathParam("userId");
        user(id);
        ObjectNode body = request.jsonObject();
        String status = Checks.oneOf(body, "status", CloudStore.ROUTING_STATUSES, true);
        store.setRoutingStatus(id, status);
        return ApiResponse.ok(user(id).get("routingStatus"));
    }

    private ApiResponse getPresence(ApiRequest request) {
        return ApiResponse.ok(user(request.pathParam("userId")).get("presence"));
    }

    private ApiResponse patchPresence(ApiRequest request) {
        String id = request.pathParam("userId");
        user(id);
        ObjectNode body = request.jsonObject();
        // PresenceApi.patchUserPresencesPurecloud (npm SDK 262.0.0): "one of three ways. Option 1: Set the primary
        // property to true [...] Option 2: Provide the presenceDefinition value [...] Option 3: Provide the message
        // value"; what a patch leaves out stays
        if (!body.hasNonNull("presenceDefinition") && !body.hasNonNull("message") && !body.hasNonNull("primary")) {
            throw ApiException.badRequest("A presence patch needs presenceDefinition, message or primary");
        }
        JsonNode current = user(id).path("presence");
        String definitionId = current.path("presenceDefinition").path("id").asText();
        if (body.hasNonNull("presenceDefinition")) {
            ObjectNode definition = Checks.object(body, "presenceDefinition", true);
            definitionId = definition.path("id").asText("");
            if (!CloudStore.PRESENCE_DEFINITIONS.containsKey(definitionId)) {
                throw ApiException.badRequest("presenceDefinition.id '" + definitionId + "' is not a presence"
                                              + " definition of this organization");
            }
        }
        String message = body.hasNonNull("message") ? body.get("message").asText()
                : body.hasNonNull("presenceDefinition") ? null : current.path("message").asText(null);
        store.setPresence(id, definitionId, message);
        return ApiResponse.ok(user(id).get("presence"));
    }

    // ---- queues --------------------------------------------------------------------------------------------------

    private ApiResponse queueMembers(ApiRequest request) {
        String queueId = request.pathParam("queueId");
        List<String> members = store.queueMembers(queueId);
        if (members == null) {
            throw ApiException.notFound("Queue " + queueId + " not found");
        }
        String sortOrder = request.query("sortOrder", "asc");
        if (!sortOrder.equalsIgnoreCase("asc") && !sortOrder.equalsIgnoreCase("desc")) {
            throw ApiException.badRequest("sortOrder must be asc or desc, got " + sortOrder);
        }
        List<String> expand = Checks.listParam(request, "expand");
        String name = request.query("name");
        List<String> statuses = Checks.listParam(request, "routingStatus");
        List<String> presences = Checks.listParam(request, "presence");
        // the simulator's users have no skills or languages: a filter on them matches no member
        boolean skillFilter = !Checks.listParam(request, "skills").isEmpty()
                              || !Checks.listParam(request, "profileSkills").isEmpty()
                              || !Checks.listParam(request, "languages").isEmpty();
        String memberBy = request.query("memberBy");
        if (memberBy != null && !memberBy.equals("user") && !memberBy.equals("group")) {
            throw ApiException.badRequest("memberBy must be user or group, got " + memberBy);
        }
        boolean joinedOnly = Checks.boolParam(request, "joined", true);
        List<ObjectNode> entities = new ArrayList<>();
        for (String userId : members) {
            ObjectNode user = store.user(userId);
            if (user == null || skillFilter || "group".equals(memberBy) || !joinedOnly
                || (name != null && !user.path("name").asText().toLowerCase(Locale.ROOT)
                    .contains(name.toLowerCase(Locale.ROOT)))
                || (!statuses.isEmpty() && !statuses.contains(user.path("routingStatus").path("status").asText()))
                || (!presences.isEmpty() && !presences.contains(
                        user.path("presence").path("presenceDefinition").path("systemPresence").asText()))) {
                continue;
            }
            ObjectNode m = Json.object();
            m.put("id", userId);
            m.put("name", user.path("name").asText());
            m.put("ringNumber", 1);
            m.put("joined", true);
            m.put("memberBy", "user");
            m.set("routingStatus", user.get("routingStatus"));
            m.set("user", expanded(user, expand));
            m.put("selfUri", "/api/v2/routing/queues/" + queueId + "/members/" + userId);
            entities.add(m);
        }
        Comparator<ObjectNode> byName = Comparator.comparing(m -> m.get("name").asText());
        entities.sort(sortOrder.equalsIgnoreCase("desc") ? byName.reversed() : byName);
        ObjectNode page = PageNumberPaging.page(entities, request, V2 + "/routing/queues/" + queueId + "/members", null);
        page.remove("lastUri");
        page.remove("total");
        page.remove("pageCount");
        return ApiResponse.ok(page);
    }
}
