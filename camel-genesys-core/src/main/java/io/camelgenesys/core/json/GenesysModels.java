package io.camelgenesys.core.json;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Maps a {@code Map} (a JDBC row, a CSV record, a form) to a camel-genesys model without hand-written code: the key
 * of each entry is matched to the model's fields ignoring case, {@code _}, {@code -} and spaces, so {@code FIRST_NAME}
 * (as H2 and Oracle return an unquoted column), {@code first_name} (PostgreSQL, MySQL, a CSV header) and
 * {@code firstName} all set {@code firstName}.
 * <ul>
 * <li>A text or number given for a field whose type is a model is made into that model by its text form (the
 * model's {@code valueOf(String)}: a phone number {@code "+15551234567"} becomes {@code PhoneNumber} with
 * {@code e164}); a {@code Map} given for it is mapped the same way, recursively.</li>
 * <li>Blank text and {@code null} are no value (what a CSV or a nullable column leaves): the field stays unset, as in a
 * model built by hand, and is not sent.</li>
 * <li>A key that matches no field is kept under its own name as an additional property of the model
 * ({@link GenesysModel}), and is sent to Genesys like any field the model does not declare: the query, not this
 * mapping, chooses what goes to Genesys. (genesys-contacts' {@code identifierField} is the exception: the identifier
 * is taken out when it is not a field of the model.)</li>
 * <li>Two keys for the same field ({@code firstName} and {@code FIRST_NAME}) are refused, naming both.</li>
 * </ul>
 * The components register it as Camel type converters ({@code convertBodyTo(ExternalContact.class)}, and arrays of
 * models from a {@code List} of rows: {@code convertBodyTo(ExternalContact[].class)}); bulk operations apply it to each
 * {@code Map} item themselves.
 */
public final class GenesysModels {

    /** Per model class: its fields by normalized name. */
    private static final ClassValue<Map<String, BeanPropertyDefinition>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, BeanPropertyDefinition> computeValue(Class<?> type) {
            BeanDescription description = GenesysJson.MAPPER.getDeserializationConfig()
                    .introspect(GenesysJson.MAPPER.constructType(type));
            Map<String, BeanPropertyDefinition> byKey = new HashMap<>();
            for (BeanPropertyDefinition p : description.findProperties()) {
                if (p.hasSetter() || p.hasField()) {
                    byKey.put(normalize(p.getName()), p);
                }
            }
            return Map.copyOf(byKey);
        }
    };

    private GenesysModels() {
    }

    /** A key as it is compared: lower case, without {@code _}, {@code -} and spaces. */
    public static String normalize(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The JSON name of the field of {@code model} that {@code key} names, or {@code null} when it names none. */
    public static String fieldName(Class<?> model, String key) {
        BeanPropertyDefinition p = FIELDS.get(model).get(normalize(key));
        return p == null ? null : p.getName();
    }

    /** Whether {@code model} declares a field that {@code key} names (ignoring case, {@code _} and {@code -}). */
    public static boolean isField(Class<?> model, String key) {
        return fieldName(model, key) != null;
    }

    /**
     * The model of type {@code model} that {@code map} describes (see the class comment).
     *
     * @throws IllegalArgumentException naming the key and the field when a value does not fit its field
     */
    public static <T> T fromMap(Class<T> model, Map<?, ?> map) {
        ObjectNode tree = tree(model, map);
        try {
            return GenesysJson.MAPPER.treeToValue(tree, model);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot map the " + map.size() + " values to " + model.getSimpleName()
                                               + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                                                       ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** The JSON tree {@link #fromMap} reads: the model's field names, nested models mapped, no empty value. */
    public static ObjectNode tree(Class<?> model, Map<?, ?> map) {
        ObjectNode tree = GenesysJson.MAPPER.createObjectNode();
        Map<String, String> keyOfField = new HashMap<>();
        Map<String, BeanPropertyDefinition> fields = FIELDS.get(model);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
                continue;
            }
            BeanPropertyDefinition field = fields.get(normalize(key));
            String name = field != null ? field.getName() : key;
            String earlier = keyOfField.putIfAbsent(name, key);
            if (earlier != null) {
                throw new IllegalArgumentException("The keys " + earlier + " and " + key + " both give the field " + name
                                                   + " of " + model.getSimpleName() + ": keep one");
            }
            tree.set(name, field == null ? GenesysJson.MAPPER.valueToTree(value) : value(model, key, field, value));
        }
        return tree;
    }

    private static JsonNode value(Class<?> model, String key, BeanPropertyDefinition field, Object value) {
        Class<?> type = field.getRawPrimaryType();
        if (GenesysModel.class.isAssignableFrom(type)) {
            if (value instanceof Map<?, ?> nested) {
                return tree(type, nested);
            }
            if (value instanceof CharSequence || value instanceof Number) {
                try {
                    // the model's valueOf(String), which Jackson finds by itself
                    return GenesysJson.MAPPER.valueToTree(GenesysJson.MAPPER.convertValue(value.toString().trim(), type));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": " + model.getSimpleName() + "." + field.getName()
                                                       + " is a " + type.getSimpleName() + ", which cannot be made from"
                                                       + " the text '" + value + "'", e);
                }
            }
        }
        if (value instanceof CharSequence text && type != String.class && type != Object.class) {
            return GenesysJson.MAPPER.getNodeFactory().textNode(text.toString().trim()); // Jackson converts it
        }
        return GenesysJson.MAPPER.valueToTree(value);
    }

    /**
     * For a Camel fallback type converter: {@code value} converted to {@code type} when {@code type} is a model of
     * {@code modelPackage} (or an array of one) and {@code value} a {@code Map} (or a collection, array or iterator of
     * maps and models); {@code null} otherwise, which tells Camel this converter cannot.
     */
    public static Object convert(Class<?> type, Object value, String modelPackage) {
        if (type.isArray()) {
            Class<?> element = type.getComponentType();
            if (!isModel(element, modelPackage) || value instanceof Map) {
                return null;
            }
            Iterator<?> items = value instanceof Collection<?> c ? c.iterator()
                    : value instanceof Object[] a ? Arrays.asList(a).iterator()
                    : value instanceof Iterator<?> it ? it : null;
            if (items == null) {
                return null;
            }
            List<Object> converted = new ArrayList<>();
            while (items.hasNext()) {
                Object item = items.next();
                if (item instanceof Map<?, ?> m) {
                    converted.add(fromMap(element, m));
                } else if (element.isInstance(item) || item == null) {
                    converted.add(item);
                } else {
                    return null;
                }
            }
            Object array = Array.newInstance(element, converted.size());
            for (int i = 0; i < converted.size(); i++) {
                Array.set(array, i, converted.get(i));
            }
            return array;
        }
        if (isModel(type, modelPackage) && value instanceof Map<?, ?> map) {
            return fromMap(type, map);
        }
        return null;
    }

    private static boolean isModel(Class<?> type, String modelPackage) {
        return GenesysModel.class.isAssignableFrom(type) && type.getPackageName().equals(modelPackage);
    }

    /** For messages: the field names of a model, sorted. */
    public static List<String> fieldNames(Class<?> model) {
        return FIELDS.get(model).values().stream().map(BeanPropertyDefinition::getName).sorted(String::compareTo)
                .toList();
    }
}
