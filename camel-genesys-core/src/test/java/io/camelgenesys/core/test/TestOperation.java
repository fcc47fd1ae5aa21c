package io.camelgenesys.core.test;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationExecution;
import io.camelgenesys.core.operation.OperationResult;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.PagingStyle;

/**
 * A test-only operation table over the simulator's generic item collection: it exercises the generic executor, and
 * shows the pattern of a component's table: one row per operation, nothing about an operation anywhere else.
 */
public enum TestOperation implements GenesysOperation {
    getItem(OperationSpec.get("/api/v2/simulator/items/{itemId}").returns(TestItem.class)),
    createItem(OperationSpec.post("/api/v2/simulator/items").body(Map.class).returns(TestItem.class)),
    updateItem(OperationSpec.put("/api/v2/simulator/items/{itemId}").body(Map.class).returns(TestItem.class)),
    deleteItem(OperationSpec.delete("/api/v2/simulator/items/{itemId}")),
    listItems(OperationSpec.get("/api/v2/simulator/items").returns(TestItem.class).paging(PagingStyle.PAGE_NUMBER)),
    scanItems(OperationSpec.get("/api/v2/simulator/items/scan").returns(TestItem.class).paging(PagingStyle.CURSOR)),
    offsetItems(OperationSpec.get("/api/v2/simulator/items/offset").returns(TestItem.class)
            .query("from").paging(PagingStyle.OFFSET)),
    /** A typed body: every field's JSON type is checked against {@link TypedItem}, then the name rule. */
    createTypedItem(OperationSpec.post("/api/v2/simulator/items").body(TypedItem.class).returns(TestItem.class)
            .rules(BodyRules.typed(TypedItem.class, BodyRules.text("name", 1, 40, true),
                    BodyRules.list("tags", 0, 3, false)))),
    /** Two list parameters: {@code tags} comma-joined (csv, the default), {@code labels} repeated (multi). */
    findItems(OperationSpec.get("/api/v2/simulator/items").query("tags").queryMulti("labels").returns(JsonNode.class)),
    /** A Multicloud-style call; tests answer it through the simulator's fault switchboard. */
    multicloudCall(OperationSpec.post("/test/v3/operations/{itemId}").optionalBody(JsonNode.class)
            .returns(JsonNode.class).multicloud()),
    /**
     * A list inside an envelope with its total (as Web Services answers), on Genesys Cloud only; tests answer it
     * through the simulator's fault switchboard.
     */
    listEnvelope(OperationSpec.get("/test/v2/envelope").result("/things").total("/count").returns(TestItem.class)
            .only(GenesysPlatform.cloud)),
    /**
     * An operation added as one row, with every hook a row may have: its item id bound to the {@code itemKey} option
     * (and so the {@code CamelGenesysItemKey} header), a body built from the {@code newName} option when the message has
     * none, the rules of that body, and a read of the item before the write that refuses a locked item.
     */
    renameItem(OperationSpec.put("/api/v2/simulator/items/{itemId}").body(Map.class).returns(TestItem.class)
            .alias("itemId", "itemKey")
            .prepare((call, context) -> {
                if (call.body() == null && context.parameter("newName") != null) {
                    call.body(Map.of("name", context.parameter("newName")));
                }
            })
            .rules(BodyRules.of(BodyRules.text("name", 1, 40, true)))
            .execution(OperationExecution.readFirst(OperationSpec.get("/api/v2/simulator/items/{itemId}"),
                    (operation, call, current) -> {
                        if ("locked".equals(current.path("name").asText())) {
                            throw new IllegalArgumentException(operation + ": item " + call.pathParams().get("itemId")
                                                               + " is locked");
                        }
                    }))),
    /**
     * {@code getItem}, then the stage a test puts in the exchange property {@link #THEN} (a
     * {@code Function<OperationResult, CompletionStage<OperationResult>>}): the thread that completes that stage
     * completes the exchange's call, so that a test decides which thread hands the route's continuation over.
     */
    getItemThen(OperationSpec.get("/api/v2/simulator/items/{itemId}").returns(TestItem.class)
            .execution(context -> {
                @SuppressWarnings("unchecked")
                Function<OperationResult, CompletionStage<OperationResult>> then
                        = context.exchange().getProperty(TestOperation.THEN, Function.class);
                return context.executor().execute(context.call()).thenCompose(then);
            })),
    /** A delete whose 500 is an answer (as UDM's bulk deletes list what they did not delete), not a fault. */
    purgeItem(OperationSpec.delete("/api/v2/simulator/items/{itemId}").answers(500)),
    /** A consumer-only row (a CometD channel): never sent, refused in to(). */
    watchItems(OperationSpec.cometd("/test/items"));

    /** The exchange property {@link #getItemThen} takes its stage from. */
    public static final String THEN = "GenesysTestThen";

    private final OperationSpec spec;

    TestOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
