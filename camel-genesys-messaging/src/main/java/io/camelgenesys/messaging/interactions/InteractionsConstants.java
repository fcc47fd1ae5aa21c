package io.camelgenesys.messaging.interactions;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.webhook.GenesysWebhookProcessor;
import org.apache.camel.spi.Metadata;

/**
 * Headers of genesys-interactions: what the webhook consumer reports on each exchange. None has an input's name: an
 * event's interaction id does not silently choose the workitem of a genesys-openmedia endpoint later in the route
 * (copy it: {@code setHeader("CamelGenesysInteractionId", header("CamelGenesysEventInteractionId"))}).
 */
public final class InteractionsConstants extends GenesysConstants {

    @Metadata(label = "consumer,output", description = "Output: the operationId of the payload the event came in.",
              javaType = "String")
    public static final String EVENT_OPERATION_ID = "CamelGenesysEventOperationId";

    @Metadata(label = "consumer,output", description = "Output: STARTED (the interaction was created and queued) or"
              + " FINISHED (its processing was stopped); absent in batch mode.", javaType = "String")
    public static final String EVENT_TYPE = "CamelGenesysEventType";

    @Metadata(label = "consumer,output", description = "Output: the interaction's id (for a secure email, its"
              + " secureMailId); absent in batch mode.", javaType = "String")
    public static final String EVENT_INTERACTION_ID = "CamelGenesysEventInteractionId";

    @Metadata(label = "consumer,output", description = "Output: chat or email; absent in batch mode.",
              javaType = "String")
    public static final String EVENT_MEDIA_TYPE = "CamelGenesysEventMediaType";

    @Metadata(label = "consumer,output", description = "Output: InboundNew, Outbound, SMS, WhatsApp, FacebookPublic,"
              + " FacebookPrivate, TwitterPublic or TwitterPrivate; absent in batch mode.", javaType = "String")
    public static final String EVENT_INTERACTION_SUBTYPE = "CamelGenesysEventInteractionSubtype";

    @Metadata(label = "consumer,output", description = "Output: where the interaction is read (opaque); absent in batch"
              + " mode.", javaType = "String")
    public static final String EVENT_SELF_URI = "CamelGenesysEventSelfUri";

    @Metadata(label = "consumer,output", description = "Output: the X-B3-TraceId Genesys sent, for log correlation.",
              javaType = "String")
    public static final String TRACE_ID = GenesysWebhookProcessor.TRACE_ID;

    private InteractionsConstants() {
    }
}
