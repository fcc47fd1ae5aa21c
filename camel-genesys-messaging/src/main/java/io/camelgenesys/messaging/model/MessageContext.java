package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * What an email message adds to its channel: the address replies go to (seed 002 L7452-7458).
 */
public class MessageContext extends GenesysModel {

    private Party replyTo;

    public Party getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(Party replyTo) {
        this.replyTo = replyTo;
    }
}
