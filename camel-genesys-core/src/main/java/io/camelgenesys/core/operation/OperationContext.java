package io.camelgenesys.core.operation;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.http.WorkerPool;
import io.camelgenesys.core.GenesysEndpointSupport;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One exchange's run of one operation row, as its {@link OperationPreparer} and {@link OperationExecution} see it: the
 * row, the message, the endpoint's options and configuration, and the shared executor. Created by the producer (or
 * the poll consumer) per exchange.
 */
public final class OperationContext {

    private final GenesysEndpointSupport<?> endpoint;
    private final GenesysOperation operation;
    private final OperationSpec spec;
    private final Exchange exchange;
    private OperationCall call;

    public OperationContext(GenesysEndpointSupport<?> endpoint, GenesysOperation operation, OperationSpec spec,
                            Exchange exchange) {
        this.endpoint = endpoint;
        this.operation = operation;
        this.spec = spec;
        this.exchange = exchange;
    }

    public String operationName() {
        return operation.name();
    }

    public GenesysOperation operation() {
        return operation;
    }

    /** The row's spec on the endpoint's platform. */
    public OperationSpec spec() {
        return spec;
    }

    public Exchange exchange() {
        return exchange;
    }

    public Message message() {
        return exchange.getMessage();
    }

    public GenesysConfiguration configuration() {
        return endpoint.configuration();
    }

    /** The endpoint's configuration as the component's own configuration class. */
    public <C extends GenesysConfiguration> C configuration(Class<C> type) {
        return type.cast(endpoint.configuration());
    }

    /** An endpoint option by name, read through the component's generated configurer (no reflection). */
    public Object option(String name) {
        return endpoint.option(name);
    }

    /** A value for one message: the {@code CamelGenesys<Option>} header when set, else the endpoint option. */
    public Object parameter(String option) {
        Object header = message().getHeader(OperationSpec.headerName(option));
        return header != null ? header : option(option);
    }

    /** A message header converted to a type, or {@code null}. */
    public <T> T header(String name, Class<T> type) {
        return message().getHeader(name, type);
    }

    public GenesysOperationExecutor executor() {
        return endpoint.executor();
    }

    /**
     * Where user code continues after a call (e.g. reading the next items of a bulk input): never the I/O thread that
     * completed the call.
     */
    public WorkerPool workers() {
        return endpoint.workers();
    }

    /**
     * The call resolved from the message: path variables, query, paging, the body, the row's preparer, and the checks
     * of its rules. Resolved on first use; throws {@link IllegalArgumentException} on bad input, before anything is
     * sent.
     */
    public OperationCall call() {
        if (call == null) {
            call = endpoint.resolveCall(this);
        }
        return call;
    }

    /** Another call resolved from the message the same way (one per batch of a bulk operation). */
    public OperationCall newCall() {
        return endpoint.resolveCall(this);
    }

    /**
     * A bare call of another spec with the endpoint's output form and retry policy, nothing resolved; it belongs to
     * this operation (its requests are counted under this operation's name).
     */
    public OperationCall callOf(OperationSpec other) {
        return endpoint.bareCall(other).operation(operationName());
    }
}
