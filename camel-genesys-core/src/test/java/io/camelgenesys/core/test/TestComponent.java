package io.camelgenesys.core.test;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import io.camelgenesys.core.GenesysConfiguration;
import org.apache.camel.Endpoint;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Test-only component {@code genesys-test}. Real components bind options through their generated configurers;
 * this one has none, so it binds the shared options onto the configuration first, by reflection.
 */
public class TestComponent extends GenesysComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        GenesysConfiguration config = endpointConfiguration();
        TestEndpoint endpoint = new TestEndpoint(uri, this, config);
        endpoint.setOperation(TestOperation.valueOf(remaining));
        PropertyBindingSupport.build().withIgnoreCase(true).withRemoveParameters(true).withReflection(true)
                .bind(getCamelContext(), config, parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
