package io.camelgenesys.core.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysAuthException;
import io.camelgenesys.core.GenesysRateLimitException;
import io.camelgenesys.core.auth.Secrets;
import io.camelgenesys.core.json.GenesysJson;

/**
 * Turns Genesys error responses (Genesys Cloud {@code {message, code, status}}, Multicloud
 * {@code {status:{code, message, detail}}}, OAuth {@code {error, error_description}}, the API gateway's
 * {@code {message}}) and transport failures into {@link GenesysApiException}s with messages a user can act on.
 * <p>
 * Whatever comes from a response (excerpt, message, code, details, errors, a parser's complaint) is redacted with
 * the connection's {@link Secrets} first: a server that echoes the request (its {@code Authorization} header, its
 * form body) does not put a credential into an exception. The body of a {@link GenesysRequest#confidential()
 * confidential} request (a token endpoint's) is never quoted at all.
 */
public final class GenesysErrors {

    /** The text {@code status.code} of success (Secure Email); any other text is an error. */
    public static final String SUCCESS = "SUCCESS";

    private GenesysErrors() {
    }

    /** Reads what a response says about its failure into a builder. */
    public static GenesysApiException.Builder describe(GenesysRequest request, GenesysResponse response) {
        Secrets secrets = response.secrets();
        GenesysApiException.Builder b = GenesysApiException.builder()
                .httpStatus(response.status())
                .correlationId(response.correlationId())
                .bodyExcerpt(excerpt(request, response))
                .operation(request.describe());
        JsonNode root;
        try {
            root = response.json();
        } catch (IOException notJson) {
            return b;
        }
        if (root == null || !root.isObject()) {
            return b;
        }
        JsonNode status = root.get("status");
        if (status != null && status.isObject()) {
            // Multicloud: {"status":{"code":..,"message":..,"detail":{..}}, "errors":[..]}; Secure Email's code is text
            // (INVALID_PARAMETER, FAILURE, ...): it is the error code, as Genesys Cloud's "code" is
            b.statusCode(status.path("code").isNumber() ? status.get("code").asInt() : null)
                    .errorCode(status.path("code").isTextual() ? secrets.redact(status.get("code").asText()) : null)
                    .errorMessage(secrets.redact(text(status, "message")))
                    .detail(secrets.redact(status.get("detail")));
        } else {
            // Genesys Cloud: {"message":..,"code":..,"status":..,"details":[..],"errors":[..]}; OAuth: {"error":..};
            // Web Services: {"statusCode":..,"statusMessage":..} (seed 004 L25; its statusCode is the exception's)
            b.errorMessage(secrets.redact(firstText(root, "message", "error_description", "description", "statusMessage")))
                    .errorCode(secrets.redact(firstText(root, "code", "error")))
                    .detail(secrets.redact(root.get("details")));
            if (root.path("statusCode").isNumber()) {
                b.statusCode(root.get("statusCode").asInt());
            }
        }
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            List<JsonNode> list = new ArrayList<>();
            errors.forEach(e -> list.add(secrets.redact(e)));
            b.errors(list);
        }
        return b;
    }

    /** The body excerpt an error may show: redacted, and none at all for a confidential request. */
    private static String excerpt(GenesysRequest request, GenesysResponse response) {
        return request.confidential() ? "" : response.secrets().redact(GenesysJson.excerpt(response.body()));
    }

    /** The exception for an HTTP error status. */
    public static GenesysApiException fromResponse(GenesysRequest request, GenesysResponse response) {
        GenesysApiException.Builder b = describe(request, response);
        String msg = message(b);
        int status = response.status();
        if (status >= 300 && status < 400 && response.header("Location") != null) {
            // where it points is useful, its query (a signature, a token) is not shown
            msg += " (a redirect to " + Secrets.url(response.header("Location")) + ", which is not followed)";
        }
        if (response.earlierAttemptFailure() != null) {
            // e.g. a 404 for a retried DELETE: without this, the user would believe the resource never existed
            msg += "; this answers a retry: an earlier attempt got no complete response ("
                   + response.earlierAttemptFailure() + ") and may have been applied, so this status may be its effect";
        }
        if (status == 401 || status == 403) {
            return new GenesysAuthException(msg + authHint(status, b), b, null);
        }
        if (status == 429) {
            return new GenesysRateLimitException(msg, b,
                    RetryPolicy.parseRetryAfter(response.header("Retry-After"), java.time.Instant.now()));
        }
        return new GenesysApiException(msg, b, null);
    }

    /** The exception for a request that got no complete response. */
    public static GenesysApiException fromTransport(GenesysRequest request, Throwable failure) {
        return fromTransport(request, failure, false);
    }

    /**
     * As {@link #fromTransport(GenesysRequest, Throwable)}; {@code mayHaveBeenApplied}: the request is not idempotent
     * and may have reached Genesys before the failure (not sent again for that reason), which the message says, so
     * that the record is checked rather than sent again blindly (a second contact, a second message).
     */
    public static GenesysApiException fromTransport(GenesysRequest request, Throwable failure, boolean mayHaveBeenApplied) {
        Throwable cause = unwrap(failure);
        // Jetty's message for a closed connection is a dump of the connection (addresses, buffers, states), which
        // buries the cause: the type says it all
        String what = cause instanceof TimeoutException ? "timed out"
                : cause instanceof EOFException || cause instanceof ClosedChannelException
                ? "failed: the connection was closed before a complete response arrived ("
                  + cause.getClass().getSimpleName() + ")"
                : "failed before a complete response arrived (" + cause.getClass().getSimpleName()
                  + (cause.getMessage() != null ? ": " + Secrets.NONE.redact(cause.getMessage()) : "") + ")";
        GenesysApiException.Builder b = GenesysApiException.builder().httpStatus(0).operation(request.describe())
                .bodyExcerpt("");
        String applied = mayHaveBeenApplied
                ? "; it may have reached Genesys and been applied, so it was not sent again (" + request.method()
                  + " is not idempotent): check before sending it again"
                : "";
        return new GenesysApiException("Genesys " + request.describe() + " " + what + "; no HTTP status" + applied, b,
                cause);
    }

    /**
     * The exception for a 2xx response whose body is not the JSON the operation expects. A parser's message may
     * quote the body, so the cause is kept only when redacting its messages changes nothing; a confidential
     * request's never is.
     */
    public static GenesysApiException malformed(GenesysRequest request, GenesysResponse response, Exception cause) {
        GenesysApiException.Builder b = GenesysApiException.builder()
                .httpStatus(response.status())
                .correlationId(response.correlationId())
                .bodyExcerpt(excerpt(request, response))
                .operation(request.describe());
        String shown = request.confidential()
                ? " (the body is not shown: a token endpoint's response may hold credentials)"
                : ": '" + b.bodyExcerpt() + "'";
        return new GenesysApiException("Genesys " + request.describe() + " answered HTTP " + response.status()
                                       + " with a body that is not valid JSON" + shown, b,
                request.confidential() ? null : safeCause(cause, response.secrets()));
    }

    /** The throwable itself when none of its messages (causes included) holds anything to redact, else {@code null}. */
    public static Throwable safeCause(Throwable cause, Secrets secrets) {
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.equals(secrets.redact(m))) {
                return null;
            }
        }
        return cause;
    }

    /** The message of an error response: what Genesys said, plus where to look. */
    public static String message(GenesysApiException.Builder b) {
        StringBuilder sb = new StringBuilder("Genesys ").append(b.operation()).append(" failed with HTTP ")
                .append(b.httpStatus());
        if (b.errorCode() != null) {
            sb.append(" (").append(b.errorCode()).append(')');
        }
        if (b.errorMessage() != null) {
            sb.append(": ").append(b.errorMessage());
        } else if (b.bodyExcerpt() != null && !b.bodyExcerpt().isEmpty()) {
            sb.append(": '").append(b.bodyExcerpt()).append('\'');
        }
        if (b.correlationId() != null) {
            sb.append(" [correlation id ").append(b.correlationId()).append(']');
        }
        return sb.toString();
    }

    /**
     * Whether a 403 is the Multicloud API gateway refusing the API key ({@code {"message":"Forbidden"}}) rather than
     * a valid token lacking a permission.
     */
    public static boolean isApiKeyRejection(int status, GenesysApiException.Builder b) {
        return status == 403 && "Forbidden".equals(b.errorMessage());
    }

    private static String authHint(int status, GenesysApiException.Builder b) {
        if (isApiKeyRejection(status, b)) {
            return ". Genesys rejected the API key: check the apiKey option (sent as x-api-key)";
        }
        if (status == 403 && b.errorMessage() != null && b.errorMessage().contains("X-Hub-Signature")) {
            // Digital Channels checks the HMAC of each request body with the channel secret
            return ". Genesys refused the request's X-Hub-Signature: check the secret option (the channel secret)";
        }
        if (status == 403) {
            return ". The token is valid but lacks the permission for this request: check the OAuth client's roles";
        }
        return ". Genesys refused the credentials";
    }

    /**
     * Whether a transport failure happened before the request could be written: the connection was refused, the
     * host has no route or no address. Such a request reached nobody, so sending it again cannot apply it twice,
     * whatever its method. A timeout, a reset or a closed connection may come after Genesys read the request.
     */
    public static boolean neverSent(Throwable failure) {
        for (Throwable c = unwrap(failure); c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof java.net.NoRouteToHostException
                || c instanceof java.net.UnknownHostException || c instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = text(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
