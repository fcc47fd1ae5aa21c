package io.camelgenesys.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Third-Party Messaging side of Digital Channels (seed 002, "Third-Party Messaging API"): the channel registry
 * (id, type, secret, contact center, webhook URL), the messages and receipts integrators sent, and the uploaded media.
 * <p>
 * Channels are configuration and survive {@link GenesysSimulator#reset()}, as routes do (so a test class registers its
 * channels once); reset clears messages, receipts and media and restores {@link #idsShape()} and
 * {@link #allowedMediaTypes()}. Two channels exist from the start, those of the seed's examples: the SMS channel
 * {@value #DEFAULT_SMS_CHANNEL} and the email channel {@value #DEFAULT_EMAIL_CHANNEL} (an email channel's id is a
 * domain), both in contact center {@value #DEFAULT_CONTACT_CENTER_ID}. Thread-safe.
 */
public final class Messaging {

    /** The contact center of the seed's examples ({@code x-ccid}). */
    public static final String DEFAULT_CONTACT_CENTER_ID = "0ff723ff-6c6f-44e0-9ce3-ce579337eadd";
    /** The SMS channel of the seed's SMS data flow. */
    public static final String DEFAULT_SMS_CHANNEL = "0123456789";
    /** Its demo secret. */
    public static final String DEFAULT_SMS_SECRET = "sms-channel-secret";
    /** The email channel of the seed's email data flow: an email channel's id is a domain. */
    public static final String DEFAULT_EMAIL_CHANNEL = "company.com";
    /** Its demo secret. */
    public static final String DEFAULT_EMAIL_SECRET = "email-channel-secret";
    /** Media types an upload may have unless {@link #setAllowedMediaTypes} says otherwise (the seed lists none). */
    public static final List<String> DEFAULT_MEDIA_TYPES = List.of("image/*", "audio/*", "video/*", "application/pdf",
            "text/plain");

    /** How {@code data.ids} of a send-message answer is written: the seed shows both. */
    public enum IdsShape {
        /** {@code "ids":["1613473893265-0"]}, the SMS data flow example (L7341). */
        STRINGS,
        /** {@code "ids":[{"id":"1613473893265-0"}]}, the {@code InboundMessageResponse} schema (L8378). */
        OBJECTS
    }

    /**
     * A Digital Channels channel as a Genesys representative configures it.
     *
     * @param id              the channel id of the API paths ({@code /channels/{channelId}/...}); a domain for email
     * @param type            {@code sms}, {@code email}, ... ({@code channel.type} of the webhook messages)
     * @param secret          the channel secret that signs both directions
     * @param contactCenterId the contact center the channel belongs to ({@code x-ccid})
     * @param webhookUrl      where agent messages are delivered, or {@code null} when none is configured
     */
    public record Channel(String id, String type, String secret, String contactCenterId, String webhookUrl) {

        public Channel {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(contactCenterId, "contactCenterId");
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("Channel " + id + " needs a secret");
            }
        }

        public Channel withWebhookUrl(String url) {
            return new Channel(id, type, secret, contactCenterId, url);
        }

        /** Email channels are named by a domain and get the email webhook shape ({@code to} an array). */
        public boolean isEmail() {
            return "email".equals(type);
        }

        @Override
        public String toString() {
            // the secret stays out of logs
            return "Channel[id=" + id + ", type=" + type + ", contactCenterId=" + contactCenterId + ", webhookUrl="
                    + webhookUrl + "]";
        }
    }

    /** A message (not a receipt) an integrator sent, with the id Genesys answered for it. */
    public record InboundMessage(String channelId, String id, String type, JsonNode message, Instant receivedAt) {
    }

    /** A delivery receipt an integrator sent for a message Genesys delivered through the webhook. */
    public record Receipt(String channelId, String messageId, String status, JsonNode reasons, JsonNode message,
            Instant receivedAt) {
    }

    /** An uploaded media resource. */
    public record Media(String mediaId, String channelId, String filename, String mimetype, byte[] content,
            Instant uploadedAt) {

        /** @return the synthetic URL of the upload answer, e.g. {@code genesys://nexus/<mediaId>} */
        public String url() {
            return "genesys://nexus/" + mediaId;
        }
    }

    private final Object lock = new Object();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final List<InboundMessage> received = new ArrayList<>();
    /** channelId + " " + provided messageId → the message, so that a resent message is not stored twice. */
    private final Map<String, InboundMessage> byProvidedId = new HashMap<>();
    private final List<Receipt> receipts = new ArrayList<>();
    private final Map<String, Media> media = new LinkedHashMap<>();
    private int resent;
    private IdsShape idsShape = IdsShape.STRINGS;
    private List<String> allowedMediaTypes = DEFAULT_MEDIA_TYPES;

    Messaging() {
        addChannel(new Channel(DEFAULT_SMS_CHANNEL, "sms", DEFAULT_SMS_SECRET, DEFAULT_CONTACT_CENTER_ID, null));
        addChannel(new Channel(DEFAULT_EMAIL_CHANNEL, "email", DEFAULT_EMAIL_SECRET, DEFAULT_CONTACT_CENTER_ID, null));
    }

    // ---- channels (configuration) --------------------------------------------------------------------------------

    /**
     * Registers a channel in the default contact center, or replaces the one with that id (keeping its webhook URL).
     *
     * @param id     the channel id
     * @param type   {@code sms}, {@code email}, ...
     * @param secret the channel secret
     * @return the channel
     */
    public Channel addChannel(String id, String type, String secret) {
        synchronized (lock) {
            Channel old = channels.get(id);
            return addChannel(new Channel(id, type, secret, old == null ? DEFAULT_CONTACT_CENTER_ID
                    : old.contactCenterId(), old == null ? null : old.webhookUrl()));
        }
    }

    /** Registers a channel, replacing the one with the same id. */
    public Channel addChannel(Channel channel) {
        synchronized (lock) {
            channels.put(channel.id(), channel);
            return channel;
        }
    }

    /** @return whether a channel with that id was registered */
    public boolean removeChannel(String id) {
        synchronized (lock) {
            return channels.remove(id) != null;
        }
    }

    /**
     * Sets where the channel's agent messages are delivered (what a Genesys representative configures).
     *
     * @throws IllegalArgumentException when no such channel is registered
     */
    public Channel setWebhookUrl(String channelId, String url) {
        synchronized (lock) {
            return addChannel(require(channelId).withWebhookUrl(url));
        }
    }

    public Optional<Channel> channel(String id) {
        synchronized (lock) {
            return Optional.ofNullable(channels.get(id));
        }
    }

    /** @return the registered channels, in registration order */
    public List<Channel> channels() {
        synchronized (lock) {
            return List.copyOf(channels.values());
        }
    }

    Channel require(String channelId) {
        Channel channel = channels.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("No channel " + channelId + " is registered");
        }
        return channel;
    }

    // ---- settings (restored by reset) ----------------------------------------------------------------------------

    /** Sets how {@code data.ids} of a send-message answer is written (default {@link IdsShape#STRINGS}). */
    public void setIdsShape(IdsShape shape) {
        synchronized (lock) {
            this.idsShape = Objects.requireNonNull(shape, "shape");
        }
    }

    public IdsShape idsShape() {
        synchronized (lock) {
            return idsShape;
        }
    }

    /**
     * Sets the media types an upload may have; others are refused with 415. Entries are exact types or
     * {@code type/*}; {@code *}{@code /*} allows everything.
     */
    public void setAllowedMediaTypes(List<String> types) {
        synchronized (lock) {
            this.allowedMediaTypes = List.copyOf(types);
        }
    }

    public List<String> allowedMediaTypes() {
        synchronized (lock) {
            return allowedMediaTypes;
        }
    }

    boolean isAllowedMediaType(String mimetype) {
        String type = mimetype.toLowerCase(java.util.Locale.ROOT);
        for (String allowed : allowedMediaTypes()) {
            String pattern = allowed.toLowerCase(java.util.Locale.ROOT);
            if (pattern.equals("*/*") || pattern.equals(type)
                    || pattern.endsWith("/*") && type.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    // ---- what integrators sent -----------------------------------------------------------------------------------

    /** What {@link #receive} did: the message stored (or stored before), and whether it is new. */
    record Accepted(InboundMessage message, boolean isNew) {
    }

    /**
     * Records a message; its id is the {@code channel.messageId} the integrator provided, else a new id in the seed's
     * format ({@link WebhookPayloads#newMessageId()}). A message resent with the same provided id is recorded once.
     */
    Accepted receive(String channelId, String providedId, String type, JsonNode message) {
        synchronized (lock) {
            String key = channelId + " " + providedId;
            if (providedId != null) {
                InboundMessage earlier = byProvidedId.get(key);
                if (earlier != null) {
                    resent++;
                    return new Accepted(earlier, false);
                }
            }
            String id = providedId != null ? providedId : WebhookPayloads.newMessageId();
            InboundMessage inbound = new InboundMessage(channelId, id, type, message.deepCopy(), Instant.now());
            received.add(inbound);
            if (providedId != null) {
                byProvidedId.put(key, inbound);
            }
            return new Accepted(inbound, true);
        }
    }

    void receipt(String channelId, String messageId, String status, JsonNode reasons, JsonNode message) {
        synchronized (lock) {
            receipts.add(new Receipt(channelId, messageId, status, reasons == null ? null : reasons.deepCopy(),
                    message.deepCopy(), Instant.now()));
        }
    }

    /** @return the messages (not receipts) integrators sent, oldest first */
    public List<InboundMessage> received() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    /** @return the messages sent on one channel, oldest first */
    public List<InboundMessage> received(String channelId) {
        synchronized (lock) {
            return received.stream().filter(m -> m.channelId().equals(channelId)).toList();
        }
    }

    /** @return how many messages were sent again with a {@code channel.messageId} already received (not stored twice) */
    public int resentCount() {
        synchronized (lock) {
            return resent;
        }
    }

    /** @return every receipt, oldest first */
    public List<Receipt> receipts() {
        synchronized (lock) {
            return List.copyOf(receipts);
        }
    }

    /** @return the receipts for one message id (the {@code channel.messageId} of the receipt), oldest first */
    public List<Receipt> receipts(String messageId) {
        synchronized (lock) {
            return receipts.stream().filter(r -> r.messageId().equals(messageId)).toList();
        }
    }

    // ---- media ---------------------------------------------------------------------------------------------------

    Media storeMedia(String channelId, String filename, String mimetype, byte[] content) {
        String mediaId = java.util.UUID.randomUUID().toString();
        Media stored = new Media(mediaId, channelId, filename == null ? mediaId : filename, mimetype, content,
                Instant.now());
        synchronized (lock) {
            media.put(mediaId, stored);
        }
        return stored;
    }

    /** @return the media of that channel, or {@code null} (media of another channel is not found) */
    Media media(String channelId, String mediaId) {
        synchronized (lock) {
            Media found = media.get(mediaId);
            return found != null && found.channelId().equals(channelId) ? found : null;
        }
    }

    Media removeMedia(String channelId, String mediaId) {
        synchronized (lock) {
            Media found = media(channelId, mediaId);
            if (found != null) {
                media.remove(mediaId);
            }
            return found;
        }
    }

    /** @return an uploaded media resource */
    public Optional<Media> media(String mediaId) {
        synchronized (lock) {
            return Optional.ofNullable(media.get(mediaId));
        }
    }

    /** @return the uploaded media resources, oldest first */
    public Collection<Media> media() {
        synchronized (lock) {
            return List.copyOf(media.values());
        }
    }

    /** Clears messages, receipts and media; restores the ids shape and media types. Channels are kept. */
    void reset() {
        synchronized (lock) {
            received.clear();
            byProvidedId.clear();
            receipts.clear();
            media.clear();
            resent = 0;
            idsShape = IdsShape.STRINGS;
            allowedMediaTypes = DEFAULT_MEDIA_TYPES;
        }
    }
}
