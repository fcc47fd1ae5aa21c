package io.camelgenesys.core.operation;

/**
 * How an operation pages its results.
 */
public enum PagingStyle {
    /** One response, no paging. */
    NONE,
    /** Genesys Cloud {@code pageNumber}/{@code pageSize}; {@code entities}, {@code total}, {@code pageCount}; capped at 1,000 records. */
    PAGE_NUMBER,
    /** A cursor ({@code cursor} query, {@code cursors.after} in the response), as the Cloud scan operations. */
    CURSOR,
    /** {@code from}/{@code size} offsets with {@code items} and {@code count}, as Multicloud UDM. */
    OFFSET,
    /**
     * {@code index}/{@code count} with the items as the result array and no total, as Multicloud Secure Email: the
     * next page starts at {@code index + count}, and a page shorter than {@code count} is the last. The row declares
     * the {@code index} query parameter (the first page's); the page size is {@code count}.
     */
    INDEX
}
