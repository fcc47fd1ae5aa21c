package io.camelgenesys.conversations;

/** The order of a queue member listing (by name). */
public enum SortOrder {
    asc,
    desc
}
