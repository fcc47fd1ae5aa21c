package io.camelgenesys.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HTTP face of {@link Statistics}: the Statistics API of seed 002 ({@code /statistics/v3}, Multicloud
 * authentication, Multicloud {@code status} bodies).
 * <ul>
 * <li>{@code GET /statistic-values/{statisticName}?objectType=&objectId=} → {@code data.statistic};</li>
 * <li>{@code POST /operations/get-statistic-ex} with {@code {"data":{"statistics":[{name,objectType,objectId}]}}} →
 * {@code data.statistics};</li>
 * <li>{@code POST /subscriptions?verbose=} with {@code {"operationId":…,"data":{"statistics":[…]}}} → the
 * subscription ({@code subscriptionId} is the {@code operationId}) with the initial values;</li>
 * <li>{@code GET /subscriptions/{id}/statistic-values?statisticIds=&verbose=};</li>
 * <li>{@code DELETE /subscriptions/{id}}: fire-and-forget, always a success.</li>
 * </ul>
 * Bulk requests follow the introduction's status codes: when some statistics fail and others succeed the answer is
 * {@code status.code} 2 with the failures in {@code errors}; when all fail it is 400 with the same {@code errors}.
 */
final class StatisticsApi {

    /** The definition fields of seed 002 (the create-subscription sample). */
    static final Set<String> DEFINITION_FIELDS = Set.of("notificationMode", "notificationFrequency", "insensitivity",
            "category", "subject", "intervalType", "mainMask", "dynamicTimeProfile", "dynamicFilter", "maskType");
    /** Stat Server's notification modes; the seed's sample uses {@code Periodical}. */
    static final Set<String> NOTIFICATION_MODES = Set.of("Immediate", "Periodical", "Reset", "NoNotification");
    /** Stat Server's interval types; the seed's sample uses {@code GrowingWindow}. */
    static final Set<String> INTERVAL_TYPES = Set.of("GrowingWindow", "SlidingWindow", "Selection");
    /** The definition fields without which Stat Server cannot build a statistic type. */
    static final List<String> REQUIRED_DEFINITION_FIELDS = List.of("category", "subject", "mainMask");
    static final String VERBOSE_INFO = "INFO";
    static final String VERBOSE_OFF = "OFF";

    private final Statistics statistics;

    private StatisticsApi(Statistics statistics) {
        this.statistics = statistics;
    }

    static void register(Routes routes, Statistics statistics) {
        StatisticsApi api = new StatisticsApi(statistics);
        String base = Statistics.BASE_PATH;
        routes.add("GET", base + "/statistic-values/{statisticName}", Auth.MULTICLOUD, api::getValue);
        routes.add("POST", base + "/operations/get-statistic-ex", Auth.MULTICLOUD, api::getValues);
        routes.add("POST", base + "/subscriptions", Auth.MULTICLOUD, api::createSubscription);
        routes.add("GET", base + "/subscriptions/{id}/statistic-values", Auth.MULTICLOUD, api::getSubscriptionValues);
        routes.add("DELETE", base + "/subscriptions/{id}", Auth.MULTICLOUD, api::deleteSubscription);
    }

    // ---- without a subscription ----------------------------------------------------------------------------------

    private ApiResponse getValue(ApiRequest request) {
        String name = request.pathParam("statisticName");
        String objectType = requiredQuery(request, "objectType");
        String objectId = requiredQuery(request, "objectId");
        requireAvailable();
        String problem = statistics.checkOpenable(name, objectType, objectId);
        if (problem != null) {
            throw ApiException.notFound(problem);
        }
        ObjectNode data = Json.object();
        data.set("statistic", peeked(name, objectType, objectId));
        return success(0, data, null);
    }

