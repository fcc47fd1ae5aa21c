package io.camelgenesys.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationPreparer;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.statistics.model.Statistic;

/**
 * Reads the statistics of a request from any form a route gives them in, validates them before any request, and
 * writes the Statistics API request bodies: the preparers of the rows of {@link StatisticsOperation}.
 * <p>
 * Forms: the compact {@code name:objectType:objectId[,...]} text of the {@code statistics} option; JSON text (an
 * array of statistics, {@code {"statistics":[...]}} or the full request {@code {"data":{"statistics":[...]}}});
 * a {@link Statistic}, a {@code Collection} of them or of Maps, a Map, or a {@code JsonNode} of those shapes.
 */
final class StatisticsRequests {

    /** The JSON type of every field of a statistic and its definition, checked as the route gave them. */
    private static final BodyRules TYPES = BodyRules.typed(Statistic.class);

    /**
     * The fields of a statistic definition: the ten of seed 002's create-subscription sample (line 4910), which are
     * the Stat Server statistic type's; Genesys refuses any other.
     */
    static final Set<String> DEFINITION_FIELDS = Set.of("notificationMode", "notificationFrequency", "insensitivity",
            "category", "subject", "intervalType", "mainMask", "dynamicTimeProfile", "dynamicFilter", "maskType");
    /** Without these Stat Server cannot build a statistic type from a definition. */
    static final List<String> REQUIRED_DEFINITION_FIELDS = List.of("category", "subject", "mainMask");
    /** Stat Server's notification modes (the seed's sample uses Periodical). */
    static final Set<String> NOTIFICATION_MODES = new TreeSet<>(Set.of("Immediate", "Periodical", "Reset",
            "NoNotification"));

    private StatisticsRequests() {
    }

    /**
     * getValue: statisticName, objectType and objectId come from their header or option, else from the statistics
     * option (or CamelGenesysStatistics header) when it names exactly one statistic; all three are required.
     */
    static final OperationPreparer ONE_STATISTIC = (call, context) -> {
        String name = call.pathParams().get("statisticName");
        if (name == null || call.query().get("objectType") == null || call.query().get("objectId") == null) {
            String option = statisticsOption(context);
            if (option != null && !option.isBlank()) {
                List<Statistic> list = read(option, "the statistics option");
                if (list.size() != 1) {
                    throw new IllegalArgumentException(context.operationName() + " reads one statistic, but the"
                                                       + " statistics option names " + list.size()
                                                       + "; use getValues for several");
                }
                Statistic s = list.get(0);
                if (name == null) {
                    call.pathParam("statisticName", s.getName());
                }
                if (call.query().get("objectType") == null) {
                    call.query("objectType", s.getObjectType());
                }
                if (call.query().get("objectId") == null) {
                    call.query("objectId", s.getObjectId());
                }
            }
        }
        for (String q : List.of("objectType", "objectId")) {
            if (isBlank(call.query().get(q))) {
                throw new IllegalArgumentException(context.operationName() + " needs the " + q + ": set the " + q
                                                   + " option, the " + OperationSpec.headerName(q)
                                                   + " header, or statistics=name:objectType:objectId");
            }
        }
        if (isBlank(call.pathParams().get("statisticName"))) {
            throw new IllegalArgumentException(context.operationName() + " needs the statisticName: set the statisticName"
                                               + " option, the CamelGenesysStatisticName header, or"
                                               + " statistics=name:objectType:objectId");
        }
    };

    /** getValues (get-statistic-ex): the statistics of the body, or of the statistics option, as the request. */
    static final OperationPreparer PEEK = (call, context) -> {
        List<Statistic> list = statisticsOf(context);
        validatePeek(list, where(context));
        call.body(peekBody(list));
    };

    /**
     * createSubscription: the statistics of the body or the statistics option, each with a statisticId; the
     * operationId (which Genesys makes the subscriptionId) from the body, the CamelGenesysOperationId header or the
     * operationId option, else a new UUID.
     */
    static final OperationPreparer SUBSCRIPTION = (call, context) -> {
        List<Statistic> list = prepareSubscription(statisticsOf(context), where(context));
        String id = operationIdOf(context.message().getBody());
        if (id == null) {
            Object p = context.parameter("operationId");
            id = p != null ? p.toString() : UUID.randomUUID().toString();
        }
        call.body(subscriptionBody(id, list));
    };

    private static List<Statistic> statisticsOf(OperationContext context) {
        Object body = context.message().getBody();
        if (hasBody(body)) {
            return read(body, "the message body");
        }
        return read(statisticsOption(context), "the statistics option");
    }

    private static String where(OperationContext context) {
        return hasBody(context.message().getBody()) ? "the message body" : "the statistics option";
    }

    private static boolean hasBody(Object body) {
        return body != null && !(body instanceof String s && s.isBlank());
    }

    /** The CamelGenesysStatistics header, else the statistics option. */
    private static String statisticsOption(OperationContext context) {
        String header = context.header(StatisticsConstants.STATISTICS, String.class);
        return header != null ? header : context.configuration(StatisticsConfiguration.class).getStatistics();
    }

