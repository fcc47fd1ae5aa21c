package io.camelgenesys.messaging.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The body of POST /nexus/v3/channels/{channelId}/messages: messages and receipts (seed 002 L8358-8362;
 * the shape comes from the examples, L7305-7331).
 */
public class MessagesRequest extends GenesysModel {

    private List<Message> messages;

    public List<Message> getMessages() {
        return messages;
    }

    public void setMessages(List<Message> messages) {
        this.messages = messages;
    }
}
