package io.camelgenesys.messaging.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A Third-Party Messaging message, in both directions: what an integrator sends with {@code sendMessage} and
 * {@code sendReceipt} ({@code type} {@code Text}, {@code Email}, {@code RichMedia} or {@code Receipt}), and what Genesys
 * delivers to the webhook ({@code Text} for SMS and other text channels, {@code Email} for email). Seed 002 L7309-7331,
 * L7354-7373, L7386-7408, L7426-7479.
 */
public class Message extends GenesysModel {

    private MessageChannel channel;
    private String type;
    private String text;
    private String subject;
    private List<ContentPart> content;
    private ReceiptStatus status;
    private List<Reason> reasons;

    public MessageChannel getChannel() {
        return channel;
    }

    public void setChannel(MessageChannel channel) {
        this.channel = channel;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public List<ContentPart> getContent() {
        return content;
    }

    public void setContent(List<ContentPart> content) {
        this.content = content;
    }

    public ReceiptStatus getStatus() {
        return status;
    }

    public void setStatus(ReceiptStatus status) {
        this.status = status;
    }

    public List<Reason> getReasons() {
        return reasons;
    }

    public void setReasons(List<Reason> reasons) {
        this.reasons = reasons;
    }
}
