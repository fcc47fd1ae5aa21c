package io.camelgenesys.contacts;

import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.spi.Metadata;

/** Headers of genesys-contacts: the shared camel-genesys headers plus its path parameters. */
public final class ContactsConstants extends GenesysConstants {

    @Metadata(label = "producer", description = "The external contact id; overrides the contactId option.",
              javaType = "String")
    public static final String CONTACT_ID = "GenesysContactId";

    @Metadata(label = "producer", description = "Which related entities to expand (e.g. externalOrganization);"
                                                + " overrides the expand option.", javaType = "String")
    public static final String EXPAND = "GenesysExpand";

    private ContactsConstants() {
    }
}
