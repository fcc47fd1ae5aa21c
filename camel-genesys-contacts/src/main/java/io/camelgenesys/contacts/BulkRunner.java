package io.camelgenesys.contacts;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.contacts.BulkExecution.Kind;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysRefusal;
import io.camelgenesys.core.GenesysStoppingException;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.GenesysRequest;
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
 * Runs one bulk operation: reads any collection of items, checks each against the operation's rules (and, when the
 * row says so, its custom fields against the schema version it references), sends the valid ones in batches of
 * {@code bulkBatchSize} (bulkEnrich: at most 10) one batch after the other, each request body within the 512,000 bytes
 * Genesys accepts (a batch that would be larger ends early, the next item starting the next batch; an item that is
 * larger on its own is refused). A batch Genesys refuses as a whole (400, 404, 409, 410, 413, 422) is sent again in
 * halves, down to single items, so that only the item at fault is refused. It maps every per-item failure, from the
 * checks or from Genesys' {@code results[].error}, back to the input item and its index.
 * Only the current batch is held; the stored entities are collected as the result. The first batch is read on the
 * calling route thread, every later one on the endpoint's worker pool.
 */
final class BulkRunner {

    /** The {@link BulkFailure#code()} of the items of a batch whose 200 answer had no result per item. */
    static final String MALFORMED_RESPONSE = "malformed.response";

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
    /** The halves of batches Genesys refused as a whole, to be sent before anything else. */
    private final Deque<Batch> split = new ArrayDeque<>();
    /** An item read and checked that did not fit the request body of the batch before: the next batch's first. */
    private Carried carried;

    /** The bytes of a bulk request body around its entities: {@code {"entities":[]}}. */
    private static final int ENVELOPE_BYTES = "{\"entities\":[]}".length();

    private record Carried(Object item, int index, JsonNode entity, int bytes) {
    }

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

    /** One batch being built: the valid items, their input positions and request entities. */
    private record Batch(List<Object> originals, List<Integer> indexes, ArrayNode entities, int failedBefore) {
        Batch(int size, int failedBefore) {
            this(new ArrayList<>(size), new ArrayList<>(size), GenesysJson.MAPPER.createArrayNode(), failedBefore);
        }

        void add(Object original, int index, JsonNode entity) {
            originals.add(original);
            indexes.add(index);
            entities.add(entity);
        }

        /** The items {@code from} (inclusive) to {@code to} (exclusive) as a batch of their own. */
        Batch part(int from, int to, int failedBefore) {
            Batch part = new Batch(to - from, failedBefore);
            for (int k = from; k < to; k++) {
                part.add(originals.get(k), indexes.get(k), entities.get(k));
            }
            return part;
        }
    }

    private CompletableFuture<OperationResult> next() {
        if (!split.isEmpty()) {
            // the parts of a batch Genesys refused as a whole, first part first (the items keep their input order)
            return send(split.pop(), null);
        }
        Batch batch = new Batch(batchSize, failures.size());
        // the request body: {"entities":[...]}, an item's JSON and a comma each; never over what Genesys accepts
        int bodyBytes = ENVELOPE_BYTES;
        if (carried != null) {
            batch.add(carried.item(), carried.index(), carried.entity());
            bodyBytes += carried.bytes();
            carried = null;
        }
        while (true) {
            Object item;
            try {
                if (batch.entities().size() >= batchSize || !input.hasNext()) {
                    break;
                }
                item = input.next();
            } catch (RuntimeException broken) {
                // the input broke (a JDBC cursor, a pageAll iterator's next page): the exchange fails with it, its
                // headers saying which items are stored already, so that they are not sent again
                return inputFailed(broken);
            }
            int i = index++;
            JsonNode entity;
            try {
                entity = entity(item);
            } catch (IllegalArgumentException e) {
                failures.add(new BulkFailure(i, item, e.getMessage(), 400, "invalid.input"));
                continue;
            }
            int bytes = GenesysJson.toBytes(entity).length;
            if (ENVELOPE_BYTES + bytes > GenesysRequest.MAX_BODY_BYTES) {
                failures.add(new BulkFailure(i, item, String.format(Locale.ROOT, "the item is %,d bytes as JSON: a"
                        + " request with it would be over the %,d bytes Genesys accepts in one request", bytes,
                        GenesysRequest.MAX_BODY_BYTES), 400, "invalid.input"));
                continue;
            }
            int withItem = bodyBytes + bytes + (batch.entities().isEmpty() ? 0 : 1);
            if (withItem > GenesysRequest.MAX_BODY_BYTES) {
                // this batch is full by size: the item starts the next one
                carried = new Carried(item, i, entity, bytes);
                break;
            }
            bodyBytes = withItem;
            batch.add(item, i, entity);
        }
        if (execution.customFields() == null || batch.entities().isEmpty()) {
            return send(batch, null);
        }
        return checkCustomFields(batch);
    }

