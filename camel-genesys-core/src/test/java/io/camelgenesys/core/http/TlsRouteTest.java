package io.camelgenesys.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.test.SelectorReads;
import io.camelgenesys.core.test.TestItem;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS, as Genesys is reached: core's connector reads its connections on the selector thread (non-blocking reads,
 * see {@code GenesysHttpClient.NonBlockingReadsConnector}), and with TLS the TLS layer's reads run there too. Against
 * a real Jetty server with TLS (a self-signed certificate for 127.0.0.1 in {@code tls/localhost.p12}, trusted through
 * the endpoint's {@code sslContextParameters}): many exchanges in flight, a response spread over many TLS records,
 * and the route after the producer never on a Jetty thread.
 */
class TlsRouteTest extends CamelTestSupport {

    private static final String TOKEN = "tls-test-token";
    private static Server server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(TlsRouteTest.class.getResource("/tls/localhost.p12").toExternalForm());
        tls.setKeyStorePassword("changeit");
        tls.setKeyStoreType("PKCS12");
        server = new Server();
        ServerConnector connector = new ServerConnector(server, tls);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Items());
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    /** GET /api/v2/simulator/items/{id}: the item, its name {@code size} characters long when the id is a number. */
    private static final class Items extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            String prefix = "/api/v2/simulator/items/";
            if (!("Bearer " + TOKEN).equals(request.getHeaders().get(HttpHeader.AUTHORIZATION))
                || !path.startsWith(prefix)) {
                Response.writeError(request, response, callback, 401);
                return true;
            }
            String id = path.substring(prefix.length());
            String name = id.chars().allMatch(Character::isDigit) ? "n".repeat(Integer.parseInt(id)) : "item " + id;
            byte[] json = ("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(json), callback);
            return true;
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("classpath:tls/localhost.p12");
        store.setPassword("changeit");
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        context.getRegistry().bind("tls", parameters);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get")
                        .to("genesys-test:getItem?baseUrl=https://127.0.0.1:" + port + "&accessToken=RAW(" + TOKEN
                            + ")&sslContextParameters=#tls&rateLimit=0")
                        .process(e -> e.getMessage().setHeader("routeThread", Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void manyExchangesInFlightOverTlsEachGetTheirItemAndTheRouteContinuesOffJetty() throws Exception {
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = "item-" + i;
            calls.add(template.asyncSend("direct:get", e -> e.getMessage().setHeader("CamelGenesysItemId", id)));
        }
        for (int i = 0; i < calls.size(); i++) {
            Exchange done = calls.get(i).get(30, TimeUnit.SECONDS);
            assertEquals(null, done.getException(), "exchange " + i);
            TestItem item = done.getMessage().getBody(TestItem.class);
            assertEquals("item-" + i, item.getId());
            assertEquals(200, done.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
            String thread = done.getMessage().getHeader("routeThread", String.class);
            assertFalse(thread.startsWith("genesys-http-"), "the route ran on a Jetty thread: " + thread);
        }
        // under TLS too, the responses were read by the selector thread itself (the TLS layer's reads included)
        SelectorReads selector = SelectorReads.ofOnlyConnection(context);
        assertTrue(selector.onSelector() > 0 && selector.offSelector() < selector.onSelector(),
                "the reads ran on the selector itself, not handed to pool threads: " + selector);
    }

    @Test
    void aResponseOfManyTlsRecordsArrivesWhole() {
        int size = 3 * 1024 * 1024; // TLS records carry at most 16 KB: about 200 of them, over many reads
        TestItem item = template.requestBodyAndHeaders("direct:get", null, Map.of("CamelGenesysItemId", String.valueOf(size)),
                TestItem.class);
        assertEquals(String.valueOf(size), item.getId());
        assertEquals(size, item.getName().length());
        assertTrue(item.getName().chars().allMatch(c -> c == 'n'));
    }
}
