package io.camelgenesys.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link RouteHandler} answers: a status, headers and an optional body.
 * The simulator adds {@code ININ-Correlation-ID} and the rate-limit headers itself.
 */
public final class ApiResponse {

    /** The content type of every JSON body the simulator writes. */
    public static final String JSON = "application/json";

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private ApiResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    /**
     * @param status the HTTP status
     * @param body   a {@link com.fasterxml.jackson.databind.JsonNode}, a {@link Map}, a list or a POJO, written with
     *               {@link Json}
     */
    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, JSON, Json.write(body));
    }

    /** 200 with a JSON body. */
    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    /** 201 with a JSON body. */
    public static ApiResponse created(Object body) {
        return json(201, body);
    }

    /** 204 without a body. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null);
    }

    /** A status without a body (e.g. 202). */
    public static ApiResponse status(int status) {
        return new ApiResponse(status, null, null);
    }

    /** Any body, written as given (e.g. a file download, or deliberately malformed JSON). */
    public static ApiResponse raw(int status, String contentType, byte[] body) {
        return new ApiResponse(status, contentType, body);
    }

    public static ApiResponse raw(int status, String contentType, String body) {
        return raw(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A redirect (302, 303, 307) to {@code location}, without a body. */
    public static ApiResponse redirect(int status, String location) {
        return new ApiResponse(status, null, null).header("Location", location);
    }

    /** Adds a response header; returns {@code this}. */
    public ApiResponse header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        return this;
    }

    public int status() {
        return status;
    }

    /** @return the content type, or {@code null} without a body */
    public String contentType() {
        return contentType;
    }

    /** @return the body, or {@code null} */
    public byte[] body() {
        return body;
    }

    public Map<String, List<String>> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