    /** The statistics of a body or option value; {@code null} or blank gives an empty list. */
    static List<Statistic> read(Object source, String where) {
        if (source == null) {
            return List.of();
        }
        if (source instanceof Statistic s) {
            return List.of(s);
        }
        if (source instanceof String text) {
            String t = text.trim();
            if (t.isEmpty()) {
                return List.of();
            }
            if (!t.startsWith("[") && !t.startsWith("{")) {
                return compact(t, where);
            }
        }
        if (source instanceof Collection<?> c && c.stream().allMatch(Statistic.class::isInstance)) {
            return c.stream().map(Statistic.class::cast).toList();
        }
        JsonNode tree;
        try {
            tree = GenesysJson.toTree(source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The statistics in " + where + " are not valid JSON ("
                                               + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                                               + ")", e);
        }
        JsonNode list = statisticsNode(tree);
        if (list == null) {
            throw new IllegalArgumentException("The statistics in " + where + " must be an array of statistics,"
                                               + " {\"statistics\":[...]}, {\"data\":{\"statistics\":[...]}} or one"
                                               + " statistic object (name, objectType, objectId); got "
                                               + tree.getNodeType());
        }
        List<Statistic> result = new ArrayList<>();
        int i = 0;
        for (JsonNode node : list) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("statistics[" + i + "] in " + where + " must be an object with name"
                                                   + " (or definition), objectType and objectId; got " + node.getNodeType());
            }
            // before binding, which would coerce a wrong type (name 5 becomes "5") instead of refusing it
            List<String> wrongTypes = TYPES.violations(node);
            if (!wrongTypes.isEmpty()) {
                throw new IllegalArgumentException("statistics[" + i + "] in " + where + ": "
                                                   + String.join("; ", wrongTypes));
            }
            try {
                result.add(GenesysJson.MAPPER.treeToValue(node, Statistic.class));
            } catch (Exception e) {
                throw new IllegalArgumentException("statistics[" + i + "] in " + where + " does not fit a statistic: "
                                                   + e.getMessage(), e);
            }
            i++;
        }
        return result;
    }

    private static JsonNode statisticsNode(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        if (tree.isArray()) {
            return tree;
        }
        if (!tree.isObject()) {
            return null;
        }
        if (tree.path("data").path("statistics").isArray()) {
            return tree.path("data").path("statistics");
        }
        if (tree.path("statistics").isArray()) {
            return tree.path("statistics");
        }
        if (tree.has("objectType") || tree.has("objectId") || tree.has("name") || tree.has("definition")) {
            ArrayNode one = GenesysJson.MAPPER.createArrayNode();
            one.add(tree);
            return one;
        }
        return null;
    }

    /** {@code name:objectType:objectId} entries, comma separated; the object id may itself contain ':'. */
    static List<Statistic> compact(String text, String where) {
        List<Statistic> result = new ArrayList<>();
        for (String entry : text.split(",")) {
            String e = entry.trim();
            String[] parts = e.split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException("'" + e + "' in " + where + " must be name:objectType:objectId, e.g."
                                                   + " CurrentAgentState:Agent:agent2 (several separated by commas)");
            }
            result.add(new Statistic(parts[0].trim(), parts[1].trim(), parts[2].trim()));
        }
        return result;
    }

    /**
     * Checks the statistics of a get-statistic-ex request: at least one; each with name, objectType and objectId
     * (the operation reads pre-configured statistics only, so a definition is refused).
     */
    static void validatePeek(List<Statistic> statistics, String where) {
        requireSome(statistics, where);
        for (int i = 0; i < statistics.size(); i++) {
            Statistic s = statistics.get(i);
            requireObject(s, i, where);
            if (s.getDefinition() != null) {
                throw new IllegalArgumentException(label(i, s, where) + " has a definition, but getValues"
                                                   + " (get-statistic-ex) reads pre-configured statistics only: give"
                                                   + " their name, or use createSubscription for defined statistics");
            }
            if (isBlank(s.getName())) {
                throw new IllegalArgumentException(label(i, s, where) + " needs the name of a pre-configured statistic");
            }
        }
    }

    /**
     * Checks the statistics of a subscription and gives each without a statisticId a new one (ids must be unique
     * inside the subscription): each with objectType, objectId, and a name or a definition.
     *
     * @return copies, so that a caller's models are not changed
     */
    static List<Statistic> prepareSubscription(List<Statistic> statistics, String where) {
        requireSome(statistics, where);
        List<Statistic> result = new ArrayList<>(statistics.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < statistics.size(); i++) {
            Statistic s = statistics.get(i);
            requireObject(s, i, where);
            if (isBlank(s.getName()) == (s.getDefinition() == null)) {
                throw new IllegalArgumentException(label(i, s, where) + " needs either a name (a pre-configured"
                                                   + " statistic) or a definition, "
                                                   + (s.getDefinition() == null ? "got neither" : "not both"));
            }
            if (s.getDefinition() != null) {
                checkDefinition(GenesysJson.MAPPER.valueToTree(s.getDefinition()), label(i, s, where));
            }
            Integer frequency = s.getDefinition() != null ? s.getDefinition().getNotificationFrequency() : null;
            if (frequency != null && frequency < 1) {
                throw new IllegalArgumentException(label(i, s, where) + ": definition.notificationFrequency must be a"
                                                   + " positive number of seconds, was " + frequency);
            }
            Integer insensitivity = s.getDefinition() != null ? s.getDefinition().getInsensitivity() : null;
            if (insensitivity != null && insensitivity < 0) {
                throw new IllegalArgumentException(label(i, s, where) + ": definition.insensitivity must not be"
                                                   + " negative, was " + insensitivity);
            }
            Statistic copy = GenesysJson.MAPPER.convertValue(s, Statistic.class);
            if (isBlank(copy.getStatisticId())) {
                copy.setStatisticId(UUID.randomUUID().toString());
            } else if (!ids.add(copy.getStatisticId())) {
                throw new IllegalArgumentException(label(i, s, where) + ": statisticId " + copy.getStatisticId()
                                                   + " is used twice; statistic ids must be unique in a subscription");
            }
            ids.add(copy.getStatisticId());
            result.add(copy);
        }
        return result;
    }

    /** Unknown fields, missing required fields and an unknown notificationMode of a definition, all at once. */
    private static void checkDefinition(JsonNode definition, String label) {
        List<String> violations = new ArrayList<>();
        definition.fieldNames().forEachRemaining(field -> {
            if (!DEFINITION_FIELDS.contains(field)) {
                violations.add("definition." + field + " is not a statistic definition field (known: "
                               + String.join(", ", new TreeSet<>(DEFINITION_FIELDS)) + ")");
            }
        });
        for (String field : REQUIRED_DEFINITION_FIELDS) {
            JsonNode v = definition.get(field);
            if (v == null || v.isNull() || v.asText().isBlank()) {
                violations.add("definition." + field + " is required");
            }
        }
        JsonNode mode = definition.get("notificationMode");
        if (mode != null && !mode.isNull() && !NOTIFICATION_MODES.contains(mode.asText())) {
            violations.add("definition.notificationMode must be one of " + String.join(", ", NOTIFICATION_MODES)
                           + ", was '" + mode.asText() + "'");
        }
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(label + ": " + String.join("; ", violations));
        }
    }

    /** {@code {"data":{"statistics":[...]}}} (get-statistic-ex). */
    static ObjectNode peekBody(List<Statistic> statistics) {
        ObjectNode body = GenesysJson.MAPPER.createObjectNode();
        body.putObject("data").set("statistics", GenesysJson.MAPPER.valueToTree(statistics));
        return body;
    }

    /** {@code {"operationId":..,"data":{"statistics":[...]}}} (create a subscription). */
    static ObjectNode subscriptionBody(String operationId, List<Statistic> statistics) {
        ObjectNode body = GenesysJson.MAPPER.createObjectNode();
        body.put("operationId", operationId);
        body.putObject("data").set("statistics", GenesysJson.MAPPER.valueToTree(statistics));
        return body;
    }

    /** The operationId a body carries at its top level ({@code {"operationId":..,"data":..}}), if any. */
    static String operationIdOf(Object body) {
        if (body instanceof Map<?, ?> map && map.get("operationId") instanceof String s) {
            return s;
        }
        if (body instanceof String || body instanceof JsonNode) {
            JsonNode tree = GenesysJson.toTree(body);
            JsonNode id = tree != null ? tree.get("operationId") : null;
            return id != null && id.isTextual() ? id.asText() : null;
        }
        return null;
    }

    /** statisticId -> statistic, in subscription order. */
    static Map<String, Statistic> byId(List<Statistic> statistics) {
        Map<String, Statistic> map = new LinkedHashMap<>();
        for (Statistic s : statistics) {
            map.put(s.getStatisticId(), s);
        }
        return map;
    }

    private static void requireSome(List<Statistic> statistics, String where) {
        if (statistics.isEmpty()) {
            throw new IllegalArgumentException("At least one statistic is required, " + where + " has none: set the"
                                               + " statistics option (e.g. statistics=CurrentAgentState:Agent:agent2)"
                                               + " or send them in the message body");
        }
    }

    private static void requireObject(Statistic s, int i, String where) {
        if (isBlank(s.getObjectType())) {
            throw new IllegalArgumentException(label(i, s, where) + " needs an objectType (e.g. Agent)");
        }
        if (isBlank(s.getObjectId())) {
            throw new IllegalArgumentException(label(i, s, where) + " needs an objectId");
        }
    }

    private static String label(int i, Statistic s, String where) {
        return "statistics[" + i + "]" + (s.getName() != null ? " (" + s.getName() + ")" : "") + " in " + where;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
