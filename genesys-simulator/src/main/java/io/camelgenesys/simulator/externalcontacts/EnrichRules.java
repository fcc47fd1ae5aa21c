package io.camelgenesys.simulator.externalcontacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Checks;

/**
 * How an enrich combines the submitted entity with the one found: the SDK's {@code EnrichFieldRules}
 * ({@code defaultAction}: {@code PreferProvided} when unspecified, {@code PreferExisting}, {@code AlwaysUseProvided};
 * {@code defaultArrayAction}: {@code Fill} when unspecified, {@code Extend}, {@code Replace}) and its
 * {@code EnrichFieldRule}s ({@code field} a dot-notation JSONPath such as {@code $.address.address1}, with its own
 * {@code action} and {@code arrayAction}); docs/EnrichFieldRules.md and docs/EnrichFieldRule.md of the Java SDK 264.
 */
final class EnrichRules {

    static final List<String> ACTIONS = List.of("AlwaysUseProvided", "PreferExisting", "PreferProvided");
    static final List<String> ARRAY_ACTIONS = List.of("Replace", "Extend", "Fill");
    /** "Only dot notation with alphanumeric characters and underscores ... are allowed." */
    private static final Pattern FIELD = Pattern.compile("^\\$(\\.[A-Za-z0-9_]+)+$");
    /** Never combined: the server owns them (contacts and organizations). */
    private static final Set<String> SERVER_FIELDS = Set.of("id", "selfUri", "createDate", "modifyDate", "mergedFrom",
            "mergedTo", "mergeSet", "mergeOperation", "canonicalContact", "externalDataSources", "identifiers",
            "trustor", "type");
    /** The arrays with a documented size limit (seed 003: "Max: 10 ids"), which {@code Fill} stops at. */
    private static final Map<String, Integer> ARRAY_LIMITS = Map.of("externalIds", 10, "appleOpaqueIds", 10);

    private record Rule(String action, String arrayAction) {
    }

    private final String defaultAction;
    private final String defaultArrayAction;
    /** JSONPath segments joined by '.' (without "$.") → rule */
    private final Map<String, Rule> rules = new HashMap<>();

    private EnrichRules(String defaultAction, String defaultArrayAction) {
        this.defaultAction = defaultAction;
        this.defaultArrayAction = defaultArrayAction;
    }

    /** @param fieldRules the request's {@code fieldRules}, or {@code null} */
    static EnrichRules parse(ObjectNode fieldRules) {
        if (fieldRules == null) {
            return new EnrichRules("PreferProvided", "Fill");
        }
        ObjectNode copy = fieldRules.deepCopy();
        String action = Checks.prefixed("fieldRules.", () -> Checks.oneOf(copy, "defaultAction", ACTIONS, false));
        String arrayAction = Checks.prefixed("fieldRules.",
                () -> Checks.oneOf(copy, "defaultArrayAction", ARRAY_ACTIONS, false));
        EnrichRules parsed = new EnrichRules(action == null ? "PreferProvided" : action,
                arrayAction == null ? "Fill" : arrayAction);
        ArrayNode rules = Checks.prefixed("fieldRules.",
                () -> Checks.array(copy, "rules", 0, Integer.MAX_VALUE, false));
        if (rules != null) {
            for (int i = 0; i < rules.size(); i++) {
                String prefix = "fieldRules.rules[" + i + "].";
                if (!rules.get(i).isObject()) {
                    throw ApiException.badRequest("fieldRules.rules[" + i + "] must be an object");
                }
                ObjectNode rule = (ObjectNode) rules.get(i);
                String field = Checks.prefixed(prefix, () -> Checks.text(rule, "field", 1, 1000, true));
                if (!FIELD.matcher(field).matches()) {
                    throw ApiException.badRequest(prefix + "field must be a dot-notation JSONPath such as "
                            + "$.address.address1, got '" + field + "'");
                }
                String ruleAction = Checks.prefixed(prefix, () -> Checks.oneOf(rule, "action", ACTIONS, false));
                String ruleArrayAction = Checks.prefixed(prefix,
                        () -> Checks.oneOf(rule, "arrayAction", ARRAY_ACTIONS, false));
                parsed.rules.put(field.substring(2), new Rule(ruleAction == null ? parsed.defaultAction : ruleAction,
                        ruleArrayAction == null ? parsed.defaultArrayAction : ruleArrayAction));
            }
        }
        return parsed;
    }

    /** @return a new entity: {@code existing} combined with {@code provided} ("omitted" counts as null) */
    ObjectNode combine(ObjectNode existing, ObjectNode provided) {
        ObjectNode result = existing.deepCopy();
        Set<String> fields = new LinkedHashSet<>();
        existing.fieldNames().forEachRemaining(fields::add);
        provided.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (SERVER_FIELDS.contains(field)) {
                continue;
            }
            Rule rule = rules.getOrDefault(field, new Rule(defaultAction, defaultArrayAction));
            set(result, field, decide(field, existing.get(field), provided.get(field), rule));
        }
        // Rules on nested fields (e.g. $.address.city) override what the top-level field's rule produced.
        for (Map.Entry<String, Rule> nested : rules.entrySet()) {
            String[] path = nested.getKey().split("\\.");
            if (path.length < 2 || SERVER_FIELDS.contains(path[0])) {
                continue;
            }
            JsonNode value = decide(path[path.length - 1], at(existing, path), at(provided, path), nested.getValue());
            ObjectNode parent = result;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                if (child == null || !child.isObject()) {
                    if (value == null) {
                        parent = null;
                        break;
                    }
                    child = parent.putObject(path[i]);
                }
                parent = (ObjectNode) child;
            }
            if (parent != null) {
                set(parent, path[path.length - 1], value);
            }
        }
        return result;
    }

    private static JsonNode decide(String field, JsonNode existing, JsonNode provided, Rule rule) {
        boolean noExisting = existing == null || existing.isNull();
        boolean noProvided = provided == null || provided.isNull();
        if (!noExisting && !noProvided && existing.isArray() && provided.isArray()
                && !rule.action().equals("PreferExisting")) {
            return combineArrays(field, (ArrayNode) existing, (ArrayNode) provided, rule.arrayAction());
        }
        return switch (rule.action()) {
            case "AlwaysUseProvided" -> noProvided ? null : provided;
            case "PreferExisting" -> noExisting ? provided : existing;
            default -> noProvided ? existing : provided;
        };
    }

    private static JsonNode combineArrays(String field, ArrayNode existing, ArrayNode provided, String arrayAction) {
        if (arrayAction.equals("Replace")) {
            return provided;
        }
        ArrayNode combined = existing.deepCopy();
        List<JsonNode> seen = new ArrayList<>();
        existing.forEach(seen::add);
        int limit = ARRAY_LIMITS.getOrDefault(field, Integer.MAX_VALUE);
        for (JsonNode item : provided) {
            if (arrayAction.equals("Fill") && (seen.contains(item) || combined.size() >= limit)) {
                continue;
            }
            combined.add(item);
            seen.add(item);
        }
        return combined;
    }

    private static JsonNode at(JsonNode root, String[] path) {
        JsonNode node = root;
        for (String segment : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(segment);
        }
        return node;
    }

    private static void set(ObjectNode parent, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            parent.remove(field);
        } else {
            parent.set(field, value.deepCopy());
        }
    }
}
