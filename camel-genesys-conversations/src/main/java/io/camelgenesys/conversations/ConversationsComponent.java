package io.camelgenesys.conversations;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The genesys-conversations component. */
@Component("genesys-conversations")
public class ConversationsComponent extends GenesysComponent {

    @Metadata(description = "The component configuration: every option set here (camel.component.genesys-conversations.*)"
                            + " is the default of every endpoint of this component.")
    private ConversationsConfiguration configuration = new ConversationsConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ConversationsEndpoint endpoint = new ConversationsEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(ConversationsOperation.class, remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public ConversationsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ConversationsConfiguration configuration) {
        this.configuration = configuration;
    }
}
