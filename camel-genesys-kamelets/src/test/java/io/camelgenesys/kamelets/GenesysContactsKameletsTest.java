package io.camelgenesys.kamelets;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YAML routes that use genesys-contacts-sink and genesys-contacts-source through kamelet: against the simulator. */
class GenesysContactsKameletsTest extends CamelTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    private void loadYaml(String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", yaml));
    }

    private void sinkRoute() throws Exception {
        loadYaml("""
                - route:
                    id: crm-to-genesys
                    from:
                      uri: direct:crm
                      steps:
                        - to:
                            uri: kamelet:genesys-contacts-sink
                            parameters:
                              clientId: cloud-client
                              clientSecret: cloud-secret
                              baseUrl: "%s"
                """.formatted(SIM.simulator().baseUrl()));
    }

    @Test
    void theSinkUpsertsByExternalId() throws Exception {
        sinkRoute();
        String first = template.requestBodyAndHeader("direct:crm",
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"workEmail\":\"ada@example.com\"}", "externalId",
                "crm-1001", String.class);
        String id = JSON.readTree(first).get("id").asText();

        // the same record again, now as a CloudEvent would carry its id: the same contact, updated
        String second = template.requestBodyAndHeader("direct:crm",
                "{\"firstName\":\"Ada\",\"lastName\":\"King\",\"workEmail\":\"ada@example.com\"}", "ce-externalid",
                "crm-1001", String.class);
        assertEquals(id, JSON.readTree(second).get("id").asText());
        assertEquals(1, SIM.simulator().externalContacts().contactCount());
        assertEquals("King", SIM.simulator().externalContacts().contact(id).orElseThrow().get("lastName"));
        assertEquals(1, SIM.simulator().externalContacts().claimedIdentifierCount());
    }

    @Test
    void theSinkTakesItsParametersInAJavaDslUri() throws Exception {
        // the Java and XML examples of the docs: parameters in the kamelet: URI, the secret as RAW(...)
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:java-crm").to("kamelet:genesys-contacts-sink?clientId=cloud-client"
                                           + "&clientSecret=RAW(cloud-secret)&baseUrl=" + SIM.simulator().baseUrl());
            }
        });
        String stored = template.requestBodyAndHeader("direct:java-crm",
                "{\"firstName\":\"Grace\",\"workEmail\":\"grace@example.com\"}", "externalId", "crm-2001",
                String.class);
        String id = JSON.readTree(stored).get("id").asText();
        assertEquals("Grace", SIM.simulator().externalContacts().contact(id).orElseThrow().get("firstName"));
        assertEquals(1, SIM.simulator().externalContacts().claimedIdentifierCount());
    }

    @Test
    void aRecordWithoutExternalIdFailsWithTheReasonAndSendsNothing() throws Exception {
        String message = refusedBeforeSending("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}", null);
        assertTrue(message.contains("the matching identifier value is missing"), message);
    }

    @Test
    void aContactBreakingAGenesysRuleFailsNamingTheFieldAndSendsNothing() throws Exception {
        String message = refusedBeforeSending(
                "{\"firstName\":\"Ada\",\"workEmail\":\"not an email\",\"surveyOptOut\":\"yes\"}", "crm-1002");
        assertTrue(message.contains("workEmail must be a valid email address"), message);
        assertTrue(message.contains("surveyOptOut must be true or false"), message);
    }

    /** Sends a record through the sink; it must fail with an IllegalArgumentException and send nothing to Genesys. */
    private String refusedBeforeSending(String record, String externalId) throws Exception {
        sinkRoute();
        int before = SIM.simulator().requests().total();
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("direct:crm", record, "externalId", externalId));
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(before, SIM.simulator().requests().total(), "no request to Genesys");
        assertEquals(0, SIM.simulator().externalContacts().contactCount());
        return cause.getMessage();
    }

    @Test
    void theSourceEmitsEveryContactOfEachScan() throws Exception {
        List<String> seeded = SIM.simulator().externalContacts().seedContacts(25);
        MockEndpoint scanned = getMockEndpoint("mock:scanned");
        scanned.expectedMinimumMessageCount(25);
        loadYaml("""
                - route:
                    id: genesys-to-mock
                    from:
                      uri: kamelet:genesys-contacts-source
                      parameters:
                        clientId: cloud-client
                        clientSecret: cloud-secret
                        baseUrl: "%s"
                        pageSize: 10
                        delay: 60000
                      steps:
                        - to: mock:scanned
                """.formatted(SIM.simulator().baseUrl()));
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, scanned);

        List<Exchange> firstPoll = scanned.getReceivedExchanges().subList(0, 25);
        Set<String> ids = firstPoll.stream().map(e -> id(e.getMessage().getBody(String.class)))
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(seeded), ids, "each contact once, as JSON");
        assertEquals(Boolean.TRUE, firstPoll.get(24).getProperty(Exchange.BATCH_COMPLETE));
    }

    private static String id(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node.get("id").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON contact: " + json, e);
        }
    }
}
