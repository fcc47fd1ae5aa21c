package io.camelgenesys.core.operation;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.camelgenesys.core.json.GenesysJson;

/**
 * The JSON type of every field of a body, checked against the model class it stands for: the properties Jackson sees
 * on the model (the same introspection that writes and reads it), recursively through nested models, lists and maps.
 * A field the model does not declare is not checked (a {@code GenesysModel} keeps it as it is), and JSON {@code null}
 * is always allowed (it clears a field). Used by {@link BodyRules#typed}.
 */
final class JsonTypes {

    /** The JSON properties of each model class, introspected once. */
    private static final Map<Class<?>, Map<String, Property>> PROPERTIES = new ConcurrentHashMap<>();

    /**
     * A property's type, and the path prefix of what is inside it when it is a field of the body itself
     * ({@code workPhone.}): made once, not per body.
     */
    private record Property(JavaType type, String inside) {
    }

    private JsonTypes() {
    }

    /**
     * Adds a message per field whose JSON type is not the model's, and the path of each such field to {@code wrong}
     * (so that the body's other rules do not report the same field again).
     */
    static void check(JavaType model, JsonNode object, String path, List<String> violations, List<String> wrong) {
        Map<String, Property> properties = properties(model.getRawClass());
        boolean top = path.isEmpty();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            Property p = properties.get(e.getKey());
            if (p != null) {
                value(p.type(), e.getValue(), path, e.getKey(), -1, top ? p.inside() : null, violations, wrong);
            }
        }
    }

    /**
     * Checks one value, at {@code path} + {@code key}, or at {@code path} + {@code [index]} when {@code key} is
     * {@code null}: the field's path is only built for a message or a nested value, not for every valid field, and
     * {@code inside} (when not {@code null}) is the path prefix of a nested value, made once per property.
     */
    private static void value(JavaType type, JsonNode v, String path, String key, int index, String inside,
                              List<String> violations, List<String> wrong) {
        if (v == null || v.isNull()) {
            return;
        }
        Class<?> raw = type.getRawClass();
        String problem = null;
        if (isFreeForm(raw)) {
            return;
        } else if (isText(raw)) {
            problem = v.isTextual() ? null : "must be text";
        } else if (raw == Boolean.class || raw == boolean.class) {
            problem = v.isBoolean() ? null : "must be true or false";
        } else if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
            problem = v.isIntegralNumber() && v.canConvertToInt() ? null : "must be a whole number (32-bit)";
        } else if (raw == Long.class || raw == long.class || raw == java.math.BigInteger.class) {
            problem = v.isIntegralNumber() && (v.canConvertToLong() || raw == java.math.BigInteger.class) ? null
                    : "must be a whole number";
        } else if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
            problem = v.isNumber() ? null : "must be a number";
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!v.isArray()) {
                problem = "must be a list";
            } else {
                JavaType item = type.getContentType();
                if (item != null && !v.isEmpty()) {
                    String at = at(path, key, index);
                    for (int i = 0; i < v.size(); i++) {
                        value(item, v.get(i), at, null, i, null, violations, wrong);
                    }
                }
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!v.isObject()) {
                problem = "must be a JSON object";
            } else {
                JavaType values = type.getContentType();
                if (values != null && !isFreeForm(values.getRawClass()) && !v.isEmpty()) {
                    String in = inside != null ? inside : at(path, key, index) + ".";
                    for (Map.Entry<String, JsonNode> e : v.properties()) {
                        value(values, e.getValue(), in, e.getKey(), -1, null, violations, wrong);
                    }
                }
            }
        } else if (!v.isObject()) {
            problem = "must be a JSON object (" + raw.getSimpleName() + ")";
        } else {
            check(type, v, inside != null ? inside : at(path, key, index) + ".", violations, wrong);
        }
        if (problem != null) {
            String at = at(path, key, index);
            violations.add(at + " " + problem + ", was " + kind(v));
            wrong.add(at);
        }
    }

    private static String at(String path, String key, int index) {
        return key == null ? path + "[" + index + "]" : path.isEmpty() ? key : path + key;
    }

    private static boolean isFreeForm(Class<?> raw) {
        return raw == Object.class || JsonNode.class.isAssignableFrom(raw);
    }

    private static boolean isText(Class<?> raw) {
        return raw == String.class || CharSequence.class.isAssignableFrom(raw) || raw.isEnum()
               || Temporal.class.isAssignableFrom(raw) || Date.class.isAssignableFrom(raw) || raw == java.util.UUID.class
               || raw == java.net.URI.class || raw == char.class || raw == Character.class;
    }

    /** What a value is, for messages: text (never quoted: it may be personal data), the number, true/false, list, object. */
    static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "text";
            case NUMBER -> v.asText();
            case BOOLEAN -> v.asText();
            case ARRAY -> "a list";
            case OBJECT, POJO -> "an object";
            default -> v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Map<String, Property> properties(Class<?> model) {
        return PROPERTIES.computeIfAbsent(model, c -> {
            BeanDescription d = GenesysJson.MAPPER.getDeserializationConfig()
                    .introspect(GenesysJson.MAPPER.constructType(c));
            Map<String, Property> map = new LinkedHashMap<>();
            for (BeanPropertyDefinition p : d.findProperties()) {
                if (p.hasSetter() || p.hasField() || p.hasConstructorParameter()) {
                    map.put(p.getName(), new Property(p.getPrimaryType(), p.getName() + "."));
                }
            }
            return Map.copyOf(map);
        });
    }
}
