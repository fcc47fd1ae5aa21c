package io.camelgenesys.core.operation;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysOutputType;

/**
 * How an operation row is carried out by the one producer: a single call (the default), several calls (batches of a
 * bulk operation), or a read before the write. Asynchronous: it returns at once with a future that a Camel worker
 * thread completes; it may throw {@link IllegalArgumentException} for bad input before anything is sent.
 */
@FunctionalInterface
public interface OperationExecution {

    /** One call with the call resolved from the message. */
    OperationExecution SINGLE = context -> context.executor().execute(context.call());

    CompletableFuture<OperationResult> execute(OperationContext context);

    /**
     * Whether the message body is the request body (then the row's rules check it, and a required body must be
     * there). An execution that sends the message body in parts, such as bulk batches, answers {@code false} and
     * checks each part itself.
     */
    default boolean sendsMessageBody() {
        return true;
    }

    /** A check of the current state of what an operation is about to change, read by {@link #readFirst}. */
    @FunctionalInterface
    interface Precondition {

        /**
         * Throws {@link IllegalArgumentException}, naming the operation and the reason, when the write must not be
         * sent.
         *
         * @param operation the operation name
         * @param call      the write that waits for the check
         * @param current   what the read returned, as JSON ({@code null} when it had no body)
         */
        void check(String operation, OperationCall call, JsonNode current);
    }

    /**
     * Reads first with {@code read} (a GET with the same path variables as the write), checks what it returned, and
     * only then sends the write; nothing is written when the check fails. The write's input is checked before the
     * read is sent.
     */
    static OperationExecution readFirst(OperationSpec read, Precondition precondition) {
        return context -> {
            OperationCall write = context.call();
            OperationCall check = context.callOf(read).outputType(GenesysOutputType.json);
            write.pathParams().forEach(check::pathParam);
            return context.executor().execute(check).thenCompose(current -> {
                try {
                    precondition.check(context.operationName(), write, (JsonNode) current.body());
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
                return context.executor().execute(write);
            });
        };
    }
}
