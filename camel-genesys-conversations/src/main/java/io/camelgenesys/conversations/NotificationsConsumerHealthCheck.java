package io.camelgenesys.conversations;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a genesys-notifications consumer: UP while the shared notification channel is CONNECTED (its socket
 * open and subscribed) and Genesys accepted the consumer's topics; DOWN while the channel is being set up again after a
 * drop (events are being lost), and when Genesys refused the topics, saying which. Id
 * {@code genesys-notifications-consumer-<routeId>}; Camel's "consumers" repository reports it as
 * {@code consumer:<routeId>} ({@code healthCheckConsumerEnabled}). Details never hold the connectUri or a credential.
 */
public final class NotificationsConsumerHealthCheck extends AbstractHealthCheck {

    private final NotificationsConsumer consumer;

    public NotificationsConsumerHealthCheck(NotificationsConsumer consumer, String routeId) {
        super("camel", "genesys-notifications-consumer-" + routeId);
        this.consumer = consumer;
    }

    @Override
    public boolean isLiveness() {
        // a Genesys outage must not make an orchestrator restart the application
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        NotificationsConsumer.Status s = consumer.status();
        builder.detail("genesys.notifications.topics", String.join(",", consumer.getTopics()));
        builder.detail("genesys.notifications.state", s.state().name());
        builder.detail("genesys.notifications.channelId", s.channelId() != null ? s.channelId() : "");
        if (s.expires() != null) {
            builder.detail("genesys.notifications.channelExpires", s.expires().toString());
        }
        builder.detail("genesys.notifications.gaps", s.gaps());
        builder.detail("genesys.notifications.duplicatesDropped", s.duplicates());
        builder.detail("genesys.notifications.malformedFrames", s.malformedFrames());
        builder.detail("genesys.notifications.delivered", s.delivered());
        builder.detail("genesys.notifications.failed", s.failed());
        builder.detail("genesys.notifications.pending", s.pending());
        builder.detail("genesys.notifications.overflowed", s.overflowed());
        if (s.up()) {
            builder.up();
        } else {
            builder.down().message(s.message());
        }
    }
}
