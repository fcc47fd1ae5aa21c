package io.camelgenesys.core;

/**
 * Genesys refused the credentials: a token could not be obtained, or a request still got 401/403 after one token
 * refresh and replay. The message names the credential to check; it never contains a credential.
 */
public class GenesysAuthException extends GenesysApiException {

    private static final long serialVersionUID = 1L;

    public GenesysAuthException(String message, Builder b, Throwable cause) {
        super(message, b, cause);
    }
}
