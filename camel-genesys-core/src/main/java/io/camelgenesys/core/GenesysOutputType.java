package io.camelgenesys.core;

/**
 * The form a producer gives response bodies in ({@code outputType} option).
 */
public enum GenesysOutputType {
    /** The operation's Java model class (unknown fields are kept). */
    model,
    /** {@code Map}/{@code List} of plain values. */
    map,
    /** A Jackson {@code JsonNode}. */
    json,
    /** The JSON text. */
    string
}
