package io.camelgenesys.simulator;

/**
 * Serves one route. Called after faults, authentication and rate limiting have passed, on a Jetty thread that may
 * block. Throw {@link ApiException} to answer with a documented error.
 */
@FunctionalInterface
public interface RouteHandler {

    ApiResponse handle(ApiRequest request) throws Exception;
}
