package io.camelgenesys.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.conversations.model.Channel;
import io.camelgenesys.conversations.model.ChannelTopicEntityListing;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;

import static io.camelgenesys.conversations.CloudPaths.CHANNELS;
import static io.camelgenesys.conversations.CloudPaths.CHANNEL_SUBSCRIPTIONS;
import static io.camelgenesys.conversations.ConversationsOperation.cloud;
import static io.camelgenesys.core.operation.OperationSpec.delete;
import static io.camelgenesys.core.operation.OperationSpec.post;
import static io.camelgenesys.core.operation.OperationSpec.put;

/**
 * The Genesys Cloud Notifications API calls the genesys-notifications consumer makes (NotificationsApi of the SDK),
 * one row for each call it makes (the SDK's other calls, listing channels or available topics, are not used). They are
 * not endpoint operations (the consumer's URI path is a topic): the consumer sends them with
 * the channel id it holds, through the endpoint's executor (the connection's token, retries and rate budget). The
 * channel id opens the channel's WebSocket by itself: it is a secret path variable, shown by its first characters in
 * every message and log line that names the request.
 */
public enum NotificationsChannelOperation implements GenesysOperation {

    /** postNotificationsChannels: a channel {id, connectUri, expires}. */
    createChannel(cloud(post(CHANNELS).returns(Channel.class))),
    /** postNotificationsChannelSubscriptions: adds topics ([{id: topic}]). */
    addSubscriptions(cloud(post(CHANNEL_SUBSCRIPTIONS).secretPath("channelId").query("ignoreErrors")
            .body(JsonNode.class).returns(ChannelTopicEntityListing.class).idempotent(true))),
    /** putNotificationsChannelSubscriptions: the channel's topics become exactly these. */
    replaceSubscriptions(cloud(put(CHANNEL_SUBSCRIPTIONS).secretPath("channelId").query("ignoreErrors")
            .body(JsonNode.class).returns(ChannelTopicEntityListing.class))),
    /** deleteNotificationsChannelSubscriptions: every topic. */
    deleteSubscriptions(cloud(delete(CHANNEL_SUBSCRIPTIONS).secretPath("channelId")));

    private final OperationSpec spec;

    NotificationsChannelOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
