package io.camelgenesys.simulator;

import org.eclipse.jetty.http.HttpFields;

/**
 * The shared authentication checks of the three platforms. Each answers either the authenticated token (for bearer
 * styles) or the documented failure response.
 */
final class Authenticator {

    static final String API_KEY_HEADER = "x-api-key";

    /** The outcome of a check: {@code failure} is {@code null} when the request is authenticated. */
    record Result(ApiResponse failure, Tokens.AccessToken token) {
        boolean ok() {
            return failure == null;
        }
    }

    private static final Result OK = new Result(null, null);

    private final GenesysSimulator sim;

    Authenticator(GenesysSimulator sim) {
        this.sim = sim;
    }

    Result check(Auth auth, HttpFields headers) {
        return switch (auth) {
            case CLOUD -> bearer(Auth.CLOUD, headers);
            case MULTICLOUD -> {
                ApiResponse forbidden = apiKey(headers);
                yield forbidden != null ? new Result(forbidden, null) : bearer(Auth.MULTICLOUD, headers);
            }
            case WEB_SERVICES -> webServices(headers);
            case NONE -> OK;
        };
    }

    /** Multicloud: a wrong or missing {@code x-api-key} is 403 {@code {"message":"Forbidden"}} on any endpoint (seed 002). */
    ApiResponse apiKey(HttpFields headers) {
        if (Credentials.matches(sim.multicloudApiKey(), headers.get(API_KEY_HEADER))) {
            return null;
        }
        return forbidden();
    }

    static ApiResponse forbidden() {
        return ApiResponse.json(403, Json.object().put("message", "Forbidden"));
    }

    private Result bearer(Auth platform, HttpFields headers) {
        String value = Credentials.bearer(headers.get("Authorization"));
        if (value == null) {
            return unauthorized(platform, "No authentication bearer token specified in authorization header.");
        }
        Tokens.AccessToken token = sim.tokens().find(value);
        if (token == null || token.platform() != platform) {
            return unauthorized(platform, "Invalid login credentials.");
        }
        if (token.expired(System.nanoTime())) {
            return unauthorized(platform, "The access token has expired.");
        }
        return new Result(null, token);
    }

    private static Result unauthorized(Auth platform, String message) {
        return new Result(ApiResponse.json(401, ErrorBodies.forAuth(platform, 401, "bad.credentials", message)), null);
    }

    /** Engage Web Services: HTTP Basic with the configured user; 401 with a Basic challenge otherwise. */
    private Result webServices(HttpFields headers) {
        String[] credentials = Credentials.basic(headers.get("Authorization"));
        if (credentials != null && Credentials.matches(sim.webServicesUsername(), credentials[0])
                && Credentials.matches(sim.webServicesPassword(), credentials[1])) {
            return OK;
        }
        return new Result(ApiResponse.json(401, ErrorBodies.webServices(401, "Bad credentials"))
                .header("WWW-Authenticate", "Basic realm=\"Genesys Web Services\""), null);
    }
}
