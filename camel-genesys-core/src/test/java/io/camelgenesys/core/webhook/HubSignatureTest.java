package io.camelgenesys.core.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signature vectors computed independently of this code with OpenSSL 3.0 (command shown with each); the shell's
 * {@code printf '%s'} writes the UTF-8 bytes of the literal, without a trailing newline.
 */
class HubSignatureTest {

    static final String SECRET = "It5-a-s3cret!Genesys";

    static final String BODY = "{\"channelId\":\"0123456789\",\"messages\":[{\"text\":\"hello\"}]}";
    // printf '%s' '{"channelId":"0123456789","messages":[{"text":"hello"}]}' | openssl dgst -sha1 -hmac 'It5-a-s3cret!Genesys'
    static final String BODY_SIGNATURE = "sha1=85803b677eaa8b571b1e59f070540f367172d0c9";

    // {"text":"Grüße, 日本語 ✓ – €"} written with escapes so that the source encoding cannot change the bytes
    static final String UTF8_BODY = "{\"text\":\"Gr\u00fc\u00dfe, \u65e5\u672c\u8a9e \u2713 \u2013 \u20ac\"}";
    // printf '%s' '{"text":"Grüße, 日本語 ✓ – €"}' | openssl dgst -sha1 -hmac 'It5-a-s3cret!Genesys'
    static final String UTF8_BODY_SIGNATURE = "sha1=7e056309443905463b39df3b089f42a0c8736fd2";

    // printf '' | openssl dgst -sha1 -hmac 'It5-a-s3cret!Genesys'
    static final String EMPTY_BODY_SIGNATURE = "sha1=f0998984f485930328e07eb86abdef4edefca015";

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signsLikeOpenSsl() {
        assertEquals(BODY_SIGNATURE, HubSignature.sign(SECRET, utf8(BODY)));
        assertEquals(EMPTY_BODY_SIGNATURE, HubSignature.sign(SECRET, new byte[0]));
        assertEquals(EMPTY_BODY_SIGNATURE, HubSignature.sign(SECRET, null));
        // printf '%s' 'The quick brown fox jumps over the lazy dog' | openssl dgst -sha1 -hmac key
        assertEquals("sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9",
                HubSignature.sign("key", utf8("The quick brown fox jumps over the lazy dog")));
    }

    @Test
    void signsNonAsciiUtf8BodyLikeOpenSsl() {
        byte[] body = utf8(UTF8_BODY);
        assertEquals(41, body.length, "the same 41 bytes that openssl signed (see xxd)");
        assertEquals(UTF8_BODY_SIGNATURE, HubSignature.sign(SECRET, body));
        assertTrue(HubSignature.matches(SECRET, body, UTF8_BODY_SIGNATURE));
    }

    @Test
    void matchesValidSignatureInAnyCase() {
        byte[] body = utf8(BODY);
        assertTrue(HubSignature.matches(SECRET, body, BODY_SIGNATURE));
        assertTrue(HubSignature.matches(SECRET, body, BODY_SIGNATURE.toUpperCase()));
        assertTrue(HubSignature.matches(SECRET, body, "sha1=" + BODY_SIGNATURE.substring(5).toUpperCase()));
        assertTrue(HubSignature.matches(SECRET, body, "  " + BODY_SIGNATURE + " "));
        assertTrue(HubSignature.matches(SECRET, new byte[0], EMPTY_BODY_SIGNATURE));
    }

    @Test
    void rejectsWrongSecretAndTamperedBody() {
        assertFalse(HubSignature.matches("another-secret", utf8(BODY), BODY_SIGNATURE));
        assertFalse(HubSignature.matches(SECRET, utf8(BODY.replace("hello", "hellO")), BODY_SIGNATURE));
        assertFalse(HubSignature.matches(SECRET, utf8(BODY + " "), BODY_SIGNATURE));
        // the same text in another encoding is another body
        assertFalse(HubSignature.matches(SECRET, UTF8_BODY.getBytes(StandardCharsets.ISO_8859_1), UTF8_BODY_SIGNATURE));
    }

    @Test
    void rejectsNullMissingAndMalformed() {
        byte[] body = utf8(BODY);
        String hex = BODY_SIGNATURE.substring(5);
        assertFalse(HubSignature.matches(SECRET, body, null));
        assertFalse(HubSignature.matches(SECRET, body, ""));
        assertFalse(HubSignature.matches(SECRET, body, "sha1="));
        assertFalse(HubSignature.matches(SECRET, body, hex), "no prefix");
        assertFalse(HubSignature.matches(SECRET, body, "sha256=" + hex));
        assertFalse(HubSignature.matches(SECRET, body, "sha1:" + hex));
        assertFalse(HubSignature.matches(SECRET, body, BODY_SIGNATURE.substring(0, BODY_SIGNATURE.length() - 1)));
        assertFalse(HubSignature.matches(SECRET, body, BODY_SIGNATURE + "0"));
        assertFalse(HubSignature.matches(SECRET, body, "sha1=" + hex.substring(0, 39) + "g"));
        assertFalse(HubSignature.matches(SECRET, body, "sha1= " + hex.substring(1)));
        // Arabic-Indic digit three: a digit for Character.digit, not hex
        assertFalse(HubSignature.matches(SECRET, body, "sha1=" + hex.substring(0, 39) + "\u0663"));
        assertFalse(HubSignature.matches(null, body, BODY_SIGNATURE));
        assertFalse(HubSignature.matches("", body, BODY_SIGNATURE));
    }

    @Test
    void signRefusesAMissingSecretWithoutEchoingAnything() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HubSignature.sign(null, utf8(BODY)));
        assertFalse(e.getMessage().contains(BODY));
        assertThrows(IllegalArgumentException.class, () -> HubSignature.sign("", utf8(BODY)));
    }
}
