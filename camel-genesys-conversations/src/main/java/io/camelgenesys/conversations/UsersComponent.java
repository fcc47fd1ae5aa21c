package io.camelgenesys.conversations;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The genesys-users component. */
@Component("genesys-users")
public class UsersComponent extends GenesysComponent {

    @Metadata(description = "The component configuration: every option set here (camel.component.genesys-users.*)"
                            + " is the default of every endpoint of this component.")
    private UsersConfiguration configuration = new UsersConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        UsersEndpoint endpoint = new UsersEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(UsersOperation.class, remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public UsersConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(UsersConfiguration configuration) {
        this.configuration = configuration;
    }
}
