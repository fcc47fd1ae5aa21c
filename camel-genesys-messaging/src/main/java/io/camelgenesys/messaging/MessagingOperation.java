package io.camelgenesys.messaging;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.messaging.model.MediaInfo;
import io.camelgenesys.messaging.model.MessageIds;
import io.camelgenesys.messaging.model.MessagesRequest;

/**
 * The genesys-messaging operations, one row each: Genesys Multicloud CX Third-Party Messaging ({@code /nexus/v3},
 * seed 002 L7257-8623). Every request carries {@code x-ccid} and {@code X-Hub-Signature} over its exact bytes
 * ({@link MessagingRequests#signed}); the bodies are built by the preparers of {@link MessagingRequests}.
 */
public enum MessagingOperation implements GenesysOperation {
    /**
     * Hands consumer messages (Text, Email, RichMedia) to Digital Channels; answers the accepted ids. Never sent again
     * after a 5xx or a lost connection (a POST), with or without a channel.messageId: the seed (002 L7257-7520) does
     * not say that Genesys stores a message resent with the same messageId once.
     */
    sendMessage(OperationSpec.post("/nexus/v3/channels/{channelId}/messages").body(MessagesRequest.class)
            .multicloud().returns(MessageIds.class).rules(MessagingLimits.MESSAGES)
            .prepare(MessagingRequests.signed(MessagingRequests.SEND_MESSAGE))
            .execution(MessagingRequests.ACCEPTED_IDS)),
    /** A delivery receipt (Delivered, Removed, Failed with reasons) for a webhook message: the same call. */
    sendReceipt(OperationSpec.post("/nexus/v3/channels/{channelId}/messages").optionalBody(MessagesRequest.class)
            .multicloud().rules(MessagingLimits.MESSAGES)
            .prepare(MessagingRequests.signed(MessagingRequests.SEND_RECEIPT))),
    /** A media file for RichMedia messages: multipart/form-data, field {@code file}, signed over the whole body. */
    uploadMedia(OperationSpec.post("/nexus/v3/channels/{channelId}/media").body(Object.class)
            .multicloud().returns(MediaInfo.class)
            .prepare(MessagingRequests.signed(MessagingRequests.UPLOAD_MEDIA))),
    /** The media's bytes, streamed as they arrive (an InputStream body, closed when the exchange completes). */
    getMedia(OperationSpec.get("/nexus/v3/channels/{channelId}/media/{mediaId}").streamed()
            .prepare(MessagingRequests.signed(null))),
    deleteMedia(OperationSpec.delete("/nexus/v3/channels/{channelId}/media/{mediaId}").multicloud()
            .returns(MediaInfo.class).prepare(MessagingRequests.signed(null))),
    /**
     * The consumer only: {@code from("genesys-messaging:webhook")} receives what agents send through the channel
     * (Genesys POSTs it to your URL); {@code to()} refuses it.
     */
    webhook(OperationSpec.webhook());

    private final OperationSpec spec;

    MessagingOperation(OperationSpec spec) {
        // Digital Channels is a Genesys Multicloud CX API
        this.spec = spec.only(GenesysPlatform.multicloud);
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
