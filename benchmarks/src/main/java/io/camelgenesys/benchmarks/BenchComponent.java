package io.camelgenesys.benchmarks;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * The benchmark-only component {@code genesys-bench}: core's generic producer over {@link BenchOperation}, bound
 * in code (no services file) by {@link #register}.
 */
@Component(BenchComponent.SCHEME)
public class BenchComponent extends GenesysComponent {

    public static final String SCHEME = "genesys-bench";

    private BenchConfiguration configuration = new BenchConfiguration();

    /** Adds the component and its endpoint configurer to a CamelContext (before it starts). */
    public static void register(CamelContext context) {
        // bound where Camel resolves a generated configurer by scheme: "<scheme>-endpoint"
        context.getRegistry().bind(SCHEME + "-endpoint", new BenchEndpointConfigurer());
        context.addComponent(SCHEME, new BenchComponent());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BenchConfiguration config = configuration.copy();
        BenchEndpoint endpoint = new BenchEndpoint(uri, this, config);
        endpoint.setOperation(BenchOperation.valueOf(remaining));
        // the options go onto the configuration once, at route start (real components do this through generated
        // configurers); per request they are read through BenchEndpointConfigurer
        PropertyBindingSupport.build().withIgnoreCase(true).withRemoveParameters(true).withReflection(true)
                .bind(getCamelContext(), config, parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public BenchConfiguration getConfiguration() {
        return configuration;
    }
}
