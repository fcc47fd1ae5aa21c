package io.camelgenesys.conversations;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.conversations.model.Recording;
import io.camelgenesys.conversations.model.User;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysDownloadException;
import io.camelgenesys.core.test.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults on both components and on the recording storage host (429 with Retry-After, 5xx, an expired token, a dropped
 * connection, malformed JSON), more exchanges in flight than worker threads, and no credential or link signature in
 * any log line.
 */
class CloudFaultsRouteTest extends CloudTestSupport {

    private LogCapture logs;
    private ExecutorService pool;

    @BeforeEach
    void capture() {
        logs = LogCapture.installWithCamelDebug();
    }

    @AfterEach
    void release() {
        logs.uninstall();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void a429IsRetriedAfterRetryAfterAndA503OnAReadIsRetried() throws Exception {
        String id = cloud().seedUsers(1).get(0);
        sim().faults().on("GET", V2 + "/users/" + id).status(429).header("Retry-After", "1").times(1);
        assertEquals(id, body("users", "get", "userId=" + id, null, User.class).getId());
        assertEquals(2, sim().requests().count("GET", V2 + "/users/" + id));
        String queue = cloud().addQueue(List.of(id));
        sim().faults().on("GET", V2 + "/routing/queues/*/members").status(503).times(2);
        assertEquals(1, body("users", "listQueueMembers", "queueId=" + queue, null, List.class).size());
        assertEquals(3, sim().requests().count("GET", V2 + "/routing/queues/*/members"));
    }

    @Test
    void aPresenceChangeRefusedWithA503IsNotRetried() throws Exception {
        String id = cloud().seedUsers(1).get(0);
        sim().faults().on("PATCH", V2 + "/users/*/presences/purecloud").status(503).times(1);
        GenesysApiException e = assertInstanceOf(GenesysApiException.class, failure("users", "setPresence",
                "userId=" + id, Map.of("presenceDefinition", Map.of("id", "presence-busy"))));
        assertEquals(503, e.getHttpStatus());
        assertEquals(1, sim().requests().count("PATCH", V2 + "/users/*/presences/purecloud"), "a PATCH is not replayed");
        assertEquals("presence-offline", cloud().store().presenceOf(id).orElseThrow());
    }

    @Test
    void anExpiredTokenIsReplacedOnceAndTheCallReplayed() throws Exception {
        String id = cloud().seedUsers(1).get(0);
        String from = route(uri("users", "getRoutingStatus", "userId=" + id));
        template.requestBody(from, (Object) null);
        sim().tokens().revokeAll();
        assertEquals("OFF_QUEUE", template.requestBody(from, null, io.camelgenesys.conversations.model.RoutingStatus.class)
                .getStatus());
    }

    @Test
    void malformedJsonIsAnApiExceptionNotAWrongResult() throws Exception {
        String id = cloud().seedUsers(1).get(0);
        sim().faults().on("GET", V2 + "/users/" + id).status(200).body("{\"id\": ", "application/json").times(1);
        assertInstanceOf(GenesysApiException.class, failure("users", "get", "userId=" + id + "&retryEnabled=false", null));
    }

    @Test
    void storageFaultsAreRetriedAndAStorageThatDropsTheConnectionIsRetriedToo() throws Exception {
        String conversation = cloud().addConversation(cloud().seedUsers(1).get(0), 100_000);
        String rid = cloud().recordingIds(conversation).get(0);
        sim().faults().on("GET", "/recordings-media/**").status(503).times(1);
        byte[] media = download(conversation, rid);
        assertEquals(100_000, media.length);
        assertEquals(2, sim().requests().count("GET", "/recordings-media/**"));
        sim().faults().on("GET", "/recordings-media/**").drop().times(1);
        assertEquals(100_000, download(conversation, rid).length);
    }

    @Test
    void aRecordingLinkRequestRateLimitedIsRetriedThenDownloaded() throws Exception {
        String conversation = cloud().addConversation(cloud().seedUsers(1).get(0), 5000);
        String rid = cloud().recordingIds(conversation).get(0);
        sim().faults().on("GET", V2 + "/conversations/*/recordings/*").status(429).header("Retry-After", "1").times(1);
        assertEquals(5000, download(conversation, rid).length);
        assertEquals(2, sim().requests().count("GET", V2 + "/conversations/*/recordings/*"));
    }

    @Test
    void aRecordingStillBeingTranscodedIsAClearErrorAndNothingIsDownloaded() throws Exception {
        String conversation = cloud().addConversation(cloud().seedUsers(1).get(0), 5000);
        String rid = transcodingOnce(conversation);
        GenesysDownloadException e = assertInstanceOf(GenesysDownloadException.class, failure("conversations",
                "downloadRecording", "conversationId=" + conversation + "&recordingId=" + rid, null));
        assertTrue(e.getMessage().contains("still being transcoded"), e.getMessage());
        assertTrue(e.getMessage().contains("Genesys estimates 4000 ms"), e.getMessage());
        assertEquals(202, e.getHttpStatus(), "a route's onException can wait and redeliver on it");
        assertEquals(rid, e.getResource());
        assertEquals(0, sim().requests().count("GET", "/recordings-media/**"));
        assertEquals(5000, download(conversation, rid).length, "asked again later, it downloads");
    }

    /** The conversation's recording, which Genesys answers once with 202 (being transcoded, 4 s estimated). */
    String transcodingOnce(String conversation) {
        String rid = cloud().recordingIds(conversation).get(0);
        sim().faults().on("GET", V2 + "/conversations/*/recordings/*").status(202)
                .body("{\"id\":\"" + rid + "\",\"estimatedTranscodeTimeMs\":4000}", "application/json").times(1);
        return rid;
    }

    /** getRecording passes Genesys' 202 through: no mediaUris, and the status header says why. */
    @Test
    void getRecordingWhileTranscodingSaysSoInTheStatusHeader() throws Exception {
        String conversation = cloud().addConversation(cloud().seedUsers(1).get(0), 5000);
        String rid = transcodingOnce(conversation);
        Exchange e = call("conversations", "getRecording",
                "conversationId=" + conversation + "&recordingId=" + rid + "&formatId=WAV", null);
        assertEquals(202, e.getMessage().getHeader(io.camelgenesys.core.GenesysConstants.HTTP_STATUS));
        Recording r = e.getMessage().getBody(Recording.class);
        assertEquals(rid, r.getId());
        assertNull(r.getMediaUris());
        assertEquals(4000, ((Number) r.getAdditionalProperties().get("estimatedTranscodeTimeMs")).intValue());
    }

    @Test
    void bothComponentsWithTheSameCredentialsShareOneConnectionAndRateBudget() throws Exception {
        String id = cloud().seedUsers(1).get(0);
        body("users", "get", "userId=" + id, null, User.class);
        body("conversations", "list", "", null, List.class);
        enableProducerHealthChecks(); // camel.health.producersEnabled=true: the connection checks are producer checks
        long connections = org.apache.camel.health.HealthCheckRegistry.get(context).stream()
                .filter(check -> check.getId().startsWith("genesys-connection-")).count();
        assertEquals(1, connections, "one token, one rate budget for genesys-users and genesys-conversations");
        assertEquals(1, sim().requests().count("POST", "/oauth/token"), "one token for both");
    }

    private byte[] download(String conversation, String rid) throws Exception {
        String from = "direct:dl" + System.nanoTime();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(uri("conversations", "downloadRecording", "conversationId=" + conversation
                                                                        + "&recordingId=" + rid))
                        .process(e -> e.getMessage().setBody(e.getMessage().getBody(InputStream.class).readAllBytes()));
            }
        });
        return template.requestBody(from, null, byte[].class);
    }

    @Test
    void moreExchangesInFlightThanWorkerThreadsAllComplete() throws Exception {
        pool = Executors.newFixedThreadPool(2);
        context.getRegistry().bind("twoThreads", pool);
        List<String> users = cloud().seedUsers(30);
        String conversation = cloud().addConversation(users.get(0), 50_000, 60_000, 70_000, 80_000, 90_000, 100_000,
                110_000, 120_000);
        List<String> recordings = cloud().recordingIds(conversation);
        String getUser = route(uri("users", "get", "workerPool=#twoThreads&expand=presence"));
        String media = "direct:concurrent-media";
        Set<String> threads = ConcurrentHashMap.newKeySet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(media).to(uri("conversations", "downloadRecording", "workerPool=#twoThreads&conversationId="
                                                                          + conversation))
                        .process(e -> {
                            threads.add(Thread.currentThread().getName());
                            e.getMessage().setBody(e.getMessage().getBody(InputStream.class).readAllBytes().length);
                        });
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(38);
        try {
            List<CompletableFuture<Exchange>> all = new ArrayList<>();
            for (String u : users) {
                all.add(CompletableFuture.supplyAsync(() -> template.request(getUser,
                        e -> e.getMessage().setHeader(UsersConstants.USER_ID, u)), callers));
            }
            for (String r : recordings) {
                all.add(CompletableFuture.supplyAsync(() -> template.request(media,
                        e -> e.getMessage().setHeader(ConversationsConstants.RECORDING_ID, r)), callers));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            List<String> names = new ArrayList<>();
            long bytes = 0;
            for (CompletableFuture<Exchange> f : all) {
                Exchange e = f.get();
                assertNull(e.getException(), () -> String.valueOf(e.getException()));
                Object body = e.getMessage().getBody();
                if (body instanceof User u) {
                    names.add(u.getName());
                } else {
                    bytes += (Integer) body;
                }
            }
            assertEquals(30, names.stream().distinct().count(), "every user once");
            assertEquals(680_000, bytes, "every recording whole");
            assertTrue(threads.stream().noneMatch(t -> t.contains("HttpClient") || t.contains("qtp")),
                    "no route ran on a Jetty thread: " + threads);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void noCredentialTokenOrLinkSignatureIsLogged() throws Exception {
        String conversation = cloud().addConversation(cloud().seedUsers(1).get(0), 2000);
        String rid = cloud().recordingIds(conversation).get(0);
        download(conversation, rid);
        cloud().recordingLinkLifetime(Duration.ofMillis(1));
        sim().faults().on("GET", "/recordings-media/**").delay(Duration.ofMillis(30)).times(2);
        failure("conversations", "downloadRecording", "conversationId=" + conversation + "&recordingId=" + rid, null);
        failure("users", "get", "userId=missing", null);
        List<String> secrets = List.of(sim().cloudClientSecret(), sim().tokens().lastIssuedAccessToken(), "signature=");
        assertFalse(logs.events().isEmpty(), "the capture saw the routes run");
        logs.assertNoneContains(secrets);
    }
}
