package io.camelgenesys.messaging;

import java.io.File;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.core.http.GenesysMultipart;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.operation.OperationExecution;
import io.camelgenesys.core.operation.OperationPreparer;
import io.camelgenesys.core.webhook.HubSignature;
import io.camelgenesys.messaging.model.MessageIds;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.util.MimeTypeHelper;

/**
 * How the genesys-messaging rows build their requests from a message and the options: the signature and
 * {@code x-ccid} every call carries, the {@code MessagesRequest} of sendMessage and sendReceipt, the multipart body of
 * uploadMedia, and the accepted ids as a header.
 */
final class MessagingRequests {

    /** The header Digital Channels wants the contact center id in. */
    static final String CCID_HEADER = "x-ccid";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MessagingRequests() {
    }

    /**
     * Every Third-Party Messaging call: {@code x-ccid} and {@code X-Hub-Signature: sha1=<HMAC-SHA1 of the exact bytes
     * sent>} keyed with the channel secret (of the empty body for GET and DELETE), after {@code body} built the body.
     */
    static OperationPreparer signed(OperationPreparer body) {
        return (call, context) -> {
            if (body != null) {
                body.prepare(call, context);
            }
            MessagingConfiguration configuration = context.configuration(MessagingConfiguration.class);
            String ccid = text(context.parameter("contactCenterId"));
            if (ccid == null) {
                throw new IllegalArgumentException(context.operationName() + " needs the contact center id, sent as"
                                                   + " x-ccid: set the contactCenterId option or the"
                                                   + " CamelGenesysContactCenterId header");
            }
            if (!configuration.hasSecret()) {
                throw new IllegalArgumentException(context.operationName() + " needs the channel secret to sign the"
                                                   + " request (X-Hub-Signature): set the secret option");
            }
            String secret = configuration.getSecret();
            call.header(CCID_HEADER, ccid);
            call.signer(bytes -> Map.of(HubSignature.HEADER, HubSignature.sign(secret, bytes)));
        };
    }

    /**
     * sendMessage: the body as a {@code MessagesRequest}. A {@code String} is the text of one Text message; a
     * {@code Message} (or Map, JSON) one message; a List several; a {@code MessagesRequest} (with {@code messages}) is
     * sent as it is. Missing {@code channel.from}/{@code channel.to} come from the from/to options ({@code to}
     * defaults to the channel id), a missing type is Text, and a single message gets the messageId option.
     */
    static final OperationPreparer SEND_MESSAGE = (call, context) -> {
        Object body = call.body();
        if (body == null) {
            throw new IllegalArgumentException("sendMessage needs a message body: the text (a String), a Message, a List"
                                               + " of Messages or a MessagesRequest");
        }
        ObjectNode request = messagesRequest(body);
        ArrayNode messages = (ArrayNode) request.get("messages");
        String channelId = text(context.parameter("channelId"));
        String from = text(context.parameter("from"));
        String to = text(context.parameter("to"));
        String messageId = messages.size() == 1 ? text(context.parameter("messageId")) : null;
        for (JsonNode m : messages) {
            if (m instanceof ObjectNode message) {
                if (!message.hasNonNull("type") && message.hasNonNull("text")) {
                    message.put("type", "Text");
                }
                ObjectNode channel = channel(message);
                defaultParty(channel, "from", from);
                defaultParty(channel, "to", to != null ? to : channelId);
                if (!channel.hasNonNull("messageId") && messageId != null) {
                    channel.put("messageId", messageId);
                }
            }
        }
        call.body(request);
    };

    /**
     * sendReceipt: a {@code Receipt} for a webhook message. From the options (messageId, receiptStatus, from, to,
     * reasonCode, reasonMessage), or from the body: a Receipt message (or a MessagesRequest of them) is sent as it is;
     * the webhook message itself gives the messageId, from and to the options do not.
     */
    static final OperationPreparer SEND_RECEIPT = (call, context) -> {
        Object body = call.body();
        JsonNode tree = body == null || body instanceof String s && s.isBlank() ? null : GenesysJson.toTree(body);
        if (tree != null && (tree.has("messages") || "Receipt".equals(tree.path("type").asText()))) {
            call.body(messagesRequest(tree));
            return;
        }
        JsonNode about = tree != null ? tree.path("channel") : NODES.missingNode();
        String messageId = first(text(context.parameter("messageId")), textAt(about, "messageId"));
        String from = first(text(context.parameter("from")), textAt(about.path("from"), "id"),
                text(context.parameter("channelId")));
        JsonNode toNode = about.path("to");
        String to = first(text(context.parameter("to")),
                textAt(toNode.isArray() ? toNode.path(0) : toNode, "id"));
        Object status = context.parameter("receiptStatus");
        if (messageId == null || status == null || to == null) {
            throw new IllegalArgumentException("sendReceipt needs " + String.join(", ", missing(messageId, status, to))
                                               + ": set the options or headers (CamelGenesysMessageId, CamelGenesysReceiptStatus,"
                                               + " CamelGenesysTo), or send the webhook message as the body");
        }
        ObjectNode receipt = NODES.objectNode();
        ObjectNode channel = receipt.putObject("channel");
        channel.putObject("from").put("id", from);
        channel.putObject("to").put("id", to);
        channel.put("messageId", messageId);
        receipt.put("type", "Receipt");
        receipt.put("status", status.toString());
        Object code = context.parameter("reasonCode");
        String reasonMessage = text(context.parameter("reasonMessage"));
        if (code != null || reasonMessage != null) {
            ObjectNode reason = receipt.putArray("reasons").addObject();
            if (code != null) {
                try {
                    reason.put("code", Integer.parseInt(code.toString().strip()));
                } catch (NumberFormatException e) {
                    // sent as given: the rules name it
                    reason.put("code", code.toString());
                }
            }
            if (reasonMessage != null) {
                reason.put("message", reasonMessage);
            }
        }
        ObjectNode request = NODES.objectNode();
        request.putArray("messages").add(receipt);
        call.body(request);
    };

