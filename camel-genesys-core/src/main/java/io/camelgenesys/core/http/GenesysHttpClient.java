package io.camelgenesys.core.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import javax.net.ssl.SSLContext;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.auth.Secrets;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The one Jetty 12 {@link HttpClient} of a connection: pooled, asynchronous, with the connection's timeouts, proxy
 * and TLS settings. REST calls and the CometD transport both go through it.
 * <p>
 * Redirects are not followed automatically: Genesys redirects downloads to storage hosts, and the bearer token
 * must not travel there.
 */
public final class GenesysHttpClient {

    /** Responses larger than this are refused rather than buffered (downloads stream instead). */
    public static final int MAX_BUFFERED_RESPONSE = 64 * 1024 * 1024;

    private static final HttpField ACCEPT_JSON = new PreEncodedHttpField(HttpHeader.ACCEPT, "application/json");

    private final HttpClient jetty;
    private final long requestTimeoutMillis;
    private final Secrets secrets;

    public GenesysHttpClient(CamelContext camelContext, GenesysConfiguration config, String name) {
        this(camelContext, config, name, Secrets.NONE);
    }

    /**
     * @param secrets the connection's secrets, carried by every response so that error messages quoting it can redact
     *                them
     */
    public GenesysHttpClient(CamelContext camelContext, GenesysConfiguration config, String name, Secrets secrets) {
        this.secrets = secrets;
        ClientConnector connector = new NonBlockingReadsConnector();
        connector.setConnectTimeout(java.time.Duration.ofMillis(config.getConnectTimeout()));
        connector.setSslContextFactory(sslContextFactory(camelContext, config));
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("genesys-http-" + name);
        threads.setDaemon(true);
        connector.setExecutor(threads);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setMaxConnectionsPerDestination(config.getMaxConnectionsPerHost());
        client.setMaxRequestsQueuedPerDestination(65_536);
        client.setConnectTimeout(config.getConnectTimeout());
        client.setUserAgentField(new org.eclipse.jetty.http.HttpField("User-Agent", "camel-genesys"));
        if (config.getProxyHost() != null) {
            int port = config.getProxyPort() != null ? config.getProxyPort() : 8080;
            client.getProxyConfiguration().addProxy(new HttpProxy(config.getProxyHost(), port));
        }
        this.jetty = client;
        this.requestTimeoutMillis = config.getRequestTimeout();
    }

    /**
     * A client connector whose HTTP/1.1 connections tell Jetty that reading them never blocks, so that the selector
     * thread that sees a response's bytes parses them and completes the response itself: Jetty must otherwise assume
     * that a read may block, and wakes another thread for every read (on top of the hand-over to the worker pool that
     * the thread model needs), one wake-up per response more than necessary. It is safe because nothing that runs when
     * a response arrives blocks: the thread model (core README, "Threads") forbids any wait on the threads that
     * complete futures, routes run on the worker pool, and CometD listeners only hand messages over. Streamed
     * downloads read on route threads are only fed here, never waited for.
     * <p>
     * Only while an HTTP/1.1 client connection reads the endpoint (directly or under TLS): once a connection is
     * upgraded (the notifications WebSocket), its reads are Jetty's own again, run by pool threads. A WebSocket is a
     * stream of frames that can last as long as the socket, each one parsed and handed to application code; on the
     * selector, a burst of frames would hold the connection's only selector thread, and every other connection of
     * the client (the REST calls that replace a notification channel before its socket closes) would wait for it.
     */
    static final class NonBlockingReadsConnector extends ClientConnector {
        @Override
        protected EndPoint newEndPoint(SelectableChannel channel, ManagedSelector selector, SelectionKey key) {
            if (channel instanceof SocketChannel socket) {
                // what Jetty's TCP transport creates, with non-blocking reads
                return new NonBlockingReadsEndPoint(socket, selector, key, getScheduler());
            }
            return super.newEndPoint(channel, selector, key);
        }
    }

    /**
     * See {@link NonBlockingReadsConnector}; with TLS, the TLS layer's reads (and so the decrypted ones) run inline too,
     * as long as an HTTP/1.1 connection is above it.
     */
    static final class NonBlockingReadsEndPoint extends SocketChannelEndPoint {
        /** The last read callback wrapped: a connection registers the same one for every read. */
        private volatile NonBlockingRead last;

        NonBlockingReadsEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
            super(channel, selector, key, scheduler);
        }

        @Override
        public void fillInterested(Callback callback) {
            super.fillInterested(nonBlocking(callback));
        }

        @Override
        public boolean tryFillInterested(Callback callback) {
            return super.tryFillInterested(nonBlocking(callback));
        }

