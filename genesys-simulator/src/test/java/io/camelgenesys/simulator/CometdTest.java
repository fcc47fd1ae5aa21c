package io.camelgenesys.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CometD endpoint through a real BayeuxClient over a real Jetty HttpClient. */
class CometdTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);
    static final String UPDATES = "/statistics/v3/updates";

    GenesysSimulator sim;
    final AtomicReference<String> apiKey = new AtomicReference<>();
    final AtomicReference<String> token = new AtomicReference<>();
    final List<Message> handshakes = new CopyOnWriteArrayList<>();
    BayeuxClient client;


    @BeforeEach
    void setUp() {
        sim = SIM.simulator();
        // Like the core's notifications client: credentials are read on every Bayeux request, so they can rotate.
        JettyHttpClientTransport transport = new JettyHttpClientTransport(null, http.client) {
            @Override
            protected void customize(Request request) {
                super.customize(request);
                request.headers(h -> {
                    if (apiKey.get() != null) {
                        h.put("x-api-key", apiKey.get());
                    }
                    if (token.get() != null) {
                        h.put("Authorization", "Bearer " + token.get());
                    }
                });
            }
        };
        client = new BayeuxClient(sim.baseUrl() + Cometd.STATISTICS_NOTIFICATIONS, transport);
        client.setBackOffStrategy(new BayeuxClient.BackOffStrategy.Linear(100, 500));
        client.getChannel(Channel.META_HANDSHAKE).addListener(
                (org.cometd.bayeux.client.ClientSessionChannel.MessageListener) (channel, message) -> handshakes.add(message));
    }

    @AfterEach
    void tearDown() {
        if (client.isHandshook()) {
            client.disconnect(2_000);
        }
        client.abort();
    }

    private void credentials() throws Exception {
        apiKey.set(sim.multicloudApiKey());
        token.set(http.multicloudToken());
    }

    private static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private long successfulHandshakes() {
        return handshakes.stream().filter(Message::isSuccessful).count();
    }

    private static Object httpCode(Message failed) {
        Object failure = failed.get("failure");
        return failure instanceof Map<?, ?> map ? map.get("httpCode") : null;
    }

    @Test
    void handshakeWithoutApiKeyIsForbidden() throws Exception {
        token.set(http.multicloudToken());
        client.handshake();
        await(() -> !handshakes.isEmpty(), 10_000, "a handshake reply");
        assertFalse(handshakes.get(0).isSuccessful());
        assertEquals(403, httpCode(handshakes.get(0)));
        assertEquals(0, sim.cometd().handshakeCount());
    }

    @Test
    void handshakeWithoutTokenIsUnauthorized() throws Exception {
        apiKey.set(sim.multicloudApiKey());
        client.handshake();
        await(() -> !handshakes.isEmpty(), 10_000, "a handshake reply");
        assertFalse(handshakes.get(0).isSuccessful());
        assertEquals(401, httpCode(handshakes.get(0)));

        // A Cloud token is not a Multicloud token.
        String cloudToken = http.cloudToken();
        ContentResponse response = http.request("POST", Cometd.STATISTICS_NOTIFICATIONS + "/handshake")
                .headers(h -> {
                    h.put("x-api-key", "mc-api-key");
                    h.put("Authorization", "Bearer " + cloudToken);
                })
                .body(new org.eclipse.jetty.client.StringRequestContent("application/json",
                        "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"]}]"))
                .send();
        assertEquals(401, response.getStatus());
        assertEquals(401, body(response).path("status").path("code").asInt());
        assertEquals(0, sim.cometd().handshakeCount());
    }

    @Test
    void publishReachesSubscribers() throws Exception {
        credentials();
        AtomicInteger subscribed = new AtomicInteger();
        sim.cometd().onSubscribe((session, channel) -> {
            if (UPDATES.equals(channel)) {
                subscribed.incrementAndGet();
            }
        });
        client.handshake();
        assertTrue(client.waitFor(10_000, BayeuxClient.State.CONNECTED), "connected");
        assertEquals(1, sim.cometd().handshakeCount());
        assertEquals(1, sim.cometd().sessionCount());

        BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        CountDownLatch subscribeAck = new CountDownLatch(1);
        client.getChannel(UPDATES).subscribe((channel, message) -> received.add(message),
                reply -> subscribeAck.countDown());
        assertTrue(subscribeAck.await(5, TimeUnit.SECONDS));
        assertEquals(1, sim.cometd().subscriberCount(UPDATES));
        assertEquals(1, subscribed.get());

        sim.cometd().publish(UPDATES, Map.of("statistic", "CurrentAgentState", "value", 42));
        Message message = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(message, "published message received");
        assertEquals(42, ((Number) message.getDataAsMap().get("value")).intValue());

        assertEquals("Bearer " + token.get(),
                sim.requests().lastHeader(Cometd.STATISTICS_NOTIFICATIONS + "/**", "Authorization"));
        assertTrue(sim.requests().count("POST", Cometd.STATISTICS_NOTIFICATIONS + "/**") >= 3);
    }

    @Test
    void everyRequestCarriesTheCurrentToken() throws Exception {
        credentials();
        client.handshake();
        assertTrue(client.waitFor(10_000, BayeuxClient.State.CONNECTED), "connected");
        String rotated = http.multicloudToken();
        token.set(rotated);
        BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        CountDownLatch subscribeAck = new CountDownLatch(1);
        AtomicReference<Message> reply = new AtomicReference<>();
        client.getChannel(UPDATES).subscribe((channel, message) -> received.add(message), r -> {
            reply.set(r);
            subscribeAck.countDown();
        });
        assertTrue(subscribeAck.await(5, TimeUnit.SECONDS));
        assertTrue(reply.get().isSuccessful(), reply.get().toString());
        // The publish completes the held /meta/connect; the client's next one carries the new token as well.
        sim.cometd().publish(UPDATES, Map.of("value", 1));
        assertNotNull(received.poll(5, TimeUnit.SECONDS));
        String expected = "Bearer " + rotated;
        await(() -> expected.equals(sim.requests().lastHeader(Cometd.STATISTICS_NOTIFICATIONS + "/**", "Authorization")),
                10_000, "the rotated token on the Bayeux path");
    }

    @Test
    void droppedSessionsMakeClientsHandshakeAgain() throws Exception {
        credentials();
        client.handshake();
        assertTrue(client.waitFor(10_000, BayeuxClient.State.CONNECTED), "connected");
        await(() -> sim.cometd().sessionCount() == 1, 10_000, "the session");

        long start = System.nanoTime();
        sim.cometd().dropAllSessions();
        await(() -> successfulHandshakes() == 2, 10_000, "a second handshake");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // the drop answered the held /meta/connect at once: without that, the client would learn of it only when the
        // hold of the connect it sent on connecting ran out, about TIMEOUT_MILLIS after the drop. The bound is that
        // hold less a second, not a guess at how fast this machine re-handshakes (it was 2 s)
        assertTrue(millis < Cometd.TIMEOUT_MILLIS - 1_000, "re-handshake took " + millis + " ms");
        assertTrue(client.waitFor(10_000, BayeuxClient.State.CONNECTED));
        assertEquals(2, sim.cometd().handshakeCount());
        assertEquals(1, sim.cometd().sessionCount());
    }

    @Test
    void rejectedHandshakeIsRetried() throws Exception {
        credentials();
        sim.cometd().rejectHandshakes(1, 401);
        client.handshake();
        await(() -> successfulHandshakes() == 1, 10_000, "a successful handshake");
        Message rejected = handshakes.get(0);
        assertFalse(rejected.isSuccessful());
        assertEquals(401, httpCode(rejected));
        assertEquals(1, sim.cometd().handshakeCount());
        assertTrue(client.waitFor(10_000, BayeuxClient.State.CONNECTED));
    }

    @Test
    void otherBayeuxMessagesPassWhileARejectionIsPending() throws Exception {
        credentials();
        client.handshake();
        assertTrue(client.waitFor(10_000, BayeuxClient.State.CONNECTED), "connected");
        sim.cometd().rejectHandshakes(1, 401);
        // The simulator reads this subscribe to see that it is no handshake, then hands the body on to CometD.
        CountDownLatch subscribeAck = new CountDownLatch(1);
        AtomicReference<Message> reply = new AtomicReference<>();
        client.getChannel(UPDATES).subscribe((channel, message) -> { }, r -> {
            reply.set(r);
            subscribeAck.countDown();
        });
        assertTrue(subscribeAck.await(5, TimeUnit.SECONDS));
        assertTrue(reply.get().isSuccessful(), reply.get().toString());
        assertEquals(1, sim.cometd().subscriberCount(UPDATES));

        sim.cometd().dropAllSessions();
        await(() -> successfulHandshakes() == 2, 10_000, "a handshake after the rejected one");
        assertTrue(handshakes.stream().anyMatch(m -> !m.isSuccessful() && Integer.valueOf(401).equals(httpCode(m))));
    }

    @Test
    void serverRestartMeansANewSession() throws Exception {
        credentials();
        client.handshake();
        assertTrue(client.waitFor(10_000, BayeuxClient.State.CONNECTED), "connected");
        int port = sim.port();
        sim.stop();
        sim.start();
        assertEquals(port, sim.port(), "a restart binds the same port");
        await(() -> successfulHandshakes() == 2, 10_000, "a handshake with the restarted server");
        assertTrue(client.waitFor(10_000, BayeuxClient.State.CONNECTED));
        assertEquals(1, sim.cometd().sessionCount());
    }

    @Test
    void faultsApplyToCometdToo() throws Exception {
        credentials();
        sim.faults().on("POST", Cometd.STATISTICS_NOTIFICATIONS + "/**").status(503).times(1);
        client.handshake();
        await(() -> successfulHandshakes() == 1, 10_000, "a successful handshake after the fault");
        assertEquals(503, httpCode(handshakes.get(0)));
        assertEquals(1, sim.faults().hits("POST", Cometd.STATISTICS_NOTIFICATIONS + "/**"));
    }
}
