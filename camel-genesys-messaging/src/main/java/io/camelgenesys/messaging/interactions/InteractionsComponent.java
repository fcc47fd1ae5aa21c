package io.camelgenesys.messaging.interactions;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The genesys-interactions component: the Interactions webhook of Genesys Multicloud CX Digital Channels. */
@Component("genesys-interactions")
public class InteractionsComponent extends GenesysComponent {

    @Metadata(description = "The component configuration: every option set here (camel.component.genesys-interactions.*)"
                            + " is the default of every endpoint of this component.")
    private InteractionsConfiguration configuration = new InteractionsConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        InteractionsEndpoint endpoint = new InteractionsEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(InteractionsOperation.class,
                remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public InteractionsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(InteractionsConfiguration configuration) {
        this.configuration = configuration;
    }
}
