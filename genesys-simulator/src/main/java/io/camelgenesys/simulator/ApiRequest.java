package io.camelgenesys.simulator;

import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpFields;

/**
 * What a {@link RouteHandler} gets: the request as read by the simulator (the body is already in memory).
 * Parsing helpers throw {@link ApiException} with status 400, so that a bad request is answered the way
 * Genesys documents it without extra code in the handler.
 */
public final class ApiRequest {

    private final String method;
    private final String path;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final HttpFields headers;
    private final byte[] body;
    private final Auth auth;
    private final Tokens.AccessToken token;

    ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
            HttpFields headers, byte[] body, Auth auth, Tokens.AccessToken token) {
        this.method = method;
        this.path = path;
        this.pathParams = Collections.unmodifiableMap(pathParams);
        this.query = Collections.unmodifiableMap(query);
        this.headers = headers;
        this.body = body;
        this.auth = auth;
        this.token = token;
    }

    public String method() {
        return method;
    }

    /**
     * @return the path without the query string, as Jetty canonicalizes it: dot segments resolved, percent-escapes
     * kept (so an encoded {@code /} stays inside its segment)
     */
    public String path() {
        return path;
    }

    /** @return the (still percent-encoded) segment captured by {@code {name}} in the route pattern, or {@code null} */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Map<String, String> pathParams() {
        return pathParams;
    }

    /** @return the first value of a query parameter, or {@code null} */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String query(String name, String defaultValue) {
        String value = query(name);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    /**
     * @return the first value of a query parameter
     * @throws ApiException 400 naming the parameter when it is absent or blank
     */
    public String requiredQuery(String name) {
        String value = query(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Query parameter '" + name + "' is required");
        }
        return value;
    }

    /**
     * @return the query parameter as an integer, or the default when absent
     * @throws ApiException 400 when present but not an integer
     */
    public int queryInt(String name, int defaultValue) {
        String value = query(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Query parameter '" + name + "' must be an integer, got '" + value + "'");
        }
    }

    /** @return every value of a query parameter (empty when absent) */
    public List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    public Map<String, List<String>> queryParams() {
        return query;
    }

    /** @return a request header (case-insensitive name), or {@code null} */
    public String header(String name) {
        return headers.get(name);
    }

    public HttpFields headers() {
        return headers;
    }

    /** @return the raw body (empty, never {@code null}) */
    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @return the body as JSON, or a {@link MissingNode} when the body is empty
     * @throws ApiException 400 when the body is not JSON
     */
    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return Json.parse(body);
        } catch (UncheckedIOException e) {
            throw ApiException.badRequest("The request body is not valid JSON");
        }
    }

    /**
     * @return the body as a JSON object
     * @throws ApiException 400 when the body is missing or not a JSON object
     */
    public ObjectNode jsonObject() {
        JsonNode node = json();
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        return object;
    }

    /** @return the body parsed as {@code application/x-www-form-urlencoded} (first value of each name) */
    public Map<String, String> form() {
        return parseForm(bodyText());
    }

    /** @return how the request was authenticated */
    public Auth auth() {
        return auth;
    }

    /** @return the bearer access token that authenticated the request, or {@code null} for other styles */
    public String accessToken() {
        return token == null ? null : token.value();
    }

    /**
     * @return who the request acts for: the user of a password or authorization-code token, the client id of a
     * client-credentials token, the Web Services user for Basic auth; {@code null} when unauthenticated
     */
    public String principal() {
        if (token != null) {
            return token.subject();
        }
        return auth == Auth.WEB_SERVICES ? Credentials.basicUser(headers.get("Authorization")) : null;
    }

    static Map<String, String> parseForm(String text) {
        Map<String, String> form = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return form;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name.trim(), value);
        }
        return form;
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }
}
