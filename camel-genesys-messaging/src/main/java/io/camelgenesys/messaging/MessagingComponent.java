package io.camelgenesys.messaging;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The genesys-messaging component: Genesys Multicloud CX Third-Party Messaging and its webhook. The API exists on
 * Multicloud only, so its configuration has {@code platform=multicloud} by default.
 */
@Component("genesys-messaging")
public class MessagingComponent extends GenesysComponent {

    @Metadata(description = "The component configuration: every option set here (camel.component.genesys-messaging.*)"
                            + " is the default of every endpoint of this component.")
    private MessagingConfiguration configuration = new MessagingConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MessagingEndpoint endpoint = new MessagingEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(MessagingOperation.class, remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public MessagingConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MessagingConfiguration configuration) {
        this.configuration = configuration;
    }
}
