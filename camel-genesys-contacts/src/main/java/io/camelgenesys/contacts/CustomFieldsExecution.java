package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationExecution;
import io.camelgenesys.core.operation.OperationResult;

/**
 * Create, update, patch and enrich of an entity with custom fields: the {@code customFields} are checked against the
 * schema version the entity references ({@code schema.id}, {@code schema.version}) before the write is sent, and the
 * write is not sent when a value does not fit (every problem named at once, as an {@link IllegalArgumentException}).
 * The version is read through the connection's {@link SchemaVersionCache}: once per version, however many exchanges
 * ask. A patch that changes custom fields without changing the schema is checked against the schema the entity has
 * now, read first. Without a schema reference nothing is checked (Genesys refuses custom fields without one).
 * {@code validateCustomFields=false} sends the write as is.
 * <p>
 * A row uses it as its execution ({@link #CONTACT}; {@link #in(String)} when the entity is a field of the request, as
 * the {@code contact} of an enrich request), or hands it to its {@link BulkExecution}, whose runner asks
 * {@link #problems} for each item and refuses the items whose custom fields do not fit, one by one.
 */
final class CustomFieldsExecution implements OperationExecution {

    static final CustomFieldsExecution CONTACT = new CustomFieldsExecution("contact", "getContactSchemaVersion", "get");
    static final CustomFieldsExecution ORGANIZATION = new CustomFieldsExecution("organization",
            "getOrganizationSchemaVersion", "getOrganization");

    private static final String CUSTOM_FIELDS = "$.customFields";

    private final String entity;
    /** the rows that read a schema version and the entity (by name: they are rows of the same enum being built) */
    private final String versionRow;
    private final String readRow;
    /** the field of the request body that holds the entity ({@code contact} of an enrich request), or {@code null} */
    private final String field;

    private CustomFieldsExecution(String entity, String versionRow, String readRow, String field) {
        this.entity = entity;
        this.versionRow = versionRow;
        this.readRow = readRow;
        this.field = field;
    }

    private CustomFieldsExecution(String entity, String versionRow, String readRow) {
        this(entity, versionRow, readRow, null);
    }

    /** The same check of an entity sent as the field {@code field} of the request body (an enrich request). */
    CustomFieldsExecution in(String field) {
        return new CustomFieldsExecution(entity, versionRow, readRow, field);
    }

    @Override
    public CompletableFuture<OperationResult> execute(OperationContext context) {
        OperationCall write = context.call();
        JsonNode body = write.bodyTreeView(); // read only: the write sends the body as it is
        if (field != null && body != null) {
            body = body.get(field);
        }
        if (!context.configuration(ContactsConfiguration.class).isValidateCustomFields() || body == null
            || !body.isObject()) {
            return context.executor().execute(write);
        }
        if (field == null && body.path("changes").isArray()) {
            return patch(context, write, body.get("changes"));
        }
        JsonNode fields = body.get("customFields");
        JsonNode ref = body.get("schema");
        if (ref == null || ref.isNull()) {
            // nothing to check against: Genesys refuses custom fields without a schema itself
            return context.executor().execute(write);
        }
        return checked(context, write, ref, schema -> schema.violations(fields, true));
    }

    /**
     * A change list: {@code $.customFields} replaces them all (so required fields count), {@code $.customFields.<f>}
     * sets or removes one, {@code $.schema} assigns a schema version. Without a custom-field change nothing is checked.
     */
    private CompletableFuture<OperationResult> patch(OperationContext context, OperationCall write, JsonNode changes) {
        JsonNode schemaRef = null;
        JsonNode whole = null;
        ObjectNode single = GenesysJson.MAPPER.createObjectNode();
        List<String> removed = new ArrayList<>();
        for (JsonNode change : changes) {
            String field = change.path("field").asText("");
            boolean remove = "Remove".equals(change.path("action").asText());
            if ("$.schema".equals(field)) {
                schemaRef = remove ? null : change.get("value");
            } else if (CUSTOM_FIELDS.equals(field)) {
                whole = remove ? GenesysJson.MAPPER.createObjectNode() : change.get("value");
            } else if (field.startsWith(CUSTOM_FIELDS + ".")) {
                String name = field.substring(CUSTOM_FIELDS.length() + 1).split("[.\\[]", 2)[0];
                if (remove) {
                    removed.add(name);
                } else if (field.length() == CUSTOM_FIELDS.length() + 1 + name.length()) {
                    single.set(name, change.get("value"));
                }
            }
        }
        if (whole == null && single.isEmpty() && removed.isEmpty()) {
            return context.executor().execute(write);
        }
        JsonNode wholeFields = whole;
        Function<CustomFieldSchema, List<String>> check = schema -> {
            List<String> problems = new ArrayList<>();
            if (wholeFields != null) {
                problems.addAll(schema.violations(wholeFields, true));
            }
            single.fields().forEachRemaining(e -> {
                String problem = schema.problem(e.getKey(), e.getValue());
                if (problem != null) {
                    problems.add(problem);
                }
            });
            for (String r : removed) {
                if (schema.isRequired(r)) {
                    problems.add("customFields." + r + " is required: it cannot be removed");
                }
            }
            return problems;
        };
        if (schemaRef != null) {
            return checked(context, write, schemaRef, check);
        }
        // the custom fields follow the schema the entity has now
        OperationCall read = context.callOf(ContactsOperation.valueOf(readRow).spec(GenesysPlatform.cloud))
                .outputType(GenesysOutputType.json);
        write.pathParams().forEach(read::pathParam);
        return context.executor().execute(read).thenCompose(current -> {
            JsonNode ref = current.body() instanceof JsonNode n ? n.get("schema") : null;
            if (ref == null || ref.isNull()) {
                return refused(context, "the " + entity + " has no schema, so it has no custom fields to change: set"
                                        + " $.schema ({\"id\": ..., \"version\": ...}) in the same patch");
            }
            return checked(context, write, ref, check);
        });
    }

