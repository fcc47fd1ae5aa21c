package io.camelgenesys.conversations;

import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;

import static io.camelgenesys.conversations.CloudPaths.CHANNELS;
import static io.camelgenesys.conversations.ConversationsOperation.cloud;

/**
 * The operation of a genesys-notifications endpoint: {@code subscribe}, consumed only ({@code from()}). Its URI path is
 * the topic, so the operation is implied; the channel REST calls the consumer makes are the rows of
 * {@link NotificationsChannelOperation}.
 */
public enum NotificationsOperation implements GenesysOperation {

    /** Events of the endpoint's topics, pushed over the connection's one notification channel (created here). */
    subscribe(cloud(OperationSpec.post(CHANNELS).consumerOnly()));

    private final OperationSpec spec;

    NotificationsOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
