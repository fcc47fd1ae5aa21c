package io.camelgenesys.simulator.notifications;

import java.time.Duration;

import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.ErrorBodies;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The WebSocket of a channel's {@code connectUri}, {@code /channels/{channelId}}, on the simulator's Jetty server
 * (Jetty 12's core WebSocket container, no servlet). The simulator's pipeline hands it the upgrade requests after the
 * fault switchboard and the request counters, as for every other path. No credentials: the channel id in the URI is
 * what Genesys checks.
 */
public final class SocketEndpoint {

    private final Notifications notifications;

    SocketEndpoint(Notifications notifications) {
        this.notifications = notifications;
    }

    /** @return whether the path is a channel's WebSocket */
    public static boolean handles(String path) {
        return path.startsWith(Notifications.SOCKET_PREFIX) && path.length() > Notifications.SOCKET_PREFIX.length()
               && path.indexOf('/', Notifications.SOCKET_PREFIX.length()) < 0;
    }

    /** Adds the WebSocket container to a server that has not started yet. */
    public void mount(Server server) {
        ServerWebSocketContainer container = ServerWebSocketContainer.ensure(server);
        // Genesys closes idle sockets on its own terms (expiry, socket_closing); Jetty's 30 s default would close a
        // socket whose heartbeats a test paused, which is not what the test plays.
        container.setIdleTimeout(Duration.ofHours(24));
    }

    /**
     * Upgrades the request to the channel's WebSocket.
     *
     * @return {@code null} when the request was upgraded, else the answer to write (404 for an unknown or expired
     *         channel, 400 for a request that is no WebSocket upgrade)
     */
    public ApiResponse upgrade(String path, Request request, Response response, Callback callback) {
        String channelId = path.substring(Notifications.SOCKET_PREFIX.length());
        if (!notifications.exists(channelId)) {
            return ApiResponse.json(404, ErrorBodies.cloud(404, "not.found",
                    "Channel " + channelId + " does not exist or has expired"));
        }
        ServerWebSocketContainer container = ServerWebSocketContainer.get(request.getContext());
        if (container == null) {
            container = request.getConnectionMetaData().getConnector().getServer()
                    .getBean(ServerWebSocketContainer.class);
        }
        // the socket belongs to the channel from the upgrade on (Jetty reports its open only after the 101 is
        // written, and the client may subscribe before that); a failed upgrade gives it up again
        ChannelSocket[] created = new ChannelSocket[1];
        Callback upgraded = Callback.from(callback::succeeded, x -> {
            if (created[0] != null) {
                notifications.closed(channelId, created[0]);
            }
            callback.failed(x);
        });
        try {
            if (container != null && container.upgrade((req, res, cb) -> {
                ChannelSocket socket = new ChannelSocket(notifications, channelId);
                created[0] = socket;
                notifications.upgrading(channelId, socket);
                return socket;
            }, request, response, upgraded)) {
                return null;
            }
        } catch (RuntimeException e) {
            return ApiResponse.json(400, ErrorBodies.cloud(400, "bad.request",
                    "The WebSocket upgrade failed: " + e.getMessage()));
        }
        return ApiResponse.json(400, ErrorBodies.cloud(400, "bad.request",
                "A notification channel is reached by a WebSocket upgrade (GET with Upgrade: websocket)"));
    }
}
