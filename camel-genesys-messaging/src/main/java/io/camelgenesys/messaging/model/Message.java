package io.camelgenesys.messaging.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.camelgenesys.core.json.GenesysModel;

/**
 * A Third-Party Messaging message, in both directions: what an integrator sends with {@code sendMessage} and
 * {@code sendReceipt} ({@code type} {@code Text}, {@code Email}, {@code RichMedia} or {@code Receipt}), and what Genesys
 * delivers to the webhook ({@code Text} for SMS and other text channels, {@code Email} for email). Seed 002 L7309-7331,
 * L7354-7373, L7386-7408, L7426-7479.
 * <p>
 * {@code status} is read as text: a value Genesys added after this library was built is kept
 * ({@link #getStatusValue()}) and written back, never a reason to refuse the message (a webhook answered 400 is not
 * delivered again, seed 002 L7278-7284).
 */
public class Message extends GenesysModel {

    private MessageChannel channel;
    private String type;
    private String text;
    private String subject;
    private List<ContentPart> content;
    private ReceiptStatus status;
    private String statusValue;
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

    /**
     * The receipt status ({@code Delivered}, {@code Removed}, {@code Failed}, seed 002 L7541-7544); {@code null} when
     * there is none or it is one this library does not know: {@link #getStatusValue()} then has it.
     */
    public ReceiptStatus getStatus() {
        return status;
    }

    public void setStatus(ReceiptStatus status) {
        this.status = status;
        this.statusValue = status == null ? null : status.name();
    }

    /** The {@code status} as Genesys wrote it, also a value this library does not know; {@code null} when there is none. */
    @JsonGetter("status")
    public String getStatusValue() {
        return statusValue;
    }

    /** Sets the {@code status} as text: {@link #getStatus()} is the matching {@link ReceiptStatus}, or {@code null}. */
    @JsonSetter("status")
    public void setStatusValue(String statusValue) {
        this.statusValue = statusValue;
        ReceiptStatus known = null;
        for (ReceiptStatus s : ReceiptStatus.values()) {
            if (s.name().equals(statusValue)) {
                known = s;
            }
        }
        this.status = known;
    }

    public List<Reason> getReasons() {
        return reasons;
    }

    public void setReasons(List<Reason> reasons) {
        this.reasons = reasons;
    }
}
