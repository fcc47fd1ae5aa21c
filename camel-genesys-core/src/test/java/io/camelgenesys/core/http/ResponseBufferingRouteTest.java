package io.camelgenesys.core.http;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A buffered response is read into one array sized from its {@code Content-Length}: these show that a body is whole
 * whatever its length says (none: sent in chunks; a compressed length shorter than the decoded body), and that with
 * more exchanges in flight than any pool has threads each exchange gets its own body.
 */
class ResponseBufferingRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    /** 100,000 characters: the buffer grows several times when no length is known. */
    private static final String LONG_NAME = "n".repeat(99_999) + "!";
    private static final String ITEM = "{\"id\":\"big\",\"name\":\"" + LONG_NAME + "\"}";

    private Server server;

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /**
     * A real Jetty server answering every request with {@link #ITEM}: {@code chunked} in three flushed parts (so
     * without Content-Length), else gzip-compressed with the compressed length.
     */
    private String serve(boolean chunked) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                byte[] body = ITEM.getBytes(StandardCharsets.UTF_8);
                if (chunked) {
                    try (OutputStream out = Content.Sink.asOutputStream(response)) {
                        int third = body.length / 3;
                        out.write(body, 0, third);
                        out.flush();
                        out.write(body, third, third);
                        out.flush();
                        out.write(body, 2 * third, body.length - 2 * third);
                    }
                    callback.succeeded();
                } else {
                    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                        gzip.write(body);
                    }
                    response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, zipped.size());
                    response.write(true, ByteBuffer.wrap(zipped.toByteArray()), callback);
                }
                return true;
            }
        });
        server.start();
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    @Test
    void aBodySentInChunksWithoutALengthArrivesWhole() throws Exception {
        String base = serve(true);
        TestItem item = template.requestBody(route("genesys-test:getItem?baseUrl=" + base
                                                   + "&accessToken=RAW(t0ken)&itemId=big"), null, TestItem.class);
        assertEquals("big", item.getId());
        assertEquals(LONG_NAME, item.getName());
    }

    @Test
    void aCompressedBodyLongerThanItsContentLengthArrivesWhole() throws Exception {
        String base = serve(false);
        TestItem item = template.requestBody(route("genesys-test:getItem?baseUrl=" + base
                                                   + "&accessToken=RAW(t0ken)&itemId=big"), null, TestItem.class);
        assertEquals(LONG_NAME, item.getName());
    }

    @Test
    void everyExchangeOfManyInFlightGetsItsOwnBody() throws Exception {
        String create = route(cloud("createItem", ""));
        String get = route(cloud("getItem", "itemId=none"));
        int n = 120; // more than the worker pool's and Jetty's threads
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(template.requestBody(create, Map.of("name", "item-" + i), TestItem.class).getId());
        }
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (String id : ids) {
            answers.add(template.asyncRequestBodyAndHeader(get, null, "CamelGenesysItemId", id));
        }
        for (int i = 0; i < n; i++) {
            TestItem item = (TestItem) answers.get(i).get(30, TimeUnit.SECONDS);
            assertEquals(ids.get(i), item.getId());
            assertEquals("item-" + i, item.getName());
        }
    }
}
