package io.camelgenesys.simulator;

/**
 * How a request to an API path is authenticated, and therefore which error body shape it gets.
 * <p>
 * A route may declare its style explicitly; otherwise {@link #forPath(String)} decides from the path,
 * following where each Genesys platform serves its APIs.
 */
public enum Auth {

    /**
     * Genesys Cloud ({@code api.{region}/api/v2/...}): {@code Authorization: Bearer} with a token from
     * {@code POST /oauth/token}. Errors look like {@code {"message":…,"code":…,"status":…}}.
     */
    CLOUD,

    /**
     * Genesys Multicloud CX ({@code /{service}/v3/...}, {@code /udm/v10/...}): {@code x-api-key} (checked first, 403)
     * plus {@code Authorization: Bearer} with a token from {@code POST /auth/v3/oauth/token} (401).
     * Errors look like {@code {"status":{"code":…,"message":…}}}.
     */
    MULTICLOUD,

    /**
     * Genesys Engage Web Services on premises ({@code /api/v2/contacts...}): HTTP Basic with the Web Services user.
     * Errors look like {@code {"statusCode":…,"statusMessage":…}}.
     */
    WEB_SERVICES,

    /** No authentication (the simulator's own admin paths, or routes that opt out). */
    NONE;

    /**
     * The default style of a path when its route does not declare one.
     * <p>
     * Engage Web Services and Genesys Cloud share the {@code /api/v2} prefix; the Web Services contacts resource
     * ({@code /api/v2/contacts...}) is told apart by name, since Genesys Cloud keeps its contacts under
     * {@code /api/v2/externalcontacts}.
     *
     * @param path the request path
     * @return the style the simulator applies to it
     */
    public static Auth forPath(String path) {
        if (path.equals("/api/v2/contacts") || path.startsWith("/api/v2/contacts/")) {
            return WEB_SERVICES;
        }
        if (path.equals("/api/v2") || path.startsWith("/api/v2/")) {
            return CLOUD;
        }
        if (path.startsWith("/udm/v10/") || isMulticloudService(path)) {
            return MULTICLOUD;
        }
        return NONE;
    }

    /** {@code /{service}/v3/...}: the layout of every Multicloud CX service (auth, statistics, nexus, ...). */
    private static boolean isMulticloudService(String path) {
        int second = path.indexOf('/', 1);
        if (second < 2) {
            return false;
        }
        return path.startsWith("/v3/", second) || path.equals(path.substring(0, second) + "/v3");
    }
}
