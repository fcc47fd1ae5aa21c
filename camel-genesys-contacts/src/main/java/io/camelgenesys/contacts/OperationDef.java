package io.camelgenesys.contacts;

import java.util.List;

import io.camelgenesys.core.operation.OperationSpec;

/**
 * What one {@link ContactsOperation} is on each platform: its {@link OperationSpec}, the rules of its body and query,
 * and, for bulk operations, how items are batched.
 */
final class OperationDef {

    static final String EC = "/api/v2/externalcontacts";
    static final String CONTACTS = EC + "/contacts";
    static final String CONTACT = CONTACTS + "/{contactId}";
    static final String ORGANIZATIONS = EC + "/organizations";
    static final String ORGANIZATION = ORGANIZATIONS + "/{externalOrganizationId}";
    static final String RELATIONSHIPS = EC + "/relationships";
    static final String EXTERNAL_SOURCES = EC + "/externalsources";
    static final String WS_CONTACTS = "/api/v2/contacts";

    /** How a bulk operation turns input items into request entities. */
    enum BulkKind {
        /** Items name entities: an id String, or an object with an id (bulkGet, bulkRemove). */
        IDS,
        /** Items are entities (bulkAdd, bulkUpdate). */
        ENTITIES,
        /** Items are enrich requests, or entities turned into one with the action/identifier options. */
        ENRICH
    }

    final OperationSpec cloud;
    BodyRules rules;
    List<QueryRule> queryRules = List.of();
    OperationSpec webServices;
    BodyRules webServicesRules;
    BulkKind bulk;
    Class<?> bulkEntity;
    String identifierOperation;

    private OperationDef(OperationSpec cloud) {
        this.cloud = cloud;
    }

    static OperationDef cloud(OperationSpec spec) {
        return new OperationDef(spec);
    }

    OperationDef rules(BodyRules bodyRules) {
        this.rules = bodyRules;
        return this;
    }

    OperationDef queryRules(QueryRule... rules) {
        this.queryRules = List.of(rules);
        return this;
    }

    OperationDef webServices(OperationSpec spec, BodyRules bodyRules) {
        this.webServices = spec;
        this.webServicesRules = bodyRules;
        return this;
    }

    /** A bulk operation: the body is any collection of items, sent in batches; rules apply to each item. */
    OperationDef bulk(BulkKind kind, Class<?> entity) {
        this.bulk = kind;
        this.bulkEntity = entity;
        return this;
    }

    /** Claim or Release: the body is the identifier, wrapped into an IdentifierClaimRequest. */
    OperationDef identifierOperation(String operation) {
        this.identifierOperation = operation;
        return this;
    }
}
