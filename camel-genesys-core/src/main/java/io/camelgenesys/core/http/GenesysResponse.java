package io.camelgenesys.core.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.json.GenesysJson;
import org.eclipse.jetty.http.HttpFields;

/**
 * A complete response from Genesys: status, headers and the body bytes.
 */
public final class GenesysResponse {

    public static final String CORRELATION_ID = "ININ-Correlation-ID";

    private final int status;
    private final HttpFields headers;
    private final byte[] body;

    public GenesysResponse(int status, HttpFields headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
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
