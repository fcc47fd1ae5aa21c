package io.camelgenesys.messaging.securemail;

import io.camelgenesys.core.GenesysDefaultEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Genesys Multicloud CX Secure Email: list, count, read, create, mark read and delete the secure emails of a
 * consumer's secure box, and read the user data of their interactions. Its STARTED and FINISHED events come through
 * {@code genesys-interactions:webhook}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-securemail", title = "Genesys Secure Email",
             syntax = "genesys-securemail:operation", producerOnly = true,
             category = { Category.CLOUD, Category.SAAS, Category.MAIL }, headersClass = SecureEmailConstants.class)
public class SecureEmailEndpoint extends GenesysDefaultEndpoint<SecureEmailOperation> {

    @UriPath(description = "The operation: list, count, get, create, markRead, delete or getUserData.")
    @Metadata(required = true)
    private SecureEmailOperation operation;

    @UriParam
    private final SecureEmailConfiguration configuration;

    public SecureEmailEndpoint(String uri, Component component, SecureEmailConfiguration configuration) {
        super(uri, component, SecureEmailOperation.class);
        this.configuration = configuration;
    }

    @Override
    public SecureEmailConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public SecureEmailOperation getOperation() {
        return operation;
    }

    public void setOperation(SecureEmailOperation operation) {
        this.operation = operation;
    }
}
