package io.camelgenesys.conversations;

import io.camelgenesys.core.GenesysDefaultEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Genesys Cloud users: get (with expand), search, routing status and presence get/set, and the members of a queue
 * (page-number paging, sort).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-users", title = "Genesys Users",
             syntax = "genesys-users:operation", producerOnly = true, category = { Category.CLOUD, Category.SAAS },
             headersClass = UsersConstants.class)
public class UsersEndpoint extends GenesysDefaultEndpoint<UsersOperation> {

    @UriPath(description = "The operation to perform: get, search, getRoutingStatus, setRoutingStatus,"
                           + " getPresence, setPresence or listQueueMembers.")
    @Metadata(required = true)
    private UsersOperation operation;

    @UriParam
    private final UsersConfiguration configuration;

    public UsersEndpoint(String uri, Component component, UsersConfiguration configuration) {
        super(uri, component, UsersOperation.class);
        this.configuration = configuration;
    }

    @Override
    public UsersConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public UsersOperation getOperation() {
        return operation;
    }

    public void setOperation(UsersOperation operation) {
        this.operation = operation;
    }
}
