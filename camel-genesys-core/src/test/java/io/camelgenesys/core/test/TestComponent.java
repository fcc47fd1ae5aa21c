package io.camelgenesys.core.test;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Test-only component {@code genesys-test}. Real components bind options through their generated configurers; core
 * runs no generator, so this one binds the URI options onto the configuration by reflection when the endpoint is
 * created, and {@link TestEndpointConfigurer} (registered by scheme, as a generated one would be) reads them per
 * message.
 */
@Component("genesys-test")
public class TestComponent extends GenesysComponent {

    private TestConfiguration configuration = new TestConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TestConfiguration config = configuration.copy();
        TestEndpoint endpoint = new TestEndpoint(uri, this, config);
        endpoint.setOperation(TestOperation.valueOf(remaining));
        PropertyBindingSupport.build().withIgnoreCase(true).withRemoveParameters(true).withReflection(true)
                .bind(getCamelContext(), config, parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public TestConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TestConfiguration configuration) {
        this.configuration = configuration;
    }
}
