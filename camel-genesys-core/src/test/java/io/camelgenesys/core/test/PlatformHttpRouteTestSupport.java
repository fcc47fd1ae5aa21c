package io.camelgenesys.core.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.test.AvailablePortFinder;

/**
 * A route test against the default simulator whose routes start with {@code platform-http}: the context serves them
 * on a free port of its own, and {@link #http} calls them as an HTTP client would.
 */
public abstract class PlatformHttpRouteTestSupport extends SimulatorRouteTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return PlatformHttpServer.serve(super.createCamelContext(), port);
    }

    /** The address of {@code path} on the context's HTTP server. */
    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
