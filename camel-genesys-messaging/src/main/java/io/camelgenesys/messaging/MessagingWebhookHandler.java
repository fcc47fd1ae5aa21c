package io.camelgenesys.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.webhook.GenesysWebhookHandler;
import io.camelgenesys.messaging.model.Message;
import org.apache.camel.Exchange;

/**
 * The Third-Party Messaging webhook's payload (seed 002 L7349-7485, L8556-8623): one message, SMS/text shape ({@code to}
 * an object) or email shape ({@code to} a list). The route gets it as a {@link Message} (or as outputType says), with
 * its ids as headers; Genesys is answered {@code {"messageId": <channel.messageId>}}, the id its receipts refer to.
 * Redeliveries are recognized by channel id and {@code channel.messageId}.
 */
final class MessagingWebhookHandler implements GenesysWebhookHandler {

    private final GenesysOutputType outputType;

    MessagingWebhookHandler(GenesysOutputType outputType) {
        this.outputType = outputType;
    }

    @Override
    public Payload parse(byte[] body, Exchange request) throws Exception {
        // the model is read even when another form is delivered: it checks the shape once (straight from the bytes
        // when the route takes the model, the default; through a tree only when it takes the tree or a map)
        JsonNode tree = outputType == GenesysOutputType.model ? null : GenesysJson.parse(body);
        if (tree != null && (!tree.isObject() || !tree.path("channel").isObject())) {
            throw new InvalidPayload("not a Third-Party Messaging message: no channel object");
        }
        Message message = tree != null ? GenesysJson.MAPPER.treeToValue(tree, Message.class)
                : GenesysJson.MAPPER.readValue(body, Message.class);
        if (message == null || message.getChannel() == null) {
            throw new InvalidPayload("not a Third-Party Messaging message: no channel object");
        }
        String messageId = message.getChannel().getMessageId();
        String answeredId = messageId != null && !messageId.isBlank() ? messageId : UUID.randomUUID().toString();
        String channelId = message.getChannel().getId();
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(MessagingConstants.WEBHOOK_MESSAGE_ID, answeredId);
        putIfNotNull(headers, MessagingConstants.WEBHOOK_CHANNEL_ID, channelId);
        putIfNotNull(headers, MessagingConstants.WEBHOOK_CHANNEL_TYPE, message.getChannel().getType());
        putIfNotNull(headers, MessagingConstants.WEBHOOK_MESSAGE_TYPE, message.getType());
        if (message.getChannel().getFrom() != null) {
            putIfNotNull(headers, MessagingConstants.WEBHOOK_FROM, message.getChannel().getFrom().getId());
        }
        if (message.getChannel().getFirstTo() != null) {
            putIfNotNull(headers, MessagingConstants.WEBHOOK_TO, message.getChannel().getFirstTo().getId());
        }
        Object routeBody = outputType == GenesysOutputType.model ? message
                : GenesysJson.convert(tree, outputType, Message.class);
        String key = messageId == null || messageId.isBlank() ? null : channelId + ":" + messageId;
        String answer = "{\"messageId\":" + GenesysJson.MAPPER.writeValueAsString(answeredId) + "}";
        return new Payload(List.of(new Event(key, routeBody, headers)), answer);
    }

    private static void putIfNotNull(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
