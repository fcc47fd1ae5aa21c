package io.camelgenesys.core.notifications;

import java.util.Map;

import org.cometd.bayeux.Message;
import org.eclipse.jetty.client.HttpResponseException;

/**
 * What a failed Bayeux reply (handshake, connect, subscribe) says, decoded once: the HTTP status of the request that
 * carried it, the Bayeux error ({@code "402::Unknown client"}) and the transport exception, and what kind of failure
 * that makes. Descriptions name the URL and what to do, never a credential (no header, token or body is quoted).
 */
final class BayeuxFailure {

    /** What a failure means for the session. */
    enum Kind {
        /** HTTP 401 (or Bayeux 401): the token was refused. */
        TOKEN_REFUSED,
        /** HTTP 403 (or Bayeux 403): the API key or the token's permissions were refused. */
        FORBIDDEN,
        /** Bayeux 402: the server does not know the session (expired, dropped, or it restarted). */
        UNKNOWN_SESSION,
        /** Any other HTTP error status. */
        HTTP_ERROR,
        /** No HTTP answer: connect failure, timeout, dropped connection, unreadable response. */
        TRANSPORT,
        /** A Bayeux error of another kind (e.g. {@code 403:denied_subscribe}) in a complete reply. */
        REFUSED,
        /** Nothing to go by. */
        UNKNOWN
    }

    private final Integer httpCode;
    private final String error;
    private final Throwable exception;
    private final boolean transportFailure;

    private BayeuxFailure(Integer httpCode, String error, Throwable exception, boolean transportFailure) {
        this.httpCode = httpCode;
        this.error = error;
        this.exception = exception;
        this.transportFailure = transportFailure;
    }

    static BayeuxFailure of(Message reply) {
        Object failure = reply.get("failure");
        Throwable exception = failureException(reply);
        return new BayeuxFailure(httpCode(failure, exception), bayeuxError(reply), exception, failure != null);
    }

    Kind kind() {
        int code = httpCode != null ? httpCode : bayeuxCode(error);
        if (code == 401) {
            return Kind.TOKEN_REFUSED;
        }
        if (code == 403) {
            return Kind.FORBIDDEN;
        }
        if (code == 402) {
            return Kind.UNKNOWN_SESSION;
        }
        if (httpCode != null) {
            return Kind.HTTP_ERROR;
        }
        if (exception != null) {
            return Kind.TRANSPORT;
        }
        if (error != null) {
            return Kind.REFUSED;
        }
        return transportFailure ? Kind.TRANSPORT : Kind.UNKNOWN;
    }

    /**
     * Whether the response was larger than the transport accepts: CometD aborts it with "Buffering capacity N
     * exceeded" (its messages are lost).
     */
    boolean tooLarge() {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                && t.getMessage().startsWith("Buffering capacity")) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP status of the request, or {@code null} when none arrived. */
    Integer httpCode() {
        return httpCode;
    }

    /** The Bayeux error field, or {@code null}. */
    String error() {
        return error;
    }

    /** Whether the reply came from the transport (no Bayeux answer from the server), not from the server. */
    boolean isTransportFailure() {
        return transportFailure;
    }

    /** Short: {@code HTTP 503}, the exception, the Bayeux error, or {@code no reply}. */
    String brief() {
        if (httpCode != null) {
            return "HTTP " + httpCode;
        }
        if (exception != null) {
            return describe(exception);
        }
        return error != null ? error : "no reply";
    }

    /**
     * A sentence for a failed handshake or connect that is not about credentials (those are explained by whoever
     * handles the token): what failed, and that it is retried.
     */
    String explain(String kind, String url) {
        return switch (kind()) {
            case UNKNOWN_SESSION -> "The CometD session with " + url + " is unknown to the server (402: expired, dropped"
                                    + " or the server restarted); handshaking again";
            case HTTP_ERROR -> "The CometD " + kind + " to " + url + " got HTTP " + httpCode + "; retrying with backoff";
            case TRANSPORT -> exception != null
                    ? "The CometD " + kind + " to " + url + " failed: " + describe(exception) + "; retrying with backoff"
                    : "The CometD " + kind + " to " + url + " failed; retrying";
            case REFUSED -> "The CometD " + kind + " to " + url + " was refused: " + error + "; retrying";
            default -> "The CometD " + kind + " to " + url + " failed; retrying";
        };
    }

    /**
     * The HTTP status of a failed Bayeux request: from the transport ({@code failure.httpCode}, a non-200 answer), or
     * from Jetty's {@link HttpResponseException}: the shared Jetty client turns a 401 without
     * {@code WWW-Authenticate} (which is how Genesys answers a bearer token it refuses) into that exception.
     */
    private static Integer httpCode(Object failure, Throwable exception) {
        if (failure instanceof Map<?, ?> map && map.get("httpCode") instanceof Number n) {
            return n.intValue();
        }
        Throwable t = exception;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof HttpResponseException e && e.getResponse() != null) {
                return e.getResponse().getStatus();
            }
        }
        return null;
    }

    private static Throwable failureException(Message message) {
        Object failure = message.get("failure");
        if (failure instanceof Map<?, ?> map && map.get("exception") instanceof Throwable t) {
            return t;
        }
        return message.get("exception") instanceof Throwable t ? t : null;
    }

    private static String bayeuxError(Message message) {
        Object error = message.get(Message.ERROR_FIELD);
        return error instanceof String s ? s : null;
    }

    /** The numeric code of a Bayeux error ({@code "402::Unknown client"} -> 402), or -1. */
    static int bayeuxCode(String error) {
        if (error == null) {
            return -1;
        }
        int colon = error.indexOf(':');
        String digits = colon < 0 ? error : error.substring(0, colon);
        try {
            return Integer.parseInt(digits.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code SimpleName: message}, or the simple name alone. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + m;
    }
}
