package io.camelgenesys.messaging.openmedia;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationExecution;
import io.camelgenesys.core.operation.OperationPreparer;
import io.camelgenesys.core.operation.OperationResult;

/** How the genesys-openmedia rows build their requests, and the documented rules they are checked against. */
final class OpenMediaRequests {

    /** The literal prefix of a workitem addressed by its external id, in the same path segment (seed 002 L6834). */
    static final String EXTERNAL_PREFIX = "ext_";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The fields of a workitem's {@code data} (seed 002 L6752-6832). */
    private static final Set<String> DATA_FIELDS = Set.of("externalId", "parentInteractionId", "receivedAt", "userData");

    /** update: at least one of the three property sets (Genesys answers 400 to an empty change). */
    static final BodyRules UPDATE = BodyRules.of(BodyRules.object("data", true, BodyRules.of((data, path, violations) -> {
        for (String f : new String[] { "addedProperties", "changedProperties", "deletedProperties" }) {
            if (data.hasNonNull(f)) {
                return;
            }
        }
        violations.add(path + " needs addedProperties, changedProperties or deletedProperties");
    }, BodyRules.list("deletedProperties", 0, Integer.MAX_VALUE, false))));

    private OpenMediaRequests() {
    }

    /**
     * get, update, stop: the workitem's path segment, {@code {interactionId}} or {@code ext_{externalId}} (the executor
     * percent-encodes the whole segment, so a {@code /} in the external id is {@code %2F}).
     */
    static final OperationPreparer ADDRESSED = (call, context) -> {
        String interactionId = call.pathParams().get("interaction");
        String externalId = text(context.parameter("externalId"));
        if (interactionId != null && !interactionId.isBlank() && externalId != null) {
            throw new IllegalArgumentException(context.operationName() + " addresses a workitem by interactionId or by"
                                               + " externalId, not both: both are set (options or the"
                                               + " CamelGenesysInteractionId and CamelGenesysExternalId headers)");
        }
        if (externalId != null) {
            call.pathParam("interaction", EXTERNAL_PREFIX + externalId);
        } else if (interactionId == null || interactionId.isBlank()) {
            throw new IllegalArgumentException(context.operationName() + " needs the workitem: set the interactionId or"
                                               + " externalId option, or the CamelGenesysInteractionId or CamelGenesysExternalId"
                                               + " header");
        }
    };

    /**
     * create: the body as {@code {"data":{...}}}. A body with {@code data} is sent as it is; one with the workitem's
     * fields (externalId, parentInteractionId, receivedAt, userData) becomes its {@code data}; any other object (a CRM
     * record) becomes its {@code data.userData}; no body creates a workitem from the options. A missing externalId or
     * parentInteractionId comes from the options.
     */
    static final OperationPreparer CREATE_BODY = (call, context) -> {
        ObjectNode request;
        JsonNode tree = call.body() == null ? null : GenesysJson.toTree(call.body());
        if (tree instanceof ObjectNode object && object.has("data")) {
            request = object.deepCopy();
        } else {
            request = NODES.objectNode();
            if (tree instanceof ObjectNode object && anyDataField(object)) {
                request.set("data", object.deepCopy());
            } else if (tree != null && !tree.isNull()) {
                request.putObject("data").set("userData", tree);
            }
        }
        String externalId = text(context.parameter("externalId"));
        String parent = text(context.parameter("parentInteractionId"));
        if (externalId != null || parent != null) {
            JsonNode data = request.get("data");
            ObjectNode target = data instanceof ObjectNode o ? o : request.putObject("data");
            if (externalId != null && !target.hasNonNull("externalId")) {
                target.put("externalId", externalId);
            }
            if (parent != null && !target.hasNonNull("parentInteractionId")) {
                target.put("parentInteractionId", parent);
            }
        }
        call.body(request.isEmpty() ? null : request);
    };

    /** stop: a body without {@code data} becomes it; no body sends the reason options, if any. */
    static final OperationPreparer STOP_BODY = (call, context) -> {
        ObjectNode request = NODES.objectNode();
        JsonNode tree = call.body() == null ? null : GenesysJson.toTree(call.body());
        if (tree instanceof ObjectNode object && object.has("data")) {
            request = object.deepCopy();
        } else if (tree instanceof ObjectNode object && !object.isEmpty()) {
            request.set("data", object.deepCopy());
        } else {
            String name = text(context.parameter("reasonSystemName"));
            String description = text(context.parameter("reasonDescription"));
            if (name != null || description != null) {
                ObjectNode data = request.putObject("data");
                if (name != null) {
                    data.put("reasonSystemName", name);
                }
                if (description != null) {
                    data.put("reasonDescription", description);
                }
            }
        }
        call.body(request.isEmpty() ? null : request);
    };

    /** update: a body without {@code data} (the property changes themselves) becomes it. */
    static final OperationPreparer UPDATE_BODY = (call, context) -> {
        if (call.body() == null) {
            return;
        }
        JsonNode tree = GenesysJson.toTree(call.body());
        if (tree instanceof ObjectNode object && !object.has("data")) {
            ObjectNode request = NODES.objectNode();
            request.set("data", object.deepCopy());
            call.body(request);
        } else {
            call.body(tree);
        }
    };

    /**
     * create: one call; a 409 (the externalId exists in the service) fails with a message saying so and how to get the
     * existing workitem, or, with idempotentCreate, reads that workitem by {@code ext_<externalId>} and returns it.
     * Header CamelGenesysInteractionExisted says which happened.
     */
    static final OperationExecution CREATE = context -> {
        OperationCall create = context.call();
        return context.executor().execute(create).handle((result, failure) -> {
            if (failure == null) {
                result.headers().put(OpenMediaConstants.INTERACTION_EXISTED, Boolean.FALSE);
                return CompletableFuture.completedFuture(result);
            }
            Throwable cause = GenesysErrors.unwrap(failure);
            if (!(cause instanceof GenesysApiException api) || api.getHttpStatus() != 409) {
                return CompletableFuture.<OperationResult> failedFuture(cause);
            }
            String externalId = text(create.body() instanceof JsonNode body ? body.path("data").path("externalId")
                    .asText(null) : null);
            String service = create.pathParams().get("openMediaService");
            if (!context.configuration(OpenMediaConfiguration.class).isIdempotentCreate() || externalId == null) {
                return CompletableFuture.<OperationResult> failedFuture(new GenesysApiException(api.getMessage()
                        + ". A workitem with externalId " + externalId + " exists already in open media service "
                        + service + ": get it with genesys-openmedia:get?externalId=..., or set idempotentCreate=true"
                        + " to have create return it", GenesysApiException.builder().httpStatus(409)
                        .errorCode(api.getErrorCode()).errorMessage(api.getErrorMessage())
                        .correlationId(api.getCorrelationId()).bodyExcerpt(api.getBodyExcerpt())
                        .operation(api.getOperation()), api));
            }
            OperationCall get = context.callOf(OpenMediaOperation.get.spec(GenesysPlatform.multicloud))
                    .pathParam("openMediaService", service).pathParam("interaction", EXTERNAL_PREFIX + externalId);
            return context.executor().execute(get).thenApply(existing -> {
                existing.headers().put(OpenMediaConstants.INTERACTION_EXISTED, Boolean.TRUE);
                return existing;
            });
        }).thenCompose(f -> f);
    };

    private static boolean anyDataField(ObjectNode object) {
        for (String f : DATA_FIELDS) {
            if (object.has(f)) {
                return true;
            }
        }
        return false;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
