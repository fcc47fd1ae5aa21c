package io.camelgenesys.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Statistics API over real HTTP, with the payloads of seed 002. */
class StatisticsApiTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);
    static final String BASE = "/statistics/v3";
    static final String SUBSCRIBE_BODY = """
            {"operationId":"UUID1","data":{"statistics":[
              {"statisticId":"UUID2","objectId":"agent","objectType":"Agent","name":"AverageHandlingTime"},
              {"statisticId":"UUID3","objectId":"agent","objectType":"Agent","definition":{
                "notificationMode":"Periodical","notificationFrequency":10,"insensitivity":1,
                "category":"TotalAdjustedTime","subject":"DNStatus","intervalType":"GrowingWindow",
                "mainMask":"WaitForNextCall","dynamicTimeProfile":"00:00","dynamicFilter":"Media=voice","maskType":"DN"}}
            ]}}""";

    GenesysSimulator sim;
    String token;


    @BeforeEach
    void setUp() throws Exception {
        sim = SIM.simulator();
        token = http.multicloudToken();
    }

    private ContentResponse get(String path) throws Exception {
        return http.multicloud("GET", path, token).send();
    }

    private ContentResponse post(String path, String body) throws Exception {
        return json(http.multicloud("POST", path, token), body).send();
    }

    private ContentResponse delete(String path) throws Exception {
        return http.multicloud("DELETE", path, token).send();
    }

    private static JsonNode ok(ContentResponse response, int code) {
        assertEquals(200, response.getStatus(), response.getContentAsString());
        JsonNode body = body(response);
        assertEquals(code, body.path("status").path("code").asInt(-1), response.getContentAsString());
        return body;
    }

    private static void error(ContentResponse response, int status, String messagePart) {
        assertEquals(status, response.getStatus(), response.getContentAsString());
        JsonNode body = body(response);
        assertEquals(status, body.path("status").path("code").asInt(), response.getContentAsString());
        assertTrue(body.path("status").path("message").asText().contains(messagePart), response.getContentAsString());
    }

    @Test
    void getStatisticValue() throws Exception {
        sim.statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "AfterCallWork"));
        JsonNode statistic = ok(get(BASE + "/statistic-values/CurrentAgentState?objectType=Agent&objectId=agent2"), 0)
                .path("data").path("statistic");
        assertEquals("CurrentAgentState", statistic.path("name").asText());
        assertEquals("Agent", statistic.path("objectType").asText());
        assertEquals("agent2", statistic.path("objectId").asText());
        assertEquals("AfterCallWork", statistic.path("value").path("state").asText());
        assertTrue(statistic.path("timestamp").asLong() > 1_490_830_620_000L);
    }

    @Test
    void getStatisticValueErrors() throws Exception {
        error(get(BASE + "/statistic-values/NoSuchStatistic?objectType=Agent&objectId=agent2"), 404, "NoSuchStatistic");
        error(get(BASE + "/statistic-values/CurrentAgentState?objectType=Agent&objectId=nobody"), 404, "nobody");
        error(get(BASE + "/statistic-values/CurrentAgentState?objectType=Queue&objectId=queue1"), 404, "Queue");
        error(get(BASE + "/statistic-values/CurrentAgentState?objectType=Agent"), 400, "objectId");
        error(get(BASE + "/statistic-values/CurrentAgentState?objectId=agent2"), 400, "objectType");
    }

    @Test
    void getStatisticEx() throws Exception {
        JsonNode body = ok(post(BASE + "/operations/get-statistic-ex", """
                {"data":{"statistics":[
                  {"name":"CurrentAgentState","objectType":"Agent","objectId":"agent2"},
                  {"name":"TimeInCurrentState","objectType":"Agent","objectId":"agent2"}]}}"""), 0);
        JsonNode statistics = body.path("data").path("statistics");
        assertEquals(2, statistics.size());
        assertEquals("CurrentAgentState", statistics.get(0).path("name").asText());
        assertEquals("WaitForNextCall", statistics.get(0).path("value").path("state").asText());
        assertEquals("TimeInCurrentState", statistics.get(1).path("name").asText());
        assertEquals(0, statistics.get(1).path("value").path("value").asInt(-1));
        assertTrue(statistics.get(1).path("timestamp").isIntegralNumber());
        assertFalse(body.has("errors"));
    }

    @Test
    void getStatisticExPartialAndFailed() throws Exception {
        JsonNode partial = ok(post(BASE + "/operations/get-statistic-ex", """
                {"data":{"statistics":[
                  {"name":"CurrentAgentState","objectType":"Agent","objectId":"agent2"},
                  {"name":"Nope","objectType":"Agent","objectId":"agent2"}]}}"""), 2);
        assertEquals(1, partial.path("data").path("statistics").size());
        assertEquals(1, partial.path("errors").size());
        JsonNode failed = partial.path("errors").get(0).path("status");
        assertEquals(404, failed.path("code").asInt());
        assertEquals("Nope", failed.path("detail").path("name").asText());

        ContentResponse none = post(BASE + "/operations/get-statistic-ex",
                "{\"data\":{\"statistics\":[{\"name\":\"Nope\",\"objectType\":\"Agent\",\"objectId\":\"agent2\"}]}}");
        error(none, 400, "None of the statistics");
        assertEquals(1, body(none).path("errors").size());

        error(post(BASE + "/operations/get-statistic-ex", "{\"data\":{\"statistics\":[]}}"), 400, "data.statistics");
        error(post(BASE + "/operations/get-statistic-ex", "{}"), 400, "data is required");
        error(post(BASE + "/operations/get-statistic-ex",
                "{\"data\":{\"statistics\":[{\"name\":\"CurrentAgentState\",\"objectType\":\"Agent\"}]}}"),
                400, "data.statistics[0].objectId is required");
        error(post(BASE + "/operations/get-statistic-ex", "{not json"), 400, "not valid JSON");
    }

    @Test
    void subscriptionLifecycle() throws Exception {
        JsonNode data = ok(post(BASE + "/subscriptions", SUBSCRIBE_BODY), 0).path("data");
        // "The subscriptionId is filled from the operationId."
        assertEquals("UUID1", data.path("subscriptionId").asText());
        assertEquals("UUID1", data.path("operationId").asText());
        JsonNode statistics = data.path("statistics");
        assertEquals(2, statistics.size());
        JsonNode byName = statistics.get(0);
        assertEquals("UUID2", byName.path("statisticId").asText());
        assertEquals("agent", byName.path("objectId").asText());
        assertEquals("Agent", byName.path("objectType").asText());
        assertEquals("AverageHandlingTime", byName.path("name").asText());
        assertTrue(byName.path("value").isObject());
        assertTrue(byName.path("timestamp").isIntegralNumber());
        JsonNode byDefinition = statistics.get(1);
        assertEquals("UUID3", byDefinition.path("statisticId").asText());
        assertFalse(byDefinition.has("name"));
        assertEquals("Agent", byDefinition.path("objectType").asText());
        assertEquals(Set.of("UUID1"), sim.statistics().subscriptionIds());
        assertEquals(List.of("UUID2", "UUID3"), sim.statistics().statisticIds("UUID1"));

        JsonNode values = ok(get(BASE + "/subscriptions/UUID1/statistic-values"), 0).path("data");
        assertEquals("UUID1", values.path("subscriptionId").asText());
        assertEquals(2, values.path("statistics").size());

        JsonNode one = ok(get(BASE + "/subscriptions/UUID1/statistic-values?statisticIds=UUID3&verbose=OFF"), 0)
                .path("data").path("statistics");
        assertEquals(1, one.size());
        assertEquals("UUID3", one.get(0).path("statisticId").asText());
        assertFalse(one.get(0).has("objectId"), "verbose=OFF leaves out what identifies the statistic");
        assertTrue(one.get(0).has("value"));

        JsonNode partial = ok(get(BASE + "/subscriptions/UUID1/statistic-values?statisticIds=UUID2,UUID9"), 2);
        assertEquals(1, partial.path("data").path("statistics").size());
        assertEquals("UUID9", partial.path("errors").get(0).path("status").path("detail").path("statisticId").asText());
        error(get(BASE + "/subscriptions/UUID1/statistic-values?statisticIds=UUID9"), 404, "UUID1");

        ok(delete(BASE + "/subscriptions/UUID1"), 0);
        assertEquals(0, sim.statistics().subscriptionCount());
        error(get(BASE + "/subscriptions/UUID1/statistic-values"), 404, "UUID1");
        // Fire-and-forget: deleting again (or an unknown id) still succeeds.
        ok(delete(BASE + "/subscriptions/UUID1"), 0);
    }

    @Test
    void subscriptionValuesFollowSetValue() throws Exception {
        ok(post(BASE + "/subscriptions", SUBSCRIBE_BODY), 0);
        sim.statistics().setValue("AverageHandlingTime", "Agent", "agent", Map.of("value", 321));
        sim.statistics().setSubscriptionValue("UUID1", "UUID3", Map.of("value", 7));
        JsonNode statistics = ok(get(BASE + "/subscriptions/UUID1/statistic-values"), 0).path("data").path("statistics");
        assertEquals(321, statistics.get(0).path("value").path("value").asInt());
        assertEquals(7, statistics.get(1).path("value").path("value").asInt());
        assertThrows(IllegalArgumentException.class,
                () -> sim.statistics().setValue("Nope", "Agent", "agent", Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> sim.statistics().setSubscriptionValue("UUID1", "UUID9", Map.of()));
    }

    @Test
    void subscriptionPartialSuccessOpensOnlyTheGoodStatistics() throws Exception {
        JsonNode body = ok(post(BASE + "/subscriptions?verbose=OFF", """
                {"operationId":"op-1","data":{"statistics":[
                  {"statisticId":"s1","objectId":"agent2","objectType":"Agent","name":"CurrentAgentState"},
                  {"statisticId":"s2","objectId":"ghost","objectType":"Agent","name":"CurrentAgentState"}]}}"""), 2);
        assertEquals(1, body.path("data").path("statistics").size());
        assertFalse(body.path("data").path("statistics").get(0).has("name"));
        assertEquals("s2", body.path("errors").get(0).path("status").path("detail").path("statisticId").asText());
        assertEquals(List.of("s1"), sim.statistics().statisticIds("op-1"));

        ContentResponse none = post(BASE + "/subscriptions", """
                {"operationId":"op-2","data":{"statistics":[
                  {"statisticId":"s1","objectId":"agent2","objectType":"Agent","name":"Nope"}]}}""");
        error(none, 400, "None of the statistics");
        assertEquals(Set.of("op-1"), sim.statistics().subscriptionIds());
    }

    @Test
    void subscriptionValidation() throws Exception {
        String stat = "{\"statisticId\":\"s1\",\"objectId\":\"agent2\",\"objectType\":\"Agent\",";
        error(post(BASE + "/subscriptions", "{\"operationId\":\"o\"}"), 400, "data is required");
        error(post(BASE + "/subscriptions", "{\"operationId\":\"o\",\"data\":{\"statistics\":[]}}"), 400,
                "non-empty array");
        error(post(BASE + "/subscriptions", "{\"operationId\":\"o\",\"data\":{\"statistics\":[{\"objectId\":\"agent2\","
                + "\"objectType\":\"Agent\",\"name\":\"CurrentAgentState\"}]}}"), 400, "statisticId is required");
        error(post(BASE + "/subscriptions", "{\"operationId\":\"o\",\"data\":{\"statistics\":[" + stat + "\"x\":1}]}}"),
                400, "got neither");
        error(post(BASE + "/subscriptions", "{\"operationId\":\"o\",\"data\":{\"statistics\":[" + stat
                + "\"name\":\"CurrentAgentState\",\"definition\":{\"category\":\"c\",\"subject\":\"s\","
                + "\"mainMask\":\"m\"}}]}}"), 400, "not both");
        error(post(BASE + "/subscriptions", "{\"operationId\":\"o\",\"data\":{\"statistics\":[" + stat
                + "\"definition\":{\"subject\":\"s\",\"mainMask\":\"m\"}}]}}"), 400, "definition.category is required");
        error(post(BASE + "/subscriptions", "{\"operationId\":\"o\",\"data\":{\"statistics\":[" + stat
                + "\"definition\":{\"category\":\"c\",\"subject\":\"s\",\"mainMask\":\"m\","
                + "\"notificationMode\":\"Sometimes\"}}]}}"), 400, "notificationMode must be one of");
        error(post(BASE + "/subscriptions", "{\"operationId\":\"o\",\"data\":{\"statistics\":[" + stat
                + "\"definition\":{\"category\":\"c\",\"subject\":\"s\",\"mainMask\":\"m\","
                + "\"notificationFrequency\":\"ten\"}}]}}"), 400, "notificationFrequency must be an integer");
        error(post(BASE + "/subscriptions", "{\"operationId\":\"o\",\"data\":{\"statistics\":[" + stat
                + "\"definition\":{\"category\":\"c\",\"subject\":\"s\",\"mainMask\":\"m\",\"color\":\"red\"}}]}}"),
                400, "definition.color is not a statistic definition field");
        error(post(BASE + "/subscriptions", "{\"operationId\":\"o\",\"data\":{\"statistics\":[" + stat
                + "\"name\":\"CurrentAgentState\"}," + stat + "\"name\":\"TimeInCurrentState\"}]}}"), 400,
                "used twice");
        error(post(BASE + "/subscriptions?verbose=LOUD", SUBSCRIBE_BODY), 400, "verbose");
        assertEquals(0, sim.statistics().subscriptionCount(), "no invalid request opened anything");

        ok(post(BASE + "/subscriptions", SUBSCRIBE_BODY), 0);
        error(post(BASE + "/subscriptions", SUBSCRIBE_BODY), 400, "open already");
    }

    @Test
    void multicloudAuthentication() throws Exception {
        ContentResponse noKey = http.cloud("GET", BASE + "/subscriptions/x/statistic-values", token).send();
        assertEquals(403, noKey.getStatus());
        ContentResponse badKey = http.request("POST", BASE + "/subscriptions")
                .headers(h -> {
                    h.put("x-api-key", "wrong");
                    h.put("Authorization", "Bearer " + token);
                }).send();
        assertEquals(403, badKey.getStatus());
        ContentResponse badToken = http.multicloud("GET", BASE + "/subscriptions/x/statistic-values", "nope").send();
        assertEquals(401, badToken.getStatus());
        assertEquals(401, body(badToken).path("status").path("code").asInt());
        assertEquals(0, sim.statistics().subscriptionCount());
    }

    @Test
    void outageAnswers503AndDropsSubscriptions() throws Exception {
        ok(post(BASE + "/subscriptions", SUBSCRIBE_BODY), 0);
        sim.statistics().serviceUnavailable();
        assertEquals(0, sim.statistics().subscriptionCount());
        error(post(BASE + "/subscriptions", SUBSCRIBE_BODY), 503, "unavailable");
        error(get(BASE + "/statistic-values/CurrentAgentState?objectType=Agent&objectId=agent2"), 503, "unavailable");
        ok(delete(BASE + "/subscriptions/UUID1"), 0);
        sim.statistics().serviceAvailable();
        error(get(BASE + "/subscriptions/UUID1/statistic-values"), 404, "UUID1");
        ok(post(BASE + "/subscriptions", SUBSCRIBE_BODY), 0);
        assertEquals(1, sim.statistics().subscriptionCount());
    }

    @Test
    void resetClearsSubscriptionsAndEndsOutages() throws Exception {
        ok(post(BASE + "/subscriptions", SUBSCRIBE_BODY), 0);
        sim.statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "AfterCallWork"));
        sim.statistics().serviceUnavailable();
        sim.statistics().setUpdateInterval(java.time.Duration.ofSeconds(1));
        sim.reset();
        assertTrue(sim.statistics().isAvailable());
        assertEquals(0, sim.statistics().subscriptionCount());
        assertEquals(java.time.Duration.ZERO, sim.statistics().updateInterval());
        assertTrue(sim.statistics().published().isEmpty());
        assertEquals(Map.of("state", "WaitForNextCall"), sim.statistics().value("CurrentAgentState", "Agent", "agent2"));
    }

    @Test
    void anOutageEndsEvenAcrossARestart() throws Exception {
        // an outage that surely outlasts the stop (with 200 ms, a slow machine could see it end before it checked)
        sim.statistics().outage(java.time.Duration.ofHours(1));
        assertFalse(sim.statistics().isAvailable());
        sim.stop();
        // moved to end 200 ms from now while stopped: no timer runs until the start, however long this takes
        sim.statistics().outage(java.time.Duration.ofMillis(200));
        assertFalse(sim.statistics().isAvailable(), "still in the outage while stopped");
        sim.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!sim.statistics().isAvailable() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(sim.statistics().isAvailable(), "the outage ended after the restart");
        ok(post(BASE + "/subscriptions", SUBSCRIBE_BODY), 0);
    }
}
