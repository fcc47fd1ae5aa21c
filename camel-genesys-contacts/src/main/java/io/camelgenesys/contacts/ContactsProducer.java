package io.camelgenesys.contacts;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The genesys-contacts producer: one call through the shared executor for most operations, the batching
 * {@link BulkRunner} for bulk operations, and on Web Services a type check before update and delete (only Custom
 * contacts may be changed, and only a read tells the type). Asynchronous throughout.
 */
final class ContactsProducer extends DefaultAsyncProducer {

    private final ContactsEndpoint endpoint;

    ContactsProducer(ContactsEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.getExecutor(); // the endpoint's shared connection is acquired now, when something uses it
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<OperationResult> result;
        try {
            ContactsOperation op = endpoint.resolveOperation(exchange);
            if (op.bulkKind() != null) {
                endpoint.createCall(op, exchange); // platform, paging and query checks before anything is sent
                result = new BulkRunner(endpoint, op, exchange).run();
            } else if (endpoint.getConfiguration().getPlatform() == GenesysPlatform.webServices
                       && (op == ContactsOperation.update || op == ContactsOperation.delete)) {
                result = customOnly(op, exchange);
            } else {
                result = endpoint.getExecutor().execute(endpoint.createCall(op, exchange));
            }
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        result.whenComplete((r, failure) -> {
            if (failure != null) {
                exchange.setException(GenesysErrors.unwrap(failure));
            } else {
                Message out = exchange.getMessage();
                out.setBody(r.body());
                r.headers().forEach(out::setHeader);
            }
            callback.done(false);
        });
        return false;
    }

    /** Reads the contact first: Queue and User contacts are read-only on Web Services (seed 001). */
    private CompletableFuture<OperationResult> customOnly(ContactsOperation op, Exchange exchange) {
        OperationCall call = endpoint.createCall(op, exchange); // the body is validated before the read
        OperationCall read = endpoint.createCall(ContactsOperation.get, exchange).outputType(GenesysOutputType.json);
        return endpoint.getExecutor().execute(read).thenCompose(current -> {
            JsonNode contact = (JsonNode) current.body();
            String type = contact == null ? null : contact.path("type").asText(null);
            if (!"Custom".equals(type)) {
                return CompletableFuture.failedFuture(new IllegalArgumentException(
                        op.name() + ": Web Services contact " + call.pathParams().get("contactId") + " is of type " + type
                        + ": only Custom contacts may be modified or deleted (Queue and User contacts are read-only)"));
            }
            return endpoint.getExecutor().execute(call);
        });
    }
}
