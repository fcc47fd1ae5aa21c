package io.camelgenesys.contacts;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysEndpoint;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.PagingStyle;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Genesys Cloud external contacts (and Engage Web Services contacts with platform=webServices): create, read,
 * search, scan, bulk-load and enrich contacts, organizations, notes, relationships and external sources; consume a
 * cursor scan on a schedule.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-contacts", title = "Genesys Contacts",
             syntax = "genesys-contacts:operation", category = { Category.CLOUD, Category.SAAS },
             headersClass = ContactsConstants.class)
public class ContactsEndpoint extends GenesysEndpoint<ContactsOperation> {

    @UriPath(description = "The operation to perform, e.g. create, get, search, scan, enrich or bulkAdd. As a consumer"
                           + " (from), one of the scan operations: scan, scanOrganizations, scanRelationships, scanNotes"
                           + " or listExternalSources.")
    @Metadata(required = true)
    private ContactsOperation operation;

    @UriParam(label = "producer", description = "The contact id of get, update, patch, delete and the other"
                                                + " single-contact operations; the GenesysContactId header overrides it.")
    private String contactId;

    @UriParam(label = "producer", description = "The note id of getNote, updateNote, deleteNote and the organization note"
                                                + " operations; the GenesysNoteId header overrides it.")
    private String noteId;

    @UriParam(label = "producer", description = "The external organization id of the organization operations; the"
                                                + " GenesysExternalOrganizationId header overrides it.")
    private String externalOrganizationId;

    @UriParam(label = "producer", description = "The relationship id of getRelationship, updateRelationship and"
                                                + " deleteRelationship; the GenesysRelationshipId header overrides it.")
    private String relationshipId;

    @UriParam(label = "producer", description = "The external source id of getExternalSource, updateExternalSource and"
                                                + " deleteExternalSource; enrich with identifierType=ExternalId: the"
                                                + " external source of the identifier.")
    private String externalSourceId;

    @UriParam(label = "producer", description = "associateConversation: the conversation id; the GenesysConversationId"
                                                + " header overrides it.")
    private String conversationId;

    @UriParam(label = "producer", description = "linkTrustor: the trustor id. searchOrganizations: trustor ids to search"
                                                + " by, comma separated (at most 25; q is then ignored).")
    private String trustorId;

    @UriParam(label = "producer", description = "Related entities to expand in the response, comma separated (e.g."
                                                + " externalOrganization, externalDataSources, identifiers).")
    private String expand;

    @UriParam(label = "producer", description = "The search keywords of search, searchOrganizations and"
                                                + " listOrganizationContacts: a phone number such as +15551234567, an"
                                                + " email or a name.")
    private String q;

    @UriParam(label = "producer", description = "The sort of a search, field:direction, e.g. lastName:asc (contacts:"
                                                + " firstName, lastName, middleName, title; notes: createDate;"
                                                + " organizations: companyType, industry, name).")
    private String sortOrder;

    @UriParam(label = "producer", description = "search and searchOrganizations: the division ids to search, comma"
                                                + " separated (at most 50).")
    private String divisionIds;

    @UriParam(label = "producer", description = "reverseLookup: the division to look up contacts in.")
    private String divisionId;

    @UriParam(label = "producer", description = "getOrganization, searchOrganizations: whether to embed trustor"
                                                + " information.")
    private Boolean includeTrustors;

    @UriParam(label = "producer", description = "enrich, enrichOrganization, bulkEnrich: show what would happen without"
                                                + " changing anything.")
    private Boolean dryRun;

    @UriParam(label = "producer", description = "reverseLookup: the value to look up (an email address, an E.164 phone"
                                                + " number or a Twitter screen name); the GenesysLookupVal header"
                                                + " overrides it.")
    private String lookupVal;

    @UriParam(label = "producer", description = "getJourneySegments, getJourneySessions: include the contacts merged"
                                                + " into this one.")
    private Boolean includeMerged;

    @UriParam(label = "producer", description = "getJourneySegments: the most segment assignments to return (1-500).")
    private Integer limit;

    @UriParam(label = "producer", description = "getJourneySessions: the cursor to resume after (from the previous"
                                                + " response).")
    private String after;

    @UriParam(label = "common", description = "listExternalSources: a name prefix to filter by. webServices search: the"
                                              + " contact name.")
    private String name;

