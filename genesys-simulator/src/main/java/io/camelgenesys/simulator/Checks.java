package io.camelgenesys.simulator;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request validation as the Genesys documents state it (seed 003: "Max: 1000 characters. Leading and trailing
 * whitespace stripped.", "Valid email format", "Between 1 and 32,000 characters", ...). Every failure is a 400 whose
 * message names the field and the rule. String fields are trimmed in place, as Genesys strips them.
 */
public final class Checks {

    /** Deliberately simple: one {@code @}, no whitespace, a dot in the domain. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Checks() {
    }

    /**
     * Trims a string field in place and checks its length.
     *
     * @return the trimmed value, or {@code null} when absent (or JSON null)
     */
    public static String text(ObjectNode node, String field, int min, int max, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.badRequest(field + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        String trimmed = value.asText().strip();
        node.put(field, trimmed);
        if (trimmed.isEmpty() && required) {
            throw ApiException.badRequest(field + " is required and must not be blank");
        }
        if (trimmed.length() < min) {
            throw ApiException.badRequest(field + " must be between " + min + " and " + max + " characters, got "
                    + trimmed.length());
        }
        if (trimmed.length() > max) {
            throw ApiException.badRequest(field + " must be at most " + String.format("%,d", max) + " characters, got "
                    + String.format("%,d", trimmed.length()));
        }
        return trimmed;
    }

    public static String text(ObjectNode node, String field, int max) {
        return text(node, field, 0, max, false);
    }

    /** An optional email field: at most 256 characters and well formed (seed 003). */
    public static void email(ObjectNode node, String field) {
        String value = text(node, field, 256);
        if (value != null && !value.isEmpty() && !EMAIL.matcher(value).matches()) {
            throw ApiException.badRequest(field + " must be a valid email address, got '" + value + "'");
        }
    }

    /** An optional array field with at most {@code max} items. */
    public static ArrayNode array(ObjectNode node, String field, int min, int max, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.badRequest(field + " is required");
            }
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.badRequest(field + " must be an array");
        }
        if (value.size() < min || value.size() > max) {
            throw ApiException.badRequest(min > 0
                    ? field + " must have between " + min + " and " + max + " items, got " + value.size()
                    : field + " must have at most " + max + " items, got " + value.size());
        }
        return (ArrayNode) value;
    }

    /** An optional object field. */
    public static ObjectNode object(ObjectNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.badRequest(field + " is required");
            }
            return null;
        }
        if (!value.isObject()) {
            throw ApiException.badRequest(field + " must be an object");
        }
        return (ObjectNode) value;
    }

    /** A required reference object with a non-blank {@code id}, e.g. {@code externalOrganization}. */
    public static String reference(ObjectNode node, String field, boolean required) {
        ObjectNode ref = object(node, field, required);
        if (ref == null) {
            return null;
        }
        JsonNode id = ref.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw ApiException.badRequest(field + ".id is required");
        }
        return id.asText();
    }

    /** An optional enum-valued string field. */
    public static String oneOf(ObjectNode node, String field, List<String> allowed, boolean required) {
        String value = text(node, field, 0, Integer.MAX_VALUE, required);
        if (value != null && !allowed.contains(value)) {
            throw ApiException.badRequest(field + " must be one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }

    /** Runs a check of a nested object, its 400's message prefixed with where it is (e.g. {@code changes[0].}). */
    public static <T> T prefixed(String prefix, Supplier<T> check) {
        try {
            return check.get();
        } catch (ApiException e) {
            throw ApiException.badRequest(prefix + e.getMessage());
        }
    }

    /** A query parameter that may repeat or be comma separated (Genesys accepts both for array parameters). */
    public static List<String> listParam(ApiRequest request, String name) {
        return request.queryAll(name).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    /** @return an optional boolean query parameter; 400 unless {@code true} or {@code false} */
    public static boolean boolParam(ApiRequest request, String name, boolean defaultValue) {
        String value = request.query(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw ApiException.badRequest("Query parameter '" + name + "' must be true or false, got '" + value + "'");
    }
}
