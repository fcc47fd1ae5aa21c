package io.camelgenesys.core.operation;

/**
 * The part of an operation row that builds what the message does not give as is: wraps the body into the request
 * Genesys expects, builds it from options, defaults a field, or fills a parameter from another option. It runs after
 * the path variables, query parameters and message body are in the call, and before the row's rules are checked, so
 * what it builds is validated like a body the route sent.
 * <p>
 * It throws {@link IllegalArgumentException}, naming the operation and what is missing, for input it cannot use.
 */
@FunctionalInterface
public interface OperationPreparer {

    void prepare(OperationCall call, OperationContext context);
}