    private ApiResponse getValues(ApiRequest request) {
        JsonNode list = statisticsOf(request.jsonObject());
        List<ObjectNode> requested = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = "data.statistics[" + i + "]";
            if (!item.isObject()) {
                throw ApiException.badRequest(at + " must be an object");
            }
            requiredText(item, "name", at);
            requiredText(item, "objectType", at);
            requiredText(item, "objectId", at);
            requested.add((ObjectNode) item);
        }
        requireAvailable();
        ArrayNode values = Json.array();
        ArrayNode errors = Json.array();
        for (ObjectNode item : requested) {
            String name = item.get("name").asText();
            String objectType = item.get("objectType").asText();
            String objectId = item.get("objectId").asText();
            String problem = statistics.checkOpenable(name, objectType, objectId);
            if (problem == null) {
                values.add(peeked(name, objectType, objectId));
            } else {
                ObjectNode detail = Json.object().put("name", name).put("objectType", objectType)
                        .put("objectId", objectId);
                errors.add(error(404, problem, detail));
            }
        }
        if (values.isEmpty()) {
            return allFailed(errors);
        }
        ObjectNode data = Json.object();
        data.set("statistics", values);
        return success(errors.isEmpty() ? 0 : 2, data, errors);
    }

    private ObjectNode peeked(String name, String objectType, String objectId) {
        StatisticsCatalogue.Value value = statistics.peek(name, objectType, objectId);
        ObjectNode node = Json.object();
        node.put("name", name);
        node.put("objectType", objectType);
        node.put("objectId", objectId);
        node.set("value", Json.mapper().valueToTree(value.value()));
        node.put("timestamp", value.timestamp());
        return node;
    }

    // ---- subscriptions -------------------------------------------------------------------------------------------

    private ApiResponse createSubscription(ApiRequest request) {
        boolean verbose = verbose(request);
        ObjectNode body = request.jsonObject();
        JsonNode operationIdNode = body.get("operationId");
        if (operationIdNode != null && !operationIdNode.isNull()
                && (!operationIdNode.isTextual() || operationIdNode.asText().isBlank())) {
            throw ApiException.badRequest("operationId must be a non-empty string");
        }
        String operationId = operationIdNode == null || operationIdNode.isNull() ? null : operationIdNode.asText();
        JsonNode list = statisticsOf(body);
        List<StatisticsSubscriptions.OpenStatistic> requested = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            StatisticsSubscriptions.OpenStatistic statistic = parseStatistic(list.get(i), "data.statistics[" + i + "]");
            if (!ids.add(statistic.statisticId)) {
                throw ApiException.badRequest("data.statistics[" + i + "].statisticId '" + statistic.statisticId
                        + "' is used twice; a statisticId is unique inside a subscription");
            }
            requested.add(statistic);
        }
        requireAvailable();

        List<StatisticsSubscriptions.OpenStatistic> opened = new ArrayList<>();
        ArrayNode errors = Json.array();
        for (StatisticsSubscriptions.OpenStatistic statistic : requested) {
            String problem = statistics.checkOpenable(statistic.name, statistic.objectType, statistic.objectId);
            if (problem == null) {
                opened.add(statistic);
            } else {
                errors.add(error(404, problem, Json.object().put("statisticId", statistic.statisticId)));
            }
        }
        if (opened.isEmpty()) {
            return allFailed(errors);
        }
        // "The subscriptionId is filled from the operationId."
        String subscriptionId = operationId != null ? operationId : UUID.randomUUID().toString();
        // the CometD browser cookie the request carried: under session affinity the updates go to that session only
        StatisticsSubscriptions.Subscription subscription = statistics.open(subscriptionId, operationId, opened,
                Cometd.browserCookie(request.headers().getValuesList("Cookie")));
        if (subscription == null) {
            throw ApiException.badRequest("A subscription with id '" + subscriptionId
                    + "' is open already; delete it or use another operationId");
        }
        ObjectNode data = Json.object();
        data.put("subscriptionId", subscription.id());
        if (operationId != null) {
            data.put("operationId", operationId);
        }
        data.set("statistics", values(subscription.statistics().values(), verbose));
        return success(errors.isEmpty() ? 0 : 2, data, errors);
    }

    private ApiResponse getSubscriptionValues(ApiRequest request) {
        String id = request.pathParam("id");
        boolean verbose = verbose(request);
        Set<String> wanted = new LinkedHashSet<>();
        for (String value : request.queryAll("statisticIds")) {
            for (String statisticId : value.split(",")) {
                if (!statisticId.isBlank()) {
                    wanted.add(statisticId.trim());
                }
            }
        }
        requireAvailable();
        StatisticsSubscriptions.Subscription subscription = statistics.subscription(id);
        if (subscription == null) {
            throw ApiException.notFound("Subscription '" + id + "' not found");
        }
        List<StatisticsSubscriptions.OpenStatistic> selected = new ArrayList<>();
        ArrayNode errors = Json.array();
        if (wanted.isEmpty()) {
            selected.addAll(subscription.statistics().values());
        } else {
            for (String statisticId : wanted) {
                StatisticsSubscriptions.OpenStatistic statistic = subscription.statistics().get(statisticId);
                if (statistic != null) {
                    selected.add(statistic);
                } else {
                    errors.add(error(404, "Statistic '" + statisticId + "' is not in subscription '" + id + "'",
                            Json.object().put("statisticId", statisticId)));
                }
            }
            if (selected.isEmpty()) {
                return ApiResponse.json(404, failure(404, "None of the statisticIds is in subscription '" + id + "'",
                        errors));
            }
        }
        ObjectNode data = Json.object();
        data.put("subscriptionId", subscription.id());
        data.set("statistics", values(selected, verbose));
        return success(errors.isEmpty() ? 0 : 2, data, errors);
    }

    /** "A fire-and-forget operation and it always returns a success response" (seed 002), even during an outage. */
    private ApiResponse deleteSubscription(ApiRequest request) {
        statistics.close(request.pathParam("id"));
        return success(0, null, null);
    }

    private ArrayNode values(Iterable<StatisticsSubscriptions.OpenStatistic> opened, boolean verbose) {
        ArrayNode array = Json.array();
        for (StatisticsSubscriptions.OpenStatistic statistic : opened) {
            StatisticsCatalogue.Value value = statistics.valueOf(statistic);
            ObjectNode node = Json.object();
            node.put("statisticId", statistic.statisticId);
            // verbose=INFO adds what identifies the statistic; the seed's samples omit "name" for a definition.
            if (verbose) {
                node.put("objectId", statistic.objectId);
                node.put("objectType", statistic.objectType);
                if (statistic.name != null) {
                    node.put("name", statistic.name);
                }
            }
            node.set("value", Json.mapper().valueToTree(value.value()));
            node.put("timestamp", value.timestamp());
            array.add(node);
        }
        return array;
    }

    // ---- validation ----------------------------------------------------------------------------------------------

    private static StatisticsSubscriptions.OpenStatistic parseStatistic(JsonNode item, String at) {
        if (item == null || !item.isObject()) {
            throw ApiException.badRequest(at + " must be an object");
        }
        String statisticId = requiredText(item, "statisticId", at);
        String objectType = requiredText(item, "objectType", at);
        String objectId = requiredText(item, "objectId", at);
        JsonNode name = item.get("name");
        JsonNode definition = item.get("definition");
        boolean hasName = name != null && !name.isNull();
        boolean hasDefinition = definition != null && !definition.isNull();
        if (hasName == hasDefinition) {
            throw ApiException.badRequest(at + " needs either name (a pre-configured statistic) or definition, "
                    + (hasName ? "not both" : "got neither"));
        }
        if (hasName) {
            return new StatisticsSubscriptions.OpenStatistic(statisticId, requiredText(item, "name", at), objectType, objectId, null);
        }
        return new StatisticsSubscriptions.OpenStatistic(statisticId, null, objectType, objectId,
                validDefinition(definition, at + ".definition"));
    }

    private static Map<String, Object> validDefinition(JsonNode definition, String at) {
        if (!definition.isObject()) {
            throw ApiException.badRequest(at + " must be an object");
        }
        definition.fieldNames().forEachRemaining(field -> {
            if (!DEFINITION_FIELDS.contains(field)) {
                throw ApiException.badRequest(at + "." + field + " is not a statistic definition field; known fields: "
                        + String.join(", ", new java.util.TreeSet<>(DEFINITION_FIELDS)));
            }
        });
        for (String field : REQUIRED_DEFINITION_FIELDS) {
            requiredText(definition, field, at);
        }
        for (String field : List.of("dynamicTimeProfile", "dynamicFilter", "maskType")) {
            optionalText(definition, field, at);
        }
        String mode = optionalText(definition, "notificationMode", at);
        if (mode != null && !NOTIFICATION_MODES.contains(mode)) {
            throw ApiException.badRequest(at + ".notificationMode must be one of "
                    + String.join(", ", new java.util.TreeSet<>(NOTIFICATION_MODES)) + ", got '" + mode + "'");
        }
        String intervalType = optionalText(definition, "intervalType", at);
        if (intervalType != null && !INTERVAL_TYPES.contains(intervalType)) {
            throw ApiException.badRequest(at + ".intervalType must be one of "
                    + String.join(", ", new java.util.TreeSet<>(INTERVAL_TYPES)) + ", got '" + intervalType + "'");
        }
        Integer frequency = optionalInt(definition, "notificationFrequency", at);
        if (frequency != null && frequency < 1) {
            throw ApiException.badRequest(at + ".notificationFrequency must be a positive number of seconds, got "
                    + frequency);
        }
        Integer insensitivity = optionalInt(definition, "insensitivity", at);
        if (insensitivity != null && insensitivity < 0) {
            throw ApiException.badRequest(at + ".insensitivity must not be negative, got " + insensitivity);
        }
        return new LinkedHashMap<>(Json.toMap(definition));
    }

    private static JsonNode statisticsOf(ObjectNode body) {
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) {
            throw ApiException.badRequest("data is required and must be an object");
        }
        JsonNode list = data.get("statistics");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiException.badRequest("data.statistics is required and must be a non-empty array");
        }
        return list;
    }

    private static String requiredText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(at + "." + field + " is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest(at + "." + field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(at + "." + field + " must be a string");
        }
        return value.asText();
    }

    private static Integer optionalInt(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.badRequest(at + "." + field + " must be an integer");
        }
        return value.asInt();
    }

    private static String requiredQuery(ApiRequest request, String name) {
        String value = request.query(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Query parameter '" + name + "' is required");
        }
        return value;
    }

    /** @return whether {@code verbose} is {@code INFO} (the default) rather than {@code OFF} */
    private static boolean verbose(ApiRequest request) {
        String verbose = request.query("verbose", VERBOSE_INFO);
        if (!verbose.equals(VERBOSE_INFO) && !verbose.equals(VERBOSE_OFF)) {
            throw ApiException.badRequest("Query parameter 'verbose' must be OFF or INFO, got '" + verbose + "'");
        }
        return verbose.equals(VERBOSE_INFO);
    }

    /** The Statistics API answers 503 while the service cannot reach its servers (the documented outage). */
    private void requireAvailable() {
        if (!statistics.isAvailable()) {
            throw new ApiException(503, "service.unavailable", "The Statistics service is unavailable");
        }
    }

    // ---- bodies --------------------------------------------------------------------------------------------------

    /** {@code {"status":{"code":0|2},"data":…,"errors":[…]}}; {@code errors} only when there are some. */
    private static ApiResponse success(int code, ObjectNode data, ArrayNode errors) {
        ObjectNode body = Json.object();
        ObjectNode status = body.putObject("status");
        status.put("code", code);
        if (code == 2) {
            status.put("message", "Partial success: " + errors.size() + " statistic(s) failed, see errors");
        }
        if (data != null) {
            body.set("data", data);
        }
        if (errors != null && !errors.isEmpty()) {
            body.set("errors", errors);
        }
        return ApiResponse.ok(body);
    }

    private static ApiResponse allFailed(ArrayNode errors) {
        return ApiResponse.json(400, failure(400, "None of the statistics could be opened, see errors", errors));
    }

    private static ObjectNode failure(int code, String message, ArrayNode errors) {
        ObjectNode body = ErrorBodies.multicloud(code, message);
        body.set("errors", errors);
        return body;
    }

    /** An {@code ErrorResponse} of the seed: {@code {"status":{"code":…,"message":…,"detail":{…}}}}. */
    private static ObjectNode error(int code, String message, ObjectNode detail) {
        ObjectNode error = Json.object();
        ObjectNode status = error.putObject("status");
        status.put("code", code);
        status.put("message", message);
        status.set("detail", detail);
        return error;
    }
}
