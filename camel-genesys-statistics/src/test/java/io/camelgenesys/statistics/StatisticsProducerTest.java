package io.camelgenesys.statistics;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.statistics.model.Statistic;
import io.camelgenesys.statistics.model.StatisticData;
import io.camelgenesys.statistics.model.StatisticDefinition;
import io.camelgenesys.statistics.model.PeekedStatisticValue;
import io.camelgenesys.statistics.model.StatisticValue;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The genesys-stats producers through routes against the simulator's Statistics API. */
class StatisticsProducerTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    private String stats(String operation, String options) {
        return "genesys-stats:" + operation + "?" + SimulatorSupport.multicloud(sim())
               + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void tableRowsConvertToStatisticsWithoutHandMapping() throws Exception {
        sim().statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "Ready"));
        sim().statistics().setValue("CurrentAgentState", "Agent", "agent1", Map.of("state", "NotReady"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the JDBC rows of a watch-list table, with the keys as H2 (upper case) or PostgreSQL (lower) gives them
                from("direct:rows").convertBodyTo(Statistic[].class).to(stats("getValues", ""));
            }
        });
        List<?> values = template.requestBody("direct:rows", List.of(
                Map.of("NAME", "CurrentAgentState", "OBJECT_TYPE", "Agent", "OBJECT_ID", "agent2"),
                Map.of("name", "CurrentAgentState", "object_type", "Agent", "object_id", "agent1")), List.class);
        assertEquals(List.of(Map.of("state", "Ready"), Map.of("state", "NotReady")),
                values.stream().map(v -> ((PeekedStatisticValue) v).getValue()).toList());
    }

    @Test
    void getValueFromTheCompactStatisticsOption() throws Exception {
        sim().statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "CallInbound"));
        String from = route(stats("getValue", "statistics=CurrentAgentState:Agent:agent2"));

        var exchange = template.request(from, e -> {
        });
        assertNotNull(exchange.getMessage().getBody());
        PeekedStatisticValue v = exchange.getMessage().getBody(PeekedStatisticValue.class);
        assertEquals(Map.of("state", "CallInbound"), v.getValue());
        assertEquals("CurrentAgentState", v.getName());
        assertNotNull(v.getTimestamp());
        assertEquals(0, exchange.getMessage().getHeader(GenesysConstants.STATUS_CODE));
        assertEquals(200, exchange.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        String path = "/statistics/v3/statistic-values/*";
        assertEquals("mc-api-key", sim().requests().lastHeader(path, "x-api-key"));
        assertEquals("Bearer " + sim().tokens().lastIssuedAccessToken(), sim().requests().lastHeader(path, "Authorization"));
    }

    @Test
    void theComponentDefaultsToMulticloud() throws Exception {
        String noPlatform = SimulatorSupport.multicloud(sim()).replace("platform=multicloud&", "");
        String from = route("genesys-stats:getValue?statistics=CurrentAgentState:Agent:agent1&" + noPlatform);
        assertEquals("agent1", template.requestBody(from, null, PeekedStatisticValue.class).getObjectId());
    }

    @Test
    void getValueFromHeadersAsAMap() throws Exception {
        sim().statistics().setValue("TimeInCurrentState", "Agent", "agent1", Map.of("value", 42));
        String from = route(stats("getValue", "outputType=map"));

        Object body = template.requestBodyAndHeaders(from, null, Map.of(StatisticsConstants.STATISTIC_NAME,
                "TimeInCurrentState", StatisticsConstants.OBJECT_TYPE, "Agent", StatisticsConstants.OBJECT_ID, "agent1"));
        Map<?, ?> map = assertInstanceOf(Map.class, body);
        assertEquals(Map.of("value", 42), map.get("value"));
        assertEquals("agent1", map.get("objectId"));
    }

    @Test
    void getValueOfAnUnknownStatisticFailsWith404() throws Exception {
        String from = route(stats("getValue", "statistics=NoSuchStatistic:Agent:agent2"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, ""));
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(404, api.getHttpStatus());
        assertEquals(404, api.getStatusCode());
    }

    @Test
    void getValuesFromTheOptionAMapBodyAJsonBodyAndTypedModels() throws Exception {
        String compact = route(stats("getValues", "statistics=CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2"));
        List<?> values = assertInstanceOf(List.class, template.requestBody(compact, (Object) null));
        assertEquals(2, values.size());
        PeekedStatisticValue first = assertInstanceOf(PeekedStatisticValue.class, values.get(0));
        assertEquals("CurrentAgentState", first.getName());
        assertEquals("agent2", first.getObjectId());
        assertEquals("TimeInCurrentState", ((PeekedStatisticValue) values.get(1)).getName());

        String plain = route(stats("getValues", ""));
        Map<String, Object> map = Map.of("statistics", List.of(Map.of("name", "CurrentAgentState", "objectType", "Agent",
                "objectId", "agent1")));
        assertEquals(1, template.requestBody(plain, map, List.class).size());
        String json = "{\"data\":{\"statistics\":[{\"name\":\"AverageHandlingTime\",\"objectType\":\"Queue\","
                      + "\"objectId\":\"queue1\"}]}}";
        List<?> fromJson = template.requestBody(plain, json, List.class);
        assertEquals("queue1", ((PeekedStatisticValue) fromJson.get(0)).getObjectId());
        List<Statistic> typed = List.of(new Statistic("CurrentAgentState", "Agent", "agent3"),
                new Statistic("AverageHandlingTime", "Agent", "agent3"));
        assertEquals(2, template.requestBody(plain, typed, List.class).size());
    }

    @Test
    void getValuesWithAnUnknownStatisticIsAPartialSuccess() throws Exception {
        String from = route(stats("getValues", "statistics=CurrentAgentState:Agent:agent2,Nope:Agent:agent2"));
        var exchange = template.request(from, e -> {
        });
        assertEquals(1, exchange.getMessage().getBody(List.class).size());
        assertEquals(2, exchange.getMessage().getHeader(GenesysConstants.STATUS_CODE));
        List<?> errors = exchange.getMessage().getHeader(GenesysConstants.ERRORS, List.class);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).toString().contains("Nope"), errors.toString());
    }

    @Test
    void subscriptionLifecycleCreateReadDelete() throws Exception {
        String create = route(stats("createSubscription",
                "operationId=op-1&statistics=CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2"));
        StatisticData data = template.requestBody(create, null, StatisticData.class);
        assertEquals("op-1", data.getSubscriptionId(), "Genesys fills the subscriptionId from the operationId");
        assertEquals(2, data.getStatistics().size());
        assertNotNull(data.getStatistics().get(0).getStatisticId());
        assertEquals(Map.of("op-1", 2), Map.of(sim().statistics().subscriptionIds().iterator().next(),
                sim().statistics().statisticIds("op-1").size()));

        String read = route(stats("getSubscriptionValues", ""));
        StatisticData values = template.requestBodyAndHeader(read, null, StatisticsConstants.SUBSCRIPTION_ID, "op-1",
                StatisticData.class);
        assertEquals(2, values.getStatistics().size());
        String oneId = data.getStatistics().get(1).getStatisticId();
        StatisticData one = template.requestBodyAndHeaders(read, null, Map.of(StatisticsConstants.SUBSCRIPTION_ID, "op-1",
                StatisticsConstants.STATISTIC_IDS, List.of(oneId)), StatisticData.class);
        assertEquals(List.of(oneId), one.getStatistics().stream().map(StatisticValue::getStatisticId).toList());

        String delete = route(stats("deleteSubscription", "subscriptionId=op-1"));
        var deleted = template.request(delete, e -> {
        });
        assertEquals(0, deleted.getMessage().getHeader(GenesysConstants.STATUS_CODE));
        assertEquals(0, sim().statistics().subscriptionCount());

        CamelExecutionException gone = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(read, null, StatisticsConstants.SUBSCRIPTION_ID, "op-1"));
        assertEquals(404, assertInstanceOf(GenesysApiException.class, gone.getCause()).getHttpStatus());
    }

    @Test
    void createSubscriptionWithADefinitionAndAnOperationIdHeader() throws Exception {
        StatisticDefinition definition = new StatisticDefinition();
        definition.setNotificationMode("Periodical");
        definition.setNotificationFrequency(10);
        definition.setInsensitivity(1);
        definition.setCategory("TotalAdjustedTime");
        definition.setSubject("DNStatus");
        definition.setIntervalType("GrowingWindow");
        definition.setMainMask("WaitForNextCall");
        definition.setDynamicTimeProfile("00:00");
        definition.setDynamicFilter("Media=voice");
        definition.setMaskType("DN");
        List<Statistic> body = List.of(Statistic.of(definition, "Agent", "agent").statisticId("UUID3"),
                new Statistic("AverageHandlingTime", "Agent", "agent").statisticId("UUID2"));
        String create = route(stats("createSubscription", "verbose=OFF"));

        StatisticData data = template.requestBodyAndHeader(create, body, StatisticsConstants.OPERATION_ID, "UUID1",
                StatisticData.class);
        assertEquals("UUID1", data.getSubscriptionId());
        assertEquals(List.of("UUID3", "UUID2"), sim().statistics().statisticIds("UUID1"));
        // verbose=OFF reached Genesys: no details of the opened statistics come back
        assertEquals(null, data.getStatistics().get(0).getObjectType());
        StatisticData verbose = template.requestBodyAndHeaders(route(stats("getSubscriptionValues", "")), null,
                Map.of(StatisticsConstants.SUBSCRIPTION_ID, "UUID1", StatisticsConstants.VERBOSE, "INFO"),
                StatisticData.class);
        assertEquals("Agent", verbose.getStatistics().get(0).getObjectType());
    }

    @Test
    void badInputFailsBeforeAnyRequestNamingTheFieldAndTheRule() throws Exception {
        int before = sim().requests().total();
        assertBad(stats("getValues", "statistics=CurrentAgentState:Agent"), null, "CurrentAgentState:Agent",
                "name:objectType:objectId");
        assertBad(stats("getValues", ""), List.of(Map.of("name", "CurrentAgentState", "objectType", "Agent")),
                "statistics[0] (CurrentAgentState)", "objectId");
        StatisticDefinition definition = new StatisticDefinition();
        definition.setCategory("TotalTime");
        assertBad(stats("getValues", ""), List.of(Statistic.of(definition, "Agent", "agent1")), "statistics[0]",
                "pre-configured");
        assertBad(stats("createSubscription", ""), List.of(new Statistic("A", "Agent", "a1").statisticId("x"),
                new Statistic("B", "Agent", "a1").statisticId("x")), "statisticId x", "unique");
        Statistic both = new Statistic("A", "Agent", "a1");
        both.setDefinition(definition);
        assertBad(stats("createSubscription", ""), List.of(both), "statistics[0] (A)", "not both");
        assertBad(stats("createSubscription", ""), null, "At least one statistic", "statistics option");
        assertBad(stats("getValue", "objectType=Agent&objectId=a1"), null, "statisticName", "CamelGenesysStatisticName");
        assertBad(stats("getValue", "statisticName=CurrentAgentState&objectType=Agent"), null, "objectId",
                "CamelGenesysObjectId");
        assertBad(stats("getValues", ""), "{not json", "not valid JSON", "the message body");
        assertBad(stats("getSubscriptionValues", ""), null, "subscriptionId", "CamelGenesysSubscriptionId");
        assertEquals(before, sim().requests().total(), "no request was sent");
    }

    @Test
    void otherPlatformsAndTheConsumerOperationFailAtRouteCreation() {
        Exception cloud = assertThrows(Exception.class, () -> route("genesys-stats:getValues?platform=cloud&"
                                                                     + SimulatorSupport.cloud(sim())));
        String message = rootMessage(cloud);
        assertTrue(message.contains("platform cloud") && message.contains("genesys-stats:getValues")
                   && message.contains("multicloud"), message);

        Exception subscribe = assertThrows(Exception.class,
                () -> route(stats("subscribe", "statistics=CurrentAgentState:Agent:agent2")));
        assertTrue(rootMessage(subscribe).contains("consumer"), rootMessage(subscribe));

        Exception noConsumer = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(stats("getValue", "statistics=CurrentAgentState:Agent:agent2")).to("mock:x");
            }
        }));
        assertTrue(rootMessage(noConsumer).contains("has no consumer"), rootMessage(noConsumer));

        Exception badStatistics = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(stats("subscribe", "statistics=CurrentAgentState")).to("mock:x");
            }
        }));
        assertTrue(rootMessage(badStatistics).contains("name:objectType:objectId"), rootMessage(badStatistics));
    }

    @Test
    void noSecretInLogsOrExceptions() throws Exception {
        LogCapture logs = LogCapture.install();
        try {
            String from = route(stats("getValue", "statistics=Unknown:Agent:agent2"));
            CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, ""));
            String token = sim().tokens().lastIssuedAccessToken();
            List<String> secrets = List.of(token, "mc-api-key", "mc-secret", "agent1-password");
            for (String s : secrets) {
                assertFalse(e.getCause().getMessage().contains(s));
            }
            logs.assertNoneContains(secrets);
        } finally {
            logs.uninstall();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void assertBad(String uri, Object body, String... fragments) throws Exception {
        String from = route(uri);
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, body));
        IllegalArgumentException bad = assertInstanceOf(IllegalArgumentException.class, e.getCause(), uri);
        for (String f : fragments) {
            assertTrue(bad.getMessage().contains(f), "'" + f + "' in: " + bad.getMessage());
        }
    }

    private static String rootMessage(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
