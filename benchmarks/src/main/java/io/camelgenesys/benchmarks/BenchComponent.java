package io.camelgenesys.benchmarks;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import io.camelgenesys.core.GenesysConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * The benchmark-only component {@code genesys-bench}: core's generic producer over {@link BenchOperation}, bound
 * in code (no services file) by {@link #register}.
 */
public class BenchComponent extends GenesysComponent {

    public static final String SCHEME = "genesys-bench";

    /** Adds the component and its endpoint configurer to a CamelContext (before it starts). */
    public static void register(CamelContext context) {
        context.getRegistry().bind(BenchEndpoint.class.getName(), new BenchEndpointConfigurer());
        context.addComponent(SCHEME, new BenchComponent());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        GenesysConfiguration config = endpointConfiguration();
        BenchEndpoint endpoint = new BenchEndpoint(uri, this, config);
        endpoint.setOperation(BenchOperation.valueOf(remaining));
        // the shared options go onto the configuration (real components do this through generated configurers)
        PropertyBindingSupport.build().withIgnoreCase(true).withRemoveParameters(true).withReflection(true)
                .bind(getCamelContext(), config, parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
