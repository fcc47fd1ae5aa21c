package io.camelgenesys.core.notifications;

import java.util.concurrent.CompletableFuture;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysConnections;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.DefaultConsumer;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;

/**
 * Emits the {@code data} of every message of its channel as an exchange (body: the data map; header
 * {@code CamelGenesysChannel}). Uses the shared session of its connection and path, reports it as a readiness check, and
 * never blocks the CometD thread: the exchange is processed asynchronously.
 */
public class TestCometdConsumer extends DefaultConsumer implements ClientSessionChannel.MessageListener {

    public static final String CHANNEL_HEADER = "CamelGenesysChannel";

    private GenesysConnection connection;
    private GenesysNotifications notifications;
    private GenesysNotificationsHealthCheck healthCheck;
    private volatile CompletableFuture<Void> subscribed;

    TestCometdConsumer(TestCometdEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TestCometdEndpoint getEndpoint() {
        return (TestCometdEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TestCometdEndpoint endpoint = getEndpoint();
        connection = GenesysConnections.of(endpoint.getCamelContext()).acquire(endpoint.getConfiguration());
        notifications = GenesysNotifications.shared(connection, endpoint.getCometdPath());
        // not awaited: the route starts while the handshake is under way; health reports the session state
        subscribed = notifications.subscribe(endpoint.getChannel(), this);
        HealthCheckRegistry registry = HealthCheckRegistry.get(endpoint.getCamelContext());
        if (registry != null) {
            healthCheck = new GenesysNotificationsHealthCheck("genesys-cometd-" + getRouteId(), notifications);
            healthCheck.setCamelContext(endpoint.getCamelContext());
            registry.register(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(getEndpoint().getCamelContext());
            if (registry != null) {
                registry.unregister(healthCheck);
            }
            healthCheck = null;
        }
        if (notifications != null) {
            notifications.unsubscribe(getEndpoint().getChannel(), this);
            notifications.release();
            notifications = null;
        }
        if (connection != null) {
            GenesysConnections.of(getEndpoint().getCamelContext()).release(connection);
            connection = null;
        }
        super.doStop();
    }

    @Override
    public void onMessage(ClientSessionChannel channel, Message message) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(message.getDataAsMap());
        exchange.getMessage().setHeader(CHANNEL_HEADER, channel.getId());
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Processing a CometD message failed", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        });
    }

    public GenesysNotifications notifications() {
        return notifications;
    }

    public CompletableFuture<Void> subscribed() {
        return subscribed;
    }
}
