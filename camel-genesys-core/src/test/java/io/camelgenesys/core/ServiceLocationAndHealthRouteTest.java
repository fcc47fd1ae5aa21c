package io.camelgenesys.core;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.test.SimulatorRouteTestSupport;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.core.test.TestComponent;
import io.camelgenesys.core.test.TestItem;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.EndpointServiceRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint tells Camel's service map which Genesys host it talks to (without secrets), and the connection
 * readiness check honours Camel's global producer checks flag (camel.health.producersEnabled) and the component's
 * healthCheckProducerEnabled.
 */
class ServiceLocationAndHealthRouteTest extends SimulatorRouteTestSupport {

    @Test
    void theServiceIsTheGenesysApiHostWithoutSecrets() throws Exception {
        String from = route(cloud("createItem", ""));
        template.requestBody(from, Map.of("name", "x"));
        EndpointServiceLocation simulator = assertInstanceOf(EndpointServiceLocation.class,
                context.getEndpoint(cloud("createItem", "")));
        assertEquals(sim().baseUrl(), simulator.getServiceUrl());
        assertEquals("http", simulator.getServiceProtocol());
        assertEquals(Map.of("platform", "cloud", "host", "127.0.0.1", "clientId", "cloud-client",
                "grantType", "clientCredentials"), simulator.getServiceMetadata());

        // Camel's service registry lists it for the route
        EndpointServiceRegistry registry = context.getCamelContextExtension().getEndpointServiceRegistry();
        List<String> urls = registry.listAllEndpointServices().stream()
                .filter(s -> s.getEndpointUri().startsWith("genesys-test")).map(s -> s.getServiceUrl()).toList();
        assertEquals(List.of(sim().baseUrl()), urls);

        // a region: https, the region's API host; credentials stay out
        EndpointServiceLocation region = (EndpointServiceLocation) context.getEndpoint(
                "genesys-test:getItem?region=mypurecloud.ie&clientId=c1&clientSecret=RAW(s3cr3t-value)");
        assertEquals("https://api.mypurecloud.ie", region.getServiceUrl());
        assertEquals("https", region.getServiceProtocol());
        assertEquals("mypurecloud.ie", region.getServiceMetadata().get("region"));
        assertEquals("api.mypurecloud.ie", region.getServiceMetadata().get("host"));

        EndpointServiceLocation multicloud = (EndpointServiceLocation) context.getEndpoint(multicloud("getItem", ""));
        assertEquals(Map.of("platform", "multicloud", "host", "127.0.0.1", "clientId", "mc-client", "username", "agent1",
                "grantType", "password"), multicloud.getServiceMetadata());
        String all = List.of(simulator, region, multicloud).stream()
                .map(s -> s.getServiceUrl() + s.getServiceMetadata()).collect(Collectors.joining());
        for (String secret : List.of("s3cr3t-value", "cloud-secret", "mc-secret", "mc-api-key", "agent1-password")) {
            assertFalse(all.contains(secret), all);
        }
    }

    @Test
    void theConnectionCheckIsOnWhileAProducerOfAComponentWithProducerChecksUsesIt() throws Exception {
        String checkedUri = cloud("createItem", "rateLimit=299");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:checked").routeId("checked").to(checkedUri);
            }
        });
        String id = template.requestBody("direct:checked", Map.of("name", "x"), TestItem.class).getId();
        GenesysConnection checked = connectionOf(checkedUri);
        assertEquals(null, state(checked), "Camel's producer checks are off by default");
        enableProducerHealthChecks(); // camel.health.producersEnabled=true
        assertEquals(HealthCheck.State.UP, state(checked));

        // another component instance with producer checks off: its connection's check is disabled
        TestComponent quiet = new TestComponent();
        quiet.setHealthCheckProducerEnabled(false);
        context.addComponent("genesys-quiet", quiet);
        String quietUri = "genesys-quiet:getItem?itemId=" + id + "&baseUrl=" + sim().baseUrl()
                          + "&accessToken=RAW(not-a-valid-token)";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:quiet").routeId("quiet").to(quietUri);
            }
        });
        GenesysConnection unchecked = connectionOf(quietUri);
        assertEquals(null, state(unchecked), "healthCheckProducerEnabled=false: not reported");
        assertEquals(HealthCheck.State.UP, state(checked));
        // not reported at all, rather than UNKNOWN: Camel Spring Boot's readiness probe wants every result UP
        assertTrue(HealthCheckHelper.invokeReadiness(context).stream()
                .noneMatch(r -> r.getCheck().getId().equals("genesys-connection-" + unchecked.id())));

        // no started producer uses the checked connection any more
        context.getRouteController().stopRoute("checked");
        context.removeRoute("checked");
        assertEquals(null, state(checked));
    }

    private GenesysConnection connectionOf(String endpointUri) {
        return context.getEndpoint(endpointUri, GenesysEndpoint.class).getConnection();
    }

    /** The state Camel's health API reports for the connection's check, {@code null} when it is not reported. */
    private HealthCheck.State state(GenesysConnection connection) {
        return HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().equals("genesys-connection-" + connection.id()))
                .filter(r -> r.getCheck().isEnabled())
                .map(HealthCheck.Result::getState).findFirst().orElse(null);
    }
}
