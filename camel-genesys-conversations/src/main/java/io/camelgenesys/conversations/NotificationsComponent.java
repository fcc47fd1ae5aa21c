package io.camelgenesys.conversations;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The genesys-notifications component. */
@Component("genesys-notifications")
public class NotificationsComponent extends GenesysComponent {

    @Metadata(description = "The component configuration: every option set here"
                            + " (camel.component.genesys-notifications.*) is the default of every endpoint of this"
                            + " component.")
    private NotificationsConfiguration configuration = new NotificationsConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        NotificationsEndpoint endpoint = new NotificationsEndpoint(uri, this, configuration.copy());
        endpoint.setTopic(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public NotificationsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(NotificationsConfiguration configuration) {
        this.configuration = configuration;
    }
}
