package io.camelgenesys.core.http;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.auth.Secrets;
import io.camelgenesys.core.json.GenesysJson;
import org.eclipse.jetty.http.HttpFields;

/**
 * A complete response from Genesys: status, headers and the body bytes, and the {@link Secrets} of the connection
 * that received it, so that whoever quotes the body in an error redacts that connection's credentials and tokens.
 */
public final class GenesysResponse {

    public static final String CORRELATION_ID = "ININ-Correlation-ID";
    public static final String RATE_LIMIT_REMAINING = "X-Rate-Limit-Remaining";

    private final int status;
    private final HttpFields headers;
    private final byte[] body;
    private final Secrets secrets;
    private final InputStream stream;
    /** Set when an earlier attempt of the same request got no complete response (see {@link #afterAttemptWithoutAnswer}). */
    private final String earlierAttemptFailure;
    /** {@link #rateLimitRemaining()} once read: the pipeline and the result both need it. */
    private Integer rateLimitRemaining;
    private boolean rateLimitRemainingRead;

    public GenesysResponse(int status, HttpFields headers, byte[] body) {
        this(status, headers, body, Secrets.NONE);
    }

    public GenesysResponse(int status, HttpFields headers, byte[] body, Secrets secrets) {
        this(status, headers, body, secrets, null);
    }

    /**
     * A successful response of a {@link GenesysRequest#streamed() streamed} request: its body arrives through
     * {@code stream}, which the reader must close.
     */
    public GenesysResponse(int status, HttpFields headers, InputStream stream, Secrets secrets) {
        this(status, headers, null, secrets, stream, null);
    }

    private GenesysResponse(int status, HttpFields headers, byte[] body, Secrets secrets, String earlierAttemptFailure) {
        this(status, headers, body, secrets, null, earlierAttemptFailure);
    }

    private GenesysResponse(int status, HttpFields headers, byte[] body, Secrets secrets, InputStream stream,
                            String earlierAttemptFailure) {
        this.status = status;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
        this.secrets = secrets == null ? Secrets.NONE : secrets;
        this.stream = stream;
        this.earlierAttemptFailure = earlierAttemptFailure;
    }

    /** The body as it arrives, for a streamed request's successful response; {@code null} otherwise. */
    public InputStream stream() {
        return stream;
    }

    /**
     * This response, noting that it answers a retry of a request whose earlier attempt got no complete response
     * ({@code failure}: what ended it, e.g. {@code TimeoutException}). That attempt may have been applied, so an error
     * status (a 404 for a retried DELETE) may describe its effect: the error message says so.
     */
    public GenesysResponse afterAttemptWithoutAnswer(String failure) {
        return new GenesysResponse(status, headers, body, secrets, stream, failure);
    }

    /** What ended an earlier attempt of this request without a response, {@code null} when none did. */
    public String earlierAttemptFailure() {
        return earlierAttemptFailure;
    }

    /** The secrets of the connection that received the response: redact with them before quoting it. */
    public Secrets secrets() {
        return secrets;
    }

    public int status() {
        return status;
    }

    public HttpFields headers() {
        return headers;
    }

    public String header(String name) {
        return headers == null ? null : headers.get(name);
    }

    public byte[] body() {
        return body;
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    public String correlationId() {
        return header(CORRELATION_ID);
    }

    /** The body as JSON, {@code null} when empty; an IOException when it is not JSON. */
    public JsonNode json() throws IOException {
        return hasBody() ? GenesysJson.parse(body) : null;
    }

    /**
     * {@code X-Rate-Limit-Remaining} as a number, {@code null} when absent or not a number; parsed once per response
     * (read on the thread that completes it, then by the thread it is handed to).
     */
    public Integer rateLimitRemaining() {
        if (!rateLimitRemainingRead) {
            rateLimitRemaining = intHeader(RATE_LIMIT_REMAINING);
            rateLimitRemainingRead = true;
        }
        return rateLimitRemaining;
    }

    /** A header as an integer, {@code absent} when it is missing or not a number. */
    public int intHeader(String name, int absent) {
        Integer v = intHeader(name);
        return v == null ? absent : v;
    }

    /** A header as an integer, {@code null} when absent or not a number. */
    public Integer intHeader(String name) {
        String v = header(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
