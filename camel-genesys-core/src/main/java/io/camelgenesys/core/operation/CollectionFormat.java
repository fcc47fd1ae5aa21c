package io.camelgenesys.core.operation;

/**
 * How a query parameter with several values goes over the wire, as the API definition's {@code collectionFormat}
 * says: {@link #csv} one comma-joined value ({@code expand=a,b}, the default), {@link #multi} the parameter repeated
 * ({@code expand=a&expand=b}). A row declares its {@code multi} parameters with {@link OperationSpec#queryMulti}.
 * <p>
 * Inside the component a list value (a {@code List} header, a comma-separated option) is carried comma-joined either
 * way, so {@link QueryRule#atMost} counts the values alike; the executor repeats a {@code multi} parameter once per
 * value when it builds the request.
 */
public enum CollectionFormat {
    /** One value, the items joined with commas. */
    csv,
    /** The parameter repeated once per item. */
    multi
}
