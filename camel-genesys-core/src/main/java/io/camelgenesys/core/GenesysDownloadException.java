package io.camelgenesys.core;

/**
 * A download from the storage host Genesys redirected to (or gave a pre-signed link to) failed: the storage host
 * refused the link (403: expired or invalid), the file is gone (404), the transfer broke off and could not be resumed,
 * or the file could not be written. The message names the file and the storage host, never the link's query string
 * (the link is a credential). {@link #getHttpStatus()} is the storage host's status, 0 when none came.
 */
public class GenesysDownloadException extends GenesysApiException {

    private static final long serialVersionUID = 1L;

    private final String resource;

    public GenesysDownloadException(String message, String resource, Builder b, Throwable cause) {
        super(message, b, cause);
        this.resource = resource;
    }

    /** The file that was being downloaded, as Genesys names it. */
    public String getResource() {
        return resource;
    }
}
