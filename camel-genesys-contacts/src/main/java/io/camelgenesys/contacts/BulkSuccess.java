package io.camelgenesys.contacts;

/**
 * One item of a bulk operation that Genesys stored: where it was in the input, the input item itself (as the route
 * gave it: a CRM row stays the row, so the route can mark exactly that row as synced), and what Genesys stored for it.
 *
 * @param index  the 0-based position of the item in the input collection
 * @param item   the input item as given (POJO, Map, String...)
 * @param entity what Genesys stored for it: the model (or map, JSON, text as outputType says), or its id when the
 *               response gave no entity; the same object as the body list's element for it
 */
public record BulkSuccess(int index, Object item, Object entity) {

    @Override
    public String toString() {
        // item and entity are left out: they may carry personal data that does not belong in logs
        return "BulkSuccess[index=" + index + "]";
    }
}
