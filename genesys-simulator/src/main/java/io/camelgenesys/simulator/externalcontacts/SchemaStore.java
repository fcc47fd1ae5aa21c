package io.camelgenesys.simulator.externalcontacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Json;

/**
 * The custom-field schemas of one entity type (contacts or organizations): every version of every schema. A version
 * is immutable once stored ("a positive integer"; an update stores version n + 1 and leaves n readable, SDK
 * DataSchema); a deleted schema and all its versions are gone. Thread-safe on its own monitor, a leaf: contact
 * validation reads it while holding the contacts lock, and it never waits for another lock.
 */
final class SchemaStore {

    /** SchemaQuantityLimits as the simulator answers them (Genesys does not document its values). */
    static final int MIN_FIELD_NAME = 1;
    static final int MAX_FIELD_NAME = 100;
    static final int MIN_FIELD_TITLE = 1;
    static final int MAX_FIELD_TITLE = 200;
    static final int MIN_FIELD_DESCRIPTION = 0;
    static final int MAX_FIELD_DESCRIPTION = 400;
    static final int MIN_SCHEMA_NAME = 1;
    static final int MAX_SCHEMA_NAME = 100;
    static final int MIN_SCHEMA_DESCRIPTION = 0;
    static final int MAX_SCHEMA_DESCRIPTION = 400;
    static final int MAX_SCHEMAS = 20;
    static final int MAX_FIELDS_PER_SCHEMA = 100;
    static final int MAX_FIELDS_PER_ORG = 500;
    static final String JSON_SCHEMA_DRAFT = "http://json-schema.org/draft-04/schema#";
    /** A field name: a letter, then letters, digits or {@code _}, ending in {@code _<core type>}. */
    private static final Pattern FIELD_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]*$");

    private final String appliesTo;
    private final String base;
    private final Map<String, List<ObjectNode>> versions = new LinkedHashMap<>();

    /**
     * @param appliesTo {@code CONTACT} or {@code EXTERNAL_ORGANIZATION}
     * @param base      the schemas path ({@code /api/v2/externalcontacts/contacts/schemas})
     */
    SchemaStore(String appliesTo, String base) {
        this.appliesTo = appliesTo;
        this.base = base;
    }

    String base() {
        return base;
    }

    synchronized ObjectNode create(ObjectNode body) {
        if (versions.size() >= MAX_SCHEMAS) {
            throw ApiException.badRequest("maxNumberOfSchemasPerOrg: an organization has at most " + MAX_SCHEMAS
                    + " schemas");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode schema = valid(body, null);
        checkFieldsPerOrg(schema, null);
        schema.put("id", id);
        schema.put("version", 1);
        stamp(schema, id);
        List<ObjectNode> list = new ArrayList<>();
        list.add(schema);
        versions.put(id, list);
        return schema.deepCopy();
    }

    /**
     * Stores version n + 1. The body's {@code version} must be the current one ("Required for updates", SDK): an
     * update from an older version is a 409, as the version is what keeps two editors from overwriting each other.
     */
    synchronized ObjectNode update(String id, ObjectNode body) {
        List<ObjectNode> list = existing(id);
        ObjectNode current = list.get(list.size() - 1);
        JsonNode version = body.get("version");
        if (version == null || version.isNull()) {
            throw ApiException.badRequest("version is required to update a schema: the current version, "
                    + current.get("version").asInt());
        }
        if (!version.canConvertToInt() || !version.isIntegralNumber()) {
            throw ApiException.badRequest("version must be a positive integer");
        }
        if (version.asInt() != current.get("version").asInt()) {
            throw new ApiException(409, "conflict", "Schema " + id + " is at version " + current.get("version").asInt()
                    + ", the update was made from version " + version.asInt() + ": read the current version first");
        }
        ObjectNode schema = valid(body, current);
        checkFieldsPerOrg(schema, id);
        schema.put("id", id);
        schema.put("version", current.get("version").asInt() + 1);
        stamp(schema, id);
        list.add(schema);
        return schema.deepCopy();
    }

    synchronized void delete(String id) {
        existing(id);
        versions.remove(id);
    }

    synchronized ObjectNode current(String id) {
        List<ObjectNode> list = existing(id);
        return list.get(list.size() - 1).deepCopy();
    }

    /** A stored version, or 404. */
    synchronized ObjectNode version(String id, String versionId) {
        List<ObjectNode> list = existing(id);
        int v;
        try {
            v = Integer.parseInt(versionId);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Schema " + id + " has no version " + versionId);
        }
        if (v < 1 || v > list.size()) {
            throw ApiException.notFound("Schema " + id + " has no version " + versionId);
        }
        return list.get(v - 1).deepCopy();
    }

    /** The version, or {@code null} when the schema or the version does not exist. */
    synchronized ObjectNode find(String id, int version) {
        List<ObjectNode> list = versions.get(id);
        return list == null || version < 1 || version > list.size() ? null : list.get(version - 1);
    }

    /** DataSchemaListing of the current versions. */
    synchronized ObjectNode list() {
        ObjectNode listing = Json.object();
        ArrayNode entities = listing.putArray("entities");
        versions.values().forEach(l -> entities.add(l.get(l.size() - 1).deepCopy()));
        listing.put("total", entities.size());
        listing.put("selfUri", base);
        return listing;
    }

    /** DataSchemaListing of every version of one schema, oldest first. */
    synchronized ObjectNode versions(String id) {
        ObjectNode listing = Json.object();
        ArrayNode entities = listing.putArray("entities");
        existing(id).forEach(v -> entities.add(v.deepCopy()));
        listing.put("total", entities.size());
        listing.put("selfUri", base + "/" + id + "/versions");
        return listing;
    }

    synchronized int size() {
        return versions.size();
    }

    synchronized void clear() {
        versions.clear();
    }

    private List<ObjectNode> existing(String id) {
        List<ObjectNode> list = versions.get(id);
        if (list == null) {
            throw ApiException.notFound("Schema " + id + " not found");
        }
        return list;
    }

    private void stamp(ObjectNode schema, String id) {
        schema.putArray("appliesTo").add(appliesTo);
        schema.putObject("createdBy").put("id", "simulator-user").put("selfUri", "/api/v2/users/simulator-user");
        schema.put("dateCreated", Json.timestamp(Instant.now()));
        schema.put("selfUri", base + "/" + id);
    }

    /** SchemaQuantityLimits ({@code GET .../schemas/limits}). */
    ObjectNode limits() {
        ObjectNode l = Json.object();
        l.put("minFieldNameCharacters", MIN_FIELD_NAME);
        l.put("maxFieldNameCharacters", MAX_FIELD_NAME);
        l.put("minFieldTitleCharacters", MIN_FIELD_TITLE);
        l.put("maxFieldTitleCharacters", MAX_FIELD_TITLE);
        l.put("minFieldDescriptionCharacters", MIN_FIELD_DESCRIPTION);
        l.put("maxFieldDescriptionCharacters", MAX_FIELD_DESCRIPTION);
        l.put("minSchemaNameCharacters", MIN_SCHEMA_NAME);
        l.put("maxSchemaNameCharacters", MAX_SCHEMA_NAME);
        l.put("minSchemaDescriptionCharacters", MIN_SCHEMA_DESCRIPTION);
        l.put("maxSchemaDescriptionCharacters", MAX_SCHEMA_DESCRIPTION);
        l.put("maxNumberOfSchemasPerOrg", MAX_SCHEMAS);
        l.put("maxNumberOfFieldsPerSchema", MAX_FIELDS_PER_SCHEMA);
        l.put("maxNumberOfFieldsPerOrg", MAX_FIELDS_PER_ORG);
        l.put("selfUri", base + "/limits");
        return l;
    }

    private void checkFieldsPerOrg(ObjectNode schema, String replacing) {
        int total = schema.path("jsonSchema").path("properties").size();
        for (Map.Entry<String, List<ObjectNode>> e : versions.entrySet()) {
            if (!e.getKey().equals(replacing)) {
                total += e.getValue().get(e.getValue().size() - 1).path("jsonSchema").path("properties").size();
            }
        }
        if (total > MAX_FIELDS_PER_ORG) {
            throw ApiException.badRequest("maxNumberOfFieldsPerOrg: the organization's schemas would have " + total
                    + " fields, at most " + MAX_FIELDS_PER_ORG);
        }
    }

    /**
     * A schema body, checked as Genesys checks it, as a clean copy without server-owned fields: the name (or the JSON
     * schema's title), {@code enabled}, {@code appliesTo} if given, and every field: its name ends in the core type it
     * refers to, a title, validation keywords only of its core type and within the core type's limits, an enum's
     * values, {@code required} naming existing fields. On an update, a field keeps its core type.
     */
    private ObjectNode valid(ObjectNode body, ObjectNode previous) {
        ObjectNode s = Json.object();
        JsonNode json = body.get("jsonSchema");
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("jsonSchema is required and must be an object");
        }
        ObjectNode doc = ((ObjectNode) json).deepCopy();
        String name = body.path("name").isTextual() ? body.get("name").asText().strip() : doc.path("title").asText("")
                .strip();
        if (name.length() < MIN_SCHEMA_NAME || name.length() > MAX_SCHEMA_NAME) {
            throw ApiException.badRequest("name (or jsonSchema.title) must be between " + MIN_SCHEMA_NAME + " and "
                    + MAX_SCHEMA_NAME + " characters, got " + name.length());
        }
        String description = doc.path("description").asText("");
        if (description.length() > MAX_SCHEMA_DESCRIPTION) {
            throw ApiException.badRequest("jsonSchema.description must be at most " + MAX_SCHEMA_DESCRIPTION
                    + " characters, got " + description.length());
        }
        if (body.has("appliesTo")) {
            JsonNode applies = body.get("appliesTo");
            if (!applies.isArray() || applies.size() != 1 || !appliesTo.equals(applies.get(0).asText())) {
                throw ApiException.badRequest("appliesTo must be [\"" + appliesTo + "\"] for " + base);
            }
        }
        if (body.has("enabled") && !body.get("enabled").isBoolean()) {
            throw ApiException.badRequest("enabled must be true or false");
        }
        s.put("name", name);
        s.put("enabled", body.path("enabled").asBoolean(true));
        JsonNode props = doc.get("properties");
        if (props == null || props.isNull()) {
            props = doc.putObject("properties");
        }
        if (!props.isObject()) {
            throw ApiException.badRequest("jsonSchema.properties must be an object: field name -> field definition");
        }
        if (props.size() > MAX_FIELDS_PER_SCHEMA) {
            throw ApiException.badRequest("maxNumberOfFieldsPerSchema: a schema has at most " + MAX_FIELDS_PER_SCHEMA
                    + " fields, got " + props.size());
        }
        JsonNode before = previous == null ? null : previous.path("jsonSchema").path("properties");
        props.fields().forEachRemaining(e -> validField(e.getKey(), e.getValue(), before));
        JsonNode required = doc.get("required");
        if (required != null && !required.isNull()) {
            if (!required.isArray()) {
                throw ApiException.badRequest("jsonSchema.required must be a list of field names");
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode r : required) {
                if (!r.isTextual() || !props.has(r.asText())) {
                    throw ApiException.badRequest("jsonSchema.required names " + r + ", which is not a field of the"
                            + " schema");
                }
                if (!seen.add(r.asText())) {
                    throw ApiException.badRequest("jsonSchema.required names " + r + " twice");
                }
            }
        }
        doc.put("$schema", JSON_SCHEMA_DRAFT);
        if (!doc.has("title")) {
            doc.put("title", name);
        }
        s.set("jsonSchema", doc);
        return s;
    }

    private static void validField(String field, JsonNode definition, JsonNode before) {
        String at = "jsonSchema.properties." + field;
        if (field.length() < MIN_FIELD_NAME || field.length() > MAX_FIELD_NAME || !FIELD_NAME.matcher(field).matches()) {
            throw ApiException.badRequest(at + ": a field name is " + MIN_FIELD_NAME + " to " + MAX_FIELD_NAME
                    + " letters, digits or _, starting with a letter");
        }
        if (!definition.isObject()) {
            throw ApiException.badRequest(at + " must be an object");
        }
        ObjectNode def = (ObjectNode) definition;
        String type = CoreTypes.referenced(def);
        if (type == null) {
            throw ApiException.badRequest(at + " must refer to its core type: \"allOf\": [{\"$ref\":"
                    + " \"#/definitions/<core type>\"}], one of " + CoreTypes.names());
        }
        CoreTypes.CoreType core = CoreTypes.ALL.get(type);
        if (core == null) {
            throw ApiException.badRequest(at + " refers to core type '" + type + "', which does not exist (core types: "
                    + CoreTypes.names() + ")");
        }
        if (!field.endsWith("_" + type)) {
            throw ApiException.badRequest(at + ": the name of a " + type + " field must end in _" + type);
        }
        if (before != null && before.has(field)) {
            String was = CoreTypes.referenced((ObjectNode) before.get(field));
            if (!type.equals(was)) {
                throw ApiException.badRequest(at + " is a " + was + " field in the current version: a field keeps"
                        + " its core type (add a new field instead)");
            }
        }
        String title = def.path("title").asText("");
        if (title.length() < MIN_FIELD_TITLE || title.length() > MAX_FIELD_TITLE) {
            throw ApiException.badRequest(at + ".title must be between " + MIN_FIELD_TITLE + " and " + MAX_FIELD_TITLE
                    + " characters, got " + title.length());
        }
        if (def.path("description").asText("").length() > MAX_FIELD_DESCRIPTION) {
            throw ApiException.badRequest(at + ".description must be at most " + MAX_FIELD_DESCRIPTION + " characters");
        }
        for (String keyword : List.of("minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems")) {
            if (!def.has(keyword)) {
                continue;
            }
            long[] bounds = core.limits().get(keyword);
            if (bounds == null) {
                throw ApiException.badRequest(at + "." + keyword + " is not a validation field of core type " + type
                        + " (it has " + core.limits().keySet() + ")");
            }
            JsonNode v = def.get(keyword);
            boolean wholeNumber = "integer".equals(type) || !keyword.equals("minimum") && !keyword.equals("maximum");
            if (!v.isNumber() || wholeNumber && !v.isIntegralNumber()) {
                throw ApiException.badRequest(at + "." + keyword + " must be a " + (wholeNumber ? "whole " : "")
                        + "number");
            }
            if (v.asDouble() < bounds[0] || v.asDouble() > bounds[1]) {
                throw ApiException.badRequest(at + "." + keyword + " must be between " + bounds[0] + " and "
                        + bounds[1] + " for core type " + type + ", got " + v);
            }
        }
        for (String[] pair : List.of(new String[] {"minLength", "maxLength"}, new String[] {"minimum", "maximum"},
                new String[] {"minItems", "maxItems"})) {
            if (def.has(pair[0]) && def.has(pair[1]) && def.get(pair[0]).asDouble() > def.get(pair[1]).asDouble()) {
                throw ApiException.badRequest(at + "." + pair[0] + " must not be greater than " + pair[1]);
            }
        }
        if ("enum".equals(type)) {
            JsonNode values = def.get("enum");
            if (values == null || !values.isArray() || values.isEmpty() || values.size() > CoreTypes.ENUM_VALUES_MAX) {
                throw ApiException.badRequest(at + ".enum must list 1 to " + CoreTypes.ENUM_VALUES_MAX + " values");
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode v : values) {
                if (!v.isTextual() || !CoreTypes.ENUM_ITEM.matcher(v.asText()).matches() || v.asText().length() > 100) {
                    throw ApiException.badRequest(at + ".enum: " + v + " is not a value (1 to 100 characters, no"
                            + " whitespace)");
                }
                if (!seen.add(v.asText())) {
                    throw ApiException.badRequest(at + ".enum lists " + v + " twice");
                }
            }
        } else if (def.has("enum")) {
            throw ApiException.badRequest(at + ".enum is only for enum fields");
        }
        JsonNode items = def.get("items");
        if (items != null && "tag".equals(type)) {
            for (String keyword : List.of("minLength", "maxLength")) {
                if (items.has(keyword)) {
                    long v = items.get(keyword).asLong();
                    long[] bounds = core.itemLimits().get(keyword);
                    if (!items.get(keyword).isIntegralNumber() || v < bounds[0] || v > bounds[1]) {
                        throw ApiException.badRequest(at + ".items." + keyword + " must be between " + bounds[0]
                                + " and " + bounds[1] + " for core type tag, got " + items.get(keyword));
                    }
                }
            }
        }
    }
}
