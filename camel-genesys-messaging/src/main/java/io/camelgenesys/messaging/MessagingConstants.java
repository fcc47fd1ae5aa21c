package io.camelgenesys.messaging;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.http.Download;
import io.camelgenesys.core.webhook.GenesysWebhookProcessor;
import org.apache.camel.spi.Metadata;

/**
 * Headers of genesys-messaging: the shared camel-genesys headers, the producers' inputs (each overrides the option of
 * the same name for one message) and what the webhook consumer and sendMessage report. Each says its direction first
 * (see {@link GenesysConstants}). The webhook's headers never have an input's name: a webhook message does not
 * silently choose the messageId or recipient of a receipt later in the route; copy them explicitly
 * ({@code setHeader("CamelGenesysMessageId", header("CamelGenesysWebhookMessageId"))}), or give sendReceipt the webhook message as
 * its body.
 */
public final class MessagingConstants extends GenesysConstants {

    @Metadata(label = "producer,input", description = "Input: the channel id (a phone number, the domain of an email"
              + " channel); overrides the channelId option.", javaType = "String")
    public static final String CHANNEL_ID = "CamelGenesysChannelId";

    @Metadata(label = "producer,input", description = "Input: the contact center id sent as x-ccid; overrides the"
              + " contactCenterId option.", javaType = "String")
    public static final String CONTACT_CENTER_ID = "CamelGenesysContactCenterId";

    @Metadata(label = "producer,input", description = "Input: sendMessage, the sender of messages without"
              + " channel.from; sendReceipt, who sent the message the receipt is about. Overrides the from option.",
              javaType = "String")
    public static final String FROM = "CamelGenesysFrom";

    @Metadata(label = "producer,input", description = "Input: sendMessage, the recipient of messages without"
              + " channel.to; sendReceipt, the consumer the message went to. Overrides the to option.",
              javaType = "String")
    public static final String TO = "CamelGenesysTo";

    @Metadata(label = "producer,input", description = "Input: sendReceipt, the channel.messageId of the webhook message"
              + " the receipt is about; sendMessage, the channel.messageId of a single message. Overrides the messageId"
              + " option.", javaType = "String")
    public static final String MESSAGE_ID = "CamelGenesysMessageId";

    @Metadata(label = "producer,input", description = "Input: sendReceipt, Delivered, Removed or Failed; overrides the"
              + " receiptStatus option.", javaType = "io.camelgenesys.messaging.model.ReceiptStatus")
    public static final String RECEIPT_STATUS = "CamelGenesysReceiptStatus";

    @Metadata(label = "producer,input", description = "Input: sendReceipt with Failed, the reason code; overrides the"
              + " reasonCode option.", javaType = "Integer")
    public static final String REASON_CODE = "CamelGenesysReasonCode";

    @Metadata(label = "producer,input", description = "Input: sendReceipt with Failed, the reason text; overrides the"
              + " reasonMessage option.", javaType = "String")
    public static final String REASON_MESSAGE = "CamelGenesysReasonMessage";

    @Metadata(label = "producer,input", description = "Input: getMedia, deleteMedia: the media id; overrides the mediaId"
              + " option.", javaType = "String")
    public static final String MEDIA_ID = "CamelGenesysMediaId";

    @Metadata(label = "producer,output", description = "Output: getMedia, the file name Genesys gave in"
              + " Content-Disposition (the body is an InputStream; its media type is in Content-Type). CamelFileName is"
              + " set to the same name, so that a following to(\"file:dir\") stores the media under it.",
              javaType = "String")
    public static final String DOWNLOAD_FILE_NAME = Download.FILE_NAME_HEADER;

    @Metadata(label = "producer,input", description = "Input: uploadMedia, the file name; overrides the fileName option.",
              javaType = "String")
    public static final String FILE_NAME = "CamelGenesysFileName";

    @Metadata(label = "producer,input", description = "Input: uploadMedia, the media type of the file; overrides the"
              + " mediaType option.", javaType = "String")
    public static final String MEDIA_TYPE = "CamelGenesysMediaType";

    @Metadata(label = "producer,output", description = "Output: sendMessage, the id Genesys accepted the (first) message"
              + " under (all of them are in the MessageIds body).", javaType = "String")
    public static final String ACCEPTED_MESSAGE_ID = "CamelGenesysAcceptedMessageId";

    @Metadata(label = "consumer,output", description = "Output: webhook, the message's channel.messageId: the id Genesys"
              + " was answered and receipts refer to (a new UUID when Genesys sent none).", javaType = "String")
    public static final String WEBHOOK_MESSAGE_ID = "CamelGenesysWebhookMessageId";

    @Metadata(label = "consumer,output", description = "Output: webhook, the channel id (a phone number, an email"
              + " domain).", javaType = "String")
    public static final String WEBHOOK_CHANNEL_ID = "CamelGenesysWebhookChannelId";

    @Metadata(label = "consumer,output", description = "Output: webhook, the channel type, e.g. sms or email.",
              javaType = "String")
    public static final String WEBHOOK_CHANNEL_TYPE = "CamelGenesysWebhookChannelType";

    @Metadata(label = "consumer,output", description = "Output: webhook, the message type: Text or Email.",
              javaType = "String")
    public static final String WEBHOOK_MESSAGE_TYPE = "CamelGenesysWebhookMessageType";

    @Metadata(label = "consumer,output", description = "Output: webhook, the sender's id (channel.from.id).",
              javaType = "String")
    public static final String WEBHOOK_FROM = "CamelGenesysWebhookFrom";

    @Metadata(label = "consumer,output", description = "Output: webhook, the first recipient's id (channel.to: the"
              + " consumer of an SMS; the body has every recipient of an email).", javaType = "String")
    public static final String WEBHOOK_TO = "CamelGenesysWebhookTo";

    @Metadata(label = "consumer,output", description = "Output: webhook, the X-B3-TraceId Genesys sent, for log"
              + " correlation.", javaType = "String")
    public static final String TRACE_ID = GenesysWebhookProcessor.TRACE_ID;

    private MessagingConstants() {
    }
}
