package io.camelgenesys.simulator;

/**
 * A registered route; keep it to {@link Routes#remove(Route) remove} the route later.
 *
 * @param method  the HTTP method, upper case
 * @param pattern the path pattern
 * @param auth    how requests to it are authenticated
 * @param handler what serves it
 */
public record Route(String method, PathPattern pattern, Auth auth, RouteHandler handler) {
}
