package io.camelgenesys.core.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.json.GenesysJson;

/**
 * One invocation of an operation, resolved from the endpoint and the message: path variables, query parameters,
 * the body, the output form and whether to stream every page.
 */
public final class OperationCall {

    private final OperationSpec spec;
    /**
     * The values of the spec's path variables, by their index in {@link OperationSpec#pathVariables()}, while nobody
     * asked for {@link #pathParams()} as a map: a get by id sets one value, no map for it. {@code pathSet} marks the
     * variables set (a {@code null} value included, as a map would hold the key).
     */
    private String[] pathValues;
    private int pathSet;
    /** The path variables as a map once {@link #pathParams()} was asked for (or a name outside the template was set). */
    private Map<String, String> pathParams;
    /** Created on first use: a get by id has one path variable and no query. */
    private Map<String, String> query;
    private Object body;
    private GenesysOutputType outputType = GenesysOutputType.model;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private boolean pageAll;
    /** Created by the first {@link #header}: most calls have none. */
    private Map<String, String> headers;
    private RequestSigner signer;
    private String contentType;

    /**
     * Adds headers computed from the exact bytes of the request body, once they are final (e.g. Digital Channels'
     * {@code X-Hub-Signature}, an HMAC of those bytes). The request sends those bytes as they are, on every retry.
     */
    @FunctionalInterface
    public interface RequestSigner {
        /** @param body the exact body bytes sent (empty for a request without a body) */
        Map<String, String> headers(byte[] body);
    }
    private String operation;

    public OperationCall(OperationSpec spec) {
        this.spec = spec;
    }

    public OperationSpec spec() {
        return spec;
    }

    /** The operation name this call belongs to (metrics); a read before a write belongs to the write's operation. */
    public OperationCall operation(String operation) {
        this.operation = operation;
        return this;
    }

    /** The operation name, {@code null} when none was given. */
    public String operation() {
        return operation;
    }

    public OperationCall pathParam(String name, String value) {
        int i = pathParams == null ? pathIndex(name) : -1;
        if (i >= 0) {
            if (pathValues == null) {
                pathValues = new String[spec.pathVariables().size()];
            }
            pathValues[i] = value;
            pathSet |= 1 << i;
        } else {
            pathParams().put(name, value);
        }
        return this;
    }

    /** The index of a path variable of the spec, -1 for another name (or beyond the 32 an int marks). */
    private int pathIndex(String name) {
        int i = spec.pathVariables().indexOf(name);
        return i < Integer.SIZE ? i : -1;
    }

    public OperationCall query(String name, Object value) {
        if (value != null) {
            query().put(name, String.valueOf(value));
        }
        return this;
    }

    public OperationCall body(Object body) {
        this.body = body;
        return this;
    }

    public OperationCall outputType(GenesysOutputType outputType) {
        this.outputType = outputType;
        return this;
    }

    public OperationCall retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
        return this;
    }

    public OperationCall pageAll(boolean pageAll) {
        this.pageAll = pageAll;
        return this;
    }

    /** A request header of this call (e.g. {@code x-ccid}); {@code null} leaves it out. */
    public OperationCall header(String name, String value) {
        if (value != null) {
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            headers.put(name, value);
        }
        return this;
    }

    /** Headers computed from the final body bytes, see {@link RequestSigner}. */
    public OperationCall signer(RequestSigner signer) {
        this.signer = signer;
        return this;
    }

    /**
     * Sends the body as these bytes with this content type instead of JSON (e.g. a {@code multipart/form-data} body
     * built by {@link io.camelgenesys.core.http.GenesysMultipart}).
     */
    public OperationCall rawBody(byte[] bytes, String contentType) {
        this.body = bytes;
        this.contentType = contentType;
        return this;
    }

    /** The request headers of this call (read only; {@link #header} adds one). */
    public Map<String, String> headers() {
        return headers == null ? Map.of() : headers;
    }

    public RequestSigner signer() {
        return signer;
    }

    /** The content type of a {@link #rawBody}, {@code null} for JSON. */
    public String contentType() {
        return contentType;
    }

    /** The path variables' values (modifiable). */
    public Map<String, String> pathParams() {
        if (pathParams == null) {
            Map<String, String> map = new LinkedHashMap<>(4);
            if (pathValues != null) {
                List<String> names = spec.pathVariables();
                for (int i = 0; i < pathValues.length; i++) {
                    if ((pathSet & 1 << i) != 0) {
                        map.put(names.get(i), pathValues[i]);
                    }
                }
                pathValues = null;
            }
            pathParams = map;
        }
        return pathParams;
    }

    /** The query parameters (modifiable). */
    public Map<String, String> query() {
        if (query == null) {
            query = new LinkedHashMap<>(8);
        }
        return query;
    }

    /** A path variable's value, {@code null} when not set (creates nothing). */
    public String pathParam(String name) {
        if (pathParams != null) {
            return pathParams.get(name);
        }
        int i = pathValues == null ? -1 : pathIndex(name);
        return i >= 0 ? pathValues[i] : null;
    }

    /** The query parameters to read only: an empty map when there are none (creates nothing). */
    public Map<String, String> queryView() {
        return query == null ? Map.of() : query;
    }

    public Object body() {
        return body;
    }

    /**
     * The body as a JSON tree that a preparer may change: a copy when the body is a {@code JsonNode} (the route may
     * still hold it), {@code null} when there is no body.
     */
    public JsonNode bodyTree() {
        if (body == null) {
            return null;
        }
        return body instanceof JsonNode node ? node.deepCopy() : GenesysJson.toTree(body);
    }

    /**
     * The body as a JSON tree to read only (not to change): the body itself when it is a tree already, as a checked
     * body is, so that a check before the write copies nothing; {@code null} when there is no body.
     */
    public JsonNode bodyTreeView() {
        return body instanceof JsonNode node ? node : GenesysJson.toTree(body);
    }

    public GenesysOutputType outputType() {
        return outputType;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public boolean pageAll() {
        return pageAll;
    }
}
