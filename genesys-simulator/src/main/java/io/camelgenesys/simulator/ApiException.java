package io.camelgenesys.simulator;

/**
 * Thrown by a {@link RouteHandler} (or by {@link ApiRequest} while parsing) to answer with an error; the simulator
 * renders it in the error shape of the route's {@link Auth} style (see {@link ErrorBodies#forAuth}).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    /**
     * @param status  the HTTP status
     * @param code    the Genesys Cloud error code, e.g. {@code bad.request} (Multicloud and Web Services bodies carry
     *                the status instead)
     * @param message the message
     */
    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad.request", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not.found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
