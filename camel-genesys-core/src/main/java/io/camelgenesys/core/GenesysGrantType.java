package io.camelgenesys.core;

/**
 * The OAuth grant used to obtain access tokens.
 */
public enum GenesysGrantType {
    /** OAuth client credentials (Genesys Cloud, Multicloud). */
    clientCredentials("client_credentials"),
    /** Resource-owner password (Multicloud): username + password of a Genesys user. */
    password("password"),
    /** Exchange a refresh token (Multicloud). */
    refreshToken("refresh_token"),
    /** Exchange an authorization code obtained from /auth/v3/oauth/authorize (Multicloud). */
    authorizationCode("authorization_code");

    private final String oauthName;

    GenesysGrantType(String oauthName) {
        this.oauthName = oauthName;
    }

    /** The {@code grant_type} value sent to the token endpoint. */
    public String oauthName() {
        return oauthName;
    }
}
