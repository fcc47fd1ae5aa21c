package io.camelgenesys.udm;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The genesys-udm component. */
@Component("genesys-udm")
public class UdmComponent extends GenesysComponent {

    @Metadata(description = "The component configuration: every option set here (camel.component.genesys-udm.*) is the"
                            + " default of every endpoint of this component.")
    private UdmConfiguration configuration = new UdmConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        UdmEndpoint endpoint = new UdmEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(UdmOperation.class, remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public UdmConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(UdmConfiguration configuration) {
        this.configuration = configuration;
    }
}
