package io.camelgenesys.contacts;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.contacts.BulkExecution.Kind;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysStoppingException;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.WorkerPool;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.json.GenesysModels;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationResult;
import org.apache.camel.Exchange;

/**
 * Runs one bulk operation: reads any collection of items, checks each against the operation's rules, sends the
 * valid ones in batches of {@code bulkBatchSize} (bulkEnrich: at most 10) one batch after the other, and maps every
 * per-item failure, from the rules or from Genesys' {@code results[].error}, back to the input item and its index.
 * Only the current batch is held; the stored entities are collected as the result. The first batch is read on the
 * calling route thread, every later one on the endpoint's worker pool.
 */
final class BulkRunner {

    private final OperationContext context;
    private final BulkExecution execution;
    private final GenesysOperation op;
    private final Exchange exchange;
    private final Iterator<?> input;
    private final WorkerPool workers;
    private final int batchSize;
    private final boolean failFast;
    private final List<BulkFailure> failures = new ArrayList<>();
    private final List<BulkSuccess> successes = new ArrayList<>();
    private final List<Object> stored = new ArrayList<>();
    private final Map<String, Object> headers = new LinkedHashMap<>();
    private int index;

    BulkRunner(OperationContext context, BulkExecution execution) {
        this.context = context;
        this.execution = execution;
        this.op = context.operation();
        this.exchange = context.exchange();
        this.workers = context.workers();
        this.input = items(op, exchange.getMessage().getBody());
        ContactsConfiguration options = context.configuration(ContactsConfiguration.class);
        int max = execution.kind() == Kind.ENRICH ? ContactsLimits.BULK_ENRICH_MAX : Integer.MAX_VALUE;
        this.batchSize = Math.min(options.getBulkBatchSize(), max);
        this.failFast = "fail".equals(options.getBulkFailureMode());
    }

