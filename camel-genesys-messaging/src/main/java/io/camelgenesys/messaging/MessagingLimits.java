package io.camelgenesys.messaging;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.operation.BodyRules;

/**
 * The documented rules of Third-Party Messaging request bodies (seed 002), checked before anything is sent so that a
 * route gets every violation at once: a non-empty {@code messages} list; each message with a channel whose
 * {@code from} and {@code to} have an id, a known {@code type}; a Text message's {@code text}; a receipt's
 * {@code channel.messageId} and {@code status}; {@code reasons} only on a {@code Failed} receipt, with the documented
 * codes (L7541-7559).
 */
public final class MessagingLimits {

    /** The message types of seed 002 (L7309-7331, L7386-7408, L7570). */
    public static final List<String> TYPES = List.of("Text", "Email", "RichMedia", "Receipt");

    /** The failure reason codes of seed 002 L7551-7559. */
    public static final Set<Integer> REASON_CODES = Set.of(305, 310, 350, 500, 510, 512, 520, 530);

    static final BodyRules PARTY = BodyRules.of(BodyRules.text("id", 1, 1024, true));

    static final BodyRules CHANNEL = BodyRules.of(BodyRules.object("from", true, PARTY), MessagingLimits::recipients);

    static final BodyRules MESSAGE = BodyRules.of(BodyRules.object("channel", true, CHANNEL),
            BodyRules.oneOf("type", true, TYPES.toArray(String[]::new)), MessagingLimits::byType);

    /** A {@code MessagesRequest}: what sendMessage and sendReceipt send. */
    public static final BodyRules MESSAGES = BodyRules.of((body, path, violations) -> {
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            violations.add(path + "messages must be a non-empty list");
        }
    }, BodyRules.each("messages", MESSAGE));

    private MessagingLimits() {
    }

    /** {@code to}: an object with an id (SMS shape) or a non-empty list of them (email shape). */
    private static void recipients(JsonNode channel, String path, List<String> violations) {
        JsonNode to = channel.get("to");
        if (to == null || to.isNull()) {
            violations.add(path + "to is required");
        } else if (to.isArray()) {
            if (to.isEmpty()) {
                violations.add(path + "to must not be an empty list");
            }
            for (int i = 0; i < to.size(); i++) {
                String at = path + "to[" + i + "].";
                PARTY.violations(to.get(i)).forEach(v -> violations.add(at + v));
            }
        } else {
            PARTY.violations(to).forEach(v -> violations.add(path + "to." + v));
        }
    }

    private static void byType(JsonNode message, String path, List<String> violations) {
        String type = message.path("type").asText("");
        String status = message.path("status").asText(null);
        JsonNode reasons = message.get("reasons");
        switch (type) {
            case "Text" -> {
                if (message.path("text").asText("").isBlank()) {
                    violations.add(path + "text is required for a Text message");
                }
            }
            case "Email" -> {
                if (!message.hasNonNull("subject") && !message.hasNonNull("content")) {
                    violations.add(path + "an Email message needs a subject or content");
                }
            }
            case "Receipt" -> {
                if (message.path("channel").path("messageId").asText("").isBlank()) {
                    violations.add(path + "channel.messageId is required for a Receipt: the messageId of the webhook"
                                   + " message it reports on");
                }
                if (status == null || !List.of("Delivered", "Removed", "Failed").contains(status)) {
                    violations.add(path + "status must be Delivered, Removed or Failed for a Receipt, was "
                                   + (status == null ? "none" : "'" + status + "'"));
                }
            }
            default -> {
                // RichMedia: named by the seed, never shown; sent as given
            }
        }
        if (reasons != null && !reasons.isNull()) {
            if (!"Failed".equals(status)) {
                violations.add(path + "reasons apply only to a Failed receipt, the status is "
                               + (status == null ? "none" : status));
            } else if (!reasons.isArray()) {
                violations.add(path + "reasons must be a list");
            } else {
                for (int i = 0; i < reasons.size(); i++) {
                    JsonNode code = reasons.get(i).get("code");
                    if (code == null || !code.canConvertToInt() || !REASON_CODES.contains(code.asInt())) {
                        violations.add(path + "reasons[" + i + "].code must be one of 305, 310, 350, 500, 510, 512,"
                                       + " 520, 530, was " + (code == null ? "none" : code.toString()));
                    }
                }
            }
        }
    }
}
