package io.camelgenesys.core.test;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;

/** Serves a test context's platform-http routes on a port of its own. */
public final class PlatformHttpServer {

    private PlatformHttpServer() {
    }

    /**
     * Adds camel-platform-http-main's Vert.x server on {@code port} to {@code context}: outside Camel Main it is not
     * registered by itself (CAMEL-21741).
     */
    public static CamelContext serve(CamelContext context, int port) throws Exception {
        MainHttpServer server = new MainHttpServer();
        server.setPort(port);
        context.addService(server);
        return context;
    }
}
