package io.camelgenesys.core.test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
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

    /**
     * Turns Camel's producer health checks on, as {@code camel.health.producersEnabled=true} does in Camel Main and
     * Camel Spring Boot (off by default): the connection checks are producer checks, reported only then.
     */
    protected void enableProducerHealthChecks() {
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
    }

    /**
     * Calls every connection health check's readiness and returns all it exposes: each message, details map and
     * error stack trace (causes included), for a test to search for a secret. Turns Camel's producer checks on first
     * ({@link #enableProducerHealthChecks()}) and fails when no connection check is reported, so that a search for a
     * secret never passes on nothing.
     */
    protected List<String> connectionHealthTexts() {
        enableProducerHealthChecks();
        List<String> texts = new ArrayList<>();
        HealthCheckRegistry.get(context).stream()
                .filter(check -> check.getId().startsWith("genesys-connection-"))
                .forEach(check -> {
                    HealthCheck.Result result = check.callReadiness();
                    texts.add(result.getState() + " " + result.getMessage().orElse(""));
                    texts.add(String.valueOf(result.getDetails()));
                    result.getError().ifPresent(error -> texts.add(stackTrace(error)));
                });
        if (texts.isEmpty()) {
            throw new AssertionError("no connection health check reported: nothing to search for a secret");
        }
        return texts;
    }

    /** The full stack trace text of a throwable, causes included. */
    public static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    protected String cloud(String operation, String options) {
        return "genesys-test:" + operation + "?" + SimulatorSupport.cloud(sim()) + (options.isEmpty() ? "" : "&" + options);
    }

    protected String multicloud(String operation, String options) {
        return "genesys-test:" + operation + "?" + SimulatorSupport.multicloud(sim())
               + (options.isEmpty() ? "" : "&" + options);
    }
}
