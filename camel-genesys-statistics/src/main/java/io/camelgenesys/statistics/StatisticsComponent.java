package io.camelgenesys.statistics;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The genesys-stats component. The Statistics API exists on Genesys Multicloud CX only, so its configuration has
 * {@code platform=multicloud} by default.
 */
@Component("genesys-stats")
public class StatisticsComponent extends GenesysComponent {

    @Metadata(description = "The component configuration: every option set here (camel.component.genesys-stats.*) is"
                            + " the default of every endpoint of this component.")
    private StatisticsConfiguration configuration = new StatisticsConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        StatisticsEndpoint endpoint = new StatisticsEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(StatisticsOperation.class, remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public StatisticsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(StatisticsConfiguration configuration) {
        this.configuration = configuration;
    }
}
