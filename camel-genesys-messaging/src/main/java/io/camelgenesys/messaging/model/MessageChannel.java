package io.camelgenesys.messaging.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.camelgenesys.core.json.GenesysModel;

/**
 * The channel part of a {@link Message}: the channel ({@code id}, {@code type} such as {@code sms} or {@code email}),
 * who sends and who receives, the message id that receipts refer to, and for email the reply-to address.
 * <p>
 * {@code to} is a JSON object in the SMS/text shape and an array in the email shape (seed 002 L7354-7373 vs
 * L7426-7479): both are read into the list, and a single recipient is written as an object, as the requests of the seed
 * do.
 */
public class MessageChannel extends GenesysModel {

    private String id;
    private String type;
    private Party from;
    @JsonFormat(with = { JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                         JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED })
    private List<Party> to;
    private String messageId;
    private MessageContext context;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Party getFrom() {
        return from;
    }

    public void setFrom(Party from) {
        this.from = from;
    }

    public List<Party> getTo() {
        return to;
    }

    public void setTo(List<Party> to) {
        this.to = to;
    }

    /** The first recipient (the only one of an SMS), or {@code null}. */
    @JsonIgnore
    public Party getFirstTo() {
        return to == null || to.isEmpty() ? null : to.get(0);
    }

    /** Sets a single recipient. */
    public void addTo(Party party) {
        if (to == null) {
            to = new ArrayList<>();
        }
        to.add(party);
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public MessageContext getContext() {
        return context;
    }

    public void setContext(MessageContext context) {
        this.context = context;
    }
}
