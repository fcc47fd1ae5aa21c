package io.camelgenesys.statistics;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.statistics.model.Statistic;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelgenesys.core.test.BadInput.bad;
import static io.camelgenesys.core.test.BadInput.badHeaders;
import static io.camelgenesys.core.test.BadInput.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9's bad-input catalogue for the statistics family: malformed JSON, truncated bodies, wrong JSON types, unknown
 * enum values, bodies over Genesys' 512,000-byte limit, empty bodies and missing ids (the Statistics API has no paged
 * operation: a paging option in its URI fails the route). Each goes through a route and must fail with an
 * IllegalArgumentException naming what is wrong, with not one request reaching the Statistics API.
 */
class BadInputCatalogueRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private static final String ONE = "{\"name\":\"CurrentAgentState\",\"objectType\":\"Agent\",\"objectId\":\"agent2\"";

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @AfterEach
    void nothingWasSent() {
        assertEquals(0, sim().requests().count("*", "/statistics/**"), "a request reached Genesys despite bad input");
    }

    private String stats(String operation, String options) {
        return "genesys-stats:" + operation + "?" + SimulatorSupport.multicloud(sim())
               + (options.isEmpty() ? "" : "&" + options);
    }

    /** Valid statistics whose request body is well over 512,000 bytes. */
    static List<Statistic> many() {
        List<Statistic> list = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            list.add(new Statistic("CurrentAgentState", "Agent", "agent-" + "x".repeat(60) + i));
        }
        return list;
    }

    static List<Arguments> catalogue() {
        List<Arguments> list = new ArrayList<>();
        // ---- malformed JSON
        list.add(bad("malformed JSON", "getValues", "", "[" + ONE + ",}]", "The statistics in the message body are not valid JSON"));
        list.add(bad("malformed JSON", "createSubscription", "", "{data: {statistics: []}}",
                "The statistics in the message body are not valid JSON"));
        // ---- truncated bodies, in every form a body comes in
        list.add(bad("truncated", "getValues", "", "[" + ONE, "not valid JSON"));
        list.add(bad("truncated", "createSubscription", "", utf8("{\"data\":{\"statistics\":[" + ONE + "}"), "not valid JSON"));
        list.add(bad("truncated", "getValues", "", new ByteArrayInputStream(utf8("[" + ONE + "}")), "not valid JSON"));
        // ---- wrong JSON types
        list.add(bad("wrong type", "getValues", "", "[\"CurrentAgentState\"]",
                "statistics[0] in the message body must be an object", "got STRING"));
        list.add(bad("wrong type", "getValues", "", "{\"statistics\":\"CurrentAgentState\"}",
                "must be an array of statistics"));
        list.add(bad("wrong type", "getValues", "", "42", "'42' in the message body must be name:objectType:objectId"));
        list.add(bad("wrong type", "getValues", "", Map.of("statistics", 42), "must be an array of statistics",
                "got OBJECT"));
        list.add(bad("wrong type", "createSubscription", "", "[" + ONE + ",\"definition\":\"x\"}]",
                "statistics[0] in the message body: definition must be a JSON object"));
        list.add(bad("wrong type", "createSubscription", "", "[{\"objectType\":\"Agent\",\"objectId\":\"a\",\"definition\":"
                                                             + "{\"notificationFrequency\":\"often\"}}]",
                "statistics[0] in the message body: definition.notificationFrequency must be a whole number"));
        // ---- unknown enum values and operations
        list.add(badHeaders("unknown operation", "getValues", "statistics=CurrentAgentState:Agent:agent2",
                Map.of(GenesysConstants.OPERATION, "peek"), null, "Unknown operation 'peek'", "operations are"));
        list.add(badHeaders("consumer operation", "getValues", "statistics=CurrentAgentState:Agent:agent2",
                Map.of(GenesysConstants.OPERATION, "subscribe"), null, "subscribe is a consumer"));
        // ---- over 512,000 bytes
        list.add(bad("over 512,000 bytes", "getValues", "", many(), "bytes, over the 512,000 bytes Genesys accepts"));
        list.add(bad("over 512,000 bytes", "createSubscription", "", many(), "over the 512,000 bytes"));
        // ---- empty bodies (and no statistics option to fall back on)
        list.add(bad("empty", "getValues", "", null, "At least one statistic is required"));
        list.add(bad("empty", "getValues", "", "", "At least one statistic is required"));
        list.add(bad("empty", "getValues", "", "[]", "At least one statistic is required"));
        list.add(bad("empty", "createSubscription", "", List.of(), "At least one statistic is required"));
        list.add(bad("empty", "createSubscription", "", "{}", "must be an array of statistics"));
        list.add(bad("empty", "createSubscription", "", new byte[0], "must be an array of statistics"));
        // ---- missing ids
        list.add(bad("missing id", "getSubscriptionValues", "", null, "subscriptionId"));
        list.add(badHeaders("missing id", "deleteSubscription", "", Map.of("CamelGenesysSubscriptionId", " "), null,
                "subscriptionId"));
        list.add(bad("missing id", "getValue", "statisticName=CurrentAgentState&objectType=Agent", null,
                "getValue needs the objectId"));
        list.add(bad("missing id", "getValue", "objectType=Agent&objectId=agent2", null, "statisticName"));
        list.add(bad("missing id", "getValues", "", "[{\"name\":\"CurrentAgentState\",\"objectType\":\"Agent\"}]",
                "needs an objectId"));
        list.add(bad("missing id", "createSubscription", "", "[" + ONE + ",\"statisticId\":\"s1\"}," + ONE
                                                            + ",\"statisticId\":\"s1\"}]", "statisticId s1 is used twice"));
        list.add(bad("missing id", "getValues", "statistics=CurrentAgentState:Agent", null,
                "must be name:objectType:objectId"));
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isRefusedBeforeSendingNamingWhatIsWrong(String name, String operation, String options,
                                                 Map<String, Object> headers, Object body, String[] message)
            throws Exception {
        String from = route(stats(operation, options));
        Exchange e = template.request(from, x -> {
            x.getMessage().setBody(body);
            headers.forEach(x.getMessage()::setHeader);
        });
        assertNotNull(e.getException(), "the exchange failed");
        IllegalArgumentException refused = assertInstanceOf(IllegalArgumentException.class, e.getException());
        for (String part : message) {
            assertTrue(refused.getMessage().contains(part), "expected '" + part + "' in: " + refused.getMessage());
        }
    }

    @Test
    void anUnknownVerboseValueFailsTheRouteNamingTheOptionAndTheValue() {
        Exception e = assertThrows(Exception.class, () -> route(stats("createSubscription", "verbose=LOUD")));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = e.getMessage() + " / " + root.getMessage();
        assertTrue(m.contains("verbose") && m.contains("LOUD"), m);
    }

    @Test
    void aPagingOptionOnAnOperationThatDoesNotPageFailsTheRouteNamingIt() {
        Exception e = assertThrows(Exception.class,
                () -> route(stats("getValues", "statistics=CurrentAgentState:Agent:agent2&pageSize=500&pageAll=true")));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("pageSize, pageAll: genesys-stats:getValues is not paged"),
                root.getMessage());
    }

    @Test
    void badStatisticsOnASubscribeConsumerFailTheRouteNamingThem() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(stats("subscribe", "statistics=CurrentAgentState:Agent")).to("mock:never");
            }
        }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("must be name:objectType:objectId"), root.getMessage());
    }

    // ---- what Genesys refuses (the simulator applies the Statistics API's rules) and a binding would let through:
    // wrong JSON types coerced by the model, definition rules, and a paging option an operation that does not page
    // would ignore without a word.

    static List<Arguments> findings() {
        List<Arguments> list = new ArrayList<>();
        // wrong JSON types are coerced by the Statistic model binding: name 5 is sent as "5"
        list.add(bad("wrong type", "getValues", "", "[{\"name\":5,\"objectType\":\"Agent\",\"objectId\":\"agent2\"}]",
                "statistics[0] in the message body: name must be text"));
        list.add(bad("wrong type", "createSubscription", "", "[{\"name\":\"CurrentAgentState\",\"objectType\":true,"
                                                             + "\"objectId\":\"agent2\"}]", "objectType must be text"));
        // definitions: required fields, enums and unknown fields are only checked by Genesys
        list.add(bad("unknown enum", "createSubscription", "", "[{\"objectType\":\"Agent\",\"objectId\":\"agent2\","
                                                               + "\"definition\":{\"category\":\"CurrentState\","
                                                               + "\"subject\":\"DNAction\",\"mainMask\":\"*\","
                                                               + "\"notificationMode\":\"Sometimes\"}}]",
                "notificationMode must be one of"));
        list.add(bad("missing field", "createSubscription", "", "[{\"objectType\":\"Agent\",\"objectId\":\"agent2\","
                                                                + "\"definition\":{\"category\":\"CurrentState\"}}]",
                "definition.subject is required"));
        list.add(bad("unknown field", "createSubscription", "", "[{\"objectType\":\"Agent\",\"objectId\":\"agent2\","
                                                                + "\"definition\":{\"category\":\"CurrentState\","
                                                                + "\"subject\":\"DNAction\",\"mainMask\":\"*\","
                                                                + "\"frequency\":5}}]",
                "frequency is not a statistic definition field"));
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("findings")
    void definitionsTypesAndPagingOptionsAreRefusedBeforeSending(String name, String operation, String options, Map<String, Object> headers,
                                        Object body, String[] message) throws Exception {
        isRefusedBeforeSendingNamingWhatIsWrong(name, operation, options, headers, body, message);
    }
}
