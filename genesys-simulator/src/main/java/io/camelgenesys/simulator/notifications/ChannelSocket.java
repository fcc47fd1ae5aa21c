package io.camelgenesys.simulator.notifications;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket connected to a notification channel's {@code connectUri}. Jetty calls it on its own threads; it only
 * hands what happens to {@link Notifications}, which never blocks in those calls (it takes its monitor briefly and
 * queues work for its delivery threads).
 */
public final class ChannelSocket implements Session.Listener.AutoDemanding {

    private final Notifications hub;
    private final String channelId;
    private volatile Session session;

    ChannelSocket(Notifications hub, String channelId) {
        this.hub = hub;
        this.channelId = channelId;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        hub.opened(channelId, this);
    }

    @Override
    public void onWebSocketText(String message) {
        hub.received(channelId, this, message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        hub.closed(channelId, this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        hub.closed(channelId, this);
    }

    boolean isOpen() {
        Session s = session;
        return s != null && s.isOpen();
    }

    /** Sends one text frame; {@code callback} completes when it is written (or fails). Never blocks. */
    void send(String text, Callback callback) {
        Session s = session;
        if (s == null) {
            callback.fail(new IllegalStateException("The socket is not open"));
            return;
        }
        s.sendText(text, callback);
    }

    /** A close frame with this status; the socket closes when the client answers it. */
    void close(int status, String reason) {
        Session s = session;
        if (s != null) {
            s.close(status, reason, Callback.NOOP);
        }
    }

    /** Cuts the connection: no close frame, the client sees the TCP connection end. */
    void drop() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }
}
