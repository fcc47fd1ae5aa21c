package io.camelgenesys.contacts;

import java.util.Iterator;

import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationResult;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * {@code from("genesys-contacts:scan")}: every poll runs the cursor scan from the start and emits each record as
 * one exchange, one page in memory at a time, so a reconciliation route sees every contact once per poll whatever
 * the size of the organization. A failed poll is reported through Camel's consumer health check (the
 * ScheduledPollConsumer one) with the HTTP status of the {@code GenesysApiException}, and retried on the next poll.
 * The last record of a poll carries the exchange property {@code CamelBatchComplete=true}, so an aggregator can
 * complete a poll's batch with {@code completionPredicate(exchangeProperty("CamelBatchComplete")).eagerCheckCompletion()}.
 */
final class ContactsScanConsumer extends ScheduledPollConsumer {

    private final ContactsEndpoint endpoint;

    ContactsScanConsumer(ContactsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.getExecutor(); // the endpoint's shared connection is acquired now, when something uses it
    }

    @Override
    protected int poll() throws Exception {
        ContactsOperation op = endpoint.getOperation();
        OperationCall call = endpoint.createCall(op, endpoint.createExchange()).pageAll(true);
        OperationResult first;
        try {
            first = endpoint.getExecutor().execute(call).join();
        } catch (RuntimeException e) {
            throw asException(GenesysErrors.unwrap(e));
        }
        Iterator<?> records = (Iterator<?>) first.body();
        long n = 0;
        boolean more = hasNext(records);
        while (isRunAllowed() && more) {
            Object record = records.next();
            // look one record ahead, so the last record of the poll can say so (CamelBatchComplete), as Camel's
            // batch consumers do; a later page that fails is reported after this record has been processed
            Exception later = null;
            try {
                more = hasNext(records);
            } catch (Exception e) {
                more = false;
                later = e;
            }
            Exchange exchange = createExchange(true);
            exchange.getMessage().setBody(record);
            first.headers().forEach(exchange.getMessage()::setHeader);
            exchange.getMessage().setHeader(ContactsConstants.SCAN_INDEX, n);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, (int) Math.min(Integer.MAX_VALUE, n));
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, !more && later == null);
            n++;
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing scanned record #" + (n - 1), exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
            if (later != null) {
                throw later;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static boolean hasNext(Iterator<?> records) throws Exception {
        try {
            return records.hasNext();
        } catch (IllegalStateException e) {
            // a later page failed (e.g. an expired cursor): the poll fails and the health check says why
            throw asException(e.getCause() != null ? e.getCause() : e);
        }
    }

    private static Exception asException(Throwable t) {
        return t instanceof Exception e ? e : new RuntimeException(t);
    }
}
