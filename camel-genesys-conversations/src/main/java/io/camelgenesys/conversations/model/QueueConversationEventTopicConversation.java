package io.camelgenesys.conversations.model;

/**
 * The event body of topic v2.routing.queues.{id}.conversations (QueueConversationEventTopicConversation of the SDK):
 * the same fields as {@link ConversationEventTopicConversation}. Fields this class does not declare are kept.
 */
public class QueueConversationEventTopicConversation extends ConversationEventTopicConversation {
}
