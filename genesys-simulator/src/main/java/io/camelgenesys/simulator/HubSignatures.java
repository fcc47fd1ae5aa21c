package io.camelgenesys.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digital Channels' {@code X-Hub-Signature}: {@code sha1=} + the lowercase hex HMAC-SHA1 of the exact body bytes,
 * keyed with the channel secret (seed 002, Third-Party Messaging overview and the {@code X-Hub-Signature} header of
 * every messaging operation and webhook). The simulator signs the webhooks it sends and verifies the messaging API
 * requests it receives with it.
 * <p>
 * The simulator deliberately does not depend on camel-genesys-core (whose {@code HubSignature} does the integrator's
 * side): a stand-in that shared the component's code could not catch the component's mistakes.
 */
public final class HubSignatures {

    /** The request header that carries the signature. */
    public static final String HEADER = "X-Hub-Signature";
    /** The prefix of the header value. */
    public static final String PREFIX = "sha1=";

    private static final String HMAC_SHA1 = "HmacSHA1";

    private HubSignatures() {
    }

    /**
     * @param secret the channel secret (UTF-8)
     * @param body   the exact bytes that are (or were) sent; {@code null} is the empty body
     * @return {@code sha1=} followed by 40 lowercase hex digits
     */
    public static String sign(String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A channel secret is required to sign");
        }
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body == null ? new byte[0] : body));
        } catch (GeneralSecurityException e) {
            // Every JDK has HmacSHA1; the cause is not chained because it could describe the key.
            throw new IllegalStateException("HmacSHA1 is not available: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Verifies a received header in constant time ({@link Credentials#matches}). The hex digits may be upper or lower
     * case; anything else (a missing prefix, another algorithm, surrounding text) does not verify.
     *
     * @return whether {@code header} is the signature of {@code body} under {@code secret}
     */
    public static boolean verify(String secret, byte[] body, String header) {
        if (secret == null || secret.isEmpty() || header == null) {
            return false;
        }
        return Credentials.matches(sign(secret, body), header.strip().toLowerCase(Locale.ROOT));
    }
}
