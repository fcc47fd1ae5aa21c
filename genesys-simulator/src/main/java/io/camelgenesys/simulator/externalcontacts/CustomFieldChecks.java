package io.camelgenesys.simulator.externalcontacts;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;

/**
 * The server side of custom fields: an entity's {@code customFields} are "defined in the schema referenced by schemaId
 * and schemaVersion" (seed 003), so they need its {@code schema} ({@code id} and {@code version}) and must follow that
 * version: only its fields, each value of its core type and within the field's limits, every required field present.
 * A disabled schema cannot be assigned (SDK DataSchema.enabled). Every problem is reported in one 400.
 */
final class CustomFieldChecks {

    private CustomFieldChecks() {
    }

    /** Checks {@code entity} (a contact or organization body) against {@code schemas}; a 400 on any problem. */
    static void check(ObjectNode entity, SchemaStore schemas) {
        JsonNode fields = entity.get("customFields");
        JsonNode ref = entity.get("schema");
        boolean hasFields = fields != null && !fields.isNull() && !fields.isEmpty();
        if (ref == null || ref.isNull()) {
            if (hasFields) {
                throw ApiException.badRequest("customFields need the schema that defines them: set schema.id and"
                        + " schema.version");
            }
            return;
        }
        String id = ref.path("id").asText(null);
        JsonNode version = ref.get("version");
        if (id == null || version == null || !version.isIntegralNumber()) {
            throw ApiException.badRequest("schema must reference a schema version: schema.id and schema.version (a"
                    + " positive integer)");
        }
        ObjectNode schema = schemas.find(id, version.asInt());
        if (schema == null) {
            throw ApiException.badRequest("schema " + id + " version " + version.asInt() + " does not exist");
        }
        if (!schema.path("enabled").asBoolean(true)) {
            throw ApiException.badRequest("schema " + id + " is disabled: it cannot be assigned");
        }
        if (fields != null && !fields.isNull() && !fields.isObject()) {
            throw ApiException.badRequest("customFields must be an object: field name -> value");
        }
        List<String> problems = new ArrayList<>();
        JsonNode props = schema.path("jsonSchema").path("properties");
        Set<String> present = new HashSet<>();
        if (hasFields) {
            fields.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    return;
                }
                present.add(e.getKey());
                JsonNode def = props.get(e.getKey());
                if (def == null) {
                    problems.add("customFields." + e.getKey() + " is not a field of schema " + id + " version "
                            + version.asInt());
                    return;
                }
                String problem = problem(CoreTypes.referenced((ObjectNode) def), def, e.getValue());
                if (problem != null) {
                    problems.add("customFields." + e.getKey() + " " + problem);
                }
            });
        }
        for (JsonNode r : schema.path("jsonSchema").path("required")) {
            if (!present.contains(r.asText())) {
                problems.add("customFields." + r.asText() + " is required by schema " + id + " version "
                        + version.asInt());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems));
        }
    }

    /** What is wrong with {@code value} for a field of core type {@code type} defined by {@code def}, or null. */
    static String problem(String type, JsonNode def, JsonNode value) {
        switch (type) {
            case "text", "longtext", "identifier", "url" -> {
                if (!value.isTextual()) {
                    return "must be text";
                }
                String s = value.asText();
                long max = def.path("maxLength").asLong(CoreTypes.ALL.get(type).limits().get("maxLength")[1]);
                if (s.length() < def.path("minLength").asLong(0) || s.length() > max) {
                    return "must be " + def.path("minLength").asLong(0) + " to " + max + " characters, got "
                           + s.length();
                }
                if ("url".equals(type) && !s.isEmpty() && !isUrl(s)) {
                    return "must be an absolute http(s) URL";
                }
                return null;
            }
            case "enum" -> {
                for (JsonNode allowed : def.path("enum")) {
                    if (allowed.equals(value)) {
                        return null;
                    }
                }
                return "must be one of " + def.path("enum");
            }
            case "date" -> {
                if (!value.isTextual() || !CoreTypes.DATE.matcher(value.asText()).matches()) {
                    return "must be a date yyyy-MM-dd";
                }
                try {
                    LocalDate.parse(value.asText());
                    return null;
                } catch (DateTimeParseException e) {
                    return "is not a calendar date";
                }
            }
            case "datetime" -> {
                if (!value.isTextual() || !CoreTypes.DATETIME.matcher(value.asText()).matches()) {
                    return "must be a date and time yyyy-MM-ddTHH:mm:ss[.mmm]Z";
                }
                try {
                    Instant.parse(value.asText());
                    return null;
                } catch (DateTimeParseException e) {
                    return "is not a valid date and time";
                }
            }
            case "integer", "number" -> {
                if (!value.isNumber() || "integer".equals(type) && !value.isIntegralNumber()) {
                    return "must be a " + ("integer".equals(type) ? "whole number" : "number");
                }
                if (def.has("minimum") && value.asDouble() < def.get("minimum").asDouble()
                    || def.has("maximum") && value.asDouble() > def.get("maximum").asDouble()) {
                    return "must be between " + def.path("minimum") + " and " + def.path("maximum") + ", got " + value;
                }
                return null;
            }
            case "checkbox" -> {
                return value.isBoolean() ? null : "must be true or false";
            }
            case "tag" -> {
                if (!value.isArray()) {
                    return "must be a list of tags";
                }
                long max = def.path("maxItems").asLong(10);
                if (value.size() < def.path("minItems").asLong(0) || value.size() > max) {
                    return "must have " + def.path("minItems").asLong(0) + " to " + max + " tags, got " + value.size();
                }
                Set<String> seen = new HashSet<>();
                long minLength = def.path("items").path("minLength").asLong(1);
                long maxLength = def.path("items").path("maxLength").asLong(100);
                for (JsonNode tag : value) {
                    if (!tag.isTextual() || tag.asText().length() < minLength || tag.asText().length() > maxLength) {
                        return "tags must be text of " + minLength + " to " + maxLength + " characters, got " + tag;
                    }
                    if (!seen.add(tag.asText())) {
                        return "lists the tag " + tag + " twice";
                    }
                }
                return null;
            }
            default -> {
                return "has core type " + type + ", which does not exist";
            }
        }
    }

    private static boolean isUrl(String s) {
        try {
            URI uri = new URI(s);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                   && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
