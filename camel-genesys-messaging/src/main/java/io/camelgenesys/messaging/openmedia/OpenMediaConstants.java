package io.camelgenesys.messaging.openmedia;

import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.spi.Metadata;

/** Headers of genesys-openmedia: the producers' inputs (each overrides the option of the same name) and outputs. */
public final class OpenMediaConstants extends GenesysConstants {

    @Metadata(label = "producer,input", description = "Input: the open media service; overrides the openMediaService"
              + " option.", javaType = "String")
    public static final String OPEN_MEDIA_SERVICE = "CamelGenesysOpenMediaService";

    @Metadata(label = "producer,input", description = "Input: get, update, stop: the workitem's interaction id;"
              + " overrides the interactionId option.", javaType = "String")
    public static final String INTERACTION_ID = "CamelGenesysInteractionId";

    @Metadata(label = "producer,input", description = "Input: get, update, stop: the workitem's external id; create:"
              + " the new workitem's. Overrides the externalId option.", javaType = "String")
    public static final String EXTERNAL_ID = "CamelGenesysExternalId";

    @Metadata(label = "producer,input", description = "Input: create: the parent's interaction id; overrides the"
              + " parentInteractionId option.", javaType = "String")
    public static final String PARENT_INTERACTION_ID = "CamelGenesysParentInteractionId";

    @Metadata(label = "producer,input", description = "Input: stop: the reason's system name; overrides the"
              + " reasonSystemName option.", javaType = "String")
    public static final String REASON_SYSTEM_NAME = "CamelGenesysReasonSystemName";

    @Metadata(label = "producer,input", description = "Input: stop: the reason's description; overrides the"
              + " reasonDescription option.", javaType = "String")
    public static final String REASON_DESCRIPTION = "CamelGenesysReasonDescription";

    @Metadata(label = "producer,output", description = "Output: create, true when the workitem existed already and was"
              + " read instead (idempotentCreate), false when it was created.", javaType = "Boolean")
    public static final String INTERACTION_EXISTED = "CamelGenesysInteractionExisted";

    private OpenMediaConstants() {
    }
}
