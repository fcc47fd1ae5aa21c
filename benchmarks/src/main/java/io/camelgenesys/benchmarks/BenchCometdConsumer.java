package io.camelgenesys.benchmarks;

import java.util.concurrent.CompletableFuture;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysConnections;
import io.camelgenesys.core.notifications.GenesysNotifications;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;

/**
 * Emits the {@code data} map of every message of its channel as an exchange, on the shared session of its
 * connection and path, without blocking the CometD thread (asynchronous processing).
 */
public class BenchCometdConsumer extends DefaultConsumer implements ClientSessionChannel.MessageListener {

    private GenesysConnection connection;
    private GenesysNotifications notifications;
    private volatile CompletableFuture<Void> subscribed;

    BenchCometdConsumer(BenchCometdEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public BenchCometdEndpoint getEndpoint() {
        return (BenchCometdEndpoint) super.getEndpoint();
    }

    /** Completes when the server confirmed the channel subscription. */
    public CompletableFuture<Void> subscribed() {
        return subscribed;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        BenchCometdEndpoint endpoint = getEndpoint();
        connection = GenesysConnections.of(endpoint.getCamelContext()).acquire(endpoint.getConfiguration());
        notifications = GenesysNotifications.shared(connection, endpoint.getCometdPath());
        subscribed = notifications.subscribe(endpoint.getChannel(), this);
    }

    @Override
    protected void doStop() throws Exception {
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
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Processing a CometD message failed", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        });
    }
}
