package io.camelgenesys.contacts;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The core types a custom field is built from, as Genesys defines them: a field of a schema refers to its type with
 * {@code "allOf": [{"$ref": "#/definitions/<type>"}]} and its name ends in {@code _<type>} (the SDK's DataSchema
 * example, which "uses all of the core types"). Each type knows the JSON it takes, the limits a schema may set on it
 * ({@code minLength}/{@code maxLength}, {@code minimum}/{@code maximum}, {@code enum}, {@code minItems}/{@code maxItems}
 * and the tags' {@code items.minLength}/{@code maxLength}) and Genesys' documented caps when the schema sets none
 * (help article "Custom field types": text and identifier 100 characters, text area 1,000, URL 200, 10 tags of at most
 * 100 characters), and the Java value a route reads ({@link CustomFieldValues}).
 */
public enum CustomFieldType {

    /** A single-line string, at most 100 characters: {@code String}. */
    TEXT("text", 100),
    /** A multi-line string ("text area"), at most 1,000 characters: {@code String}. */
    LONGTEXT("longtext", 1000),
    /** A link to a web page (absolute http or https), at most 200 characters: {@code String}. */
    URL("url", 200),
    /** A unique, searchable single-line string, at most 100 characters: {@code String}. */
    IDENTIFIER("identifier", 100),
    /** One of the field's {@code enum} values ("drop-down"): {@code String}. */
    ENUM("enum", 0),
    /** A date {@code yyyy-MM-dd}: {@code LocalDate}. */
    DATE("date", 0),
    /** A date and time {@code yyyy-MM-ddTHH:mm:ss[.mmm]Z} (the SDK's ISO-8601 form): {@code Instant}. */
    DATETIME("datetime", 0),
    /** A whole number: {@code Long}. */
    INTEGER("integer", 0),
    /** A number with a decimal: {@code BigDecimal}. */
    NUMBER("number", 0),
    /** true or false: {@code Boolean}. */
    CHECKBOX("checkbox", 0),
    /** Several searchable strings, at most 10 of at most 100 characters each, no repeats: {@code List<String>}. */
    TAG("tag", 100);

    private static final Pattern DATE_FORM = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern DATETIME_FORM = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$");
    private static final int TAGS_MAX = 10;

    private final String coreType;
    /** the documented maximum length (of the text, or of each tag), 0 when the type has none */
    private final int maxLength;

    CustomFieldType(String coreType, int maxLength) {
        this.coreType = coreType;
        this.maxLength = maxLength;
    }

    /** The core type's name in Genesys ({@code text}, {@code enum}, ...). */
    public String coreType() {
        return coreType;
    }

    /** The core type of that name, or {@code null}. */
    public static CustomFieldType ofCoreType(String name) {
        for (CustomFieldType t : values()) {
            if (t.coreType.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The core type a field's name ends in ({@code points_integer}: INTEGER), or {@code null}. */
    public static CustomFieldType ofFieldName(String field) {
        int i = field == null ? -1 : field.lastIndexOf('_');
        return i < 0 ? null : ofCoreType(field.substring(i + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The core type a schema's field definition refers to ({@code allOf[].$ref} = {@code #/definitions/<type>}), or
     * {@code null} when it refers to none; the name of an unknown type is {@link #referencedName}.
     */
    static CustomFieldType ofDefinition(JsonNode definition) {
        String name = referencedName(definition);
        return name == null ? null : ofCoreType(name);
    }

    static String referencedName(JsonNode definition) {
        for (JsonNode part : definition.path("allOf")) {
            String ref = part.path("$ref").asText("");
            if (ref.startsWith("#/definitions/")) {
                return ref.substring("#/definitions/".length());
            }
        }
        return null;
    }

    /**
     * What is wrong with {@code value} for a field of this type defined by {@code definition} (its limits), or
     * {@code null} when it fits. Never quotes more than the value's start.
     */
    String problem(JsonNode definition, JsonNode value) {
        switch (this) {
            case TEXT, LONGTEXT, URL, IDENTIFIER -> {
                if (!value.isTextual()) {
                    return "must be text, was " + describe(value);
                }
                String text = value.asText();
                long min = definition.path("minLength").asLong(0);
                long max = definition.path("maxLength").asLong(maxLength);
                if (text.length() < min || text.length() > max) {
                    return "must be " + min + " to " + max + " characters, was " + text.length();
                }
                if (this == URL && !text.isEmpty() && !isWebUrl(text)) {
                    return "must be an absolute http or https URL, was " + describe(value);
                }
                return null;
            }
            case ENUM -> {
                for (JsonNode allowed : definition.path("enum")) {
                    if (allowed.equals(value)) {
                        return null;
                    }
                }
                return "must be one of " + definition.path("enum") + ", was " + describe(value);
            }
            case DATE -> {
                if (!value.isTextual() || !DATE_FORM.matcher(value.asText()).matches()) {
                    return "must be a date yyyy-MM-dd, was " + describe(value);
                }
                try {
                    LocalDate.parse(value.asText());
                    return null;
                } catch (DateTimeParseException e) {
                    return "must be a calendar date, was " + describe(value);
                }
            }
            case DATETIME -> {
                if (!value.isTextual() || !DATETIME_FORM.matcher(value.asText()).matches()) {
                    return "must be a date and time yyyy-MM-ddTHH:mm:ss[.mmm]Z, was " + describe(value);
                }
                try {
                    Instant.parse(value.asText());
                    return null;
                } catch (DateTimeParseException e) {
                    return "must be a valid date and time, was " + describe(value);
                }
            }
            case INTEGER, NUMBER -> {
                if (!value.isNumber() || this == INTEGER && !value.isIntegralNumber()) {
                    return "must be a " + (this == INTEGER ? "whole number" : "number") + ", was " + describe(value);
                }
                BigDecimal v = value.decimalValue();
                if (definition.has("minimum") && v.compareTo(definition.get("minimum").decimalValue()) < 0
                    || definition.has("maximum") && v.compareTo(definition.get("maximum").decimalValue()) > 0) {
                    return "must be between " + definition.path("minimum").asText("-") + " and "
                           + definition.path("maximum").asText("-") + ", was " + value;
                }
                return null;
            }
            case CHECKBOX -> {
                return value.isBoolean() ? null : "must be true or false, was " + describe(value);
            }
            case TAG -> {
                if (!value.isArray()) {
                    return "must be a list of tags, was " + describe(value);
                }
                long minItems = definition.path("minItems").asLong(0);
                long maxItems = definition.path("maxItems").asLong(TAGS_MAX);
                if (value.size() < minItems || value.size() > maxItems) {
                    return "must have " + minItems + " to " + maxItems + " tags, had " + value.size();
                }
                long min = definition.path("items").path("minLength").asLong(1);
                long max = definition.path("items").path("maxLength").asLong(maxLength);
                Set<String> seen = new HashSet<>();
                for (JsonNode tag : value) {
                    if (!tag.isTextual() || tag.asText().length() < min || tag.asText().length() > max) {
                        return "must have tags of " + min + " to " + max + " characters, had " + describe(tag);
                    }
                    if (!seen.add(tag.asText())) {
                        return "must not repeat a tag, had " + describe(tag) + " twice";
                    }
                }
                return null;
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /** The value as the Java type of this core type (see each constant); {@code null} for JSON null. */
    Object read(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (this) {
            case TEXT, LONGTEXT, URL, IDENTIFIER, ENUM -> value.asText();
            case DATE -> LocalDate.parse(value.asText());
            case DATETIME -> Instant.parse(value.asText());
            case INTEGER -> value.isNumber() ? value.longValue() : Long.parseLong(value.asText().strip());
            case NUMBER -> value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
            case CHECKBOX -> value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText());
            case TAG -> {
                List<String> tags = new ArrayList<>();
                value.forEach(t -> tags.add(t.asText()));
                yield List.copyOf(tags);
            }
        };
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A value as an error message shows it: its JSON type and (for text) its start. */
    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            return "the text \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.toString();
    }
}
