package io.camelgenesys.core.notifications;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.cometd.bayeux.Message;
import org.cometd.common.HashMapMessage;
import org.junit.jupiter.api.Test;

import static io.camelgenesys.core.notifications.BayeuxFailure.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What failed Bayeux replies mean, as the CometD client builds them. */
class BayeuxFailureTest {

    @Test
    void parsesBayeuxErrorCodes() {
        assertEquals(402, BayeuxFailure.bayeuxCode("402::Unknown client"));
        assertEquals(403, BayeuxFailure.bayeuxCode("403:denied_subscribe:not for you"));
        assertEquals(-1, BayeuxFailure.bayeuxCode("nonsense"));
        assertEquals(-1, BayeuxFailure.bayeuxCode(null));
    }

    @Test
    void normalizesPaths() {
        assertEquals("/statistics/v3/notifications", GenesysNotifications.normalizePath("statistics/v3/notifications/"));
        assertThrows(IllegalArgumentException.class, () -> GenesysNotifications.normalizePath(" "));
        assertThrows(IllegalArgumentException.class, () -> GenesysNotifications.normalizePath("https://x/y"));
    }

    @Test
    void httpStatusesOfTheTransport() {
        assertEquals(Kind.TOKEN_REFUSED, BayeuxFailure.of(failure(401, null)).kind());
        assertEquals(Kind.FORBIDDEN, BayeuxFailure.of(failure(403, null)).kind());
        BayeuxFailure unavailable = BayeuxFailure.of(failure(503, null));
        assertEquals(Kind.HTTP_ERROR, unavailable.kind());
        assertTrue(unavailable.isTransportFailure());
        assertEquals("HTTP 503", unavailable.brief());
        assertEquals("The CometD connect to http://x got HTTP 503; retrying with backoff",
                unavailable.explain("connect", "http://x"));
    }

    @Test
    void bayeuxErrorsOfTheServer() {
        BayeuxFailure unknown = BayeuxFailure.of(error("402::Unknown client"));
        assertEquals(Kind.UNKNOWN_SESSION, unknown.kind());
        assertFalse(unknown.isTransportFailure());
        assertTrue(unknown.explain("connect", "http://x").contains("unknown to the server (402"));
        BayeuxFailure denied = BayeuxFailure.of(error("403:denied_subscribe:not for you"));
        assertEquals(Kind.FORBIDDEN, denied.kind());
        BayeuxFailure other = BayeuxFailure.of(error("500::oops"));
        assertEquals(Kind.REFUSED, other.kind());
        assertEquals("The CometD handshake to http://x was refused: 500::oops; retrying",
                other.explain("handshake", "http://x"));
        assertEquals(Kind.UNKNOWN, BayeuxFailure.of(new HashMapMessage()).kind());
    }

    @Test
    void transportExceptionsAreDescribedWithoutTheirBodies() {
        HashMapMessage m = new HashMapMessage();
        m.setSuccessful(false);
        m.put("failure", new HashMap<>(Map.of("exception", new IOException("Connection refused"))));
        BayeuxFailure f = BayeuxFailure.of(m);
        assertEquals(Kind.TRANSPORT, f.kind());
        assertEquals("IOException: Connection refused", f.brief());
        assertEquals("The CometD handshake to http://x failed: IOException: Connection refused; retrying with backoff",
                f.explain("handshake", "http://x"));
    }

    private static Message failure(int httpCode, String error) {
        HashMapMessage m = new HashMapMessage();
        m.setSuccessful(false);
        m.put("failure", new HashMap<>(Map.of("httpCode", httpCode)));
        if (error != null) {
            m.put(Message.ERROR_FIELD, error);
        }
        return m;
    }

    private static Message error(String error) {
        HashMapMessage m = new HashMapMessage();
        m.setSuccessful(false);
        m.put(Message.ERROR_FIELD, error);
        return m;
    }
}