    /**
     * Checks the custom fields of the batch's items against their schema versions (read once per connection and
     * version, however many items and exchanges ask), then sends the items that fit; the others are per-item failures.
     */
    private CompletableFuture<OperationResult> checkCustomFields(Batch batch) {
        List<CompletableFuture<List<String>>> checks = new ArrayList<>(batch.entities().size());
        for (JsonNode entity : batch.entities()) {
            JsonNode item = execution.kind() == Kind.ENRICH ? entity.get(execution.enrichedEntity()) : entity;
            checks.add(execution.customFields().problems(context, item));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new));
        BiFunction<Void, Throwable, CompletableFuture<OperationResult>> then = (v, ignored) -> {
            Batch kept = new Batch(batch.entities().size(), batch.failedBefore());
            Throwable batchCause = null;
            for (int k = 0; k < checks.size(); k++) {
                List<String> problems;
                try {
                    problems = checks.get(k).join();
                } catch (CompletionException | CancellationException e) {
                    Throwable cause = GenesysErrors.unwrap(e);
                    if (cause instanceof GenesysStoppingException) {
                        return stopped(cause);
                    }
                    // the schema could not be read (retries used up, a lost connection): not the item's fault
                    failures.add(notRefused(batch.indexes().get(k), batch.originals().get(k), cause));
                    batchCause = cause;
                    continue;
                }
                if (problems.isEmpty()) {
                    kept.add(batch.originals().get(k), batch.indexes().get(k), batch.entities().get(k));
                } else {
                    failures.add(new BulkFailure(batch.indexes().get(k), batch.originals().get(k),
                            String.join("; ", problems), 400, "invalid.input"));
                }
            }
            return send(kept, batchCause);
        };
        // a schema read still in flight completes on an I/O thread: the batch goes on on the workers
        return (all.isDone() ? all.handle(then) : all.handleAsync(then, workers)).thenCompose(f -> f);
    }

    /**
     * Sends one batch, then the next. {@code cause}: why items of this batch already failed without being refused
     * (a schema read that failed), for the exception of the fail mode.
     */
    private CompletableFuture<OperationResult> send(Batch batch, Throwable cause) {
        List<Object> originals = batch.originals();
        List<Integer> indexes = batch.indexes();
        int failedBefore = batch.failedBefore();
        if (failFast && failures.size() > failedBefore) {
            return fail(cause);
        }
        if (batch.entities().isEmpty()) {
            // every item of this batch failed its checks: go on with the rest of the input
            boolean more;
            try {
                more = carried != null || input.hasNext();
            } catch (RuntimeException broken) {
                return inputFailed(broken);
            }
            return more ? next() : CompletableFuture.completedFuture(result());
        }
        OperationCall call = context.newCall();
        ObjectNode body = GenesysJson.MAPPER.createObjectNode();
        body.set("entities", batch.entities());
        call.body(body);
        // the next batch reads the input, which may block (a pageAll iterator fetching its next page, a JDBC cursor):
        // on the worker pool, never on the I/O thread that completed this batch
        return context.executor().execute(call).handleAsync((r, failure) -> {
            if (failure != null) {
                Throwable batchCause = GenesysErrors.unwrap(failure);
                if (batchCause instanceof GenesysStoppingException) {
                    // not sent, not refused: the batch's items are no failures to dead-letter; whatever mode, the
                    // exchange fails with what happened, reporting the items stored so far
                    return stopped(batchCause);
                }
                if (originals.size() > 1 && batchCause instanceof GenesysApiException api
                    && GenesysRefusal.refusedStatus(api.getHttpStatus())) {
                    // Genesys refused the whole request (400, 404, 409, 410, 413 or 422), not each item: which item
                    // is at fault is not known, the others may be fine. Its halves are sent on their own, down to
                    // single items, each of which then gets a verdict of its own (refused or stored)
                    int half = originals.size() / 2;
                    int failedNow = failures.size();
                    split.push(batch.part(half, originals.size(), failedNow));
                    split.push(batch.part(0, half, failedNow));
                    return next();
                }
                // the whole batch failed, not for its items (401/403, 429 or 5xx after the retries, a lost
                // connection): each of its items failed with that error, not refused
                for (int k = 0; k < originals.size(); k++) {
                    failures.add(notRefused(indexes.get(k), originals.get(k), batchCause));
                }
                return failFast ? fail(batchCause) : next();
            }
            JsonNode results = results((JsonNode) r.body(), originals.size());
            if (results == null) {
                // a 200 that is no BulkResponse (malformed, or not one result per item): the batch's items failed
                // without their fault (Genesys may have stored them), the batches before and after still count
                IllegalStateException malformed = new IllegalStateException(op.name() + ": Genesys answered a batch"
                        + " of " + originals.size() + " items without one result per item; whether they were stored"
                        + " is not known (look them up before sending them again)");
                for (int k = 0; k < originals.size(); k++) {
                    failures.add(new BulkFailure(indexes.get(k), originals.get(k), malformed.getMessage(), 0,
                            MALFORMED_RESPONSE));
                }
                return failFast ? fail(malformed) : next();
            }
            read(results, originals, indexes);
            if (failFast && failures.size() > failedBefore) {
                return fail(null);
            }
            return next();
        }, workers).thenCompose(f -> f);
    }

    /** An item that failed with its batch (or its schema read), by Genesys' status and code when it gave one. */
    private static BulkFailure notRefused(int index, Object item, Throwable cause) {
        return cause instanceof GenesysApiException api
                ? new BulkFailure(index, item, cause.getMessage(), api.getHttpStatus(), api.getErrorCode())
                : new BulkFailure(index, item, cause.getMessage(), 0, "error");
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
            // one identifier value per item: the message's CamelGenesysIdentifierValue header does not apply
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

    /** The {@code results[]} of a BulkResponse, or {@code null} when there is not one per item. */
    private static JsonNode results(JsonNode response, int items) {
        JsonNode results = response == null ? null : response.get("results");
        return results != null && results.isArray() && results.size() == items ? results : null;
    }

    /** BulkResponse: {@code results[]} in request order, each {@code success} with {@code entity} or {@code error}. */
    private void read(JsonNode results, List<Object> originals, List<Integer> indexes) {
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

    /** The input could not be read on: the exchange fails with that error, the headers say what was stored. */
    private CompletableFuture<OperationResult> inputFailed(RuntimeException cause) {
        result().headers().forEach(exchange.getMessage()::setHeader);
        return CompletableFuture.failedFuture(cause);
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
