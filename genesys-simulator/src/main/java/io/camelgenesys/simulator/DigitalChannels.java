package io.camelgenesys.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Genesys Multicloud CX Digital Channels ({@code /nexus/v3}, seed 002): the APIs integrators call
 * ({@link Messaging Third-Party Messaging}, {@link SecureEmail Secure Email}, {@link OpenMedia Open Media}).
 */
public final class DigitalChannels {

    /** The base path of the Digital Channels APIs. */
    public static final String BASE_PATH = "/nexus/v3";

    private final Messaging messaging = new Messaging();
    private final SecureEmail secureEmail = new SecureEmail(id -> { }, id -> { });
    private final OpenMedia openMedia = new OpenMedia();

    DigitalChannels(Supplier<String> baseUrl) {
    }

    void register(Routes routes) {
        MessagingApi.register(routes, messaging, message -> { });
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

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /** Clears messages, media, secure emails and interactions; keeps the configuration. */
    void reset() {
        messaging.reset();
        secureEmail.clear();
        openMedia.clear();
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