    /** The items of a bulk body: a collection, array, Iterable, Iterator, or a JSON array. */
    static Iterator<?> items(GenesysOperation op, Object body) {
        if (body == null) {
            throw new IllegalArgumentException(op.name() + " needs a message body: a collection (List, array,"
                                               + " Iterable, Iterator or JSON array) of items");
        }
        if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
            body = GenesysJson.toTree(body);
        }
        if (body instanceof ObjectNode o && o.has("entities")) {
            body = o.get("entities");
        }
        if (body instanceof ArrayNode a) {
            return a.iterator();
        }
        if (body instanceof Iterator<?> it) {
            return it;
        }
        if (body instanceof Iterable<?> it) {
            return it.iterator();
        }
        if (body instanceof Object[] a) {
            return Arrays.asList(a).iterator();
        }
        throw new IllegalArgumentException(op.name() + " needs a collection (List, array, Iterable, Iterator or JSON"
                                           + " array) of items, got " + body.getClass().getName());
    }

    CompletableFuture<OperationResult> run() {
        return next();
    }

    private CompletableFuture<OperationResult> next() {
        List<Object> originals = new ArrayList<>(batchSize);
        List<Integer> indexes = new ArrayList<>(batchSize);
        ArrayNode entities = GenesysJson.MAPPER.createArrayNode();
        int failedBefore = failures.size();
        while (entities.size() < batchSize && input.hasNext()) {
            Object item = input.next();
            int i = index++;
            JsonNode entity;
            try {
                entity = entity(item);
            } catch (IllegalArgumentException e) {
                failures.add(new BulkFailure(i, item, e.getMessage(), 400, "invalid.input"));
                continue;
            }
            originals.add(item);
            indexes.add(i);
            entities.add(entity);
        }
        if (failFast && failures.size() > failedBefore) {
            return fail(null);
        }
        if (entities.isEmpty()) {
            return CompletableFuture.completedFuture(result());
        }
        OperationCall call = context.newCall();
        ObjectNode body = GenesysJson.MAPPER.createObjectNode();
        body.set("entities", entities);
        call.body(body);
        // the next batch reads the input, which may block (a pageAll iterator fetching its next page, a JDBC cursor):
        // on the worker pool, never on the I/O thread that completed this batch
        return context.executor().execute(call).handleAsync((r, failure) -> {
            if (failure != null) {
                Throwable cause = GenesysErrors.unwrap(failure);
                if (cause instanceof GenesysStoppingException) {
                    // not sent, not refused: the batch's items are no failures to dead-letter; whatever mode, the
                    // exchange fails with what happened, reporting the items stored so far
                    return stopped(cause);
                }
                // the whole batch was refused: each of its items failed with that error
                for (int k = 0; k < originals.size(); k++) {
                    failures.add(new BulkFailure(indexes.get(k), originals.get(k), cause.getMessage(), status(cause),
                            cause instanceof GenesysApiException api ? api.getErrorCode() : "error"));
                }
                return failFast ? fail(cause) : next();
            }
            read((JsonNode) r.body(), originals, indexes);
            if (failFast && failures.size() > failedBefore) {
                return fail(null);
            }
            return next();
        }, workers).thenCompose(f -> f);
    }

    private static int status(Throwable cause) {
        return cause instanceof GenesysApiException api ? api.getHttpStatus() : 0;
    }

    /** The request entity of one item, checked against the operation's rules. */
    private JsonNode entity(Object item) {
        JsonNode tree;
        String plainId = item instanceof CharSequence s ? s.toString()
                : item instanceof JsonNode n && n.isTextual() ? n.asText() : null;
        if (plainId != null && execution.kind() == Kind.IDS) {
            ObjectNode idOnly = GenesysJson.MAPPER.createObjectNode();
            idOnly.put("id", plainId);
            tree = idOnly;
        } else if (item instanceof Map<?, ?> map && !isEnrichRequest(map)) {
            // a row (JDBC, CSV): keys matched to the model's fields ignoring case and _, phone text made a PhoneNumber;
            // the values are checked by the rules as they are (a number is not silently made a name)
            tree = GenesysModels.tree(execution.entity(), map);
        } else if (item instanceof JsonNode node) {
            tree = node.deepCopy(); // the route still holds the input
        } else {
            tree = GenesysJson.toTree(item);
        }
        if (execution.kind() == Kind.ENRICH) {
            // one identifier value per item: the message's GenesysIdentifierValue header does not apply
            tree = ContactsRequests.enrichRequest(tree, null, execution.enrichedEntity(), context);
        } else if (execution.kind() == Kind.IDS && tree != null && tree.isObject() && tree.has("id")) {
            ObjectNode idOnly = GenesysJson.MAPPER.createObjectNode();
            idOnly.set("id", tree.get("id"));
            tree = idOnly;
        }
        BodyRules rules = context.spec().bodyRules();
        if (rules != null) {
            List<String> violations = rules.violations(tree);
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", violations));
            }
        }
        return tree;
    }

    /** A Map item that is already an enrich request, sent as it is. */
    private boolean isEnrichRequest(Map<?, ?> map) {
        return execution.kind() == Kind.ENRICH
               && (map.containsKey("matchingIdentifiers") || map.containsKey(execution.enrichedEntity()));
    }

    /** BulkResponse: {@code results[]} in request order, each {@code success} with {@code entity} or {@code error}. */
    private void read(JsonNode response, List<Object> originals, List<Integer> indexes) {
        JsonNode results = response == null ? null : response.get("results");
        if (results == null || !results.isArray() || results.size() != originals.size()) {
            throw new IllegalStateException(op.name() + ": the bulk response has " + (results == null ? "no"
                    : results.size()) + " results for " + originals.size() + " items");
        }
        for (int k = 0; k < results.size(); k++) {
            JsonNode result = results.get(k);
            if (result.path("success").asBoolean(false)) {
                JsonNode entity = result.get("entity");
                Object storedEntity = entity != null && !entity.isNull()
                        ? GenesysJson.convert(entity, context.configuration().getOutputType(), execution.entity())
                        : result.path("id").asText(null);
                stored.add(storedEntity);
                successes.add(new BulkSuccess(indexes.get(k), originals.get(k), storedEntity));
            } else {
                JsonNode error = result.path("error");
                failures.add(new BulkFailure(indexes.get(k), originals.get(k),
                        error.path("message").asText("failed"), error.path("status").asInt(result.path("status").asInt(0)),
                        error.path("code").asText(null)));
            }
        }
    }

    private OperationResult result() {
        failures.sort((a, b) -> Integer.compare(a.index(), b.index()));
        headers.put(ContactsConstants.BULK_FAILURES, List.copyOf(failures));
        headers.put(ContactsConstants.BULK_SUCCESSES, List.copyOf(successes));
        headers.put(ContactsConstants.BULK_SUCCESS_COUNT, stored.size());
        headers.put(ContactsConstants.BULK_FAILURE_COUNT, failures.size());
        return new OperationResult(stored, headers);
    }

    /** The context is stopping: the exchange fails with the stopping error, the headers say what was stored. */
    private CompletableFuture<OperationResult> stopped(Throwable cause) {
        result().headers().forEach(exchange.getMessage()::setHeader);
        return CompletableFuture.failedFuture(cause);
    }

    private CompletableFuture<OperationResult> fail(Throwable cause) {
        OperationResult partial = result();
        // the headers stay on the failed exchange, so an onException route can dead-letter the failed items
        partial.headers().forEach(exchange.getMessage()::setHeader);
        return CompletableFuture.failedFuture(new BulkException(op.name(), failures, stored.size(), cause));
    }
}
