package io.camelgenesys.simulator;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real WebSocket client (Jetty's) for the notification tests, started before a class's tests and stopped after them
 * ({@code @RegisterExtension static final TestWebSockets ws = new TestWebSockets();}).
 */
final class TestWebSockets implements BeforeAllCallback, AfterAllCallback {

    final WebSocketClient client = new WebSocketClient();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        client.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        client.stop();
    }

    /** Connects a {@link NotificationSocket} to a channel's {@code connectUri}. */
    NotificationSocket connect(String connectUri) throws Exception {
        return NotificationSocket.connect(client, connectUri);
    }
}