        private Callback nonBlocking(Callback callback) {
            if (!readByHttpClient()) {
                return callback; // upgraded (a WebSocket): Jetty's own invocation type, reads on pool threads
            }
            NonBlockingRead w = last;
            if (w == null || w.getCallback() != callback) {
                w = new NonBlockingRead(callback);
                last = w;
            }
            return w;
        }

        /**
         * Whether the connection that reads this endpoint now is an HTTP client connection (under TLS, the one above
         * the TLS layer): decided at each read registration, since an upgrade replaces the connection.
         */
        boolean readByHttpClient() {
            Connection c = getConnection();
            if (c instanceof SslConnection tls) {
                c = tls.getSslEndPoint().getConnection();
            }
            return c instanceof org.eclipse.jetty.client.Connection;
        }
    }

    private static final class NonBlockingRead extends Callback.Nested {
        NonBlockingRead(Callback callback) {
            super(callback);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    private static SslContextFactory.Client sslContextFactory(CamelContext camelContext, GenesysConfiguration config) {
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        if (config.getSslContextParameters() != null) {
            try {
                SSLContext context = config.getSslContextParameters().createSSLContext(camelContext);
                ssl.setSslContext(context);
            } catch (Exception e) {
                throw new RuntimeCamelException("The sslContextParameters of the Genesys endpoint cannot create an"
                                                + " SSLContext: " + e.getMessage(), e);
            }
        }
        return ssl;
    }

    public void start() throws Exception {
        jetty.start();
        // Genesys answers 401 without WWW-Authenticate; Jetty's challenge handlers would turn that into a protocol
        // error. The connection handles 401 (refresh and replay) itself.
        jetty.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        jetty.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
    }

    public void stop() throws Exception {
        jetty.stop();
    }

    /** The request timeout; for downloads from storage, the longest the storage host may stay silent. */
    public long requestTimeoutMillis() {
        return requestTimeoutMillis;
    }

    /** The Jetty client, for the CometD transport and streamed downloads. */
    public HttpClient jetty() {
        return jetty;
    }

    /**
     * Sends one request and buffers the response. Completes exceptionally only when no complete response arrived
     * (connect failure, timeout, dropped connection); every HTTP status completes normally.
     */
    public CompletableFuture<GenesysResponse> send(GenesysRequest request, String baseUrl, String authorization,
                                                   Map<String, String> connectionHeaders) {
        CompletableFuture<GenesysResponse> f = new CompletableFuture<>();
        send(request, baseUrl, authorization, connectionHeaders, (response, failure) -> {
            if (failure != null) {
                f.completeExceptionally(failure);
            } else {
                f.complete(response);
            }
        });
        return f;
    }

    /**
     * As {@link #send(GenesysRequest, String, String, Map)}, calling {@code done} once, on the Jetty thread that read
     * the response, with the response or the failure: the REST pipeline's path, without a future in between.
     */
    public void send(GenesysRequest request, String baseUrl, String authorization, Map<String, String> connectionHeaders,
                     BiConsumer<GenesysResponse, Throwable> done) {
        if (request.streamed()) {
            newRequest(request, baseUrl, authorization, connectionHeaders).send(new StreamingListener(done, secrets));
            return;
        }
        newRequest(request, baseUrl, authorization, connectionHeaders).send(new BufferingListener(done, secrets));
    }

    /**
     * Buffers a response into one array and hands it over complete: sized from {@code Content-Length} when the
     * response has one, so the body is copied once (Jetty's {@code BufferingResponseListener} grows a buffer and then
     * copies it out again, two arrays per response). Refuses more than {@link #MAX_BUFFERED_RESPONSE} bytes.
     */
    private static final class BufferingListener implements Response.Listener {
        private final BiConsumer<GenesysResponse, Throwable> done;
        private final Secrets secrets;
        private byte[] buffer;
        private int length;

        BufferingListener(BiConsumer<GenesysResponse, Throwable> done, Secrets secrets) {
            this.done = done;
            this.secrets = secrets;
        }

        @Override
        public void onHeaders(Response response) {
            long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (declared > MAX_BUFFERED_RESPONSE) {
                response.abort(tooLarge());
            } else if (declared > 0) {
                // only a first size: a decoded (gzip) body may be longer, and then grows
                buffer = new byte[(int) declared];
            }
        }

        @Override
        public void onContent(Response response, ByteBuffer content) {
            int n = content.remaining();
            if (n == 0) {
                return;
            }
            if (buffer == null || buffer.length - length < n) {
                long required = (long) length + n;
                if (required > MAX_BUFFERED_RESPONSE) {
                    response.abort(tooLarge());
                    return;
                }
                int capacity = (int) Math.min(Math.max(required, buffer == null ? 0 : 2L * buffer.length),
                        MAX_BUFFERED_RESPONSE);
                buffer = buffer == null ? new byte[capacity] : Arrays.copyOf(buffer, capacity);
            }
            content.get(buffer, length, n);
            length += n;
        }

        @Override
        public void onComplete(Result result) {
            if (result.isFailed()) {
                done.accept(null, result.getFailure());
                return;
            }
            byte[] body = buffer == null ? null : length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
            Response response = result.getResponse();
            done.accept(new GenesysResponse(response.getStatus(), response.getHeaders(), body, secrets), null);
        }

        private static IllegalArgumentException tooLarge() {
            return new IllegalArgumentException("Buffering capacity " + MAX_BUFFERED_RESPONSE + " exceeded");
        }
    }

    /** A Jetty request with the URL, headers, body and timeout of a {@link GenesysRequest}. */
    public Request newRequest(GenesysRequest request, String baseUrl, String authorization,
                              Map<String, String> connectionHeaders) {
        Request r = jetty.newRequest(request.url(baseUrl));
        if (!"GET".equals(request.method())) {
            // a new request is a GET: Jetty upper-cases any method it is given, a scan of the text per request
            r.method(request.method());
        }
        if (request.streamed()) {
            // a download may take longer than any total timeout: it fails when nothing arrives for that long instead
            r.idleTimeout(requestTimeoutMillis, TimeUnit.MILLISECONDS);
        } else {
            r.timeout(requestTimeoutMillis, TimeUnit.MILLISECONDS);
        }
        r.headers(h -> {
            // Jetty's own header constants: no lookup of the name per request
            h.put(ACCEPT_JSON);
            if (!connectionHeaders.isEmpty()) {
                connectionHeaders.forEach(h::put);
            }
            if (!request.headers().isEmpty()) {
                request.headers().forEach(h::put);
            }
            if (authorization != null) {
                h.put(HttpHeader.AUTHORIZATION, authorization);
            }
        });
        if (request.body() != null) {
            r.body(new BytesRequestContent(request.contentType(), request.body()));
        }
        return r;
    }

    /**
     * The listener of a streamed request: a 2xx response is handed over at its headers with its body as an
     * {@code InputStream} fed as it arrives (Jetty's {@link InputStreamResponseListener}: the reader's thread waits for
     * content, never a Jetty thread); any other status is buffered (at most {@link #MAX_BUFFERED_RESPONSE} bytes) and
     * handed over complete, as for any request, so that retries and errors work the same.
     */
    private static final class StreamingListener extends InputStreamResponseListener {
        private final BiConsumer<GenesysResponse, Throwable> done;
        private final Secrets secrets;
        private final ByteArrayOutputStream buffered = new ByteArrayOutputStream();
        private boolean streaming;
        private boolean tooLarge;

        StreamingListener(BiConsumer<GenesysResponse, Throwable> done, Secrets secrets) {
            this.done = done;
            this.secrets = secrets;
        }

        @Override
        public void onHeaders(Response response) {
            int status = response.getStatus();
            if (status >= 200 && status < 300) {
                streaming = true;
                super.onHeaders(response);
                done.accept(new GenesysResponse(status, response.getHeaders(), getInputStream(), secrets), null);
            }
        }

        @Override
        public void onContent(Response response, Content.Chunk chunk, Runnable demander) {
            if (streaming) {
                super.onContent(response, chunk, demander);
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer().slice();
            if (buffered.size() + bytes.remaining() > MAX_BUFFERED_RESPONSE) {
                tooLarge = true;
            } else {
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                buffered.writeBytes(copy);
            }
            demander.run();
        }

        @Override
        public void onSuccess(Response response) {
            if (streaming) {
                super.onSuccess(response);
            }
        }

        @Override
        public void onFailure(Response response, Throwable failure) {
            if (streaming) {
                super.onFailure(response, failure);
            }
        }

        @Override
        public void onComplete(Result result) {
            if (streaming) {
                super.onComplete(result);
                return;
            }
            if (result.isFailed()) {
                done.accept(null, result.getFailure());
            } else if (tooLarge) {
                done.accept(null, new java.io.IOException("The error response is over " + MAX_BUFFERED_RESPONSE
                                                          + " bytes"));
            } else {
                Response response = result.getResponse();
                done.accept(new GenesysResponse(response.getStatus(), response.getHeaders(), buffered.toByteArray(),
                        secrets), null);
            }
        }
    }
}
