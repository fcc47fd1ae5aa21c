package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Statistics notifications as a client sees them: a real {@link BayeuxClient} subscribed to
 * {@value Statistics#UPDATES} and {@value Statistics#SERVICE}, subscriptions created over HTTP.
 */
class StatisticsNotificationsTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    GenesysSimulator sim;
    volatile String token;
    BayeuxClient client;
    final BlockingQueue<Map<String, Object>> updates = new LinkedBlockingQueue<>();
    final BlockingQueue<Map<String, Object>> service = new LinkedBlockingQueue<>();


    @BeforeEach
    void connect() throws Exception {
        sim = SIM.simulator();
        token = http.multicloudToken();
        JettyHttpClientTransport transport = new JettyHttpClientTransport(null, http.client) {
            @Override
            protected void customize(Request request) {
                super.customize(request);
                request.headers(h -> {
                    h.put("x-api-key", sim.multicloudApiKey());
                    h.put("Authorization", "Bearer " + token);
                });
            }
        };
        client = new BayeuxClient(sim.baseUrl() + Cometd.STATISTICS_NOTIFICATIONS, transport);
        client.setBackOffStrategy(new BayeuxClient.BackOffStrategy.Linear(100, 500));
        // As a Genesys client must: subscribe after every successful handshake, since a new session has none.
        client.getChannel(Channel.META_HANDSHAKE).addListener((ClientSessionChannel.MessageListener) (c, reply) -> {
            if (reply.isSuccessful()) {
                client.getChannel(Statistics.UPDATES).subscribe((channel, m) -> updates.add(m.getDataAsMap()));
                client.getChannel(Statistics.SERVICE).subscribe((channel, m) -> service.add(m.getDataAsMap()));
            }
        });
        client.handshake();
        assertTrue(client.waitFor(5_000, BayeuxClient.State.CONNECTED), "connected");
        awaitSubscribed();
    }

    private void awaitSubscribed() throws InterruptedException {
        await(() -> sim.cometd().subscriberCount(Statistics.UPDATES) == 1
                && sim.cometd().subscriberCount(Statistics.SERVICE) == 1, "the client's subscriptions");
    }

    @AfterEach
    void disconnect() {
        if (client.isHandshook()) {
            client.disconnect(2_000);
        }
        client.abort();
    }

    private String subscribe(String operationId, String... statistics) throws Exception {
        return subscribeWithCookie(null, operationId, statistics);
    }

    /** Creates a subscription over REST, sending {@code cookie} (when not null) as its Cookie header. */
    private String subscribeWithCookie(String cookie, String operationId, String... statistics) throws Exception {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < statistics.length; i++) {
            String[] parts = statistics[i].split(":");
            list.append(i == 0 ? "" : ",").append("{\"statisticId\":\"").append(operationId).append("-").append(i)
                    .append("\",\"name\":\"").append(parts[0]).append("\",\"objectType\":\"").append(parts[1])
                    .append("\",\"objectId\":\"").append(parts[2]).append("\"}");
        }
        Request request = http.multicloud("POST", "/statistics/v3/subscriptions", token);
        if (cookie != null) {
            request.headers(h -> h.put("Cookie", cookie));
        }
        ContentResponse response = json(request,
                "{\"operationId\":\"" + operationId + "\",\"data\":{\"statistics\":[" + list + "]}}").send();
        assertEquals(200, response.getStatus(), response.getContentAsString());
        return body(response).path("data").path("subscriptionId").asText();
    }

    private static Map<String, Object> next(BlockingQueue<Map<String, Object>> queue) throws InterruptedException {
        Map<String, Object> message = queue.poll(5, TimeUnit.SECONDS);
        assertNotNull(message, "a notification");
        return message;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> notification) {
        return (List<Map<String, Object>>) ((Map<String, Object>) notification.get("data")).get("statistics");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The notification as JSON, so that what the client received and what was published compare by value. */
    private static JsonNode tree(Object notification) {
        return Json.mapper().valueToTree(notification);
    }

    @Test
    void publishUpdatesSendsOneStatisticUpdatePerSubscription() throws Exception {
        String first = subscribe("sub-1", "CurrentAgentState:Agent:agent2", "TimeInCurrentState:Agent:agent2");
        String second = subscribe("sub-2", "TimeInCurrentState:Agent:agent2");

        assertEquals(2, sim.statistics().publishUpdates());
        Map<String, Object> a = next(updates);
        Map<String, Object> b = next(updates);
        assertEquals(Statistics.STATISTIC_UPDATE, a.get("name"));
        assertEquals(Statistics.UPDATES, a.get("topic"));
        List<Map<String, Object>> firstEntries = entries(a);
        assertEquals(2, firstEntries.size());
        Map<String, Object> entry = firstEntries.get(0);
        assertEquals(Set.of("subscriptionId", "statisticId", "value", "timestamp"), entry.keySet());
        assertEquals(first, entry.get("subscriptionId"));
        assertEquals("sub-1-0", entry.get("statisticId"));
        // After one update the generator has moved CurrentAgentState to its second state.
        assertEquals(Map.of("state", Statistics.AGENT_STATES.get(1)), entry.get("value"));
        assertEquals(1L, ((Number) ((Map<?, ?>) firstEntries.get(1).get("value")).get("value")).longValue());
        assertEquals(second, entries(b).get(0).get("subscriptionId"));
        // The same shared value reaches both subscriptions.
        assertEquals(firstEntries.get(1).get("value"), entries(b).get(0).get("value"));

        // The log holds exactly what was delivered, in order.
        List<Map<String, Object>> published = sim.statistics().published();
        assertEquals(2, published.size());
        assertEquals(tree(published.get(0)), tree(a));
        assertEquals(tree(published.get(1)), tree(b));
        assertTrue(sim.statistics().lastPublishNanos(first) > 0);
        assertNull(updates.poll(200, TimeUnit.MILLISECONDS), "nothing more was published");
    }

    @Test
    void sessionAffinityRoutesUpdatesOnlyToTheSessionWhoseCookieCreatedTheSubscription() throws Exception {
        String browser = client.getCookie(Cometd.BROWSER_COOKIE) == null ? null
                : client.getCookie(Cometd.BROWSER_COOKIE).getValue();
        assertNotNull(browser, "the handshake set the CometD browser cookie");
        sim.statistics().setSessionAffinity(true);
        String mine = subscribeWithCookie("other=1; " + Cometd.BROWSER_COOKIE + "=" + browser, "mine",
                "TimeInCurrentState:Agent:agent2");
        String anonymous = subscribe("anonymous", "TimeInCurrentState:Agent:agent2");
        String foreign = subscribeWithCookie(Cometd.BROWSER_COOKIE + "=someone-else", "foreign", "TimeInCurrentState:Agent:agent2");
        assertEquals(browser, sim.statistics().cookieOf(mine));
        assertNull(sim.statistics().cookieOf(anonymous));

        assertEquals(3, sim.statistics().publishUpdates(), "published (and logged) for all three");
        assertEquals(mine, entries(next(updates)).get(0).get("subscriptionId"));
        assertNull(updates.poll(300, TimeUnit.MILLISECONDS), "nothing for the subscriptions of other cookies");

        // off again: every session subscribed to the channel gets every subscription's updates
        sim.statistics().setSessionAffinity(false);
        assertEquals(3, sim.statistics().publishUpdates());
        Set<Object> ids = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(entries(next(updates)).get(0).get("subscriptionId"));
        }
        assertEquals(Set.of(mine, anonymous, foreign), ids);

        // a server that lost track of the session: re-bound elsewhere, the updates stop
        sim.statistics().setSessionAffinity(true);
        sim.statistics().bindToCookie(mine, "gone");
        sim.statistics().publishUpdates();
        assertNull(updates.poll(300, TimeUnit.MILLISECONDS));
        sim.reset();
        assertFalse(sim.statistics().sessionAffinity(), "reset turns it off");
    }

    @Test
    void setValuePublishesToTheSubscriptionsThatHaveIt() throws Exception {
        String agent2 = subscribe("sub-a", "CurrentAgentState:Agent:agent2");
        subscribe("sub-b", "CurrentAgentState:Agent:agent3");
        List<Statistics.Publication> seen = new ArrayList<>();
        sim.statistics().addPublishListener(seen::add);

        sim.statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "AfterCallWork"));
        Map<String, Object> update = next(updates);
        List<Map<String, Object>> entries = entries(update);
        assertEquals(1, entries.size());
        assertEquals(agent2, entries.get(0).get("subscriptionId"));
        assertEquals(Map.of("state", "AfterCallWork"), entries.get(0).get("value"));
        assertNull(updates.poll(200, TimeUnit.MILLISECONDS), "sub-b does not have agent2");
        assertEquals(1, seen.size());
        assertEquals(sim.statistics().lastPublishNanos(agent2), seen.get(0).nanos());
        assertEquals(0, sim.statistics().lastPublishNanos("sub-b"));
    }

    @Test
    void outageSequence() throws Exception {
        String id = subscribe("sub-o", "CurrentAgentState:Agent:agent2");
        sim.statistics().outage(Duration.ofMillis(300));

        Map<String, Object> unavailable = next(service);
        assertEquals(Statistics.SERVICE_STATE_CHANGE, unavailable.get("name"));
        assertEquals(Statistics.SERVICE, unavailable.get("topic"));
        assertEquals(Map.of("serviceState", "UNAVAILABLE"), unavailable.get("data"));
        assertEquals(0, sim.statistics().subscriptionCount(), "the service drops every subscription");
        assertEquals(0, sim.statistics().publishUpdates(), "nothing to publish during an outage");

        Map<String, Object> available = next(service);
        assertEquals(Map.of("serviceState", "AVAILABLE"), available.get("data"));
        assertTrue(sim.statistics().isAvailable());
        assertEquals(0, sim.statistics().publishUpdates(), "the client has to re-create its subscription");

        assertEquals(id, subscribe("sub-o", "CurrentAgentState:Agent:agent2"));
        assertEquals(1, sim.statistics().publishUpdates());
        assertEquals(id, entries(next(updates)).get(0).get("subscriptionId"));
        assertTrue(updates.isEmpty());
        List<Map<String, Object>> published = sim.statistics().published();
        assertEquals(List.of("ServiceStateChange", "ServiceStateChange", "StatisticUpdate"),
                published.stream().map(n -> n.get("name")).toList());
    }

    @Test
    void generatorPublishesUntilStopped() throws Exception {
        String id = subscribe("sub-g", "TimeInCurrentState:Agent:agent1");
        sim.statistics().setUpdateInterval(Duration.ofMillis(20));
        long previous = 0;
        for (int i = 0; i < 3; i++) {
            Map<String, Object> update = next(updates);
            Map<String, Object> entry = entries(update).get(0);
            assertEquals(id, entry.get("subscriptionId"));
            long value = ((Number) ((Map<?, ?>) entry.get("value")).get("value")).longValue();
            assertTrue(value > previous, "values move on: " + value + " after " + previous);
            previous = value;
        }
        sim.statistics().setUpdateInterval(Duration.ZERO);
        // Nothing is published once the call returns; whatever was published before arrives, then the stream ends.
        int total = sim.statistics().published().size();
        await(() -> updates.size() == total - 3, "the updates published before the stop");
        updates.clear();
        assertNull(updates.poll(200, TimeUnit.MILLISECONDS));
        assertEquals(total, sim.statistics().published().size());

        sim.statistics().clearPublications();
        assertTrue(sim.statistics().published().isEmpty());
        assertEquals(1, sim.statistics().publishUpdates(), "the subscription is untouched");
        assertEquals(1, sim.statistics().published().size(), "the log goes on after a clear");
    }

    @Test
    void subscriptionsSurviveACometdRestart() throws Exception {
        String id = subscribe("sub-r", "CurrentAgentState:Agent:agent2");
        sim.stop();
        sim.start();
        // The new Bayeux server has no subscriber until the client has handshaken and subscribed again.
        awaitSubscribed();
        assertEquals(1, sim.statistics().subscriptionCount(), "the Statistics service kept the subscription");
        assertEquals(1, sim.statistics().publishUpdates());
        assertEquals(id, entries(next(updates)).get(0).get("subscriptionId"));

        sim.cometd().dropAllSessions();
        awaitSubscribed();
        assertEquals(1, sim.statistics().publishUpdates());
        assertEquals(id, entries(next(updates)).get(0).get("subscriptionId"));
    }

    @Test
    void adminEndpointsDriveTheServiceForStandaloneUsers() throws Exception {
        String id = subscribe("sub-admin", "CurrentAgentState:Agent:agent1");
        ContentResponse state = http.get("/simulator/statistics").send();
        assertEquals(200, state.getStatus());
        assertEquals(id, body(state).path("subscriptionIds").get(0).asText());
        assertTrue(body(state).path("available").asBoolean());

        ContentResponse published = http.request("POST", "/simulator/statistics/publish").send();
        assertEquals(1, body(published).path("published").asInt());
        assertEquals(id, entries(next(updates)).get(0).get("subscriptionId"));

        assertEquals(204, json(http.request("POST", "/simulator/statistics/values"),
                "{\"name\":\"CurrentAgentState\",\"objectType\":\"Agent\",\"objectId\":\"agent1\","
                        + "\"value\":{\"state\":\"CallInbound\"}}").send().getStatus());
        assertEquals(Map.of("state", "CallInbound"), entries(next(updates)).get(0).get("value"));
        assertEquals(400, json(http.request("POST", "/simulator/statistics/values"),
                "{\"name\":\"Nope\",\"objectType\":\"Agent\",\"objectId\":\"agent1\",\"value\":1}")
                .send().getStatus());

        assertEquals(204, json(http.request("POST", "/simulator/statistics/interval"), "{\"intervalMs\":250}")
                .send().getStatus());
        assertEquals(Duration.ofMillis(250), sim.statistics().updateInterval());
        assertEquals(400, json(http.request("POST", "/simulator/statistics/interval"), "{}").send().getStatus());

        assertEquals(204, json(http.request("POST", "/simulator/statistics/outage"), "{\"durationMs\":60000}")
                .send().getStatus());
        assertEquals(Map.of("serviceState", "UNAVAILABLE"), next(service).get("data"));
        assertEquals(0, sim.statistics().subscriptionCount());
        assertFalse(body(http.get("/simulator/statistics").send()).path("available").asBoolean());
        // reset() ends the outage without waiting for it.
        assertEquals(204, http.request("POST", "/simulator/reset").send().getStatus());
        assertTrue(sim.statistics().isAvailable());
        assertEquals(Duration.ZERO, sim.statistics().updateInterval());
        // reset() also dropped the CometD session and every token: with a new token the client comes back.
        token = http.multicloudToken();
        awaitSubscribed();
    }

    @Test
    void definitionStatisticsArePublishedToo() throws Exception {
        ContentResponse created = json(http.multicloud("POST", "/statistics/v3/subscriptions", token), """
                {"operationId":"sub-d","data":{"statistics":[{"statisticId":"d1","objectId":"queue1","objectType":"Queue",
                  "definition":{"category":"TotalNumber","subject":"DNAction","mainMask":"CallAbandoned",
                                "notificationMode":"Immediate","intervalType":"GrowingWindow"}}]}}""").send();
        assertEquals(200, created.getStatus(), created.getContentAsString());
        assertEquals(0, body(created).path("data").path("statistics").get(0).path("value").path("value").asInt(-1));

        assertEquals(1, sim.statistics().publishUpdates());
        Map<String, Object> entry = entries(next(updates)).get(0);
        assertEquals("sub-d", entry.get("subscriptionId"));
        assertEquals("d1", entry.get("statisticId"));
        assertEquals(1L, ((Number) ((Map<?, ?>) entry.get("value")).get("value")).longValue());

        sim.statistics().setSubscriptionValue("sub-d", "d1", Map.of("value", 99));
        assertEquals(99L, ((Number) ((Map<?, ?>) entries(next(updates)).get(0).get("value")).get("value")).longValue());
    }
}
