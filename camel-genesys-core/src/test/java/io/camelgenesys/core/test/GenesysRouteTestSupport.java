package io.camelgenesys.core.test;

import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Base of route tests against the simulator: {@link #route(String)} adds {@code from("direct:…").to(uri)} so that
 * every call goes through a real Camel route, producer and all.
 */
public abstract class GenesysRouteTestSupport extends CamelTestSupport {

    private final AtomicInteger routes = new AtomicInteger();

    protected abstract GenesysSimulator sim();

    /** Adds a route to the endpoint and returns the {@code direct:} URI that feeds it. */
    protected String route(String endpointUri) throws Exception {
        String from = "direct:route" + routes.incrementAndGet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(endpointUri);
            }
        });
        return from;
    }

    protected String cloud(String operation, String options) {
        return "genesys-test:" + operation + "?" + SimulatorSupport.cloud(sim()) + (options.isEmpty() ? "" : "&" + options);
    }

    protected String multicloud(String operation, String options) {
        return "genesys-test:" + operation + "?" + SimulatorSupport.multicloud(sim())
               + (options.isEmpty() ? "" : "&" + options);
    }
}
