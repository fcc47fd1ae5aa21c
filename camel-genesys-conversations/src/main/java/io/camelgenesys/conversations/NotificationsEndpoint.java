package io.camelgenesys.conversations;

import java.util.List;

import io.camelgenesys.conversations.notifications.NotificationTopics;
import io.camelgenesys.core.GenesysDefaultEndpoint;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.operation.OperationCall;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Genesys Cloud notifications: the events of a topic (a user's presence or routing status, a user's or a queue's
 * conversations, any topic of the Notifications API) pushed into a route, over the one notification channel (WebSocket)
 * of the credentials, which every consumer with the same credentials shares.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-notifications", title = "Genesys Notifications",
             syntax = "genesys-notifications:topic", consumerOnly = true,
             category = { Category.CLOUD, Category.SAAS, Category.MONITORING },
             headersClass = NotificationsConstants.class)
public class NotificationsEndpoint extends GenesysDefaultEndpoint<NotificationsOperation>
        implements MultipleConsumersSupport {

    @UriPath(description = "The topic, as Genesys Cloud names it, with the entity's id in place of {id}: e.g."
                           + " v2.users.<userId>.presence, v2.users.<userId>.routingStatus,"
                           + " v2.users.<userId>.conversations, v2.routing.queues.<queueId>.conversations; with the"
                           + " topics option, the common start of several (v2.users.<userId>).")
    @Metadata(required = true)
    private String topic;

    @UriParam
    private final NotificationsConfiguration configuration;

    private List<String> topics;

    public NotificationsEndpoint(String uri, Component component, NotificationsConfiguration configuration) {
        super(uri, component, NotificationsOperation.class);
        this.configuration = configuration;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // a malformed topic fails the route when it is created, naming what is wrong
        topics = NotificationTopics.expand(topic, configuration.getTopics());
    }

    @Override
    public boolean isMultipleConsumersSupported() {
        // every consumer adds its topics to the shared channel
        return true;
    }

    @Override
    protected Consumer createOperationConsumer(Processor processor) {
        return new NotificationsConsumer(this, processor, topics());
    }

    /** The full topic names of this endpoint. */
    public List<String> topics() {
        if (topics == null) {
            topics = NotificationTopics.expand(topic, configuration.getTopics());
        }
        return topics;
    }

    /** A channel call of the consumer: models whatever outputType says, this endpoint's retry options. */
    OperationCall channelCall(NotificationsChannelOperation op) {
        return new OperationCall(op.spec(getConfiguration().getPlatform())).outputType(GenesysOutputType.model)
                .retryPolicy(RetryPolicy.of(configuration)).operation(op.name());
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    @Override
    public NotificationsConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public NotificationsOperation getOperation() {
        return NotificationsOperation.subscribe;
    }
}
