package io.camelgenesys.simulator.externalcontacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.Json;

/**
 * The core types custom fields are built from, as {@code GET .../schemas/coretypes} answers them (Coretype of the SDK).
 * The names, JSON types and the way a field refers to its type ({@code "allOf": [{"$ref": "#/definitions/text"}]},
 * the field name ending in {@code _<type>}) are those of the SDK's DataSchema example, which "uses all of the core
 * types": text, longtext, enum, identifier, integer, number, date, datetime, checkbox, tag; plus url, a Genesys
 * custom field type. The limits are Genesys' documented ones (help article "Custom field types": text 100 characters,
 * text area 1,000, identifier 100, URL 200, drop-down 50 options of at most 100 characters, tag 10 tags of at most
 * 100 characters; the SDK's Coretype examples: text minLength 0-100, maxLength 1-100, tag items 1-100). Integer and
 * number bounds are not documented: the simulator allows the whole numbers JSON carries exactly (2^53 - 1).
 */
final class CoreTypes {

    static final long SAFE_INTEGER = 9_007_199_254_740_991L;
    /** "yyyy-MM-dd" (date) and "yyyy-MM-ddTHH:mm:ss[.mmm]Z" (datetime), the SDK's ISO-8601 forms. */
    static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    static final Pattern DATETIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$");
    /** The items of an enum: "{type: string, pattern: ^[\\S]+$}" (SDK, Schema.items). */
    static final Pattern ENUM_ITEM = Pattern.compile("^[\\S]+$");
    static final int ENUM_VALUES_MAX = 50;

    /** One core type: its JSON type and the validation keywords a schema author may set, with their bounds. */
    record CoreType(String name, String jsonType, String description, Map<String, long[]> limits,
                    Map<String, long[]> itemLimits, String pattern) {

        boolean textual() {
            return "string".equals(jsonType);
        }
    }

    static final Map<String, CoreType> ALL = new LinkedHashMap<>();

    static {
        text("text", "A single-line string", 100);
        text("longtext", "A multi-line string", 1000);
        text("url", "A single-line string that links to a web page", 200);
        text("identifier", "A unique single-line string, searchable", 100);
        add(new CoreType("enum", "string", "One of a list of strings", Map.of(),
                Map.of("minLength", new long[] {1, 100}, "maxLength", new long[] {1, 100}), ENUM_ITEM.pattern()));
        add(new CoreType("date", "string", "A date, yyyy-MM-dd", Map.of(), Map.of(), DATE.pattern()));
        add(new CoreType("datetime", "string", "A date and time, yyyy-MM-ddTHH:mm:ss[.mmm]Z", Map.of(), Map.of(),
                DATETIME.pattern()));
        Map<String, long[]> range = new LinkedHashMap<>();
        range.put("minimum", new long[] {-SAFE_INTEGER, SAFE_INTEGER});
        range.put("maximum", new long[] {-SAFE_INTEGER, SAFE_INTEGER});
        add(new CoreType("integer", "integer", "A whole number", range, Map.of(), null));
        add(new CoreType("number", "number", "A number with a decimal", range, Map.of(), null));
        add(new CoreType("checkbox", "boolean", "true or false", Map.of(), Map.of(), null));
        Map<String, long[]> items = new LinkedHashMap<>();
        items.put("minItems", new long[] {0, 10});
        items.put("maxItems", new long[] {1, 10});
        Map<String, long[]> tagLength = new LinkedHashMap<>();
        tagLength.put("minLength", new long[] {1, 100});
        tagLength.put("maxLength", new long[] {1, 100});
        add(new CoreType("tag", "array", "Several single-line strings, searchable", items, tagLength, null));
    }

    private CoreTypes() {
    }

    private static void text(String name, String description, long max) {
        Map<String, long[]> limits = new LinkedHashMap<>();
        limits.put("minLength", new long[] {0, max});
        limits.put("maxLength", new long[] {1, max});
        add(new CoreType(name, "string", description, limits, Map.of(), null));
    }

    private static void add(CoreType type) {
        ALL.put(type.name(), type);
    }

    /** The Coretype JSON of one core type, under {@code base} ({@code .../contacts/schemas}). */
    static ObjectNode json(CoreType type, String base) {
        ObjectNode c = Json.object();
        c.put("id", "coretype-" + type.name());
        c.put("name", type.name());
        c.put("version", 1);
        c.put("dateCreated", "2019-01-01T00:00:00.000Z");
        ObjectNode schema = c.putObject("schema");
        schema.put("title", type.name());
        schema.put("description", type.description());
        schema.putArray("type").add(type.jsonType());
        if ("enum".equals(type.name()) || "tag".equals(type.name())) {
            ObjectNode items = schema.putObject("items").put("type", "string");
            if (type.pattern() != null) {
                items.put("pattern", type.pattern());
            }
        } else if (type.pattern() != null) {
            schema.put("pattern", type.pattern());
        }
        c.put("current", true);
        ArrayNode fields = c.putArray("validationFields");
        ObjectNode limits = c.putObject("validationLimits");
        if ("enum".equals(type.name())) {
            fields.add("enum");
        }
        type.limits().forEach((k, v) -> {
            fields.add(k);
            limits.putObject(k).put("min", v[0]).put("max", v[1]);
        });
        if (!type.itemLimits().isEmpty()) {
            ArrayNode itemFields = c.putArray("itemValidationFields");
            ObjectNode itemLimits = c.putObject("itemValidationLimits");
            type.itemLimits().forEach((k, v) -> {
                itemFields.add(k);
                itemLimits.putObject(k).put("min", v[0]).put("max", v[1]);
            });
        }
        c.put("selfUri", base + "/coretypes/" + type.name());
        return c;
    }

    /** The core type a field refers to ({@code allOf[0].$ref} = {@code #/definitions/<name>}), or {@code null}. */
    static String referenced(ObjectNode field) {
        if (!field.path("allOf").isArray()) {
            return null;
        }
        for (var part : field.get("allOf")) {
            String ref = part.path("$ref").asText("");
            if (ref.startsWith("#/definitions/")) {
                return ref.substring("#/definitions/".length());
            }
        }
        return null;
    }

    static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
