package io.camelgenesys.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.conversations.model.Channel;
import io.camelgenesys.conversations.model.ChannelEntityListing;
import io.camelgenesys.conversations.model.ChannelTopicEntityListing;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;

import static io.camelgenesys.conversations.CloudPaths.AVAILABLE_TOPICS;
import static io.camelgenesys.conversations.CloudPaths.CHANNELS;
import static io.camelgenesys.conversations.CloudPaths.CHANNEL_SUBSCRIPTIONS;
import static io.camelgenesys.conversations.ConversationsOperation.cloud;
import static io.camelgenesys.core.operation.OperationSpec.delete;
import static io.camelgenesys.core.operation.OperationSpec.get;
import static io.camelgenesys.core.operation.OperationSpec.post;
import static io.camelgenesys.core.operation.OperationSpec.put;

/**
 * The Genesys Cloud Notifications API calls the genesys-notifications consumer makes (NotificationsApi of the SDK),
 * one row each. They are not endpoint operations (the consumer's URI path is a topic): the consumer sends them with
 * the channel id it holds, through the endpoint's executor (the connection's token, retries and rate budget).
 */
public enum NotificationsChannelOperation implements GenesysOperation {

    /** postNotificationsChannels: a channel {id, connectUri, expires}. */
    createChannel(cloud(post(CHANNELS).returns(Channel.class))),
    /** getNotificationsChannels: the channels of these credentials (includechannels=token|oauthclient). */
    getChannels(cloud(get(CHANNELS).query("includechannels").returns(ChannelEntityListing.class))),
    /** getNotificationsChannelSubscriptions. */
    getSubscriptions(cloud(get(CHANNEL_SUBSCRIPTIONS).returns(ChannelTopicEntityListing.class))),
    /** postNotificationsChannelSubscriptions: adds topics ([{id: topic}]). */
    addSubscriptions(cloud(post(CHANNEL_SUBSCRIPTIONS).query("ignoreErrors").body(JsonNode.class)
            .returns(ChannelTopicEntityListing.class).idempotent(true))),
    /** putNotificationsChannelSubscriptions: the channel's topics become exactly these. */
    replaceSubscriptions(cloud(put(CHANNEL_SUBSCRIPTIONS).query("ignoreErrors").body(JsonNode.class)
            .returns(ChannelTopicEntityListing.class))),
    /** deleteNotificationsChannelSubscriptions: every topic. */
    deleteSubscriptions(cloud(delete(CHANNEL_SUBSCRIPTIONS))),
    /** getNotificationsAvailabletopics. */
    getAvailableTopics(cloud(get(AVAILABLE_TOPICS).queryMulti("expand").query("includePreview")
            .returns(JsonNode.class)));

    private final OperationSpec spec;

    NotificationsChannelOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
