package io.camelgenesys.conversations;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.conversations.model.Channel;
import io.camelgenesys.conversations.notifications.ChannelSupervisor;
import io.camelgenesys.conversations.notifications.TopicsRefusedException;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.operation.GenesysOperationExecutor;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.conversations.notifications.JettyChannelSocket;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Genesys Cloud notification channel of a {@link GenesysConnection} (one per credentials and HTTP settings),
 * shared by every genesys-notifications consumer on it: a thin adapter that gives the {@link ChannelSupervisor} its
 * REST calls (the rows of {@link NotificationsChannelOperation}, through the connection's pipeline: token, refresh on
 * 401, retries, rate budget) and its WebSockets (Jetty's core WebSocket client over the connection's Jetty HttpClient).
 * Its decisions run on the connection's scheduler thread, which only ever starts asynchronous work.
 * <p>
 * Reference counted as {@code GenesysNotifications} is: each {@link #shared} is paired with one {@link #release()}; the
 * last release removes the channel's topics and closes its socket. The connectUri (it opens the channel to anyone who
 * has it) never appears in a log line, an exception, a health check or {@link #toString()}.
 */
final class NotificationChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationChannel.class);
    private static final String ATTACHMENT = "genesys-notifications-channel";
    /** How long the last release waits for Genesys to remove the channel's topics. */
    static final long CLOSE_TIMEOUT_MILLIS = 2000;
    /** The largest text frame accepted (a conversation event with many participants can be large). */
    static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private final GenesysConnection connection;
    private final NotificationsConfiguration settingsSource;
    private final WebSocketCoreClient webSockets;
    private final java.time.Duration idleTimeout;
    private final ChannelSupervisor supervisor;
    private final Object lock = new Object();
    private int references;
    private boolean closed;

    private NotificationChannel(GenesysConnection connection, NotificationsEndpoint endpoint) {
        this.connection = connection;
        this.settingsSource = endpoint.getConfiguration();
        NotificationsConfiguration c = endpoint.getConfiguration();
        // over the connection's Jetty client (one HTTP stack, its TLS and proxy settings); it is started already, so
        // the WebSocket client does not manage (stop) it
        this.webSockets = new WebSocketCoreClient(connection.http().jetty(), new WebSocketComponents());
        // longer than the heartbeat watchdog, which decides when a silent socket is dropped
        this.idleTimeout = java.time.Duration.ofMillis(
                Math.max(c.getHeartbeatInterval() * (c.getHeartbeatMissedLimit() + 1), 60_000));
        try {
            this.webSockets.start();
        } catch (Exception e) {
            throw new IllegalStateException("The WebSocket client of " + connection + " could not start: " + e, e);
        }
        GenesysOperationExecutor executor = new GenesysOperationExecutor(connection);
        this.supervisor = new ChannelSupervisor(connection.id(), new RestApi(executor, endpoint), new JettySockets(),
                connection.scheduler(), connection.retries(), connection.retryPolicy(),
                new ChannelSupervisor.Settings(c.getHeartbeatInterval(), c.getHeartbeatMissedLimit(),
                        c.getChannelRenewBefore(), c.getDuplicateWindow(), c.getMaxTopicsPerChannel()));
    }

    /** The channel of the endpoint's connection, created by its first user. Pair with {@link #release()}. */
    static NotificationChannel shared(NotificationsEndpoint endpoint) {
        GenesysConnection connection = Objects.requireNonNull(endpoint.getConnection(), "connection");
        while (true) {
            NotificationChannel channel = connection.attachment(ATTACHMENT, c -> new NotificationChannel(c, endpoint));
            if (channel.retain()) {
                channel.warnOnOtherSettings(endpoint.getConfiguration());
                return channel;
            }
            connection.removeAttachment(ATTACHMENT, channel);
        }
    }

    private boolean retain() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            references++;
            return true;
        }
    }

    private void warnOnOtherSettings(NotificationsConfiguration c) {
        NotificationsConfiguration s = settingsSource;
        if (c == s) {
            return;
        }
        StringBuilder differ = new StringBuilder();
        differ(differ, "heartbeatInterval", c.getHeartbeatInterval(), s.getHeartbeatInterval());
        differ(differ, "heartbeatMissedLimit", c.getHeartbeatMissedLimit(), s.getHeartbeatMissedLimit());
        differ(differ, "channelRenewBefore", c.getChannelRenewBefore(), s.getChannelRenewBefore());
        differ(differ, "duplicateWindow", c.getDuplicateWindow(), s.getDuplicateWindow());
        differ(differ, "maxTopicsPerChannel", c.getMaxTopicsPerChannel(), s.getMaxTopicsPerChannel());
        if (!differ.isEmpty()) {
            LOG.warn("The notification channel of {} is shared by every consumer with these credentials and keeps the"
                     + " settings of the consumer that opened it: {}", connection, differ);
        }
    }

    private static void differ(StringBuilder b, String name, Object mine, Object kept) {
        if (!Objects.equals(mine, kept)) {
            b.append(b.isEmpty() ? "" : ", ").append(name).append(' ').append(mine).append(" (kept ").append(kept)
                    .append(')');
        }
    }

    /** Gives back one {@link #shared} reference; the last one closes the channel. */
    void release() {
        synchronized (lock) {
            if (closed || --references > 0) {
                return;
            }
        }
        close();
        connection.removeAttachment(ATTACHMENT, this);
    }

    ChannelSupervisor supervisor() {
        return supervisor;
    }

    /** Closes for good: removes the channel's topics (waits at most {@value #CLOSE_TIMEOUT_MILLIS} ms), the socket. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            supervisor.close().get(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Closing the notification channel of {}: {}", connection, e.toString());
        }
        try {
            webSockets.stop();
        } catch (Exception e) {
            LOG.debug("Stopping the WebSocket client of {} failed: {}", connection, e.toString());
        }
    }

    @Override
    public String toString() {
        // never the connectUri
        return "NotificationChannel[" + connection.id() + ", " + supervisor.state() + ", channel "
               + supervisor.channelLabel() + "]";
    }

    // ------------------------------------------------------------------------------------------------ REST

    /** The channel calls, rows of {@link NotificationsChannelOperation}. */
    private static final class RestApi implements ChannelSupervisor.Api {
        private final GenesysOperationExecutor executor;
        private final NotificationsEndpoint endpoint;

        RestApi(GenesysOperationExecutor executor, NotificationsEndpoint endpoint) {
            this.executor = executor;
            // the options of the endpoint that opened the channel: its retries; calls are made for every consumer
            this.endpoint = endpoint;
        }

        @Override
        public CompletableFuture<ChannelSupervisor.ChannelInfo> createChannel() {
            return executor.execute(endpoint.channelCall(NotificationsChannelOperation.createChannel)).thenApply(r -> {
                Channel c = (Channel) r.body();
                if (c == null) {
                    throw new IllegalStateException("Genesys answered the channel creation without a body");
                }
                return new ChannelSupervisor.ChannelInfo(c.getId(), c.getConnectUri(), instant(c.getExpires()));
            });
        }

        @Override
        public CompletableFuture<Void> addTopics(String channelId, List<String> topics) {
            return subscriptions(NotificationsChannelOperation.addSubscriptions, channelId, topics);
        }

        @Override
        public CompletableFuture<Void> replaceTopics(String channelId, List<String> topics) {
            return subscriptions(NotificationsChannelOperation.replaceSubscriptions, channelId, topics);
        }

        @Override
        public CompletableFuture<Void> removeAllTopics(String channelId) {
            OperationCall call = endpoint.channelCall(NotificationsChannelOperation.deleteSubscriptions)
                    .pathParam("channelId", channelId);
            return executor.execute(call).handle((r, failure) -> {
                if (failure != null) {
                    throw new CompletionException(hidden(GenesysErrors.unwrap(failure), channelId));
                }
                return null;
            });
        }

        private CompletableFuture<Void> subscriptions(NotificationsChannelOperation op, String channelId,
                                                      List<String> topics) {
            OperationCall call = endpoint.channelCall(op).pathParam("channelId", channelId)
                    .body(topics.stream().map(t -> Map.of("id", t)).toList());
            return executor.execute(call).handle((r, failure) -> {
                if (failure == null) {
                    return null;
                }
                Throwable cause = GenesysErrors.unwrap(failure);
                if (cause instanceof GenesysApiException api && isRefusal(api.getHttpStatus())) {
                    // the topics themselves (an unknown topic, a permission lacking): not retried
                    throw new TopicsRefusedException(topics, "Genesys refused the subscription to " + topics
                                                             + " (HTTP " + api.getHttpStatus() + "): "
                                                             + hide(api.getMessage(), channelId));
                }
                throw new CompletionException(hidden(cause, channelId));
            });
        }

        /** A failure whose message names the channel by its label only (the path of a channel call holds its id). */
        private static Throwable hidden(Throwable cause, String channelId) {
            String m = cause.getMessage();
            if (m == null || !m.contains(channelId)) {
                return cause;
            }
            return new IllegalStateException(hide(m, channelId));
        }

        private static String hide(String text, String channelId) {
            return text == null ? null : text.replace(channelId, ChannelSupervisor.label(channelId));
        }

        private static boolean isRefusal(int status) {
            return status == 400 || status == 403 || status == 422;
        }

        private static Instant instant(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return java.time.OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e2) {
                    LOG.warn("The channel's expires '{}' is not an ISO-8601 time: the channel is not renewed before"
                             + " it expires (its socket's close is then a gap)", text);
                    return null;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ WebSockets

    /** Jetty's WebSocket client; every callback only hands over to the supervisor. */
    private final class JettySockets implements ChannelSupervisor.Sockets {

        @Override
        public CompletableFuture<ChannelSupervisor.Socket> open(String connectUri, ChannelSupervisor.SocketEvents events) {
            JettyChannelSocket listener = new JettyChannelSocket(events, MAX_FRAME_BYTES);
            CompletableFuture<CoreSession> connecting;
            try {
                CoreClientUpgradeRequest request = CoreClientUpgradeRequest.from(webSockets, URI.create(connectUri),
                        listener);
                Configuration.ConfigurationCustomizer settings = new Configuration.ConfigurationCustomizer();
                settings.setIdleTimeout(idleTimeout);
                settings.setMaxFrameSize(MAX_FRAME_BYTES);
                settings.setMaxTextMessageSize(MAX_FRAME_BYTES);
                request.setConfiguration(settings);
                connecting = webSockets.connect(request);
            } catch (Exception e) {
                // never quote the URI: it opens the channel
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "The notification socket could not be opened (" + host(connectUri) + "): "
                        + hideUri(e.toString(), connectUri)));
            }
            return connecting.handle((session, failure) -> {
                if (failure != null) {
                    Throwable cause = GenesysErrors.unwrap(failure);
                    throw new CompletionException(new IllegalStateException(
                            "The notification socket could not be opened (" + host(connectUri) + "): "
                            + hideUri(cause.toString(), connectUri)));
                }
                return listener;
            });
        }
    }

    /** Scheme, host and port of a connectUri: its path names the channel, which opens it to anyone. */
    static String host(String connectUri) {
        try {
            URI u = URI.create(connectUri);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "an unreadable connectUri";
        }
    }

    /** A failure's text without the connectUri (nor its path) and without any credential. */
    private String hideUri(String text, String connectUri) {
        String t = text.replace(connectUri, "<connectUri>");
        try {
            String path = URI.create(connectUri).getRawPath();
            if (path != null && path.length() > 1) {
                t = t.replace(path, "<channel path>");
            }
        } catch (IllegalArgumentException ignored) {
            // nothing more to hide
        }
        return connection.secrets().redact(t);
    }
}
