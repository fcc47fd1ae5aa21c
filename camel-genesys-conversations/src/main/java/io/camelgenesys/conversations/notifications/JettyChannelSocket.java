package io.camelgenesys.conversations.notifications;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One notification WebSocket: Jetty's listener (public: Jetty calls it through method handles) and the
 * {@link ChannelSupervisor}'s handle. Every callback only hands over to the supervisor's {@link ChannelSupervisor.SocketEvents}.
 */
public final class JettyChannelSocket implements Session.Listener.AutoDemanding, ChannelSupervisor.Socket {
    private final ChannelSupervisor.SocketEvents events;
    private volatile Session session;
    private volatile boolean ended;

    public JettyChannelSocket(ChannelSupervisor.SocketEvents events) {
        this.events = events;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        events.onText(message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        end(statusCode, reason);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        end(StatusCode.ABNORMAL, cause.getClass().getSimpleName());
    }

    private void end(int code, String reason) {
        if (!ended) {
            ended = true;
            events.onClosed(code, reason);
        }
    }

    @Override
    public boolean send(String text) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return false;
        }
        s.sendText(text, Callback.NOOP);
        return true;
    }

    @Override
    public void close(String reason) {
        ended = true;
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(StatusCode.NORMAL, reason.length() > 100 ? reason.substring(0, 100) : reason, Callback.NOOP);
        }
    }
}
