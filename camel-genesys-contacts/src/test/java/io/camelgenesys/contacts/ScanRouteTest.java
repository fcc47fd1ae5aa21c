package io.camelgenesys.contacts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.GenesysApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduled scan consumer: each record once per poll, and its health check. */
class ScanRouteTest extends ContactsTestSupport {

    private static final String SCAN_PATH = EC + "/scan/contacts";

    @Test
    void theScanConsumerEmitsEachRecordOncePerPoll() throws Exception {
        sim().externalContacts().seedContacts(120);
        MockEndpoint out = getMockEndpoint("mock:reconcile");
        out.expectedMessageCount(120);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(contacts("scan", "pageSize=50&initialDelay=0&delay=3600000")).routeId("scan-consumer")
                        .to("mock:reconcile");
            }
        });
        out.assertIsSatisfied();
        Map<String, Integer> counts = new HashMap<>();
        out.getExchanges().forEach(x -> counts.merge(x.getMessage().getBody(ExternalContact.class).getId(), 1,
                Integer::sum));
        assertEquals(120, counts.size());
        assertTrue(counts.values().stream().allMatch(n -> n == 1));
        assertEquals(3, sim().requests().count("GET", SCAN_PATH));

        // a second poll (the route restarted, initialDelay=0) sees every record again, once
        out.reset();
        out.expectedMessageCount(120);
        context.getRouteController().stopRoute("scan-consumer");
        context.getRouteController().startRoute("scan-consumer");
        out.assertIsSatisfied();
    }

    @Test
    void theLastRecordOfAPollCompletesAnAggregatedBatch() throws Exception {
        sim().externalContacts().seedContacts(75);
        MockEndpoint batches = getMockEndpoint("mock:batches");
        batches.expectedMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(contacts("scan", "pageSize=50&initialDelay=0&delay=3600000"))
                        .aggregate(constant(true), AggregationStrategies.groupedBody())
                        .completionPredicate(exchangeProperty(Exchange.BATCH_COMPLETE).isEqualTo(true)).eagerCheckCompletion()
                        .to("mock:batches");
            }
        });
        batches.assertIsSatisfied();
        List<?> batch = batches.getExchanges().get(0).getMessage().getBody(List.class);
        assertEquals(75, batch.size(), "one aggregated batch per poll, completed by its last record");
    }

    @Test
    void theOtherScanFamiliesAreConsumersToo() throws Exception {
        for (int i = 0; i < 3; i++) {
            body("createOrganization", "", Map.of("name", "Org " + i), io.camelgenesys.contacts.model.ExternalOrganization.class);
        }
        body("createExternalSource", "", Map.of("name", "CRM"), io.camelgenesys.contacts.model.ExternalSource.class);
        MockEndpoint orgs = getMockEndpoint("mock:orgs");
        orgs.expectedMessageCount(3);
        MockEndpoint sources = getMockEndpoint("mock:sources");
        sources.expectedMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(contacts("scanOrganizations", "initialDelay=0&delay=3600000")).to("mock:orgs");
                from(contacts("listExternalSources", "initialDelay=0&delay=3600000")).to("mock:sources");
            }
        });
        MockEndpoint.assertIsSatisfied(orgs, sources);
        assertInstanceOf(io.camelgenesys.contacts.model.ExternalOrganization.class,
                orgs.getExchanges().get(0).getMessage().getBody());
    }

    @Test
    void aNonScanOperationCannotBeConsumed() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(contacts("search", "")).to("mock:never");
                    }
                }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("genesys-contacts:search cannot be consumed"), root.getMessage());
    }

    @Test
    void aFailingScanMakesTheConsumerHealthCheckDown() throws Exception {
        sim().faults().on("GET", SCAN_PATH).status(403)
                .body("{\"message\":\"Missing permission externalContacts:contact:view\",\"code\":\"missing.permissions\","
                      + "\"status\":403}", "application/json");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(contacts("scan", "initialDelay=0&delay=50")).routeId("failing-scan").to("mock:never");
            }
        });
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(context, "consumers").setEnabled(true);
        Optional<HealthCheck.Result> result = Optional.empty();
        // DOWN with the poll's error: before its first poll Camel's check is DOWN too ("has not yet polled"), without one
        for (int i = 0; i < 200 && (result.isEmpty() || result.get().getState() != HealthCheck.State.DOWN
                                    || result.get().getError().isEmpty()); i++) {
            Thread.sleep(50);
            result = HealthCheckHelper.invoke(context).stream()
                    .filter(r -> r.getCheck().getId().contains("failing-scan")).findFirst();
        }
        assertTrue(result.isPresent(), "the scan consumer has a health check");
        assertEquals(HealthCheck.State.DOWN, result.get().getState());
        assertInstanceOf(GenesysApiException.class, result.get().getError().orElseThrow());
        assertEquals(403, result.get().getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
        getMockEndpoint("mock:never").expectedMessageCount(0);
        getMockEndpoint("mock:never").assertIsSatisfied();
    }
}
