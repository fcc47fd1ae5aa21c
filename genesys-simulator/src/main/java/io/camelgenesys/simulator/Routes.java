package io.camelgenesys.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The extension point: every API the simulator serves is a set of routes (method + path pattern → handler).
 * Later modules register theirs, e.g.
 * <pre>{@code
 * sim.routes().add("POST", "/statistics/v3/subscriptions", request -> ApiResponse.ok(...));
 * }</pre>
 * Before a handler runs, the simulator has applied the fault switchboard, authenticated the request in the route's
 * {@link Auth} style and charged the rate limit. When several routes match a path, the most specific wins (a literal
 * segment beats a {@code {variable}}), so {@code /items/scan} and {@code /items/{id}} can coexist; between equally
 * specific routes the one registered last wins, so a test can replace a built-in API route.
 * Routes are configuration: {@link GenesysSimulator#reset()} keeps them.
 */
public final class Routes {

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    Routes() {
    }

    /**
     * Registers a route authenticated in the default style of its path ({@link Auth#forPath(String)}).
     *
     * @param method      the HTTP method ({@code GET}, {@code POST}, ...)
     * @param pathPattern the path pattern, see {@link PathPattern}
     * @param handler     what serves it
     * @return the route
     */
    public Route add(String method, String pathPattern, RouteHandler handler) {
        return add(method, pathPattern, Auth.forPath(pathPattern), handler);
    }

    /**
     * Registers a route with an explicit authentication style.
     *
     * @return the route
     */
    public Route add(String method, String pathPattern, Auth auth, RouteHandler handler) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(handler, "handler");
        Route route = new Route(method.toUpperCase(Locale.ROOT), PathPattern.compile(pathPattern), auth, handler);
        routes.add(route);
        return route;
    }

    /** @return whether the route was registered */
    public boolean remove(Route route) {
        return routes.remove(route);
    }

    /** @return the registered routes, in registration order */
    public List<Route> list() {
        return List.copyOf(routes);
    }

    /** The result of looking a request up: the best route for the method, or the methods the path allows. */
    record Lookup(Route route, Map<String, String> pathParams, List<String> allowedMethods) {
    }

    Lookup find(String method, String path) {
        Route best = null;
        Map<String, String> bestParams = null;
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Map<String, String> params = route.pattern().match(path);
            if (params == null) {
                continue;
            }
            if (!route.method().equals(method)) {
                if (!allowed.contains(route.method())) {
                    allowed.add(route.method());
                }
                continue;
            }
            // On a tie the later registration wins, so a test can override a built-in API route.
            if (best == null || route.pattern().compareSpecificity(best.pattern()) <= 0) {
                best = route;
                bestParams = params;
            }
        }
        return new Lookup(best, bestParams, allowed);
    }
}
