package io.camelgenesys.simulator;

import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;

/**
 * Requests to the Digital Channels APIs as an integrator sends them: Multicloud {@code x-api-key} + bearer, and for the
 * messaging API {@code x-ccid} and {@code X-Hub-Signature} over the exact bytes sent.
 */
final class Nexus {

    static final String BASE = DigitalChannels.BASE_PATH;
    static final String CCID = Messaging.DEFAULT_CONTACT_CENTER_ID;
    static final String SMS = Messaging.DEFAULT_SMS_CHANNEL;
    static final String SMS_SECRET = Messaging.DEFAULT_SMS_SECRET;
    static final String EMAIL = Messaging.DEFAULT_EMAIL_CHANNEL;
    static final String EMAIL_SECRET = Messaging.DEFAULT_EMAIL_SECRET;

    private final TestHttp http;
    private final String token;

    Nexus(TestHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    /** A messaging request with {@code x-ccid} and a signature of {@code body} under {@code secret}. */
    Request signed(String method, String path, String secret, String contentType, byte[] body) {
        Request request = http.multicloud(method, BASE + path, token).headers(h -> {
            h.put(MessagingApi.CCID_HEADER, CCID);
            h.put(HubSignatures.HEADER, HubSignatures.sign(secret, body));
        });
        return body.length == 0 && contentType == null ? request : request.body(new BytesRequestContent(contentType, body));
    }

    ContentResponse messages(String channelId, String secret, String json) throws Exception {
        return signed("POST", "/channels/" + channelId + "/messages", secret, "application/json",
                json.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** A Multicloud request to a Digital Channels path, with a JSON body unless null. */
    ContentResponse call(String method, String path, String json) throws Exception {
        Request request = http.multicloud(method, BASE + path, token);
        return (json == null ? request : TestHttp.json(request, json)).send();
    }
}
