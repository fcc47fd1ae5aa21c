package io.camelgenesys.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.cometd.bayeux.Promise;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The baseline of {@link StatsDeliveryBenchmark}: a plain CometD {@link BayeuxClient} (long polling over its own
 * Jetty 12 client) with what Genesys Multicloud requires on every Bayeux request ({@code x-api-key} and a bearer
 * token, obtained once: the run is far shorter than the token's life), subscribed to one channel with a listener
 * that hands every message's {@code data} to a {@link UpdateProbe}. No reconnection logic beyond the client's own,
 * no Camel.
 */
final class RawBayeuxPeer implements AutoCloseable {

    /** The raw client's threads; also how the report tells them apart. */
    static final String THREADS = "raw-cometd";

    private final HttpClient http;
    private final BayeuxClient client;

    RawBayeuxPeer(String url, Map<String, String> headers, int maxMessageSize) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName(THREADS);
        threads.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        connector.setExecutor(threads);
        http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setExecutor(threads);
        http.start();
        Map<String, Object> options = new HashMap<>();
        // the same limit as core's GenesysNotifications: a saturated stream arrives in large batches
        options.put(ClientTransport.MAX_MESSAGE_SIZE_OPTION, maxMessageSize);
        client = new BayeuxClient(url, new JettyHttpClientTransport(options, http) {
            @Override
            protected void customize(Request request, Promise<Request> promise) {
                request.headers(h -> headers.forEach(h::put));
                promise.succeed(request);
            }
        });
    }

    /** The Multicloud headers: API key and bearer token. */
    static Map<String, String> multicloudHeaders(String apiKey, String accessToken) {
        return Map.of("x-api-key", apiKey, HttpHeader.AUTHORIZATION.asString(), "Bearer " + accessToken);
    }

    /** Handshakes and subscribes {@code channel}; returns once the server confirmed the subscription. */
    void subscribe(String channel, UpdateProbe probe) throws Exception {
        client.handshake();
        if (!client.waitFor(15_000, BayeuxClient.State.CONNECTED)) {
            throw new IllegalStateException("The raw BayeuxClient did not connect to " + client.getURL());
        }
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        client.getChannel(channel).subscribe(
                (ClientSessionChannel.MessageListener) (c, message) -> probe.arrivedMessage(message.getDataAsMap()),
                reply -> {
                    if (reply.isSuccessful()) {
                        confirmed.complete(null);
                    } else {
                        confirmed.completeExceptionally(new IllegalStateException("Subscribing " + channel
                                                                                  + " failed: " + reply));
                    }
                });
        confirmed.get(15, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.disconnect(2_000);
        http.stop();
    }
}
