package io.camelgenesys.simulator;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The Jetty setup the simulator's servers share (the API server and the UDM storage host). */
final class LocalJetty {

    private LocalJetty() {
    }

    /**
     * @param threadName the name of the server's threads
     * @param port       the port to bind on 127.0.0.1; 0 for a free one
     * @return a server with one connector, not started, without a handler
     */
    static Server create(String threadName, int port) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(threadName);
        // Daemon threads: a test that forgets stop() must not keep the JVM alive.
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        // Genesys does not announce a Jetty server; neither does its stand-in.
        http.setSendServerVersion(false);
        // An id in a path segment may hold an encoded '/' or '%' (open media ext_ ids); routes decode their segments.
        http.setUriCompliance(UriCompliance.DEFAULT.with("genesys-ids", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        // No graceful stop: held CometD long polls and downloads would delay it, and a simulated restart is abrupt.
        server.setStopTimeout(0);
        return server;
    }

    /**
     * Starts the server, or stops what started of it.
     *
     * @param what names the server in the exception
     * @return the bound port
     * @throws IllegalStateException when it cannot start (e.g. the port is taken)
     */
    static int start(Server server, String what) {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Cannot start " + what + " on port " + connector.getPort(), e);
        }
        return connector.getLocalPort();
    }
}
