package io.camelgenesys.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.contacts.model.WebServicesContact;
import io.camelgenesys.core.operation.OperationSpec;

/** The resource paths of the contacts APIs, shared by the rows of {@link ContactsOperation}. */
final class ContactsPaths {

    static final String EC = "/api/v2/externalcontacts";
    static final String CONTACTS = EC + "/contacts";
    static final String CONTACT = CONTACTS + "/{contactId}";
    static final String ORGANIZATIONS = EC + "/organizations";
    static final String ORGANIZATION = ORGANIZATIONS + "/{externalOrganizationId}";
    static final String RELATIONSHIPS = EC + "/relationships";
    static final String EXTERNAL_SOURCES = EC + "/externalsources";
    // ---- import and export ----
    static final String IMPORT_SETTINGS = EC + "/import/settings";
    static final String CSV_SETTINGS = EC + "/import/csv/settings";
    static final String CSV_UPLOADS = EC + "/import/csv/uploads";
    static final String IMPORT_JOBS = EC + "/import/jobs";
    static final String WS_CONTACTS = "/api/v2/contacts";
    static final String WS_CONTACT = WS_CONTACTS + "/{contactId}";

    private ContactsPaths() {
    }

    /** Web Services: read one contact ({@code {statusCode, contact}}); the row of get and the read before a write. */
    static OperationSpec webServicesGet() {
        return OperationSpec.get(WS_CONTACT).result("/contact").returns(WebServicesContact.class);
    }

    /** A Genesys Cloud bulk request: {@code {"entities": [...]}} in, {@code {"results": [...]}} out. */
    static OperationSpec bulkPost(String path) {
        return OperationSpec.post(path).body(JsonNode.class).returns(JsonNode.class);
    }
}
