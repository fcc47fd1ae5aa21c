package io.camelgenesys.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature} that Genesys Digital Channels puts on every webhook it calls (third-party messaging,
 * interactions): the HMAC-SHA1 of the raw request body, keyed with the channel's webhook secret (UTF-8), written as
 * {@code sha1=} followed by 40 lowercase hex digits.
 * <p>
 * {@link #matches} compares in constant time and fails closed: a null, empty or malformed header, or a missing secret,
 * never matches. Neither method puts the secret, the body or the expected signature in an exception message or a log.
 */
public final class HubSignature {

    /** The HTTP header Genesys signs webhooks with. */
    public static final String HEADER = "X-Hub-Signature";

    /** The prefix of the header value. */
    public static final String PREFIX = "sha1=";

    private static final String ALGORITHM = "HmacSHA1";
    private static final int DIGEST_LENGTH = 20;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** One Mac per thread: Mac.getInstance looks the provider up each time; init(key) resets it for each use. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute " + ALGORITHM + " (" + e.getClass().getSimpleName() + ")");
        }
    });

    private HubSignature() {
    }

    /**
     * Signs a body the way Genesys does.
     *
     * @param  secret                   the webhook secret of the channel; must not be null or empty
     * @param  body                     the raw request body (null is the empty body)
     * @return                          the header value, {@code sha1=} + 40 lowercase hex digits
     * @throws IllegalArgumentException when the secret is null or empty
     */
    public static String sign(String secret, byte[] body) {
        byte[] digest = hmac(secret, body);
        char[] out = new char[PREFIX.length() + DIGEST_LENGTH * 2];
        PREFIX.getChars(0, PREFIX.length(), out, 0);
        int pos = PREFIX.length();
        for (byte b : digest) {
            out[pos++] = HEX[(b >> 4) & 0x0f];
            out[pos++] = HEX[b & 0x0f];
        }
        return new String(out);
    }

    /**
     * Whether a received {@code X-Hub-Signature} header is the signature of the body under the secret. The prefix and
     * the hex digits may be upper or lower case and surrounding white space is ignored; the digests are compared in
     * constant time ({@link MessageDigest#isEqual}).
     *
     * @param  secret      the webhook secret of the channel
     * @param  body        the raw request body, exactly as received (null is the empty body)
     * @param  headerValue the received header value
     * @return             true only when the header is well formed and matches; false when the header or the secret is
     *                     null, empty or malformed
     */
    public static boolean matches(String secret, byte[] body, String headerValue) {
        if (secret == null || secret.isEmpty() || headerValue == null) {
            return false;
        }
        byte[] received = parse(headerValue.strip());
        if (received == null) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), received);
    }

    /** The 20 digest bytes of a well-formed header value, or null when it is malformed. */
    private static byte[] parse(String value) {
        if (value.length() != PREFIX.length() + DIGEST_LENGTH * 2
                || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        byte[] out = new byte[DIGEST_LENGTH];
        for (int i = 0; i < DIGEST_LENGTH; i++) {
            int hi = hexValue(value.charAt(PREFIX.length() + 2 * i));
            int lo = hexValue(value.charAt(PREFIX.length() + 2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** ASCII hex only (Character.digit would also accept other scripts' digits). */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static byte[] hmac(String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            // never name the value: this message may end up in a log
            throw new IllegalArgumentException("The webhook secret must not be null or empty");
        }
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body == null ? new byte[0] : body);
        } catch (InvalidKeyException e) {
            // the JDK always provides HmacSHA1 and accepts any non-empty key; do not chain the cause, which may
            // describe the key
            throw new IllegalStateException("Cannot compute " + ALGORITHM + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
