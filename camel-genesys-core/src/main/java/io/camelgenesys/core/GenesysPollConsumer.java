package io.camelgenesys.core;

import java.util.Iterator;
import java.util.Map;

import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.operation.GenesysOperationExecutor;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationResult;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * {@code from("genesys-contacts:scan")}: the consumer of every row declared {@code consumer()} on a
 * {@link GenesysScheduledPollEndpoint}. Every poll runs the row from the start with {@code pageAll} and emits each
 * record as one exchange, one page in memory at a time, so a reconciliation route sees every record once per poll
 * whatever the size of the organization. A failed poll is reported through Camel's consumer health check (the
 * ScheduledPollConsumer one, {@code consumer:<routeId>}, governed by {@code healthCheckConsumerEnabled}) with the
 * HTTP status of the {@code GenesysApiException}, and retried on the next poll (Camel's {@code backoffErrorThreshold}
 * and {@code backoffMultiplier} apply). The last record of a poll carries the exchange property
 * {@code CamelBatchComplete=true}, so an aggregator can complete a poll's batch with
 * {@code completionPredicate(exchangeProperty("CamelBatchComplete")).eagerCheckCompletion()}. Each record carries
 * the headers of the response of its own page ({@code CamelGenesysNextCursor}: the cursor after that page, absent on
 * the last; {@code CamelGenesysCorrelationId}, {@code CamelGenesysRateLimitRemaining}). The {@code cursor} option
 * is where the first poll starts (until Genesys answers its first page); every later poll starts from the start.
 */
public class GenesysPollConsumer extends ScheduledPollConsumer {

    private final GenesysEndpoint endpoint;
    /**
     * Whether a poll's first page was answered: the {@code cursor} option is where the first poll starts, not every
     * poll (a cursor lives 24 hours; each later poll reads the whole scan from the start).
     */
    private volatile boolean startCursorUsed;

    public GenesysPollConsumer(GenesysEndpoint endpoint, Processor processor) {
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
        OperationCall call = endpoint.support().context(endpoint.createExchange()).call().pageAll(true);
        if (startCursorUsed) {
            call.query().remove("cursor");
        }
        OperationResult first;
        try {
            first = endpoint.getExecutor().execute(call).join();
        } catch (RuntimeException e) {
            throw asException(GenesysErrors.unwrap(e));
        }
        startCursorUsed = true;
        Iterator<?> records = records(first.body());
        long n = 0;
        boolean more = hasNext(records);
        while (isRunAllowed() && more) {
            Object record = records.next();
            // the headers of the record's own page (its next cursor, correlation id), read before the look-ahead
            // below fetches the next page
            Map<String, Object> recordHeaders = records instanceof GenesysOperationExecutor.PageIterator pages
                    ? pages.headers() : first.headers();
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
            recordHeaders.forEach(exchange.getMessage()::setHeader);
            exchange.getMessage().setHeader(GenesysConstants.SCAN_INDEX, n);
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

    /** pageAll gives paged rows an Iterator; an unpaged row's list is emitted item by item, anything else as one. */
    private static Iterator<?> records(Object body) {
        if (body instanceof Iterator<?> it) {
            return it;
        }
        if (body instanceof Iterable<?> items) {
            return items.iterator();
        }
        return body == null ? java.util.Collections.emptyIterator() : java.util.List.of(body).iterator();
    }

    /**
     * {@code records.hasNext()}, with a later page's failure (a {@code pageAll} iterator's IllegalStateException)
     * thrown as its cause, so that the poll fails with what Genesys said.
     */
    public static boolean hasNext(Iterator<?> records) throws Exception {
        try {
            return records.hasNext();
        } catch (IllegalStateException e) {
            // a later page failed (e.g. an expired cursor): the poll fails and the health check says why
            throw asException(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** A failure as the Exception a poll throws. */
    public static Exception asException(Throwable t) {
        return t instanceof Exception e ? e : new RuntimeException(t);
    }
}
