package io.camelgenesys.conversations;

import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of genesys-users: the shared camel-genesys headers plus its inputs (each overrides the option of the same
 * name for one message). Each says its direction first (see {@link GenesysConstants}).
 */
public final class UsersConstants extends GenesysConstants {

    @Metadata(label = "producer,input", description = "Input: the user id; overrides the userId option.",
              javaType = "String")
    public static final String USER_ID = "CamelGenesysUserId";

    @Metadata(label = "producer,input", description = "Input: the queue id; overrides the queueId option.",
              javaType = "String")
    public static final String QUEUE_ID = "CamelGenesysQueueId";

    @Metadata(label = "producer,input", description = "Input: what to expand (e.g. presence, routingStatus), a"
              + " comma-separated String or a List; overrides the expand option.", javaType = "String")
    public static final String EXPAND = "CamelGenesysExpand";
}
