package io.camelgenesys.conversations.notifications;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One notification WebSocket on Jetty's core WebSocket client (not its higher-level API, whose common bundle needs an
 * OSGi service-loader extender): the frame handler, which puts fragmented text messages together and hands each whole
 * message to the {@link ChannelSupervisor}'s {@link ChannelSupervisor.SocketEvents}, and the supervisor's handle to
 * send a ping or close. Frames of one socket arrive one at a time (the next is demanded after each), on Jetty's
 * threads, which only parse and queue here.
 */
public final class JettyChannelSocket implements FrameHandler, ChannelSupervisor.Socket {

    private final ChannelSupervisor.SocketEvents events;
    private final int maxMessageBytes;
    private volatile CoreSession session;
    private volatile boolean ended;
    /** The text message being put together; only the thread of the current frame touches it. */
    private ByteArrayOutputStream message;
    private boolean binary;

    public JettyChannelSocket(ChannelSupervisor.SocketEvents events, int maxMessageBytes) {
        this.events = events;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        this.session = coreSession;
        callback.succeeded();
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        CoreSession s = session;
        try {
            switch (frame.getOpCode()) {
                case OpCode.TEXT -> {
                    binary = false;
                    message = new ByteArrayOutputStream();
                    append(frame);
                }
                case OpCode.BINARY -> binary = true; // Genesys sends text only: ignored
                case OpCode.CONTINUATION -> {
                    if (!binary) {
                        append(frame);
                    }
                }
                case OpCode.PING -> s.sendFrame(new Frame(OpCode.PONG, copy(frame.getPayload())), Callback.NOOP, false);
                default -> {
                    // PONG, and CLOSE, which the session answers itself before onClosed
                }
            }
            if (frame.isFin() && message != null && !binary && OpCode.isDataFrame(frame.getOpCode())) {
                String text = message.toString(StandardCharsets.UTF_8);
                message = null;
                events.onText(text);
            }
            callback.succeeded();
        } catch (MessageTooBig e) {
            message = null;
            callback.succeeded();
            s.close(CloseStatus.MESSAGE_TOO_LARGE, "message over " + maxMessageBytes + " bytes", Callback.NOOP);
            return;
        } catch (RuntimeException e) {
            callback.failed(e);
            return;
        }
        s.demand();
    }

    private void append(Frame frame) {
        ByteBuffer payload = frame.getPayload();
        if (payload == null || message == null) {
            return;
        }
        if (message.size() + payload.remaining() > maxMessageBytes) {
            throw new MessageTooBig();
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.slice().get(bytes);
        message.write(bytes, 0, bytes.length);
    }

    private static ByteBuffer copy(ByteBuffer payload) {
        if (payload == null) {
            return ByteBuffer.allocate(0);
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.slice().get(bytes);
        return ByteBuffer.wrap(bytes);
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        end(CloseStatus.SHUTDOWN + 5, cause.getClass().getSimpleName());
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        end(closeStatus.getCode(), closeStatus.getReason());
        callback.succeeded();
    }

    private void end(int code, String reason) {
        if (!ended) {
            ended = true;
            events.onClosed(code, reason);
        }
    }

    @Override
    public boolean send(String text) {
        CoreSession s = session;
        if (s == null || !s.isOutputOpen()) {
            return false;
        }
        s.sendFrame(new Frame(OpCode.TEXT, text), Callback.NOOP, false);
        return true;
    }

    @Override
    public void close(String reason) {
        ended = true;
        CoreSession s = session;
        if (s != null && s.isOutputOpen()) {
            s.close(CloseStatus.NORMAL, reason.length() > 100 ? reason.substring(0, 100) : reason, Callback.NOOP);
        }
    }

    /** A message over the limit. */
    private static final class MessageTooBig extends RuntimeException {
        MessageTooBig() {
            super(null, null, false, false);
        }
    }
}
