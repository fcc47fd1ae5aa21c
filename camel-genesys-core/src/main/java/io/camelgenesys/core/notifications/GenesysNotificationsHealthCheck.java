package io.camelgenesys.core.notifications;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@link GenesysNotifications} CometD session: UP only when {@link GenesysNotificationsState#CONNECTED},
 * DOWN otherwise with the last error as message. Details: URL, state, handshakes, messages, last connect time.
 * <p>
 * A consumer creates one and registers it, e.g. in the "consumers" health check repository as camel-kafka does:
 *
 * <pre>
 * HealthCheckRepository repo = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
 *         "consumers", WritableHealthCheckRepository.class);
 * repo.addHealthCheck(new GenesysNotificationsHealthCheck(routeId, notifications));
 * </pre>
 */
public final class GenesysNotificationsHealthCheck extends AbstractHealthCheck {

    private final GenesysNotifications notifications;

    public GenesysNotificationsHealthCheck(String id, GenesysNotifications notifications) {
        super("camel-genesys", id);
        this.notifications = notifications;
    }

    public GenesysNotifications getNotifications() {
        return notifications;
    }

    @Override
    public boolean isLiveness() {
        // a Genesys outage must not make an orchestrator restart the application
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        GenesysNotificationsState state = notifications.state();
        builder.detail("genesys.cometd.url", notifications.url());
        builder.detail("genesys.cometd.state", state.name());
        builder.detail("genesys.cometd.handshakes", notifications.handshakeCount());
        builder.detail("genesys.cometd.messages", notifications.messageCount());
        if (notifications.lastConnectedAt() != null) {
            builder.detail("genesys.cometd.lastConnectedAt", notifications.lastConnectedAt().toString());
        }
        if (notifications.connectedSince() != null) {
            builder.detail("genesys.cometd.connectedSince", notifications.connectedSince().toString());
        }
        if (state == GenesysNotificationsState.CONNECTED) {
            builder.up();
            return;
        }
        String error = notifications.lastError();
        builder.down().message("The Genesys CometD session with " + notifications.url() + " is " + state
                               + (error != null ? ": " + error : ""));
    }
}
