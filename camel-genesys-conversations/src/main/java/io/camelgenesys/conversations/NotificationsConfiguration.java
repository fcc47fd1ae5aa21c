package io.camelgenesys.conversations;

import io.camelgenesys.core.GenesysConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of genesys-notifications: the shared ones (inherited: credentials, region, HTTP, retries, outputType)
 * and the notification channel's. The channel is shared by every consumer with the same credentials: its heartbeat,
 * renewal and de-duplication settings are those of the consumer that opened it (a later one with other values gets a
 * WARN), as the rate budget is.
 */
@UriParams
public class NotificationsConfiguration extends GenesysConfiguration {

    @UriParam(label = "consumer", description = "Several topics of the URI's entity: each is appended to the URI's topic,"
                                                + " comma separated. genesys-notifications:v2.users.<userId>?topics=presence,routingStatus"
                                                + " subscribes v2.users.<userId>.presence and v2.users.<userId>.routingStatus;"
                                                + " the CamelGenesysNotificationTopic header says which one an event came on.")
    private String topics;

    @UriParam(label = "consumer,advanced", defaultValue = "30000",
              description = "How often Genesys sends a heartbeat on the channel's WebSocket (Genesys: every 30 s). After"
                            + " one interval without any frame a ping is sent; after heartbeatMissedLimit intervals the"
                            + " socket counts as dropped and a new channel is made.")
    private long heartbeatInterval = 30_000;

    @UriParam(label = "consumer,advanced", defaultValue = "3",
              description = "How many heartbeat intervals without any frame make the socket count as dropped.")
    private int heartbeatMissedLimit = 3;

    @UriParam(label = "consumer,advanced", defaultValue = "600000",
              description = "How long before the channel's expires time (Genesys: 24 h after creation) a new channel"
                            + " replaces it: subscribed before the old socket closes, so no event is lost. A channel that"
                            + " lives less than this is replaced half-way through its life.")
    private long channelRenewBefore = 600_000;

    @UriParam(label = "consumer,advanced", defaultValue = "60000",
              description = "While two sockets overlap (a channel being replaced), an event that one delivered is"
                            + " dropped when the other delivers it within this time (same correlation id, else same"
                            + " topic and body).")
    private long duplicateWindow = 60_000;

    @UriParam(label = "consumer,advanced", defaultValue = "1000", description = "The most topics on the one channel of"
                                                                             + " these credentials (Genesys: 1,000 per channel); a consumer whose topics would"
                                                                             + " exceed it fails to subscribe, naming the count.")
    private int maxTopicsPerChannel = 1000;

    @UriParam(label = "consumer,advanced", defaultValue = "50000",
              description = "The most events waiting for this consumer's route (taken from the socket while the route"
                            + " is still busy with earlier ones): it bounds the memory a route slower than its topics"
                            + " takes. An event past it is not queued and is lost (Genesys does not replay): counted"
                            + " (the genesys.notifications.overflowed health detail), logged at WARN, and the next event"
                            + " delivered carries CamelGenesysNotificationGapSince, as after a channel gap. 0 for no"
                            + " bound.")
    private int maxPendingEvents = 50_000;

    public String getTopics() {
        return topics;
    }

    public void setTopics(String topics) {
        this.topics = topics;
    }

    public long getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(long heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public int getHeartbeatMissedLimit() {
        return heartbeatMissedLimit;
    }

    public void setHeartbeatMissedLimit(int heartbeatMissedLimit) {
        this.heartbeatMissedLimit = heartbeatMissedLimit;
    }

    public long getChannelRenewBefore() {
        return channelRenewBefore;
    }

    public void setChannelRenewBefore(long channelRenewBefore) {
        this.channelRenewBefore = channelRenewBefore;
    }

    public long getDuplicateWindow() {
        return duplicateWindow;
    }

    public void setDuplicateWindow(long duplicateWindow) {
        this.duplicateWindow = duplicateWindow;
    }

    public int getMaxTopicsPerChannel() {
        return maxTopicsPerChannel;
    }

    public void setMaxTopicsPerChannel(int maxTopicsPerChannel) {
        this.maxTopicsPerChannel = maxTopicsPerChannel;
    }

    public int getMaxPendingEvents() {
        return maxPendingEvents;
    }

    public void setMaxPendingEvents(int maxPendingEvents) {
        this.maxPendingEvents = maxPendingEvents;
    }

    @Override
    public void validate() {
        super.validate();
        if (heartbeatInterval < 100) {
            throw new IllegalArgumentException("heartbeatInterval must be at least 100 ms, was " + heartbeatInterval);
        }
        if (heartbeatMissedLimit < 1) {
            throw new IllegalArgumentException("heartbeatMissedLimit must be at least 1, was " + heartbeatMissedLimit);
        }
        if (channelRenewBefore < 0 || duplicateWindow < 0) {
            throw new IllegalArgumentException("channelRenewBefore and duplicateWindow cannot be negative");
        }
        if (maxTopicsPerChannel < 1 || maxTopicsPerChannel > 1000) {
            throw new IllegalArgumentException("maxTopicsPerChannel must be 1 to 1000 (Genesys' limit per channel), was "
                                               + maxTopicsPerChannel);
        }
    }

    @Override
    public NotificationsConfiguration copy() {
        return (NotificationsConfiguration) super.copy();
    }
}
