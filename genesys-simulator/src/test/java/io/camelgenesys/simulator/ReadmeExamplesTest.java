package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.notifications.Notifications;
import org.cometd.bayeux.server.BayeuxServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java examples of genesys-simulator/README.md are the tagged regions of this class (camel-genesys-core's
 * {@code SimulatorReadmeTest} checks that the page shows exactly them), so every call the page names compiles and runs.
 */
class ReadmeExamplesTest {

    @Test
    void theReferenceRunsAgainstAStartedSimulator() throws Exception {
        BayeuxServer.SessionListener listener = new BayeuxServer.SessionListener() {
        };
        AtomicInteger subscribes = new AtomicInteger();
        AtomicInteger publishes = new AtomicInteger();
        // tag::reference[]
        GenesysSimulator sim = GenesysSimulator.builder()
                .port(0)                                        // 0 = random free port (default)
                .cloudClient("cloud-client", "cloud-secret")
                .multicloudApiKey("mc-api-key")
                .multicloudClient("mc-client", "mc-secret")
                .multicloudUser("agent1", "agent1-password")    // first call replaces the default user, later calls add
                .webServicesUser("gws-user", "gws-password")
                .tokenLifetime(Duration.ofHours(1))
                .rateLimit(300, Duration.ofMinutes(1))
                .build();                                       // every setting shown is the default
        sim.start();                       // idempotent; 127.0.0.1
        sim.baseUrl();                     // "http://127.0.0.1:PORT"
        sim.port();
        sim.reset();                       // see below
        sim.setTokenLifetime(Duration.ofSeconds(5));       // tokens issued from now on
        sim.setRateLimit(10, Duration.ofSeconds(1));       // applies at once

        // Fault switchboard: before authentication and rate limiting, on every path but /simulator/**.
        // Rules are tried in order; the first active match wins; times(n) limits a rule to the next n matches.
        sim.faults().on("GET", "/api/v2/simulator/items/*").status(503).times(3);
        sim.faults().on("*", "/api/v2/simulator/items").status(429).header("Retry-After", "2").times(1);
        sim.faults().on("GET", "/api/v2/simulator/items/*").status(200).body("{\"broken", "application/json").times(1);
        sim.faults().on("GET", "/x").delay(Duration.ofMillis(500)).times(1);   // then served normally (or status/body)
        sim.faults().on("GET", "/x").drop().times(1);                          // connection closed, no response
        CompletableFuture<Void> release = new CompletableFuture<>();
        sim.faults().on("GET", "/x").holdUntil(release).times(1);              // answered once release completes
        FaultRule storm = sim.faults().on("*", "/api/v2/**").status(429).header("Retry-After", "1");
        sim.faults().remove(storm);                                            // ends one rule, the others stay
        sim.faults().clear();                                                  // rules only; hits are kept
        int hits = sim.faults().hits("GET", "/api/v2/simulator/items/*");

        String accessToken = sim.tokens().issueAccessToken(Auth.CLOUD, "cloud-client");   // a token without HTTP
        sim.tokens().isValid(accessToken);
        sim.tokens().revoke(accessToken);             // boolean: was it known
        sim.tokens().revokeAll();                     // access and refresh tokens
        sim.tokens().requestCount();                  // POSTs to any token endpoint, faulted ones included
        sim.tokens().requestCount("client_credentials");
        sim.tokens().lastIssuedAccessToken();
        sim.tokens().issueAuthorizationCode("agent1", "https://app.example/cb");

        sim.requests().count("GET", "/api/v2/simulator/items/*");   // on arrival: faulted and rejected ones included
        sim.requests().rateLimited();                                // 429s of the rate limiter (not of faults)
        sim.requests().total();
        sim.requests().lastHeader("/statistics/v3/notifications/**", "Authorization");
        sim.requests().clear();                                      // forgets the counts (kept per path)

        sim.cometd().publish("/statistics/v3/updates", Map.of("value", 42));
        sim.cometd().dropAllSessions();
        sim.cometd().sessionCount();
        sim.cometd().subscriberCount("/statistics/v3/updates");
        sim.cometd().handshakeCount();
        sim.cometd().rejectHandshakes(1, 401);       // next handshake answered 401 (after the credential checks)
        sim.cometd().bayeux();                       // org.cometd.bayeux.server.BayeuxServer
        sim.cometd().addListener(listener);          // BayeuxServer.SubscriptionListener / SessionListener / ...
        sim.cometd().onSubscribe((session, channel) -> subscribes.incrementAndGet());
        sim.cometd().mount("/provisioning/v3/notifications");

        Statistics statistics = sim.statistics();
        statistics.publishUpdates();                  // int: one StatisticUpdate per live subscription, values moved on
        statistics.setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "AfterCallWork")); // published
        statistics.value("CurrentAgentState", "Agent", "agent2");                // the current value
        statistics.setUpdateInterval(Duration.ofMillis(100));  // publishUpdates() every 100 ms; ZERO = off (default)
        statistics.setUpdateInterval(Duration.ZERO);
        statistics.outage(Duration.ofSeconds(2));     // UNAVAILABLE now, subscriptions dropped, 503s, AVAILABLE in 2 s
        statistics.serviceUnavailable();              // the same without an end ...
        statistics.serviceAvailable();                // ... until this
        statistics.isAvailable();
        statistics.subscriptionCount();
        statistics.subscriptionIds();                 // Set<String>
        statistics.published();                       // List<Map<String,Object>>: every notification as sent
        statistics.publications();                    // the same with channel and System.nanoTime() of each publish
        statistics.clearPublications();               // forgets the log only (a long run that does not read it)
        statistics.addPublishListener(p -> publishes.incrementAndGet());   // Publication(channel, notification, nanos)
        statistics.defineStatistic("CurrentNumberWaitingCalls", "Queue");
        statistics.addObject("Queue", "queue9");
        statistics.setSessionAffinity(true);          // updates only to the CometD session whose cookie subscribed
        // per subscription (its id from the REST answer): setSubscriptionValue(id, statisticId, value),
        // statisticIds(id), lastPublishNanos(id), cookieOf(id), bindToCookie(id, cookie)
        // CometD restart: sim.cometd().dropAllSessions() or sim.stop(); sim.start(). Token rotation:
        // sim.tokens().revokeAll(), sim.setTokenLifetime(...). Handshake refusal: sim.cometd().rejectHandshakes(1, 401).

        sim.items().seed(1_500);
        sim.items().count();
        sim.items().clear();

        ExternalContacts ec = sim.externalContacts();
        List<String> ids = ec.seedContacts(100);     // First<i>/Last<i>, contact<i>@example.com, workPhone +1555000<i>
        ec.contactCount();                            // merged contacts included
        ec.contact(ids.get(0));                       // Optional<Map<String,Object>>, unresolved
        ec.organizationCount();
        ec.noteCount(ids.get(0));
        ec.claimedIdentifierCount();
        ec.externalSourceCount();
        ec.conversation("a-conversation-id");        // the stored ConversationAssociation
        ec.scanCursorTtl(Duration.ofMillis(50));      // cursors issued from now on (default 24 h)
        ec.scanEmptyPages(2);                         // the next 2 scan pages: no entities, a cursor that goes on
        ec.jobProcessingDelay(Duration.ofSeconds(5)); // import jobs and exports wait this long before each step (100 ms)
        ec.failNextJob("quota used up");              // the next import job or export ends Failed
        ec.expireStorageLinks();                      // upload, report and export links issued so far answer 403
        ec.clear();

        WebServicesContacts ws = sim.webServicesContacts();
        ws.seedDefaults();                            // seed 004's users, a queue, a custom contact
        String id = ws.add(Map.of("name", "Support", "type", "Queue", "phoneNumber", "16001"));
        ws.count();
        ws.contact(id);
        ws.clear();
        sim.stop();                        // also close() (AutoCloseable)
        // end::reference[]

        assertEquals(0, hits);
        assertEquals(100, ids.size());
        assertFalse(sim.isRunning());
    }

    @Test
    void anAddedApiIsServedAfterFaultsAuthenticationAndRateLimiting() throws Exception {
        try (GenesysSimulator sim = GenesysSimulator.builder().build()) {
            sim.start();
            // tag::routes[]
            sim.routes().add("POST", "/statistics/v3/subscriptions", request -> {
                ObjectNode body = request.jsonObject();                 // 400 if not a JSON object
                if (!body.has("data")) {
                    throw ApiException.badRequest("data is required");  // rendered in the route's error shape
                }
                return ApiResponse.json(200, Json.object().put("id", "…"))
                        .header("Location", "/statistics/v3/subscriptions/…");
            });
            sim.routes().add("GET", "/udm/v10/files/{id}", Auth.MULTICLOUD, request ->
                    ApiResponse.redirect(303, "/downloads/" + request.pathParam("id")));
            // end::routes[]
            try (TestHttp http = new TestHttp(sim)) {
                String token = http.multicloudToken();
                assertEquals(400, http.multicloud("POST", "/statistics/v3/subscriptions", token)
                        .body(new org.eclipse.jetty.client.StringRequestContent("application/json", "{}")).send()
                        .getStatus());
                org.eclipse.jetty.client.ContentResponse ok = http.multicloud("POST", "/statistics/v3/subscriptions",
                        token).body(new org.eclipse.jetty.client.StringRequestContent("application/json",
                        "{\"data\":{}}")).send();
                assertEquals(200, ok.getStatus());
                assertNotNull(ok.getHeaders().get("Location"));
                assertEquals(303, http.multicloud("GET", "/udm/v10/files/f1", token).send().getStatus());
            }
        }
    }

    @Test
    void theNotificationsReferenceRunsOnAChannelWithASubscription() throws Exception {
        try (GenesysSimulator sim = GenesysSimulator.builder().build()) {
            sim.start();
            Notifications n = sim.notifications();
            String channelId;
            try (TestHttp http = new TestHttp(sim)) {
                String token = http.cloudToken();
                channelId = http.cloudOk("POST", "/api/v2/notifications/channels", token, null).path("id").asText();
                String userId = "agent-1";
                String topic = "v2.users." + userId + ".presence";
                http.cloudOk("PUT", "/api/v2/notifications/channels/" + channelId + "/subscriptions", token,
                        "[{\"id\":\"" + topic + "\"}]");
                Map<String, Object> body = Map.of("source", "PURECLOUD", "presenceDefinition",
                        Map.of("id", "a-presence", "systemPresence", "BUSY"), "message", "");
                boolean notice = true;
                // tag::notifications[]
                n.publish("v2.users." + userId + ".presence", body);  // int: channels it was queued for; body a JsonNode or a Map
                n.defineTopic("v2.test.{id}.events", "a test topic"); // subscribable from then on
                n.channelIds();                                        // Set<String>, live channels
                n.subscriptions(channelId);                            // List<String>, in order
                n.isConnected(channelId);
                n.awaitConnected(channelId, Duration.ofSeconds(5));    // boolean
                n.connectionCount(channelId);                          // sockets accepted for the channel so far
                n.closeSockets(true);                                  // socket_closing first, close after the grace
                n.closeSockets(false);                                 // close frames at once
                n.closeSocket(channelId, notice);
                n.dropSockets();  n.dropSocket(channelId);             // abrupt, no close frame
                n.expire(channelId);  n.expireAll();
                n.channelLifetime(Duration.ofMinutes(5));
                n.heartbeatInterval(Duration.ofMillis(200));           // Duration.ZERO: no heartbeats
                n.pauseHeartbeats(true);
                n.pausePongs(true);                                    // pings unanswered: a close overtakes the pong a client awaits
                n.socketClosingGrace(Duration.ofMillis(200));
                n.channelLimit(20);  n.topicLimit(1000);               // Genesys' limits (defaults)
                // counters, "no event lost or duplicated": per channel and topic
                n.published(channelId, topic);    // events queued for the channel (subscribed at publish time)
                n.delivered(channelId, topic);    // events written to a socket (the write completed)
                n.undelivered(channelId, topic);  // queued while no socket was open, or its socket went before the write
                n.published(topic);               // publish() calls for the topic, whatever the subscribers
                n.delivered(topic);               // over every channel
                n.heartbeatsSent(channelId);
                n.deliveredCorrelationIds(channelId, topic);   // List<String>, in the order written (the latest 100,000)
                n.awaitIdle(Duration.ofSeconds(5));            // every queue drained
                // end::notifications[]
                assertEquals(1, n.published(topic));
                assertTrue(n.subscriptions(channelId).isEmpty(), "an expired channel's subscriptions go with it");
                assertFalse(n.channelIds().contains(channelId), "expired");
            }
        }
    }

    @Nested
    class TheJUnitExtension {

        // tag::extension[]
        @RegisterExtension
        static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(
                GenesysSimulator.builder().tokenLifetime(Duration.ofSeconds(5)));   // or new GenesysSimulatorExtension()

        @Test
        void test() {
            GenesysSimulator sim = SIM.simulator();
            assertTrue(sim.isRunning());
        }
        // end::extension[]
    }
}
