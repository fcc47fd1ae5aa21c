package io.camelgenesys.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Genesys Multicloud CX Digital Channels ({@code /nexus/v3}, seed 002): the four APIs integrators call
 * ({@link Messaging Third-Party Messaging}, {@link SecureEmail Secure Email}, {@link OpenMedia Open Media}) and the
 * webhooks Digital Channels calls ({@link WebhookDispatcher}).
 * <pre>{@code
 * DigitalChannels dc = sim.digitalChannels();
 * dc.messaging().addChannel("15551234567", "sms", "channel-secret");
 * dc.messaging().setWebhookUrl("15551234567", "http://127.0.0.1:8081/genesys/sms");
 * WebhookDelivery reply = dc.sendAgentText("15551234567", "16504661149", "Hello from the agent");
 * dc.setInteractionsWebhook("http://127.0.0.1:8081/genesys/interactions", "webhook-secret");
 * }</pre>
 * With an interactions webhook configured, Digital Channels' own events are delivered as they happen: {@code STARTED}
 * for a secure email received and for the first message of a consumer on a non-email messaging channel (a chat
 * session starts), {@code FINISHED} when a {@code read=true} read stops a secure email's routing and on
 * {@link #finishChat}. See {@code MESSAGING.md} of this module for the reference of every operation.
 */
public final class DigitalChannels {

    /** The base path of the Digital Channels APIs. */
    public static final String BASE_PATH = "/nexus/v3";

    private final Supplier<String> baseUrl;
    private final Messaging messaging = new Messaging();
    private final SecureEmail secureEmail = new SecureEmail(this::secureEmailStarted, this::secureEmailStopped);
    private final OpenMedia openMedia = new OpenMedia();
    private final WebhookDispatcher webhooks = new WebhookDispatcher();
    private final Object lock = new Object();
    /** channelId + " " + consumer id → the open chat session's {@code selfUri}. */
    private final Map<String, String> chatSessions = new HashMap<>();
    private String interactionsUrl;
    private String interactionsSecret;

    DigitalChannels(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    void register(Routes routes) {
        MessagingApi.register(routes, messaging, this::messageReceived);
        SecureEmailApi.register(routes, secureEmail);
        OpenMediaApi.register(routes, openMedia);
    }

    public Messaging messaging() {
        return messaging;
    }

    public SecureEmail secureEmail() {
        return secureEmail;
    }

    public OpenMedia openMedia() {
        return openMedia;
    }

    public WebhookDispatcher webhooks() {
        return webhooks;
    }

    // ---- the agent's side of messaging ---------------------------------------------------------------------------

    /**
     * Delivers an agent's text to a consumer through the channel's webhook (SMS/text shape, from the channel id).
     *
     * @throws IllegalArgumentException when the channel is unknown or has no webhook URL
     */
    public WebhookDelivery sendAgentText(String channelId, String to, String text) {
        Messaging.Channel channel = channelWithWebhook(channelId);
        return webhooks.deliverMessage(channel.webhookUrl(), channel.secret(),
                WebhookPayloads.textMessage(channel.id(), channel.type(), channel.id(), to, text, null));
    }

    /**
     * Delivers an agent's email through the channel's webhook (email shape: {@code to} an array).
     *
     * @throws IllegalArgumentException when the channel is unknown or has no webhook URL
     */
    public WebhookDelivery sendAgentEmail(String channelId, WebhookPayloads.Party from, List<WebhookPayloads.Party> to,
            WebhookPayloads.Party replyTo, String subject, String text, String html) {
        Messaging.Channel channel = channelWithWebhook(channelId);
        return webhooks.deliverMessage(channel.webhookUrl(), channel.secret(),
                WebhookPayloads.emailMessage(channel.id(), from, to, replyTo, subject, text, html, null));
    }

    private Messaging.Channel channelWithWebhook(String channelId) {
        Messaging.Channel channel = messaging.channel(channelId)
                .orElseThrow(() -> new IllegalArgumentException("No channel " + channelId + " is registered"));
        if (channel.webhookUrl() == null) {
            throw new IllegalArgumentException("Channel " + channelId + " has no webhook URL; set one with"
                    + " messaging().setWebhookUrl(...)");
        }
        return channel;
    }

    // ---- the interactions webhook --------------------------------------------------------------------------------

    /** Configures the interactions webhook; Digital Channels' events are delivered to it from now on. */
    public void setInteractionsWebhook(String url, String secret) {
        synchronized (lock) {
            this.interactionsUrl = url;
            this.interactionsSecret = secret;
        }
    }

    public void clearInteractionsWebhook() {
        setInteractionsWebhook(null, null);
    }

    /** @return the configured interactions webhook URL, or {@code null} */
    public String interactionsWebhookUrl() {
        synchronized (lock) {
            return interactionsUrl;
        }
    }

    /** @return the configured interactions webhook secret, or {@code null} (for the admin surface's defaults) */
    String interactionsWebhookSecret() {
        synchronized (lock) {
            return interactionsSecret;
        }
    }

    /**
     * Finishes the open chat session of a consumer on a channel, as Agent Desktop would.
     *
     * @return the {@code FINISHED} delivery, or {@code null} when no session is open or no interactions webhook is set
     */
    public WebhookDelivery finishChat(String channelId, String consumerId) {
        String selfUri;
        synchronized (lock) {
            selfUri = chatSessions.remove(channelId + " " + consumerId);
        }
        if (selfUri == null) {
            return null;
        }
        String interactionId = selfUri.substring(selfUri.lastIndexOf('/') + 1);
        String subtype = chatSubtype(messaging.channel(channelId).map(Messaging.Channel::type).orElse(""));
        return emit(new WebhookPayloads.InteractionEvent(WebhookPayloads.FINISHED, interactionId, "chat", subtype,
                selfUri));
    }

    private void messageReceived(Messaging.InboundMessage message) {
        Messaging.Channel channel = messaging.channel(message.channelId()).orElse(null);
        if (channel == null || channel.isEmail() || message.type().equals("Receipt")) {
            return;
        }
        String consumer = message.message().path("channel").path("from").path("id").asText();
        String sessionId = UUID.randomUUID().toString();
        String interactionId = UUID.randomUUID().toString();
        String selfUri = baseUrl.get() + BASE_PATH + "/chat/sessions/" + sessionId + "/" + interactionId;
        synchronized (lock) {
            if (chatSessions.putIfAbsent(channel.id() + " " + consumer, selfUri) != null) {
                return;
            }
        }
        emit(new WebhookPayloads.InteractionEvent(WebhookPayloads.STARTED, interactionId, "chat",
                chatSubtype(channel.type()), selfUri));
    }

    private void secureEmailStarted(String secureMailId) {
        emit(new WebhookPayloads.InteractionEvent(WebhookPayloads.STARTED, secureMailId, "email", "InboundNew",
                baseUrl.get() + SecureEmailApi.BASE + "/" + secureMailId));
    }

    private void secureEmailStopped(String secureMailId) {
        emit(new WebhookPayloads.InteractionEvent(WebhookPayloads.FINISHED, secureMailId, "email", "InboundNew",
                baseUrl.get() + SecureEmailApi.BASE + "/" + secureMailId));
    }

    private static String chatSubtype(String channelType) {
        return switch (channelType) {
            case "sms" -> "SMS";
            case "whatsapp" -> "WhatsApp";
            default -> "InboundNew";
        };
    }

    private WebhookDelivery emit(WebhookPayloads.InteractionEvent event) {
        String url;
        String secret;
        synchronized (lock) {
            url = interactionsUrl;
            secret = interactionsSecret;
        }
        if (url == null) {
            return null;
        }
        return webhooks.deliverEvents(url, secret, WebhookPayloads.interactionEvents(null, List.of(event)));
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /** Clears messages, media, secure emails, interactions, chat sessions and deliveries; keeps the configuration. */
    void reset() {
        webhooks.reset();
        messaging.reset();
        secureEmail.clear();
        openMedia.clear();
        synchronized (lock) {
            chatSessions.clear();
        }
    }

    /** The simulator stopped: pending deliveries are cancelled. */
    void stopped() {
        webhooks.stop();
    }

    // ---- shared by the Digital Channels APIs ---------------------------------------------------------------------

    /**
     * @return a path variable, percent-decoded: the simulator matches routes on the encoded path, so an id may hold
     * any character (an external id with {@code /}, {@code ?} or spaces stays one segment)
     */
    static String pathSegment(ApiRequest request, String name) {
        String raw = request.pathParam(name);
        try {
            // URLDecoder is for forms: protect '+', which is literal in a path.
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The path segment '" + raw + "' is not correctly percent-encoded");
        }
    }

    /** @return {@code {"status":{"code":0}}}, the success envelope of the Multicloud APIs (seed 002 L212-213) */
    static ObjectNode statusOk() {
        ObjectNode body = Json.object();
        body.putObject("status").put("code", 0);
        return body;
    }

    /**
     * @return the string field of {@code node} as given (not trimmed), or {@code null} when absent or JSON null
     * @throws ApiException 400 naming {@code at.field} when it is not a string
     */
    static String string(JsonNode node, String field, String at) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(at + "." + field + " must be a string");
        }
        return value.asText();
    }
}