    @UriParam(label = "common", description = "listExternalSources: only active (true) or inactive (false) sources.")
    private Boolean active;

    @UriParam(label = "producer", enums = "Insert,Update,Upsert,Merge",
              description = "enrich and bulkEnrich when the body is a contact (not a ContactEnrichRequest): what to do"
                            + " with the contacts the identifier matches. Upsert updates the match or creates the contact:"
                            + " an idempotent upsert by external id.")
    private EnrichAction action;

    @UriParam(label = "producer", description = "enrich and bulkEnrich when the body is a contact: the type of the"
                                                + " matching identifier (e.g. ExternalId, Email, Phone).")
    private IdentifierType identifierType;

    @UriParam(label = "producer", description = "enrich when the body is a contact: the value of the matching identifier;"
                                                + " the GenesysIdentifierValue header overrides it.")
    private String identifierValue;

    @UriParam(label = "producer", description = "enrich and bulkEnrich when the body is a contact: the field of the"
                                                + " contact (Map key or model property) that holds the identifier value,"
                                                + " e.g. crmId; used when no identifierValue or header is set.")
    private String identifierField;

    @UriParam(label = "producer", defaultValue = "100",
              description = "Bulk operations: the most items per request; the input (any collection, array, Iterable or"
                            + " Iterator) is sent in batches of this size, bulkEnrich in batches of at most 10.")
    private int bulkBatchSize = 100;

    @UriParam(label = "producer", defaultValue = "fail", enums = "fail,continue",
              description = "Bulk operations: fail (the exchange fails at the first batch with a failed item, naming"
                            + " them; earlier batches stay stored) or continue (every batch is sent and the failed items"
                            + " are listed in the GenesysBulkFailures header, to dead-letter them).")
    private String bulkFailureMode = "fail";

    @UriParam(label = "producer", description = "webServices search: the contact type (Custom, Queue or User).")
    private String type;

    @UriParam(label = "producer", description = "webServices search: the first name.")
    private String firstName;

    @UriParam(label = "producer", description = "webServices search: the last name.")
    private String lastName;

    @UriParam(label = "producer", description = "webServices search: the user name (the userName filter; named so that"
                                                + " it is not taken for the username credential).")
    private String contactUserName;

    @UriParam(label = "producer", description = "webServices search: the phone number.")
    private String phoneNumber;

    @UriParam(label = "producer", description = "webServices search: the employee id.")
    private String employeeId;

    @UriParam(label = "consumer", defaultValue = "60000",
              description = "Scan consumer: milliseconds between the end of one full scan and the start of the next.")
    private long delay = 60_000;

    @UriParam(label = "consumer", defaultValue = "1000",
              description = "Scan consumer: milliseconds before the first scan.")
    private long initialDelay = 1000;

    public ContactsEndpoint(String uri, Component component, GenesysConfiguration configuration) {
        super(uri, component, configuration, ContactsOperation.class);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (!"fail".equals(bulkFailureMode) && !"continue".equals(bulkFailureMode)) {
            throw new IllegalArgumentException("bulkFailureMode must be fail or continue, was '" + bulkFailureMode + "'");
        }
        if (bulkBatchSize < 1) {
            throw new IllegalArgumentException("bulkBatchSize must be 1 or more, was " + bulkBatchSize);
        }
    }

