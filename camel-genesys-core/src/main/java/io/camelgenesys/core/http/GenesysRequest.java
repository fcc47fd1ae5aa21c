package io.camelgenesys.core.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.auth.Secrets;

/**
 * One HTTP request to Genesys, before authentication: method, path (relative to the connection's API base URL, or
 * an absolute URL), query parameters, headers and body. Immutable once built; replays send it again as it is.
 */
public final class GenesysRequest {

    /**
     * The largest request body Genesys accepts, in bytes (its API gateway answers 413 above it). A larger body is
     * refused when the request is built, before anything is sent.
     */
    public static final int MAX_BODY_BYTES = 512_000;

    private final String method;
    /** The path; {@code null} until asked for when the request was built joined to its base ({@link #builder(String, String, String)}). */
    private String path;
    /** The base URL the path was joined to when built, and the two joined ({@code null} for a request built from a path). */
    private final String joinedBase;
    private final String joined;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String contentType;
    private final boolean idempotent;
    private final RetryPolicy retryPolicy;
    private final boolean confidential;
    private final boolean streamed;
    private final java.util.Set<Integer> answers;
    private final String operation;
    /** The path as messages show it, when a path segment is secret ({@link Builder#shownPath}); else {@code null}. */
    private final String shownPath;

    private GenesysRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.joinedBase = b.joinedBase;
        this.joined = b.joined;
        // the builder creates its collections on first use: most requests have no header of their own, no 5xx answer
        this.query = b.query == null ? List.of() : List.copyOf(b.query);
        this.headers = b.headers == null ? Map.of() : Map.copyOf(b.headers);
        this.body = b.body;
        this.contentType = b.contentType;
        this.idempotent = b.idempotent != null ? b.idempotent : isIdempotentMethod(b.method);
        this.retryPolicy = b.retryPolicy != null ? b.retryPolicy : RetryPolicy.DEFAULT;
        this.confidential = b.confidential;
        this.streamed = b.streamed;
        this.answers = b.answers == null ? java.util.Set.of() : java.util.Set.copyOf(b.answers);
        this.operation = b.operation != null ? b.operation : b.method;
        this.shownPath = b.shownPath;
    }

    public static Builder builder(String method, String path) {
        return new Builder(method, path, null, null);
    }

    /**
     * A request whose path comes already joined to the base URL it is sent to ({@code baseAndPath} is {@code baseUrl}
     * and a path starting with {@code /}): the executor's path, which builds the URL in one piece instead of a path
     * and then the URL. {@link #path()} is that path; sent to another base, the request joins it to that one.
     */
    public static Builder builder(String method, String baseUrl, String baseAndPath) {
        if (!baseAndPath.startsWith(baseUrl) || baseAndPath.length() == baseUrl.length()
            || baseAndPath.charAt(baseUrl.length()) != '/') {
            throw new IllegalArgumentException(baseAndPath + " is not a path joined to " + baseUrl);
        }
        return new Builder(method, null, baseUrl, baseAndPath);
    }

    /** GET, HEAD, PUT, DELETE and OPTIONS are idempotent by HTTP's definition; POST and PATCH are not. */
    public static boolean isIdempotentMethod(String method) {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }

    public String method() {
        return method;
    }

    /**
     * The operation the request belongs to, for metrics (the {@code operation} tag): the URI's operation name
     * ({@code get}, {@code createSubscription}), or the HTTP method when it was built without one. Never the path,
     * whose ids would make every request a meter of its own.
     */
    public String operation() {
        return operation;
    }

    public String path() {
        String p = path;
        if (p == null) {
            // derived once, only when asked (messages, metrics never): the same text each time, so no race matters
            p = joined.substring(joinedBase.length());
            path = p;
        }
        return p;
    }

    public List<Map.Entry<String, String>> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public boolean idempotent() {
        return idempotent;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Whether a 5xx status is Genesys' answer to this request rather than a fault, passed on by the pipeline instead of
     * failing the call (UDM's bulk deletes answer 500 with the items they did not delete).
     */
    public boolean answers(int status) {
        return answers.contains(status);
    }

    /** The URL to send to: {@code baseUrl + path + ?query}, or the path itself when it is absolute. */
    public String url(String baseUrl) {
        String start;
        if (joined != null && joinedBase.equals(baseUrl)) {
            start = joined;
        } else {
            String path = path();
            start = path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
        }
        if (query.isEmpty()) {
            return start;
        }
        StringBuilder sb = new StringBuilder(start.length() + 32 * (query.size() + 1));
        sb.append(start);
        char sep = sb.indexOf("?") >= 0 ? '&' : '?';
        for (Map.Entry<String, String> e : query) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /**
     * Whether the response may hold credentials (a token endpoint's): no error message, body excerpt or exception
     * cause ever quotes its body.
     */
    public boolean confidential() {
        return confidential;
    }

    /**
     * Whether a successful response's body is handed over as a stream as it arrives ({@link GenesysResponse#stream()})
     * rather than buffered: downloads, which may be larger than memory. Error responses are buffered as usual.
     */
    public boolean streamed() {
        return streamed;
    }

    /**
     * {@code METHOD /path} for messages: no query string (it may hold personal data or, in a URL Genesys gave, a
     * signature); an absolute URL without its user info.
     */
    public String describe() {
        String p = shownPath != null ? shownPath : path();
        if (p.startsWith("http://") || p.startsWith("https://")) {
            return method + " " + Secrets.url(p);
        }
        int q = p.indexOf('?');
        return method + " " + (q >= 0 ? p.substring(0, q) : p);
    }

    private static String encode(String s) {
        return encodeComponent(s);
    }

    /**
     * A path segment or query component, percent-encoded in UTF-8 ({@link URLEncoder}'s encoding, a space as
     * {@code %20}). Text made only of unreserved characters (ids, numbers, most names) is returned as it is, without
     * the encoder's buffers.
     */
    public static String encodeComponent(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                  || c == '_' || c == '*')) {
                return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
            }
        }
        return s;
    }

    public static final class Builder {
        private final String method;
        private final String path;
        private final String joinedBase;
        private final String joined;
        private List<Map.Entry<String, String>> query;
        private Map<String, String> headers;
        private byte[] body;
        private String contentType;
        private Boolean idempotent;
        private RetryPolicy retryPolicy;
        private boolean confidential;
        private boolean streamed;
        private java.util.Set<Integer> answers;
        private String operation;
        private String shownPath;

        private Builder(String method, String path, String joinedBase, String joined) {
            this.method = method;
            this.path = path;
            this.joinedBase = joinedBase;
            this.joined = joined;
        }

        /** Adds a query parameter; a {@code null} value is left out. */
        public Builder query(String name, Object value) {
            if (value != null) {
                if (query == null) {
                    query = new ArrayList<>();
                }
                query.add(Map.entry(name, String.valueOf(value)));
            }
            return this;
        }

        public Builder header(String name, String value) {
            if (value != null) {
                if (headers == null) {
                    headers = new LinkedHashMap<>();
                }
                headers.put(name, value);
            }
            return this;
        }

        public Builder body(byte[] body, String contentType) {
            this.body = body;
            this.contentType = contentType;
            return this;
        }

        public Builder jsonBody(byte[] json) {
            return body(json, "application/json");
        }

        /**
         * A {@code multipart/form-data} body of one file part: {@code Content-Disposition: form-data; name="field";
         * filename="fileName"}, built by {@link GenesysMultipart}.
         */
        public Builder multipartBody(String field, String fileName, String partContentType, byte[] content) {
            GenesysMultipart.Body multipart = GenesysMultipart.file(field, fileName, partContentType, content);
            return body(multipart.bytes(), multipart.contentType());
        }

        /** Overrides the method's idempotency, e.g. a POST that only reads and is safe to replay. */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** Statuses (5xx) that are an answer to this request, not a fault (see {@link GenesysRequest#answers(int)}). */
        public Builder answers(java.util.Collection<Integer> statuses) {
            if (!statuses.isEmpty()) {
                if (answers == null) {
                    answers = new java.util.HashSet<>();
                }
                answers.addAll(statuses);
            }
            return this;
        }

        /** The operation name the request belongs to (see {@link GenesysRequest#operation()}). */
        public Builder operation(String operation) {
            this.operation = operation;
            return this;
        }

        /**
         * The path as {@link GenesysRequest#describe()} shows it in messages and log lines, when a segment of the real
         * one is secret (see {@code OperationSpec.secretPath}).
         */
        public Builder shownPath(String shownPath) {
            this.shownPath = shownPath;
            return this;
        }

        /** Marks a request whose response may hold credentials (see {@link GenesysRequest#confidential()}). */
        public Builder confidential() {
            this.confidential = true;
            return this;
        }

        /** A 2xx response's body is streamed, not buffered (see {@link GenesysRequest#streamed()}). */
        public Builder streamed(boolean streamed) {
            this.streamed = streamed;
            return this;
        }

        /** @throws IllegalArgumentException when the body is over {@link #MAX_BODY_BYTES}, naming the limit and the size */
        public GenesysRequest build() {
            if (body != null && body.length > MAX_BODY_BYTES) {
                String what = new GenesysRequest(this).describe();
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s: the request body is %,d"
                                                   + " bytes, over the %,d bytes Genesys accepts in one request; nothing"
                                                   + " was sent (split the data into smaller requests)",
                        what, body.length, MAX_BODY_BYTES));
            }
            return new GenesysRequest(this);
        }
    }
}
