package io.camelgenesys.simulator;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The error body shapes of the three Genesys platforms, so that every API the simulator serves fails the way
 * the real one documents.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /**
     * Genesys Cloud: {@code {"message":"…","code":"bad.credentials","status":401,"contextId":"…"}} (seed 000, error
     * table; {@code contextId} as the Genesys Cloud SDK's {@code ErrorBody} model carries it, one per response).
     */
    public static ObjectNode cloud(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.put("message", message);
        body.put("code", code);
        body.put("status", status);
        body.put("contextId", UUID.randomUUID().toString());
        return body;
    }

    /** Multicloud CX: {@code {"status":{"code":401,"message":"…"}}} (seed 002, "Responses and errors"). */
    public static ObjectNode multicloud(int code, String message) {
        ObjectNode body = Json.object();
        ObjectNode status = body.putObject("status");
        status.put("code", code);
        status.put("message", message);
        return body;
    }

    /**
     * Engage Web Services: {@code {"statusCode":6,"statusMessage":"…"}}. The seeds show {@code statusCode} on
     * successful responses only ({@code "statusCode":0}, seed 004); the error shape and its codes are Genesys' Web
     * Services API "Return Values" page (docs.genesys.com, Documentation/GWS/8.5.1/API/ReturnValues and HTTCC 8.5.2):
     * "All methods always return the statusCode attribute. If an error occurs, that is, if the statusCode is not 0,
     * the response includes error details in the statusMessage attribute", with codes of their own, not the HTTP
     * status (see {@link #webServicesCode(int)}).
     */
    public static ObjectNode webServices(int status, String message) {
        ObjectNode body = Json.object();
        body.put("statusCode", webServicesCode(status));
        body.put("statusMessage", message);
        return body;
    }

    /**
     * The Web Services {@code statusCode} of an error answered with an HTTP status, from the "Return Values" codes:
     * 2 "A specified parameter is not valid" (400), 20 "User is not authenticated" (401), 3 "The operation is
     * forbidden" (403, 405), 6 "The requested resource could not be found" (404), 18 "Resource already exists" (409),
     * otherwise 4 "An internal error occurred".
     */
    public static int webServicesCode(int status) {
        return switch (status) {
            case 400 -> 2;
            case 401 -> 20;
            case 403, 405 -> 3;
            case 404 -> 6;
            case 409 -> 18;
            default -> 4;
        };
    }

    /**
     * @param auth   the style of the path
     * @param status the HTTP status
     * @param code   a Genesys Cloud error code (used by {@link Auth#CLOUD} and {@link Auth#NONE})
     * @param message the message
     * @return the error body in the shape of the platform that serves the path
     */
    public static ObjectNode forAuth(Auth auth, int status, String code, String message) {
        return switch (auth) {
            case MULTICLOUD -> multicloud(status, message);
            case WEB_SERVICES -> webServices(status, message);
            case CLOUD, NONE -> cloud(status, code, message);
        };
    }

    /** A Genesys Cloud style error code for a status, used when nothing more specific is known. */
    public static String cloudCode(int status) {
        return switch (status) {
            case 400 -> "bad.request";
            case 401 -> "bad.credentials";
            case 403 -> "missing.permissions";
            case 404 -> "not.found";
            case 405 -> "method.not.allowed";
            case 409 -> "conflict";
            case 413 -> "request.entity.too.large";
            case 415 -> "unsupported.media.type";
            case 429 -> "too.many.requests";
            case 500 -> "internal.server.error";
            case 502 -> "bad.gateway";
            case 503 -> "service.unavailable";
            case 504 -> "gateway.timeout";
            default -> "error";
        };
    }
}
