package io.camelgenesys.messaging.openmedia;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The genesys-openmedia component: Open Media workitems (task routing) of Genesys Multicloud CX. */
@Component("genesys-openmedia")
public class OpenMediaComponent extends GenesysComponent {

    @Metadata(description = "The component configuration: every option set here (camel.component.genesys-openmedia.*)"
                            + " is the default of every endpoint of this component.")
    private OpenMediaConfiguration configuration = new OpenMediaConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        OpenMediaEndpoint endpoint = new OpenMediaEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(OpenMediaOperation.class,
                remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public OpenMediaConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OpenMediaConfiguration configuration) {
        this.configuration = configuration;
    }
}
