package io.camelgenesys.messaging.model;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.camelgenesys.core.json.GenesysModel;

/**
 * The {@code data} of a {@code sendMessage} answer: the ids of the accepted messages, in order (seed 002 L8367-8415).
 * The seed shows them both as strings ({@code ["1613473893265-0"]}, L7341-7343) and as objects
 * ({@code [{"id":"..."}]}, L8378-8384); both are read as the id strings.
 */
public class MessageIds extends GenesysModel {

    @JsonDeserialize(contentUsing = IdDeserializer.class)
    private List<String> ids;

    public List<String> getIds() {
        return ids;
    }

    public void setIds(List<String> ids) {
        this.ids = ids;
    }

    /** {@code "id"} or {@code {"id":"id"}}. */
    public static final class IdDeserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isObject()) {
                JsonNode id = node.get("id");
                return id == null || id.isNull() ? null : id.asText();
            }
            if (node.isValueNode()) {
                return node.asText();
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }
}
