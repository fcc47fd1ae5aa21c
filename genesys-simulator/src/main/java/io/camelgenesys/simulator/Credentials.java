package io.camelgenesys.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Parsing of the {@code Authorization} header schemes the Genesys APIs use. */
final class Credentials {

    private Credentials() {
    }

    /** @return {user, password} from {@code Basic base64(user:password)}, or {@code null} when absent or malformed */
    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    static String basicUser(String authorization) {
        String[] credentials = basic(authorization);
        return credentials == null ? null : credentials[0];
    }

    /** @return the token of {@code Bearer <token>} (scheme case-insensitive, as Genesys documents "bearer"), or {@code null} */
    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** Compares two secrets in constant time: a stand-in need not, but there is no reason to teach sloppy habits. */
    static boolean matches(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
