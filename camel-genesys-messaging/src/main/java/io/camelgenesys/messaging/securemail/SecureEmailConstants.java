package io.camelgenesys.messaging.securemail;

import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.spi.Metadata;

/** Headers of genesys-securemail: the producers' inputs, each overriding the option of the same name for one message. */
public final class SecureEmailConstants extends GenesysConstants {

    @Metadata(label = "producer,input", description = "Input: list, count: the consumer's email address; overrides the"
              + " address option.", javaType = "String")
    public static final String ADDRESS = "CamelGenesysAddress";

    @Metadata(label = "producer,input", description = "Input: list, count: unread, read or all; overrides the status"
              + " option.", javaType = "String")
    public static final String STATUS = "CamelGenesysStatus";

    @Metadata(label = "producer,input", description = "Input: list: the position of the first secure email; overrides"
              + " the index option.", javaType = "Integer")
    public static final String INDEX = "CamelGenesysIndex";

    @Metadata(label = "producer,input", description = "Input: the secure box; overrides the securebox option.",
              javaType = "String")
    public static final String SECUREBOX = "CamelGenesysSecurebox";

    @Metadata(label = "producer,input", description = "Input: get, markRead, delete, getUserData: the secure email's"
              + " id; overrides the secureMailId option.", javaType = "String")
    public static final String SECURE_MAIL_ID = "CamelGenesysSecureMailId";

    @Metadata(label = "producer,input", description = "Input: get: true also marks it read, which stops an inbound"
              + " email's routing; overrides the read option.", javaType = "Boolean")
    public static final String READ = "CamelGenesysRead";

    @Metadata(label = "producer,input", description = "Input: delete: delete or purge; overrides the remove option.",
              javaType = "String")
    public static final String REMOVE = "CamelGenesysRemove";

    @Metadata(label = "producer,input", description = "Input: create: the operationId Genesys echoes; overrides the"
              + " operationId option.", javaType = "String")
    public static final String OPERATION_ID = "CamelGenesysOperationId";

    private SecureEmailConstants() {
    }
}
