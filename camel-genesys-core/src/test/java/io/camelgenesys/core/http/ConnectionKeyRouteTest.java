package io.camelgenesys.core.http;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.TestEndpoint;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, item 4: endpoints with the same credentials but other HTTP settings (proxy, TLS, timeouts, pool size) get
 * their own connection, so each runs with the settings it declares whatever the order they start in; endpoints with
 * the same settings share one connection and one token.
 */
class ConnectionKeyRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    private String seeded() throws Exception {
        return template.requestBody(route(cloud("createItem", "")), Map.of("name", "seed"), TestItem.class).getId();
    }

    private GenesysConnection connection(String uri) {
        return context.getEndpoint(uri, TestEndpoint.class).getConnection();
    }

    private Exchange get(String route) {
        return template.request(route, x -> {
        });
    }

    @Test
    void eachEndpointGetsTheRequestTimeoutItDeclaresWhicheverStartsFirst() throws Exception {
        String id = seeded();
        sim().faults().on("GET", "/api/v2/simulator/items/" + id).delay(Duration.ofMillis(1500));
        // the short timeout starts first: before, the long one silently shared its client and timed out too
        String shortUri = cloud("getItem", "itemId=" + id + "&requestTimeout=500&retryEnabled=false");
        String longUri = cloud("getItem", "itemId=" + id + "&requestTimeout=10000&retryEnabled=false");
        String quick = route(shortUri);
        String patient = route(longUri);
        Exchange timedOut = get(quick);
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, timedOut.getException());
        assertTrue(api.getMessage().contains("timed out"), api.getMessage());
        Exchange waited = get(patient);
        assertNull(waited.getException(), "the 10 s endpoint waited the 1.5 s");
        assertEquals(id, waited.getMessage().getBody(TestItem.class).getId());
        assertNotSame(connection(shortUri), connection(longUri));
    }

    @Test
    void aProxyIsUsedOnlyByTheEndpointThatDeclaresIt() throws Exception {
        String id = seeded();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once closed
        }
        String direct = route(cloud("getItem", "itemId=" + id));
        String proxied = route(cloud("getItem", "itemId=" + id + "&proxyHost=127.0.0.1&proxyPort=" + closed
                                                + "&retryEnabled=false"));
        assertNull(get(direct).getException());
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, get(proxied).getException());
        assertEquals(0, api.getHttpStatus(), "the proxy was tried and refused the connection: " + api.getMessage());
        assertNull(get(direct).getException(), "and the direct endpoint still goes direct");
    }

    @Test
    void poolSizeConnectTimeoutAndTlsBeansSplitConnectionsAndTheSameSettingsShare() throws Exception {
        SSLContextParameters tlsA = new SSLContextParameters();
        SSLContextParameters tlsB = new SSLContextParameters();
        context.getRegistry().bind("tlsA", tlsA);
        context.getRegistry().bind("tlsB", tlsB);
        String base = cloud("getItem", "itemId=x");
        String same = base + "&outputType=map"; // not an HTTP setting: shares
        String pool = base + "&maxConnectionsPerHost=8";
        String connect = base + "&connectTimeout=2000";
        String a1 = base + "&sslContextParameters=#tlsA";
        String a2 = base + "&sslContextParameters=#tlsA&outputType=json";
        String b = base + "&sslContextParameters=#tlsB";
        for (String uri : new String[] { base, same, pool, connect, a1, a2, b }) {
            route(uri);
        }
        assertSame(connection(base), connection(same));
        assertSame(connection(a1), connection(a2), "the same TLS bean shares");
        assertNotSame(connection(a1), connection(b), "another TLS bean does not");
        assertNotSame(connection(base), connection(pool));
        assertNotSame(connection(base), connection(connect));
        assertNotSame(connection(base), connection(a1));
        assertEquals(5, GenesysConnections.of(context).size());
    }

    @Test
    void aSecondConnectionForTheSameCredentialsIsLoggedNamingBothValues() throws Exception {
        LogCapture logs = LogCapture.install();
        try {
            route(cloud("getItem", "itemId=x&requestTimeout=30000"));
            route(cloud("getItem", "itemId=x&requestTimeout=45000"));
            assertFalse(logs.matching(e -> e.message().contains("same credentials")
                                          && e.message().contains("requestTimeout 45000 vs 30000")).isEmpty(),
                    "logged: " + logs.events().stream().map(LogCapture.Captured::message).toList());
            logs.assertNoneContains(java.util.List.of("cloud-secret"));
        } finally {
            logs.uninstall();
        }
    }
}
