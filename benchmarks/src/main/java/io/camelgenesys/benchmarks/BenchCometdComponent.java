package io.camelgenesys.benchmarks;

import java.util.Map;

import io.camelgenesys.core.GenesysConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * The benchmark-only component {@code genesys-bench-cometd:<channel>?<connection options>}: a consumer that listens
 * on one CometD channel through core's {@link io.camelgenesys.core.notifications.GenesysNotifications#shared} and
 * emits each message's {@code data} map as an exchange, the way core's test-only {@code genesys-cometd-test} does.
 * It measures what core's notification path and a Camel route cost, with no component logic on top. The channel is
 * the path without its leading slash (e.g. {@code statistics/v3/updates}). Bound in code by {@link #register}.
 */
public class BenchCometdComponent extends DefaultComponent {

    public static final String SCHEME = "genesys-bench-cometd";

    /** Adds the component to a CamelContext (before it starts). */
    public static void register(CamelContext context) {
        context.addComponent(SCHEME, new BenchCometdComponent());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        GenesysConfiguration config = new GenesysConfiguration();
        BenchCometdEndpoint endpoint = new BenchCometdEndpoint(uri, this, config,
                remaining.startsWith("/") ? remaining : "/" + remaining);
        // options are bound once, at route start: reflection costs nothing per message
        PropertyBindingSupport.build().withIgnoreCase(true).withRemoveParameters(true).withReflection(true)
                .bind(getCamelContext(), config, parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
