package io.camelgenesys.contacts;

import io.camelgenesys.core.GenesysScheduledPollEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Component;
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
public class ContactsEndpoint extends GenesysScheduledPollEndpoint<ContactsOperation> {

    @UriPath(description = "The operation to perform, e.g. create, get, search, scan, enrich or bulkAdd. As a consumer"
                           + " (from), one of the scan operations: scan, scanOrganizations, scanRelationships, scanNotes,"
                           + " their division views (scanDivisionViews, ...) or listExternalSources, polled with the scheduler options (delay defaults to 60000 ms).")
    @Metadata(required = true)
    private ContactsOperation operation;

    @UriParam
    private final ContactsConfiguration configuration;

    public ContactsEndpoint(String uri, Component component, ContactsConfiguration configuration) {
        super(uri, component, ContactsOperation.class);
        this.configuration = configuration;
    }

    @Override
    public ContactsConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public ContactsOperation getOperation() {
        return operation;
    }

    public void setOperation(ContactsOperation operation) {
        this.operation = operation;
    }
}
