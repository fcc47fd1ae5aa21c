package io.camelgenesys.conversations.notifications;

import java.util.List;

/**
 * Genesys refused topics of a notification channel (an unknown topic, a malformed one, a permission the credentials
 * lack): a refusal of the request, not an outage, so it is not retried. The message names the topics and Genesys'
 * reason, never a credential.
 */
public class TopicsRefusedException extends RuntimeException {

    private final List<String> topics;

    public TopicsRefusedException(List<String> topics, String message) {
        super(message);
        this.topics = List.copyOf(topics);
    }

    /** The topics Genesys refused. */
    public List<String> getTopics() {
        return topics;
    }
}
