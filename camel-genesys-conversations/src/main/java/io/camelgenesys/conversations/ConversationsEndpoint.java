package io.camelgenesys.conversations;

import io.camelgenesys.core.GenesysDefaultEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Genesys Cloud conversations and their recordings: list, get, search (the analytics conversation details query),
 * recording metadata and the recording media, downloaded without credentials from the link Genesys gives.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-conversations", title = "Genesys Conversations",
             syntax = "genesys-conversations:operation", producerOnly = true, category = { Category.CLOUD, Category.SAAS },
             headersClass = ConversationsConstants.class)
public class ConversationsEndpoint extends GenesysDefaultEndpoint<ConversationsOperation> {

    @UriPath(description = "The operation to perform: list, get, search, listRecordings, getRecording or"
                           + " downloadRecording.")
    @Metadata(required = true)
    private ConversationsOperation operation;

    @UriParam
    private final ConversationsConfiguration configuration;

    public ConversationsEndpoint(String uri, Component component, ConversationsConfiguration configuration) {
        super(uri, component, ConversationsOperation.class);
        this.configuration = configuration;
    }

    @Override
    public ConversationsConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public ConversationsOperation getOperation() {
        return operation;
    }

    public void setOperation(ConversationsOperation operation) {
        this.operation = operation;
    }
}
