package io.camelgenesys.contacts;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.GenesysProducer;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationResult;
import org.apache.camel.Exchange;

/**
 * The genesys-contacts producer: one call through the shared executor for most operations, the batching
 * {@link BulkRunner} for bulk operations, and on Web Services a type check before update and delete (only Custom
 * contacts may be changed, and only a read tells the type). Asynchronous throughout.
 */
final class ContactsProducer extends GenesysProducer {

    private final ContactsEndpoint endpoint;

    ContactsProducer(ContactsEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<OperationResult> execute(Exchange exchange) {
        ContactsOperation op = endpoint.resolveOperation(exchange);
        if (op.bulkKind() != null) {
            endpoint.createCall(op, exchange); // platform, paging and query checks before anything is sent
            return new BulkRunner(endpoint, op, exchange, workers()).run();
        }
        if (endpoint.getConfiguration().getPlatform() == GenesysPlatform.webServices
            && (op == ContactsOperation.update || op == ContactsOperation.delete)) {
            return customOnly(op, exchange);
        }
        return endpoint.getExecutor().execute(endpoint.createCall(op, exchange));
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
