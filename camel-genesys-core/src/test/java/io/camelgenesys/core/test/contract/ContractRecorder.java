package io.camelgenesys.core.test.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A recording HTTP relay in front of the simulator (or any server): a real Jetty server that forwards every request
 * unchanged with a real Jetty client and records the raw exchange (method, path, raw query, request body, status,
 * response body). Point an endpoint's {@code baseUrl} at {@link #baseUrl()} and every byte the component sends and
 * receives, REST and CometD alike, is in {@link #exchanges()}. Cookies and headers pass through both ways.
 */
public final class ContractRecorder implements AutoCloseable {

    /** One recorded request and its response. */
    public record Exchange(String method, String path, String rawQuery, Map<String, List<String>> query,
            Map<String, String> requestHeaders, byte[] requestBody, int status, byte[] responseBody) {

        public String requestText() {
            return new String(requestBody, StandardCharsets.UTF_8);
        }

        public String responseText() {
            return new String(responseBody, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + " -> " + status;
        }
    }

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "transfer-encoding", "connection",
            "accept-encoding", "content-encoding", "keep-alive", "te", "trailer", "upgrade");

    private final String target;
    private final Server server;
    private final HttpClient client;
    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

    /** Starts a recorder on a free loopback port, forwarding to {@code targetBaseUrl}. */
    public ContractRecorder(String targetBaseUrl) throws Exception {
        this.target = targetBaseUrl.endsWith("/") ? targetBaseUrl.substring(0, targetBaseUrl.length() - 1) : targetBaseUrl;
        this.client = new HttpClient();
        client.setFollowRedirects(false);
        client.setIdleTimeout(120_000);
        client.start();
        // pass 401s through as they are, without Jetty's challenge handling
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        QueuedThreadPool threads = new QueuedThreadPool(400, 8);
        threads.setName("contract-recorder");
        this.server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        server.setHandler(new Relay());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Everything recorded so far, in order of completion. */
    public List<Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    public void clear() {
        exchanges.clear();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        client.stop();
    }

    /** Forwarding blocks the server thread until the target answers (long polls included): a blocking handler. */
    private final class Relay extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body = BufferUtil.toArray(Content.Source.asByteBuffer(request));
            String path = Request.getPathInContext(request);
            String rawQuery = request.getHttpURI().getQuery() == null ? "" : request.getHttpURI().getQuery();
            org.eclipse.jetty.client.Request out = client.newRequest(target + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery))
                    .method(request.getMethod())
                    .timeout(120, TimeUnit.SECONDS);
            Map<String, String> headers = new LinkedHashMap<>();
            out.headers(h -> {
                h.remove("User-Agent");
                h.remove("Accept-Encoding");
                for (HttpField f : request.getHeaders()) {
                    if (!HOP_BY_HOP.contains(f.getLowerCaseName())) {
                        h.add(f.getName(), f.getValue());
                        headers.put(f.getLowerCaseName(), f.getValue());
                    }
                }
            });
            if (body.length > 0) {
                String type = request.getHeaders().get("Content-Type");
                out.body(new BytesRequestContent(type, body));
            }
            ContentResponse answer = out.send();
            byte[] responseBody = answer.getContent() == null ? new byte[0] : answer.getContent();
            exchanges.add(new Exchange(request.getMethod(), path, rawQuery, parseQuery(rawQuery), headers, body,
                    answer.getStatus(), responseBody));
            response.setStatus(answer.getStatus());
            for (HttpField f : answer.getHeaders()) {
                if (!HOP_BY_HOP.contains(f.getLowerCaseName())) {
                    response.getHeaders().add(f.getName(), f.getValue());
                }
            }
            response.write(true, ByteBuffer.wrap(responseBody), callback);
            return true;
        }
    }

    /** name -> values in order; a repeated parameter has several. */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        Fields fields = new Fields(true);
        UrlEncoded.decodeUtf8To(rawQuery, fields);
        fields.forEach(f -> query.put(f.getName(), new ArrayList<>(f.getValues())));
        return query;
    }
}
