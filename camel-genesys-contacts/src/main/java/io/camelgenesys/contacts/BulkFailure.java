package io.camelgenesys.contacts;

import io.camelgenesys.core.GenesysRefusal;

/**
 * One item of a bulk operation that failed: where it was in the input, the input item itself (as the route gave
 * it, so it can be dead-lettered as is), and why.
 *
 * @param index  the 0-based position of the item in the input collection
 * @param item   the input item as given (POJO, Map, String...)
 * @param error  what went wrong: the validation rule broken, or Genesys' message for the item
 * @param status the HTTP status Genesys gave the item, or 400 when it was refused before sending
 * @param code   Genesys' error code for the item, {@code invalid.input} when refused before sending, or
 *               {@code malformed.response} when its batch was answered without one result per item (it may be stored)
 */
public record BulkFailure(int index, Object item, String error, int status, String code) {

    /**
     * Whether the item itself was refused (by the input checks, or by Genesys with 400, 404, 409, 410, 413 or 422,
     * in its result or for a request that held only this item): dead-letter it. Otherwise (a whole batch refused for 401/403, 429 or 5xx after the retries, a lost connection)
     * the item was not at fault: leave it for the next run.
     */
    public boolean refused() {
        return GenesysRefusal.refusedStatus(status);
    }

    @Override
    public String toString() {
        // the item is left out: it may carry personal data that does not belong in logs
        return "BulkFailure[index=" + index + ", status=" + status + ", code=" + code + ", error=" + error + "]";
    }
}
