package io.camelgenesys.conversations;

import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of genesys-notifications: what the consumer sets on each event's exchange (all outputs). Each says its
 * direction first (see {@link GenesysConstants}).
 */
public final class NotificationsConstants extends GenesysConstants {

    @Metadata(label = "consumer,output", description = "Output: the topic the event came on (the message's topicName),"
                                                       + " e.g. v2.users.<userId>.presence.", javaType = "String")
    public static final String NOTIFICATION_TOPIC = "CamelGenesysNotificationTopic";

    @Metadata(label = "consumer,output", description = "Output: the id of the entity the topic is about (the user of"
                                                       + " v2.users.<id>..., the queue of v2.routing.queues.<id>...); absent"
                                                       + " for other topics.", javaType = "String")
    public static final String NOTIFICATION_ENTITY_ID = "CamelGenesysNotificationEntityId";

    @Metadata(label = "consumer,output", description = "Output: the message's metadata.CorrelationId, Genesys' id of the"
                                                       + " event (the key de-duplication uses); absent when Genesys sent"
                                                       + " none.", javaType = "String")
    public static final String NOTIFICATION_CORRELATION_ID = "CamelGenesysNotificationCorrelationId";

    @Metadata(label = "consumer,output", description = "Output: the message's version (e.g. 2).", javaType = "String")
    public static final String NOTIFICATION_VERSION = "CamelGenesysNotificationVersion";

    @Metadata(label = "consumer,output", description = "Output: when the event reached the consumer (Genesys' messages"
                                                       + " carry no publication time; the event body may have its own, e.g."
                                                       + " a presence's modifiedDate).", javaType = "java.time.Instant")
    public static final String NOTIFICATION_TIME = "CamelGenesysNotificationTime";

    @Metadata(label = "consumer,output", description = "Output: the notification channel that delivered the event, by the"
                                                       + " first characters of its id (the whole id lets anyone connect to"
                                                       + " the channel, so it is never shown).", javaType = "String")
    public static final String NOTIFICATION_CHANNEL_ID = "CamelGenesysNotificationChannelId";

    @Metadata(label = "consumer,output", description = "Output: how many times the channel has been without a socket"
                                                       + " since the consumer started (drops, missed heartbeats). Genesys does"
                                                       + " not replay: events published in a gap are lost; compare it with"
                                                       + " the previous exchange's to know.", javaType = "long")
    public static final String NOTIFICATION_GAPS = "CamelGenesysNotificationGaps";

    @Metadata(label = "consumer,output", description = "Output: on the first event after a gap only, when the gap began"
                                                       + " (events published from then until the channel came back are"
                                                       + " lost; or events lost because more than maxPendingEvents were"
                                                       + " waiting for the route): a route can re-read the current state,"
                                                       + " e.g. the user's presence with genesys-users:getPresence.",
              javaType = "java.time.Instant")
    public static final String NOTIFICATION_GAP_SINCE = "CamelGenesysNotificationGapSince";
}
