package io.camelgenesys.contacts;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Genesys Cloud external contacts (and Engage Web Services contacts with platform=webServices): create, read,
 * search, scan, bulk-load and enrich contacts, organizations, notes and relationships.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-contacts", title = "Genesys Contacts",
             syntax = "genesys-contacts:operation", producerOnly = true, category = { Category.CLOUD, Category.SAAS },
             headersClass = ContactsConstants.class)
public class ContactsEndpoint extends GenesysEndpoint<ContactsOperation> {

    @UriPath(description = "The operation to perform, e.g. create, get, search, scan or enrich.")
    @Metadata(required = true)
    private ContactsOperation operation;

    @UriParam(label = "producer", description = "The external contact id of get, update, patch, delete and the"
                                                + " other single-contact operations; the GenesysContactId header"
                                                + " overrides it.")
    private String contactId;

    @UriParam(label = "producer", description = "Related entities to expand in the response, comma separated (e.g."
                                                + " externalOrganization, externalDataSources, identifiers).")
    private String expand;

    public ContactsEndpoint(String uri, Component component, GenesysConfiguration configuration) {
        super(uri, component, configuration, ContactsOperation.class);
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

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }
}