    /**
     * The problems of one bulk item's custom fields, as one text naming the schema version and every problem (an
     * empty list when they fit, when the item references no schema, or with {@code validateCustomFields=false}). A
     * reference that names no version, or a version Genesys does not have, is a problem of the item; a read that
     * failed otherwise (5xx or 429 after the retries, a lost connection) fails the future, the item not being at fault.
     * The future may complete on an I/O thread.
     *
     * @param item the entity as it is sent (for enrich, the entity inside the enrich request)
     */
    CompletableFuture<List<String>> problems(OperationContext context, JsonNode item) {
        JsonNode ref = item == null || !item.isObject() ? null : item.get("schema");
        if (ref == null || ref.isNull() || !context.configuration(ContactsConfiguration.class).isValidateCustomFields()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String bad = badReference(ref);
        if (bad != null) {
            return CompletableFuture.completedFuture(List.of(bad));
        }
        String id = ref.get("id").asText().strip();
        long version = ref.get("version").asLong();
        return schema(context, id, version).handle((s, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (isNotFound(cause)) {
                    return List.of(notFound(id, version));
                }
                throw new CompletionException(cause);
            }
            List<String> problems = s.violations(item.get("customFields"), true);
            return problems.isEmpty() ? List.<String>of()
                    : List.of("the customFields do not match " + s.describe() + ": " + String.join("; ", problems));
        });
    }

    /** Reads the referenced version (cached), checks with {@code check}, and only then sends {@code write}. */
    private CompletableFuture<OperationResult> checked(OperationContext context, OperationCall write, JsonNode ref,
                                                       Function<CustomFieldSchema, List<String>> check) {
        String bad = badReference(ref);
        if (bad != null) {
            return refused(context, bad);
        }
        String id = ref.get("id").asText().strip();
        long version = ref.get("version").asLong();
        CompletableFuture<CustomFieldSchema> schema = schema(context, id, version);
        // a read still in flight completes on an I/O thread: the exchanges that waited for it go on on the workers
        BiFunction<CustomFieldSchema, Throwable, CompletableFuture<OperationResult>> then = (s, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (isNotFound(cause)) {
                    return CompletableFuture.<OperationResult>failedFuture(new IllegalArgumentException(
                            context.operationName() + ": " + notFound(id, version), cause));
                }
                return CompletableFuture.<OperationResult>failedFuture(cause);
            }
            List<String> problems = check.apply(s);
            if (!problems.isEmpty()) {
                return CompletableFuture.<OperationResult>failedFuture(new IllegalArgumentException(
                        context.operationName() + ": the customFields do not match " + s.describe() + ": "
                        + String.join("; ", problems)));
            }
            return context.executor().execute(write);
        };
        return (schema.isDone() ? schema.handle(then) : schema.handleAsync(then, context.workers()))
                .thenCompose(f -> f);
    }

    /** What is wrong with a schema reference, or {@code null} when it names a version. */
    private static String badReference(JsonNode ref) {
        String id = ref.path("id").isTextual() ? ref.get("id").asText().strip() : "";
        JsonNode version = ref.get("version");
        if (id.isEmpty() || version == null || !version.isIntegralNumber() || version.asLong() < 1) {
            return "schema must name the schema version the custom fields follow: schema.id (text) and"
                   + " schema.version (a whole number from 1), was " + ref;
        }
        return null;
    }

    /** The version, from the connection's cache or read once for every exchange that asks meanwhile. */
    private CompletableFuture<CustomFieldSchema> schema(OperationContext context, String id, long version) {
        String key = entity + "/" + id + "/" + version;
        SchemaVersionCache cache = context.executor().connection().attachment(SchemaVersionCache.KEY,
                c -> new SchemaVersionCache(SchemaVersionCache.CAPACITY));
        return cache.get(key, () -> {
            OperationCall read = context.callOf(ContactsOperation.valueOf(versionRow).spec(GenesysPlatform.cloud))
                    .outputType(GenesysOutputType.json).pathParam("schemaId", id)
                    .pathParam("versionId", String.valueOf(version));
            return context.executor().execute(read).thenApply(r -> CustomFieldSchema.of((JsonNode) r.body()));
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static boolean isNotFound(Throwable cause) {
        return cause instanceof GenesysApiException e && e.getHttpStatus() == 404;
    }

    private String notFound(String id, long version) {
        return "the " + entity + "'s schema " + id + " version " + version + " does not exist in Genesys ("
               + versionRow + " answered 404)";
    }

    private static CompletableFuture<OperationResult> refused(OperationContext context, String why) {
        return CompletableFuture.failedFuture(new IllegalArgumentException(context.operationName() + ": " + why));
    }
}
