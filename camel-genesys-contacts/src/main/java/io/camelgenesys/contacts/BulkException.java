package io.camelgenesys.contacts;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.camel.CamelException;

/**
 * A bulk operation with {@code bulkFailureMode=fail} stopped at a batch with failed items. The batches before it are
 * stored; the failed items are here and in the CamelGenesysBulkFailures header.
 */
public class BulkException extends CamelException {

    private final transient List<BulkFailure> failures;
    private final int succeeded;

    public BulkException(String operation, List<BulkFailure> failures, int succeeded, Throwable cause) {
        super(operation + ": " + failures.size() + " item(s) failed (" + succeeded + " stored before the failure; the"
              + " rest not sent): " + failures.stream().limit(5).map(f -> "#" + f.index() + " " + f.error())
                      .collect(Collectors.joining("; "))
              + (failures.size() > 5 ? "; ..." : ""), cause);
        this.failures = List.copyOf(failures);
        this.succeeded = succeeded;
    }

    /** The failed items, in input order. */
    public List<BulkFailure> getFailures() {
        return failures;
    }

    /** How many items were stored before the failure. */
    public int getSucceeded() {
        return succeeded;
    }
}
