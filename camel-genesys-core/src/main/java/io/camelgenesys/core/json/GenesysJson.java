package io.camelgenesys.core.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.camelgenesys.core.GenesysOutputType;

/**
 * The one Jackson configuration of camel-genesys: unknown fields are ignored by the mapper (models keep them
 * through {@link GenesysModel}), nulls are not sent, dates are ISO-8601 text.
 */
public final class GenesysJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    /** One reader per model class: its deserializer is found once, not looked up for every response. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private GenesysJson() {
    }

    /** Binds JSON bytes to a model class, as {@code MAPPER.readValue(bytes, type)} does, with a reader kept per class. */
    public static <T> T read(byte[] bytes, Class<T> type) throws IOException {
        return READERS.get(type).readValue(bytes);
    }

    /**
     * The JSON bytes of a request body given as a POJO, {@code Map}, {@code JsonNode}, JSON {@code String},
     * {@code byte[]} or {@code InputStream}. Text and bytes are sent as they are (they are expected to be JSON).
     */
    public static byte[] toBytes(Object body) {
        try {
            if (body instanceof byte[] bytes) {
                return bytes;
            }
            if (body instanceof String text) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            if (body instanceof InputStream in) {
                try (in) {
                    return in.readAllBytes();
                }
            }
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("The message body of type " + body.getClass().getName()
                                           + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Parses JSON bytes; throws {@link JsonProcessingException} (an IOException) when they are not JSON. */
    public static JsonNode parse(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    /** A body turned into a tree, whatever form it came in ({@code null} stays {@code null}). */
    public static JsonNode toTree(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof JsonNode node) {
            return node;
        }
        try {
            if (body instanceof byte[] || body instanceof String || body instanceof InputStream) {
                return MAPPER.readTree(toBytes(body));
            }
            JsonNode plain = body instanceof Map<?, ?> ? plainTree(body) : null;
            return plain != null ? plain : MAPPER.valueToTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("The message body is not valid JSON: " + (e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /**
     * The tree {@code MAPPER.valueToTree} makes of a plain value, built directly: no serializer, token buffer or parser
     * per body (a typed body check turns every {@code Map} body into a tree). Plain: maps with text keys, lists, text,
     * true/false, {@code Integer}, {@code Long}, {@code Double} and {@code null}; as the mapper does, a {@code null}
     * map value is left out (non-null inclusion) and a {@code null} list item kept. Returns {@code null} at the first
     * value that is not plain (a model, a date, a {@code BigDecimal}): that body goes through Jackson's serializers,
     * with their messages when they fail.
     */
    private static JsonNode plainTree(Object value) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        if (value == null) {
            return nodes.nullNode();
        } else if (value instanceof String text) {
            return nodes.textNode(text);
        } else if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        } else if (value instanceof Integer i) {
            return nodes.numberNode(i.intValue());
        } else if (value instanceof Long l) {
            return nodes.numberNode(l.longValue());
        } else if (value instanceof Double d) {
            return nodes.numberNode(d.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            // sized for its entries, as the map is: no rehash while it fills
            ObjectNode object = new ObjectNode(nodes, new LinkedHashMap<>((int) (map.size() / 0.75f) + 1));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return null;
                }
                if (e.getValue() != null) {
                    JsonNode v = plainTree(e.getValue());
                    if (v == null) {
                        return null;
                    }
                    object.set(key, v);
                }
            }
            return object;
        } else if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode(list.size());
            for (Object item : list) {
                JsonNode v = plainTree(item);
                if (v == null) {
                    return null;
                }
                array.add(v);
            }
            return array;
        }
        return null;
    }

    /**
     * Converts a JSON tree to the requested output form.
     *
     * @param modelType the operation's model class, used for {@link GenesysOutputType#model} (an array node becomes a
     *                  {@code List} of it); {@code JsonNode} or {@code null} leaves the tree as it is
     */
    public static Object convert(JsonNode node, GenesysOutputType outputType, Class<?> modelType) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        try {
            return switch (outputType) {
                case json -> node;
                case string -> MAPPER.writeValueAsString(node);
                case map -> node.isArray() ? MAPPER.convertValue(node, LIST)
                        : node.isObject() ? MAPPER.convertValue(node, MAP) : MAPPER.treeToValue(node, Object.class);
                case model -> modelType == null || JsonNode.class.isAssignableFrom(modelType)
                        ? node
                        // an operation whose result is an array of its model (e.g. /data/statistics): a List of it
                        : node.isArray() && !modelType.isArray() && !Iterable.class.isAssignableFrom(modelType)
                                ? MAPPER.convertValue(node,
                                        MAPPER.getTypeFactory().constructCollectionType(List.class, modelType))
                        : MAPPER.treeToValue(node, modelType);
            };
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("The Genesys response does not fit "
                                            + (modelType != null ? modelType.getSimpleName() : "the expected shape") + ": "
                                            + e.getMessage(), e);
        }
    }

    /** The first characters of a body, for error messages: never the whole of a large body. */
    public static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        int max = 300;
        String text = new String(body, 0, Math.min(body.length, max * 4), StandardCharsets.UTF_8);
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > max ? oneLine.substring(0, max) + "..." : oneLine;
    }
}