    @Override
    public Producer createProducer() throws Exception {
        if (getOperation() == null) {
            throw new IllegalArgumentException("The operation is required: "
                                               + org.apache.camel.util.URISupport.sanitizeUri(getEndpointUri()));
        }
        return new ContactsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (getOperation() == null || !getOperation().isCursorScan()) {
            throw new IllegalArgumentException("genesys-contacts:" + getOperation() + " cannot be consumed: from() takes"
                                               + " a scan operation (scan, scanOrganizations, scanRelationships, scanNotes,"
                                               + " listExternalSources)");
        }
        ContactsScanConsumer consumer = new ContactsScanConsumer(this, processor);
        consumer.setDelay(delay);
        consumer.setInitialDelay(initialDelay);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public OperationCall createCall(ContactsOperation op, Exchange exchange) {
        OperationCall call = super.createCall(op, exchange);
        OperationSpec spec = call.spec();
        if (spec.paging() == PagingStyle.PAGE_NUMBER) {
            QueryRule.range("pageSize", 1, ContactsLimits.PAGE_SIZE_MAX).check(op.name(), call.query());
        } else if (spec.paging() == PagingStyle.CURSOR) {
            QueryRule.range("limit", ContactsLimits.SCAN_LIMIT_MIN, ContactsLimits.SCAN_LIMIT_MAX)
                    .check(op.name(), call.query());
        }
        if (getConfiguration().getPlatform() == GenesysPlatform.cloud) {
            for (QueryRule rule : op.queryRules()) {
                rule.check(op.name(), call.query());
            }
        }
        return call;
    }

    @Override
    protected Object parameter(Message in, String name) {
        // the Web Services userName filter would clash with the username credential option
        if ("userName".equals(name) && in.getHeader("GenesysUserName") == null) {
            return contactUserName;
        }
        // getJourneySessions takes pageSize as a plain query parameter (the operation is not paged by core)
        if ("pageSize".equals(name) && in.getHeader(ContactsConstants.PAGE_SIZE) == null) {
            return getConfiguration().getPageSize();
        }
        return super.parameter(in, name);
    }

    @Override
    protected Object prepareBody(ContactsOperation op, Message in) {
        if (op.bulkKind() != null) {
            return null; // the bulk producer validates and sends each item in batches
        }
        Object body = in.getBody();
        // enrich may build its request from the options alone (matching identifiers, no contact data)
        if (body == null && op.enrichedEntity() == null) {
            OperationSpec spec = op.spec(getConfiguration().getPlatform());
            if (spec.bodyRequired()) {
                throw new IllegalArgumentException(op.name() + " needs a message body: a "
                                                   + spec.requestType().getSimpleName() + ", a Map or JSON");
            }
            return null;
        }
        // a copy, so that wrapping or defaulting never changes a JsonNode the route still holds
        JsonNode tree = body instanceof JsonNode node ? node.deepCopy() : GenesysJson.toTree(body);
        if (op.identifierOperation() != null) {
            tree = identifierClaim(op, tree);
        } else if (op.enrichedEntity() != null) {
            tree = enrichRequest(tree, in.getHeader(ContactsConstants.IDENTIFIER_VALUE, String.class), op);
        } else if (getConfiguration().getPlatform() == GenesysPlatform.webServices && op == ContactsOperation.create
                   && tree instanceof ObjectNode o && !o.hasNonNull("type")) {
            o.put("type", "Custom"); // seed 001: POST "Creates a new contact of custom type"
        }
        validate(op.bodyRules(getConfiguration().getPlatform()), tree, op.name());
        return tree;
    }

    static void validate(BodyRules rules, JsonNode tree, String what) {
        if (rules == null) {
            return;
        }
        List<String> violations = rules.violations(tree);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(what + ": " + String.join("; ", violations));
        }
    }

    /** claimIdentifier/releaseIdentifier take the identifier itself; the operation comes from the URI. */
    private static JsonNode identifierClaim(ContactsOperation op, JsonNode tree) {
        if (tree != null && tree.has("identifier")) {
            String given = tree.path("operation").asText(op.identifierOperation());
            if (!given.equals(op.identifierOperation())) {
                throw new IllegalArgumentException(op.name() + ": the body's operation is " + given + " but "
                                                   + op.name() + " does " + op.identifierOperation());
            }
            ((ObjectNode) tree).put("operation", op.identifierOperation());
            return tree;
        }
        ObjectNode claim = GenesysJson.MAPPER.createObjectNode();
        claim.put("operation", op.identifierOperation());
        claim.set("identifier", tree);
        return claim;
    }

