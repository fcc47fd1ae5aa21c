package io.camelgenesys.messaging.securemail;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The genesys-securemail component: the Secure Email API of Genesys Multicloud CX Digital Channels. */
@Component("genesys-securemail")
public class SecureEmailComponent extends GenesysComponent {

    @Metadata(description = "The component configuration: every option set here (camel.component.genesys-securemail.*)"
                            + " is the default of every endpoint of this component.")
    private SecureEmailConfiguration configuration = new SecureEmailConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SecureEmailEndpoint endpoint = new SecureEmailEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(SecureEmailOperation.class,
                remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public SecureEmailConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SecureEmailConfiguration configuration) {
        this.configuration = configuration;
    }
}