    /**
     * uploadMedia: the body's bytes (byte[], InputStream, File, a file consumer's file, String) as the {@code file} part
     * of a multipart/form-data body, built whole so that it can be signed.
     */
    static final OperationPreparer UPLOAD_MEDIA = (call, context) -> {
        Exchange exchange = context.exchange();
        if (call.body() == null) {
            throw new IllegalArgumentException("uploadMedia needs the file as the message body (byte[], InputStream,"
                                               + " File)");
        }
        byte[] content;
        try {
            content = exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, call.body());
        } catch (NoTypeConversionAvailableException e) {
            throw new IllegalArgumentException("uploadMedia needs the file as the message body (byte[], InputStream,"
                                               + " File), not a " + call.body().getClass().getName());
        }
        String fileName = first(text(context.parameter("fileName")),
                text(context.header(Exchange.FILE_NAME_ONLY, String.class)),
                call.body() instanceof File file ? file.getName() : null,
                lastSegment(text(context.header(Exchange.FILE_NAME, String.class))), "file");
        String mediaType = first(text(context.parameter("mediaType")), MimeTypeHelper.probeMimeType(fileName),
                "application/octet-stream");
        GenesysMultipart.Body multipart = GenesysMultipart.file("file", fileName, mediaType, content);
        call.rawBody(multipart.bytes(), multipart.contentType());
    };

    /** sendMessage's result: the first accepted id also as the CamelGenesysAcceptedMessageId header. */
    static final OperationExecution ACCEPTED_IDS = context -> OperationExecution.SINGLE.execute(context)
            .thenApply(result -> {
                String first = firstId(result.body());
                if (first != null) {
                    result.headers().put(MessagingConstants.ACCEPTED_MESSAGE_ID, first);
                }
                return result;
            });

    private static String firstId(Object body) {
        if (body instanceof MessageIds ids && ids.getIds() != null && !ids.getIds().isEmpty()) {
            return ids.getIds().get(0);
        }
        JsonNode tree = body instanceof JsonNode node ? node
                : body instanceof Map<?, ?> || body instanceof String ? safeTree(body) : null;
        if (tree == null) {
            return null;
        }
        JsonNode first = tree.path("ids").path(0);
        if (first.isObject()) {
            first = first.path("id");
        }
        return first.isValueNode() ? first.asText() : null;
    }

    private static JsonNode safeTree(Object body) {
        try {
            return GenesysJson.toTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The body as {@code {"messages":[...]}} (a copy: the route's body is not changed). */
    private static ObjectNode messagesRequest(Object body) {
        JsonNode tree;
        if (body instanceof String text && !looksLikeMessages(text)) {
            ObjectNode message = NODES.objectNode();
            message.putObject("channel");
            message.put("type", "Text");
            message.put("text", text);
            tree = message;
        } else {
            tree = body instanceof JsonNode node ? node.deepCopy() : GenesysJson.toTree(body);
            if (tree instanceof ObjectNode && tree == body) {
                tree = tree.deepCopy();
            }
        }
        if (tree != null && tree.isObject() && tree.has("messages")) {
            return (ObjectNode) tree;
        }
        ObjectNode request = NODES.objectNode();
        ArrayNode messages = request.putArray("messages");
        if (tree != null && tree.isArray()) {
            tree.forEach(messages::add);
        } else if (tree != null) {
            messages.add(tree);
        }
        return request;
    }

    /** A String body is JSON only when it is a message, a list of them or a MessagesRequest; otherwise it is text. */
    private static boolean looksLikeMessages(String text) {
        String t = text.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return false;
        }
        try {
            JsonNode tree = GenesysJson.parse(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            JsonNode first = tree.isArray() ? tree.path(0) : tree;
            return first.isObject() && (first.has("messages") || first.has("channel") || first.has("type"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static ObjectNode channel(ObjectNode message) {
        JsonNode channel = message.get("channel");
        if (channel instanceof ObjectNode object) {
            return object;
        }
        return message.putObject("channel");
    }

    private static void defaultParty(ObjectNode channel, String field, String id) {
        JsonNode party = channel.get(field);
        if (id != null && (party == null || party.isNull())) {
            channel.putObject(field).put("id", id);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String textAt(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String lastSegment(String path) {
        if (path == null) {
            return null;
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    private static List<String> missing(String messageId, Object status, String to) {
        List<String> names = new java.util.ArrayList<>();
        if (messageId == null) {
            names.add("messageId (the webhook message's channel.messageId)");
        }
        if (status == null) {
            names.add("receiptStatus (Delivered, Removed or Failed)");
        }
        if (to == null) {
            names.add("to (the consumer the message went to)");
        }
        return names;
    }
}
