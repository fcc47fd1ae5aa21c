package io.camelgenesys.contacts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.contacts.model.DataSchema;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.ExternalOrganization;
import io.camelgenesys.core.json.GenesysJson;

/**
 * A contact's or organization's {@code customFields}, each read as the Java type of its core type
 * ({@link CustomFieldType}: text, enum, url, identifier as {@code String}, date as {@code LocalDate}, datetime as
 * {@code Instant}, integer as {@code Long}, number as {@code BigDecimal}, checkbox as {@code Boolean}, tag as
 * {@code List<String>}). The type comes from the schema when one is given, else from the field's name, which Genesys
 * ends in {@code _<core type>} ({@code points_integer}). A field of no known type is read as its JSON value.
 * <p>
 * In a route: {@code .convertBodyTo(CustomFieldValues.class)} after {@code genesys-contacts:get} (a type converter of
 * this component), then {@code ${body.get('since_date')}} or, in Java, {@code values.get("points_integer", Long.class)}.
 */
public final class CustomFieldValues {

    private final Map<String, JsonNode> raw;
    private final Map<String, CustomFieldType> types;

    private CustomFieldValues(Map<String, JsonNode> raw, Map<String, CustomFieldType> types) {
        this.raw = raw;
        this.types = types;
    }

    /** The custom fields, typed by their names. */
    public static CustomFieldValues of(Map<String, ?> customFields) {
        return of(customFields, null);
    }

    /** The custom fields, typed by {@code schema} (the version the entity references), else by their names. */
    public static CustomFieldValues of(Map<String, ?> customFields, DataSchema schema) {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        Map<String, CustomFieldType> types = new LinkedHashMap<>();
        CustomFieldSchema typed = schema == null ? null
                : CustomFieldSchema.of(GenesysJson.MAPPER.valueToTree(schema));
        if (customFields != null) {
            customFields.forEach((name, value) -> {
                raw.put(name, GenesysJson.MAPPER.valueToTree(value));
                CustomFieldSchema.Field field = typed == null ? null : typed.fields().get(name);
                CustomFieldType type = field != null && field.type() != null ? field.type()
                        : CustomFieldType.ofFieldName(name);
                if (type != null) {
                    types.put(name, type);
                }
            });
        }
        return new CustomFieldValues(Collections.unmodifiableMap(raw), Collections.unmodifiableMap(types));
    }

    public static CustomFieldValues of(ExternalContact contact) {
        return of(contact.getCustomFields());
    }

    public static CustomFieldValues of(ExternalOrganization organization) {
        return of(organization.getCustomFields());
    }

    /** The field names that have a value. */
    public Set<String> names() {
        return raw.keySet();
    }

    /** The field's core type, or {@code null} when neither the schema nor its name says. */
    public CustomFieldType type(String field) {
        return types.get(field);
    }

    /** The value as its core type's Java type ({@code null} when absent). */
    public Object get(String field) {
        JsonNode value = raw.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        CustomFieldType type = types.get(field);
        if (type == null) {
            return GenesysJson.MAPPER.convertValue(value, Object.class);
        }
        try {
            return type.read(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("customFields." + field + " is not a " + type.coreType() + " value: "
                                               + e.getMessage(), e);
        }
    }

    /**
     * The value as {@code javaType}, which must be its core type's Java type (or a supertype, such as {@code Number}
     * for an integer); an error names the field, its core type and the Java type it has.
     */
    public <T> T get(String field, Class<T> javaType) {
        Object value = get(field);
        if (value == null || javaType.isInstance(value)) {
            return javaType.cast(value);
        }
        CustomFieldType type = types.get(field);
        throw new IllegalArgumentException("customFields." + field + (type == null ? "" : " (" + type.coreType() + ")")
                                           + " is a " + value.getClass().getSimpleName() + ", not a "
                                           + javaType.getSimpleName());
    }

    /** Every field as its core type's Java type, in the entity's order. */
    public Map<String, Object> asMap() {
        Map<String, Object> typed = new LinkedHashMap<>();
        raw.keySet().forEach(name -> typed.put(name, get(name)));
        return typed;
    }

    @Override
    public String toString() {
        return "CustomFieldValues" + types;
    }
}
