package io.camelgenesys.messaging.securemail;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.OperationPreparer;
import io.camelgenesys.core.operation.QueryRule;

/** How the genesys-securemail rows build their requests, and the documented rules they are checked against. */
final class SecureEmailRequests {

    /** The secure box: 3 to 16 letters or digits (seed 002 L3400-3430). */
    static final QueryRule SECUREBOX = QueryRule.matches("securebox", "[A-Za-z0-9]{3,16}", "3 to 16 letters A-Z, a-z or"
                                                                                           + " digits");
    static final QueryRule STATUS = QueryRule.matches("status", "unread|read|all", "unread, read or all");
    static final QueryRule INDEX = QueryRule.range("index", 0, Integer.MAX_VALUE);
    static final QueryRule COUNT = QueryRule.range("count", 1, Integer.MAX_VALUE);

    /** {@code data.emailAddress}, the consumer, is required and an email address. */
    static final BodyRules CREATE = BodyRules.of(BodyRules.object("data", true, BodyRules.of(
            BodyRules.text("emailAddress", 1, 256, true), BodyRules.email("emailAddress"))),
            BodyRules.text("operationId", 0, 1024, false));

    private static final Set<String> MARKS_READ = Set.of("read", "true", "");

    private SecureEmailRequests() {
    }

    /**
     * create: the body as {@code {"data":{...}, "operationId"}}: a body with {@code data} is sent as it is, any other
     * (a {@code SecureEmailContent}, a Map) becomes its {@code data}; the operationId option fills a missing one.
     */
    static final OperationPreparer CREATE_BODY = (call, context) -> {
        if (call.body() == null) {
            return;
        }
        JsonNode tree = GenesysJson.toTree(call.body());
        ObjectNode request;
        if (tree instanceof ObjectNode object && object.has("data")) {
            request = object.deepCopy();
        } else {
            request = JsonNodeFactory.instance.objectNode();
            request.set("data", tree);
        }
        Object operationId = context.parameter("operationId");
        if (!request.hasNonNull("operationId") && operationId != null) {
            request.put("operationId", operationId.toString());
        }
        call.body(request);
    };

    /** get: {@code read} is sent only when it is true (it stops the routing of an inbound email). */
    static final OperationPreparer READ_ONLY_WHEN_ASKED = (call, context) -> {
        if (!"true".equalsIgnoreCase(call.query().get("read"))) {
            call.query().remove("read");
        }
    };

    /** markRead: Genesys' {@code remove=read}. */
    static final OperationPreparer MARK_READ = (call, context) -> call.query("remove", "read");

    /** delete: {@code remove} is delete or purge; read would only mark it read. */
    static final OperationPreparer DELETE = (call, context) -> checkRemove(context.operationName(),
            call.query().get("remove"));

    static void checkRemove(String operation, String remove) {
        String value = remove == null ? "" : remove.strip();
        if (MARKS_READ.contains(value)) {
            throw new IllegalArgumentException(operation + ": remove=" + value + " would only mark the secure email"
                                               + " read (Genesys' default): use the markRead operation for that;"
                                               + " remove must be delete or purge");
        }
        if (!value.equals("delete") && !value.equals("purge")) {
            throw new IllegalArgumentException(operation + ": remove must be delete or purge, was '" + value + "'");
        }
    }
}
