package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of a custom-field schema as validation needs it: each field's core type and definition, the required
 * fields, whether it is enabled. Immutable, like the version it is read from.
 */
final class CustomFieldSchema {

    /** A field: its core type ({@code null} when the schema names a type this library does not know) and definition. */
    record Field(String name, CustomFieldType type, String coreTypeName, JsonNode definition) {
    }

    private final String id;
    private final int version;
    private final String name;
    private final boolean enabled;
    private final Map<String, Field> fields;
    private final Set<String> required;

    private CustomFieldSchema(String id, int version, String name, boolean enabled, Map<String, Field> fields,
                              Set<String> required) {
        this.id = id;
        this.version = version;
        this.name = name;
        this.enabled = enabled;
        this.fields = fields;
        this.required = required;
    }

    /** Reads a DataSchema as Genesys answers it. */
    static CustomFieldSchema of(JsonNode dataSchema) {
        JsonNode json = dataSchema.path("jsonSchema");
        Map<String, Field> fields = new LinkedHashMap<>();
        json.path("properties").fields().forEachRemaining(e -> {
            String coreType = CustomFieldType.referencedName(e.getValue());
            CustomFieldType type = coreType == null ? CustomFieldType.ofFieldName(e.getKey())
                    : CustomFieldType.ofCoreType(coreType);
            fields.put(e.getKey(), new Field(e.getKey(), type, coreType, e.getValue()));
        });
        Set<String> required = new LinkedHashSet<>();
        json.path("required").forEach(r -> required.add(r.asText()));
        String name = dataSchema.path("name").asText(json.path("title").asText(""));
        return new CustomFieldSchema(dataSchema.path("id").asText(), dataSchema.path("version").asInt(), name,
                dataSchema.path("enabled").asBoolean(true), Collections.unmodifiableMap(fields),
                Collections.unmodifiableSet(required));
    }

    String id() {
        return id;
    }

    int version() {
        return version;
    }

    Map<String, Field> fields() {
        return fields;
    }

    /** How an error names this schema version. */
    String describe() {
        return "schema '" + name + "' (id " + id + ", version " + version + ")";
    }

    /**
     * Every problem of {@code customFields} against this version, each naming the field: a field the version does not
     * have, a value not of the field's core type or outside its limits, and (when {@code whole}, i.e. the custom
     * fields are all of the entity's) a required field missing. A disabled schema accepts nothing. JSON null values
     * are absent fields.
     */
    List<String> violations(JsonNode customFields, boolean whole) {
        List<String> problems = new ArrayList<>();
        if (!enabled) {
            problems.add(describe() + " is disabled: a disabled schema cannot be assigned");
            return problems;
        }
        if (customFields != null && !customFields.isNull() && !customFields.isObject()) {
            problems.add("customFields must be an object (field name -> value)");
            return problems;
        }
        Set<String> present = new LinkedHashSet<>();
        if (customFields != null && customFields.isObject()) {
            customFields.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    return;
                }
                present.add(e.getKey());
                String problem = problem(e.getKey(), e.getValue());
                if (problem != null) {
                    problems.add(problem);
                }
            });
        }
        if (whole) {
            for (String r : required) {
                if (!present.contains(r)) {
                    problems.add("customFields." + r + " is required");
                }
            }
        }
        return problems;
    }

    /** What is wrong with one field's value, or {@code null}. */
    String problem(String field, JsonNode value) {
        Field f = fields.get(field);
        if (f == null) {
            return "customFields." + field + " is not a field of this version (its fields: "
                   + String.join(", ", fields.keySet()) + ")";
        }
        if (f.type() == null) {
            return "customFields." + field + " has core type '" + f.coreTypeName() + "', which camel-genesys does not"
                   + " know (validateCustomFields=false sends it unchecked)";
        }
        String problem = f.type().problem(f.definition(), value);
        return problem == null ? null : "customFields." + field + " (" + f.type().coreType() + ") " + problem;
    }

    boolean isRequired(String field) {
        return required.contains(field);
    }
}
