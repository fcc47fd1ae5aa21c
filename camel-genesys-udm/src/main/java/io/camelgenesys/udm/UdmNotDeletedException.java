package io.camelgenesys.udm;

import java.util.List;

import io.camelgenesys.core.GenesysApiException;

/**
 * deleteJobs, deleteHistories, deleteFiles: Genesys deleted some of the items and answered HTTP 500 with the list of
 * those it did not delete (unknown, or a job or run not finished yet; seed 002 v4 L10816, v3 L12070). The others are
 * gone. Not retried: the 500 is a per-item result, not a server fault.
 */
public class UdmNotDeletedException extends GenesysApiException {

    private static final long serialVersionUID = 1L;

    private final transient List<Object> notDeleted;

    public UdmNotDeletedException(String message, List<Object> notDeleted, Builder b) {
        super(message, b, null);
        this.notDeleted = List.copyOf(notDeleted);
    }

    /** The ids (Integers) or file names (Strings) that were not deleted, as Genesys listed them. */
    public List<Object> getNotDeleted() {
        return notDeleted;
    }
}
