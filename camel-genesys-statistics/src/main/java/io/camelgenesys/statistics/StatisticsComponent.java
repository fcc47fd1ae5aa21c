package io.camelgenesys.statistics;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import io.camelgenesys.core.GenesysPlatform;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;

/**
 * The genesys-stats component. The Statistics API exists on Genesys Multicloud CX only, so this component's default
 * configuration has {@code platform=multicloud}.
 */
@Component("genesys-stats")
public class StatisticsComponent extends GenesysComponent {

    public StatisticsComponent() {
        getConfiguration().setPlatform(GenesysPlatform.multicloud);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        StatisticsEndpoint endpoint = new StatisticsEndpoint(uri, this, endpointConfiguration());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(StatisticsOperation.class, remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
