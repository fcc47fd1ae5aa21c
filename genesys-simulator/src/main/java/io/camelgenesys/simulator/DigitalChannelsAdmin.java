package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The admin surface of {@link DigitalChannels} under {@code /simulator/messaging}, for users developing routes
 * against a standalone simulator (no authentication, like every {@code /simulator/**} path):
 * <ul>
 * <li>{@code GET|POST /channels}, {@code DELETE /channels/{id}}: the channel registry (secrets are never listed);</li>
 * <li>{@code POST /webhooks/text}, {@code /webhooks/email}, {@code /webhooks/interactions}: deliver an agent message
 * or interaction events to an integrator (URL and secret default to the channel's, or the interactions webhook's)
 * → 202 with the delivery;</li>
 * <li>{@code PUT|DELETE /webhooks/interactions}: configure the interactions webhook ({@code {"url","secret"}});</li>
 * <li>{@code GET /deliveries}, {@code GET /deliveries/{id}}: every delivery with its attempts and the answers;</li>
 * <li>{@code POST /dispatcher} {@code {"responseTimeoutMs","retryDelaysMs":[…]}}: the dispatcher's settings;</li>
 * <li>{@code GET /received}: the messages and receipts integrators sent;</li>
 * <li>{@code GET|POST /openmedia/services}: the open media services ({@code {"name"}}).</li>
 * </ul>
 */
final class DigitalChannelsAdmin {

    static final String PREFIX = AdminEndpoints.PREFIX + "/messaging";

    private DigitalChannelsAdmin() {
    }

    static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** Errors are thrown as {@link ApiException}, which {@link AdminEndpoints} renders. */
    static ApiResponse handle(DigitalChannels dc, String method, String path, JsonNode body) {
        String sub = path.substring(PREFIX.length());
        if (sub.startsWith("/channels/")) {
            requireMethod(method, "DELETE");
            String id = sub.substring("/channels/".length());
            if (!dc.messaging().removeChannel(id)) {
                throw ApiException.notFound("No channel " + id);
            }
            return ApiResponse.noContent();
        }
        if (sub.startsWith("/deliveries/")) {
            requireMethod(method, "GET");
            String id = sub.substring("/deliveries/".length());
            return ApiResponse.ok(dc.webhooks().delivery(id)
                    .orElseThrow(() -> ApiException.notFound("No delivery " + id)).describe());
        }
        return switch (sub) {
            case "/channels" -> "GET".equals(method) ? channels(dc) : addChannel(dc, requireMethod(method, "POST", body));
            case "/webhooks/text" -> text(dc, requireMethod(method, "POST", body));
            case "/webhooks/email" -> email(dc, requireMethod(method, "POST", body));
            case "/webhooks/interactions" -> switch (method) {
                case "POST" -> events(dc, body);
                case "PUT" -> {
                    dc.setInteractionsWebhook(url(body, null), text(body, "secret"));
                    yield ApiResponse.noContent();
                }
                case "DELETE" -> {
                    dc.clearInteractionsWebhook();
                    yield ApiResponse.noContent();
                }
                default -> throw notAllowed();
            };
            case "/deliveries" -> {
                requireMethod(method, "GET");
                ArrayNode list = Json.array();
                dc.webhooks().deliveries().forEach(d -> list.add(d.describe()));
                yield ApiResponse.ok(Json.object().set("deliveries", list));
            }
            case "/dispatcher" -> dispatcher(dc, requireMethod(method, "POST", body));
            case "/received" -> {
                requireMethod(method, "GET");
                yield received(dc);
            }
            case "/openmedia/services" -> {
                if ("POST".equals(method)) {
                    dc.openMedia().addService(required(body, "name"));
                    yield ApiResponse.status(201);
                }
                requireMethod(method, "GET");
                ArrayNode services = Json.array();
                dc.openMedia().services().stream().sorted().forEach(services::add);
                yield ApiResponse.ok(Json.object().set("services", services));
            }
            default -> throw ApiException.notFound("No admin resource at " + path);
        };
    }

    private static ApiResponse channels(DigitalChannels dc) {
        ArrayNode list = Json.array();
        for (Messaging.Channel channel : dc.messaging().channels()) {
            list.add(describe(channel));
        }
        return ApiResponse.ok(Json.object().set("channels", list));
    }

    private static ApiResponse addChannel(DigitalChannels dc, JsonNode body) {
        String id = required(body, "id");
        String contactCenterId = text(body, "contactCenterId");
        Messaging.Channel channel = new Messaging.Channel(id, text(body, "type") == null ? "sms" : text(body, "type"),
                required(body, "secret"),
                contactCenterId == null ? Messaging.DEFAULT_CONTACT_CENTER_ID : contactCenterId,
                text(body, "webhookUrl"));
        return ApiResponse.created(describe(dc.messaging().addChannel(channel)));
    }

    private static ObjectNode describe(Messaging.Channel channel) {
        ObjectNode node = Json.object();
        node.put("id", channel.id());
        node.put("type", channel.type());
        node.put("contactCenterId", channel.contactCenterId());
        node.put("webhookUrl", channel.webhookUrl());
        return node;
    }

    private static ApiResponse text(DigitalChannels dc, JsonNode body) {
        Messaging.Channel channel = channel(dc, body);
        ObjectNode message = WebhookPayloads.textMessage(channel.id(), channel.type(),
                text(body, "from") == null ? channel.id() : text(body, "from"), required(body, "to"),
                required(body, "text"), text(body, "messageId"));
        return accepted(dc.webhooks().deliverMessage(url(body, channel.webhookUrl()), secret(body, channel.secret()),
                message));
    }

    private static ApiResponse email(DigitalChannels dc, JsonNode body) {
        Messaging.Channel channel = channel(dc, body);
        List<WebhookPayloads.Party> to = new ArrayList<>();
        JsonNode recipients = body.get("to");
        if (recipients == null || !recipients.isArray() || recipients.isEmpty()) {
            throw ApiException.badRequest("to must be a non-empty array of {\"id\",\"name\"}");
        }
        recipients.forEach(r -> to.add(party(r, "to[]")));
        JsonNode replyTo = body.get("replyTo");
        ObjectNode message = WebhookPayloads.emailMessage(channel.id(), party(body.get("from"), "from"), to,
                replyTo == null || replyTo.isNull() ? null : party(replyTo, "replyTo"), required(body, "subject"),
                text(body, "text"), text(body, "html"), text(body, "messageId"));
        return accepted(dc.webhooks().deliverMessage(url(body, channel.webhookUrl()), secret(body, channel.secret()),
                message));
    }

    private static ApiResponse events(DigitalChannels dc, JsonNode body) {
        JsonNode list = body.get("events");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiException.badRequest("events must be a non-empty array of {\"event\",\"id\",\"mediaType\","
                    + "\"interactionSubtype\",\"selfUri\"}");
        }
        List<WebhookPayloads.InteractionEvent> events = new ArrayList<>();
        for (JsonNode e : list) {
            events.add(new WebhookPayloads.InteractionEvent(text(e, "event"), text(e, "id"), text(e, "mediaType"),
                    text(e, "interactionSubtype"), text(e, "selfUri")));
        }
        return accepted(dc.webhooks().deliverEvents(url(body, dc.interactionsWebhookUrl()),
                secret(body, dc.interactionsWebhookSecret()),
                WebhookPayloads.interactionEvents(text(body, "operationId"), events)));
    }

    private static ApiResponse dispatcher(DigitalChannels dc, JsonNode body) {
        JsonNode timeout = body.get("responseTimeoutMs");
        if (timeout != null && !timeout.isNull()) {
            dc.webhooks().setResponseTimeout(Duration.ofMillis(timeout.asLong()));
        }
        JsonNode delays = body.get("retryDelaysMs");
        if (delays != null && !delays.isNull()) {
            if (!delays.isArray()) {
                throw ApiException.badRequest("retryDelaysMs must be an array of milliseconds");
            }
            List<Duration> schedule = new ArrayList<>();
            delays.forEach(d -> schedule.add(Duration.ofMillis(d.asLong())));
            dc.webhooks().setRetryDelays(schedule);
        }
        ObjectNode settings = Json.object();
        settings.put("responseTimeoutMs", dc.webhooks().responseTimeout().toMillis());
        ArrayNode schedule = settings.putArray("retryDelaysMs");
        dc.webhooks().retryDelays().forEach(d -> schedule.add(d.toMillis()));
        return ApiResponse.ok(settings);
    }

    private static ApiResponse received(DigitalChannels dc) {
        ObjectNode node = Json.object();
        ArrayNode messages = node.putArray("messages");
        for (Messaging.InboundMessage m : dc.messaging().received()) {
            ObjectNode item = messages.addObject();
            item.put("channelId", m.channelId());
            item.put("id", m.id());
            item.put("receivedAt", Json.timestamp(m.receivedAt()));
            item.set("message", m.message());
        }
        ArrayNode receipts = node.putArray("receipts");
        for (Messaging.Receipt r : dc.messaging().receipts()) {
            ObjectNode item = receipts.addObject();
            item.put("channelId", r.channelId());
            item.put("messageId", r.messageId());
            item.put("status", r.status());
            item.put("receivedAt", Json.timestamp(r.receivedAt()));
            item.set("message", r.message());
        }
        return ApiResponse.ok(node);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static ApiResponse accepted(WebhookDelivery delivery) {
        return ApiResponse.json(202, delivery.describe());
    }

    private static Messaging.Channel channel(DigitalChannels dc, JsonNode body) {
        String id = required(body, "channelId");
        return dc.messaging().channel(id).orElseThrow(() -> ApiException.notFound("No channel " + id));
    }

    private static String url(JsonNode body, String fallback) {
        String url = text(body, "url");
        if (url == null && fallback == null) {
            throw ApiException.badRequest("url is required (no webhook URL is configured)");
        }
        return url == null ? fallback : url;
    }

    /** An explicit {@code "secret":null} sends the webhook unsigned; an absent one uses the configured secret. */
    private static String secret(JsonNode body, String fallback) {
        return body.has("secret") ? text(body, "secret") : fallback;
    }

    private static WebhookPayloads.Party party(JsonNode node, String at) {
        if (node == null || !node.isObject() || text(node, "id") == null) {
            throw ApiException.badRequest(at + " must be an object with an id");
        }
        return new WebhookPayloads.Party(text(node, "id"), text(node, "name"));
    }

    private static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode requireMethod(String method, String allowed, JsonNode body) {
        requireMethod(method, allowed);
        return body;
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw notAllowed();
        }
    }

    private static ApiException notAllowed() {
        return new ApiException(405, "method.not.allowed", "Method not allowed here");
    }
}
