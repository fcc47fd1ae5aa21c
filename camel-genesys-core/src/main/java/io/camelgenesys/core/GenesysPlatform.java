package io.camelgenesys.core;

/**
 * The Genesys platform an endpoint talks to. Chosen with the {@code platform} option.
 */
public enum GenesysPlatform {
    /** Genesys Cloud: {@code https://api.{region}}, OAuth client credentials at {@code https://login.{region}/oauth/token}. */
    cloud,
    /** Genesys Multicloud CX (Engage Cloud): a base URL, an {@code x-api-key} on every request, OAuth at {@code /auth/v3/oauth/token}. */
    multicloud,
    /** Genesys Engage on-premises Web Services: {@code {baseUrl}/api/v2} with HTTP Basic credentials. */
    webServices
}
