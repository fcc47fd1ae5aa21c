package io.camelgenesys.contacts;

import java.util.concurrent.CompletableFuture;

import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationExecution;
import io.camelgenesys.core.operation.OperationResult;

/**
 * The execution of the Genesys Cloud bulk rows: the message body is any collection of items, checked one by one
 * against the row's rules and sent in batches by a {@link BulkRunner}; per-item failures are reported, never dropped.
 *
 * @param kind           how an input item becomes a request entity
 * @param entity         the model of the stored entities in the result
 * @param enrichedEntity for enrich: the field of the enrich request that holds the entity ({@code contact},
 *                       {@code externalOrganization}); {@code null} otherwise
 * @param customFields   the check of each item's custom fields against its schema version (the single rows' own
 *                       check), or {@code null} for entities without custom fields
 */
record BulkExecution(Kind kind, Class<?> entity, String enrichedEntity, CustomFieldsExecution customFields)
        implements OperationExecution {

    /** How a bulk operation turns input items into request entities. */
    enum Kind {
        /** Items name entities: an id String, or an object with an id (bulkGet, bulkRemove). */
        IDS,
        /** Items are entities (bulkAdd, bulkUpdate). */
        ENTITIES,
        /** Items are enrich requests, or entities turned into one with the action/identifier options. */
        ENRICH
    }

    static BulkExecution ids(Class<?> entity) {
        return new BulkExecution(Kind.IDS, entity, null, null);
    }

    static BulkExecution entities(Class<?> entity) {
        return new BulkExecution(Kind.ENTITIES, entity, null, null);
    }

    static BulkExecution enrich(Class<?> entity, String enrichedEntity) {
        return new BulkExecution(Kind.ENRICH, entity, enrichedEntity, null);
    }

    /**
     * The same, checking each item's custom fields with {@code check} before it is sent: an item whose custom fields
     * do not fit its schema version is a per-item failure, as an item that breaks the row's rules.
     */
    BulkExecution checking(CustomFieldsExecution check) {
        return new BulkExecution(kind, entity, enrichedEntity, check);
    }

    @Override
    public CompletableFuture<OperationResult> execute(OperationContext context) {
        context.call(); // platform, paging and query checks before anything is sent
        return new BulkRunner(context, this).run();
    }

    /** Each item is checked and sent on its own: the message body is the collection, never a request body. */
    @Override
    public boolean sendsMessageBody() {
        return false;
    }
}
