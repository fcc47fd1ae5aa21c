package io.camelgenesys.messaging;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.webhook.GenesysWebhookConfiguration;
import io.camelgenesys.messaging.model.ReceiptStatus;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of genesys-messaging: the shared ones, the webhook consumer's (inherited from
 * {@link GenesysWebhookConfiguration}) and the Third-Party Messaging producers'. The channel {@code secret} signs the
 * producers' requests and verifies the webhook's, as Genesys uses one secret per channel in both directions. The API
 * exists on Genesys Multicloud CX only, so {@code platform} is {@code multicloud} here.
 */
@UriParams
public class MessagingConfiguration extends GenesysWebhookConfiguration {

    @UriParam(label = "producer",
              description = "The channel: its id as Genesys knows it (a phone number for SMS, the domain for an email"
                            + " channel, e.g. company.com). The CamelGenesysChannelId header overrides it.")
    private String channelId;

    @UriParam(label = "producer",
              description = "The contact center id, sent as the x-ccid header on every request (Genesys gives it with"
                            + " the channel). The CamelGenesysContactCenterId header overrides it.")
    private String contactCenterId;

    @UriParam(label = "producer",
              description = "sendMessage: the sender (the consumer's id, e.g. a phone number) of a message whose"
                            + " channel.from is not set. sendReceipt: who sent the message the receipt is about (the"
                            + " channel id by default). The CamelGenesysFrom header overrides it.")
    private String from;

    @UriParam(label = "producer",
              description = "sendMessage: the recipient of a message whose channel.to is not set (the channel id by"
                            + " default). sendReceipt: the consumer the message went to. The CamelGenesysTo header overrides"
                            + " it.")
    private String to;

    @UriParam(label = "producer",
              description = "sendReceipt: the channel.messageId of the webhook message the receipt is about (required"
                            + " unless the body is that message). sendMessage: the channel.messageId of a single"
                            + " message, your own id for it (Genesys' documentation does not say that a message sent"
                            + " again with the same id is stored once, so camel-genesys never resends one). The CamelGenesysMessageId header overrides it.")
    private String messageId;

    @UriParam(label = "producer",
              description = "sendReceipt: Delivered, Removed or Failed. The CamelGenesysReceiptStatus header overrides it.")
    private ReceiptStatus receiptStatus;

    @UriParam(label = "producer",
              description = "sendReceipt with receiptStatus=Failed: the reason code, one of 305 (expired), 310 (rate"
                            + " limit reached), 350 (not allowed), 500 (general error), 510 (unsupported), 512 (unknown"
                            + " message), 520 (invalid structure), 530 (invalid destination). The CamelGenesysReasonCode"
                            + " header overrides it.")
    private Integer reasonCode;

    @UriParam(label = "producer",
              description = "sendReceipt with receiptStatus=Failed: a text for the reason. The CamelGenesysReasonMessage"
                            + " header overrides it.")
    private String reasonMessage;

    @UriParam(label = "producer",
              description = "getMedia, deleteMedia: the media id uploadMedia answered. The CamelGenesysMediaId header"
                            + " overrides it.")
    private String mediaId;

    @UriParam(label = "producer",
              description = "uploadMedia: the file name sent with the media. The CamelGenesysFileName header overrides it;"
                            + " otherwise the CamelFileNameOnly or CamelFileName header of a file consumer is used.")
    private String fileName;

    @UriParam(label = "producer",
              description = "uploadMedia: the media type of the file (e.g. image/png). The CamelGenesysMediaType header"
                            + " overrides it; otherwise it is guessed from the file name's extension, else"
                            + " application/octet-stream.")
    private String mediaType;

    public MessagingConfiguration() {
        setPlatform(GenesysPlatform.multicloud);
    }

    @Override
    public MessagingConfiguration copy() {
        return (MessagingConfiguration) super.copy();
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getContactCenterId() {
        return contactCenterId;
    }

    public void setContactCenterId(String contactCenterId) {
        this.contactCenterId = contactCenterId;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public ReceiptStatus getReceiptStatus() {
        return receiptStatus;
    }

    public void setReceiptStatus(ReceiptStatus receiptStatus) {
        this.receiptStatus = receiptStatus;
    }

    public Integer getReasonCode() {
        return reasonCode;
    }

    public void setReasonCode(Integer reasonCode) {
        this.reasonCode = reasonCode;
    }

    public String getReasonMessage() {
        return reasonMessage;
    }

    public void setReasonMessage(String reasonMessage) {
        this.reasonMessage = reasonMessage;
    }

    public String getMediaId() {
        return mediaId;
    }

    public void setMediaId(String mediaId) {
        this.mediaId = mediaId;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }
}