    /**
     * An enrich request as is, or a contact wrapped into one from the action and identifier options: the one-line
     * idempotent upsert {@code enrich?action=Upsert&identifierType=ExternalId&identifierField=crmId}.
     */
    JsonNode enrichRequest(JsonNode tree, String headerValue, ContactsOperation op) {
        String what = op.name();
        String entityField = op.enrichedEntity();
        if (tree != null && tree.isObject() && (tree.has("matchingIdentifiers") || tree.has(entityField))) {
            if (!tree.hasNonNull("action") && action != null) {
                ((ObjectNode) tree).put("action", action.name());
            }
            return tree;
        }
        if (action == null || identifierType == null) {
            throw new IllegalArgumentException(what + ": the body is the " + entityField + " itself, so the action and"
                                               + " identifierType options are required to build the enrich request"
                                               + " (e.g. action=Upsert&identifierType=ExternalId), or send the enrich"
                                               + " request");
        }
        String value = headerValue != null ? headerValue : identifierValue;
        if (value == null && identifierField != null && tree != null) {
            JsonNode v = tree.get(identifierField);
            value = v == null || v.isNull() ? null : v.asText();
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + ": the matching identifier value is missing: set the"
                                               + " GenesysIdentifierValue header, the identifierValue option, or"
                                               + " identifierField to a field of the contact"
                                               + (identifierField != null ? " (the contact has no " + identifierField + ")"
                                                       : ""));
        }
        ObjectNode request = GenesysJson.MAPPER.createObjectNode();
        request.put("action", action.name());
        ArrayNode matching = request.putArray("matchingIdentifiers");
        ObjectNode identifier = matching.addObject();
        identifier.put("type", identifierType.name());
        identifier.put("value", value);
        if (externalSourceId != null) {
            identifier.putObject("externalSource").put("id", externalSourceId);
        }
        if (tree != null) {
            request.set(entityField, tree);
        }
        return request;
    }

    @Override
    public ContactsOperation getOperation() {
        return operation;
    }

    public void setOperation(ContactsOperation operation) {
        this.operation = operation;
    }

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getNoteId() {
        return noteId;
    }

    public void setNoteId(String noteId) {
        this.noteId = noteId;
    }

    public String getExternalOrganizationId() {
        return externalOrganizationId;
    }

    public void setExternalOrganizationId(String externalOrganizationId) {
        this.externalOrganizationId = externalOrganizationId;
    }

    public String getRelationshipId() {
        return relationshipId;
    }

    public void setRelationshipId(String relationshipId) {
        this.relationshipId = relationshipId;
    }

    public String getExternalSourceId() {
        return externalSourceId;
    }

    public void setExternalSourceId(String externalSourceId) {
        this.externalSourceId = externalSourceId;
    }

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public String getTrustorId() {
        return trustorId;
    }

    public void setTrustorId(String trustorId) {
        this.trustorId = trustorId;
    }

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(String sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getDivisionIds() {
        return divisionIds;
    }

    public void setDivisionIds(String divisionIds) {
        this.divisionIds = divisionIds;
    }

    public String getDivisionId() {
        return divisionId;
    }

    public void setDivisionId(String divisionId) {
        this.divisionId = divisionId;
    }

    public Boolean getIncludeTrustors() {
        return includeTrustors;
    }

    public void setIncludeTrustors(Boolean includeTrustors) {
        this.includeTrustors = includeTrustors;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getLookupVal() {
        return lookupVal;
    }

    public void setLookupVal(String lookupVal) {
        this.lookupVal = lookupVal;
    }

    public Boolean getIncludeMerged() {
        return includeMerged;
    }

    public void setIncludeMerged(Boolean includeMerged) {
        this.includeMerged = includeMerged;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public EnrichAction getAction() {
        return action;
    }

    public void setAction(EnrichAction action) {
        this.action = action;
    }

    public IdentifierType getIdentifierType() {
        return identifierType;
    }

    public void setIdentifierType(IdentifierType identifierType) {
        this.identifierType = identifierType;
    }

    public String getIdentifierValue() {
        return identifierValue;
    }

    public void setIdentifierValue(String identifierValue) {
        this.identifierValue = identifierValue;
    }

    public String getIdentifierField() {
        return identifierField;
    }

    public void setIdentifierField(String identifierField) {
        this.identifierField = identifierField;
    }

    public int getBulkBatchSize() {
        return bulkBatchSize;
    }

    public void setBulkBatchSize(int bulkBatchSize) {
        this.bulkBatchSize = bulkBatchSize;
    }

    public String getBulkFailureMode() {
        return bulkFailureMode;
    }

    public void setBulkFailureMode(String bulkFailureMode) {
        this.bulkFailureMode = bulkFailureMode;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getContactUserName() {
        return contactUserName;
    }

    public void setContactUserName(String contactUserName) {
        this.contactUserName = contactUserName;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    public long getDelay() {
        return delay;
    }

    public void setDelay(long delay) {
        this.delay = delay;
    }

    public long getInitialDelay() {
        return initialDelay;
    }

    public void setInitialDelay(long initialDelay) {
        this.initialDelay = initialDelay;
    }
}
