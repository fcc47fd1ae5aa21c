package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.camelgenesys.simulator.notifications.Notifications;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.http.jakarta.CometDServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/**
 * An embeddable Genesys stand-in: a real HTTP server (Jetty 12) with a real CometD server, serving the documented
 * behaviour of the Genesys APIs in memory, plus a fault switchboard and counters for tests.
 * <pre>{@code
 * try (GenesysSimulator sim = GenesysSimulator.builder().tokenLifetime(Duration.ofSeconds(5)).build()) {
 *     sim.start();
 *     String base = sim.baseUrl();      // http://127.0.0.1:PORT
 *     sim.faults().on("GET", "/api/v2/simulator/items/*").status(503).times(3);
 *     ...
 * }
 * }</pre>
 * It serves, on one port: the Genesys Cloud token endpoint ({@code POST /oauth/token}), the Multicloud CX
 * Authentication API ({@code /auth/v3/oauth/token}, {@code /auth/v3/oauth/authorize}), the CometD notification
 * endpoint {@value Cometd#STATISTICS_NOTIFICATIONS}, the Statistics API at {@value Statistics#BASE_PATH} (with its
 * notifications, see {@link #statistics()}), a test collection at {@code /api/v2/simulator/items}, the Genesys
 * Cloud External Contacts API ({@code /api/v2/externalcontacts}, {@link #externalContacts()}), the Engage Web Services
 * contacts ({@code /api/v2/contacts}, {@link #webServicesContacts()}), whatever later modules register through
 * {@link #routes()}, and the {@code /simulator/**} admin paths.
 * <p>
 * Thread-safe. {@link #start()} binds 127.0.0.1; after {@link #stop()}, {@link #start()} binds the same port again,
 * so a restart looks to clients like a server restart (tokens and data survive, CometD sessions do not).
 */
public final class GenesysSimulator implements AutoCloseable {

    private final Builder config;
    private final Tokens tokens;
    private final Requests requests = new Requests();
    private final Faults faults = new Faults();
    private final Cometd cometd = new Cometd();
    private final Items items = new Items();
    private final ExternalContacts externalContacts = new ExternalContacts(faults, requests);
    private final WebServicesContacts webServicesContacts = new WebServicesContacts();
    private final Statistics statistics = new Statistics(cometd);
    private final DigitalChannels digitalChannels = new DigitalChannels(this::baseUrl);
    private final UserDataManagement udm = new UserDataManagement(faults, requests);
    private final CloudConversations cloudConversations = new CloudConversations(faults, requests);
    private final Notifications notifications = new Notifications(cloudConversations.store());
    private final Routes routes = new Routes();
    private final RateLimiter rateLimiter;

    private Server server;
    private int boundPort;

    private GenesysSimulator(Builder builder) {
        this.config = builder.copy();
        this.tokens = new Tokens(config.tokenLifetime);
        this.rateLimiter = new RateLimiter(config.rateLimitRequests, config.rateLimitWindow);
        ItemsApi.register(routes, items);
        externalContacts.register(routes);
        WebServicesContactsApi.register(routes, webServicesContacts);
        StatisticsApi.register(routes, statistics);
        digitalChannels.register(routes);
        UdmApi.register(routes, udm, config.multicloudApiKey);
        cloudConversations.register(routes);
        notifications.register(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /**
     * Starts the server on 127.0.0.1; does nothing when it is running.
     *
     * @throws IllegalStateException when Jetty cannot start (e.g. the port is taken)
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Server jetty = LocalJetty.create("genesys-simulator", boundPort > 0 ? boundPort : config.port);

        // The CometD servlet lives in a servlet context under the pipeline; the pipeline hands it only the
        // mounted notification paths, after checking credentials.
        BayeuxServerImpl bayeux = cometd.newBayeuxServer();
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setAttribute(BayeuxServer.ATTRIBUTE, bayeux);
        ServletHolder cometdServlet = new ServletHolder("cometd", CometDServlet.class);
        cometdServlet.setAsyncSupported(true);
        cometdServlet.setInitOrder(1);
        context.addServlet(cometdServlet, "/*");
        jetty.setHandler(new SimulatorHandler(this, rateLimiter, context));
        notifications.sockets().mount(jetty);
        boundPort = LocalJetty.start(jetty, "the Genesys simulator");
        cometd.started(bayeux);
        server = jetty;
        statistics.started();
        notifications.started(boundPort);
        try {
            udm.started();
            cloudConversations.started();
            externalContacts.started();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops the server; does nothing when it is not running. State (tokens, items, faults) is kept. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        statistics.stopped();
        digitalChannels.stopped();
        udm.stopped();
        cloudConversations.stopped();
        externalContacts.stopped();
        notifications.stopped();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the Genesys simulator", e);
        } finally {
            server = null;
            cometd.stopped();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Blocks until the server stops (for the standalone main). */
    void join() throws InterruptedException {
        Server running;
        synchronized (this) {
            running = server;
        }
        if (running != null) {
            running.join();
        }
    }

    /**
     * Clears faults (rules and hits), request counters, tokens (and token request counters), CometD handshake
     * rejections, handshake count and client sessions, rate-limit windows, the items store, the contacts stores
     * (external contacts, Web Services contacts) and the statistics (subscriptions, values, publication log and
     * listeners; the generator stops and an outage ends) and Digital Channels' data (pending webhook deliveries are
     * cancelled), User Data Management (jobs, history,
     * files, settings, links); restores the token lifetime and rate limit of the builder.
     * Keeps the configuration, registered routes, CometD mounts and listeners, and the statistics catalogue and
     * objects.
     */
    public void reset() {
        faults.reset();
        requests.reset();
        tokens.reset(config.tokenLifetime);
        rateLimiter.configure(config.rateLimitRequests, config.rateLimitWindow);
        cometd.reset();
        items.clear();
        externalContacts.clear();
        webServicesContacts.clear();
        statistics.reset();
        digitalChannels.reset();
        udm.reset();
        cloudConversations.reset();
        notifications.reset();
    }

    // ---- addresses -----------------------------------------------------------------------------------------------

    /** @return {@code http://127.0.0.1:PORT}, without a trailing slash */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * A stopped simulator forgets the ports it bound (a restart binds the same ones, so that clients reconnect), so
     * that its next start takes free ones. For a new test class whose predecessor stopped the simulator: meanwhile any
     * socket of the machine may have taken such a port (free ports are shared with every client connection), and
     * binding it again would fail. Does nothing while it runs, nor for a port given to the builder.
     */
    public synchronized void releasePorts() {
        if (server != null) {
            return;
        }
        if (config.port == 0) {
            boundPort = 0;
        }
        udm.releasePort();
        cloudConversations.releasePort();
        externalContacts.releasePort();
    }

    /**
     * @return the bound port once started (kept after stop, for a restart), else the configured one
     * @throws IllegalStateException when a random port was asked for and the server never started
     */
    public synchronized int port() {
        if (boundPort > 0) {
            return boundPort;
        }
        if (config.port == 0) {
            throw new IllegalStateException("The simulator has not started yet, so its random port is not known");
        }
        return config.port;
    }

    // ---- runtime settings ----------------------------------------------------------------------------------------

    /** Sets the lifetime (and {@code expires_in}) of tokens issued from now on. */
    public void setTokenLifetime(Duration lifetime) {
        tokens.lifetime(requirePositive(lifetime, "tokenLifetime"));
    }

    /** Sets the per-token request budget; running windows restart so it applies at once. */
    public void setRateLimit(int requests, Duration window) {
        rateLimiter.configure(requests, requirePositive(window, "window"));
    }

    // ---- controls ------------------------------------------------------------------------------------------------

    public Faults faults() {
        return faults;
    }

    public Tokens tokens() {
        return tokens;
    }

    public Requests requests() {
        return requests;
    }

    public Cometd cometd() {
        return cometd;
    }

    public Items items() {
        return items;
    }

    /** The Genesys Cloud External Contacts store ({@code /api/v2/externalcontacts}), for seeding and inspection. */
    public ExternalContacts externalContacts() {
        return externalContacts;
    }

    /** The Engage Web Services contacts store ({@code /api/v2/contacts}), for seeding and inspection. */
    public WebServicesContacts webServicesContacts() {
        return webServicesContacts;
    }

    public Routes routes() {
        return routes;
    }

    /** @return the Statistics service: subscriptions, values, publishing, the generator and outages */
    public Statistics statistics() {
        return statistics;
    }

    /** Digital Channels ({@code /nexus/v3}): messaging, secure email, open media and the webhooks it sends. */
    public DigitalChannels digitalChannels() {
        return digitalChannels;
    }

    /** @return Genesys Cloud conversations, recordings (and their storage host), users, presence, queue members */
    public CloudConversations cloudConversations() {
        return cloudConversations;
    }

    /** @return Genesys Cloud notifications: channels, subscriptions, WebSockets, publishing, faults, counters */
    public Notifications notifications() {
        return notifications;
    }

    /** @return User Data Management: export jobs, their history and files, the storage host and its links */
    public UserDataManagement udm() {
        return udm;
    }

    // ---- configured credentials ----------------------------------------------------------------------------------

    public String cloudClientId() {
        return config.cloudClientId;
    }

    public String cloudClientSecret() {
        return config.cloudClientSecret;
    }

    public String multicloudApiKey() {
        return config.multicloudApiKey;
    }

    public String multicloudClientId() {
        return config.multicloudClientId;
    }

    public String multicloudClientSecret() {
        return config.multicloudClientSecret;
    }

    /** @return username → password of the Multicloud users */
    public Map<String, String> multicloudUsers() {
        return config.multicloudUsers;
    }

    public String webServicesUsername() {
        return config.webServicesUsername;
    }

    public String webServicesPassword() {
        return config.webServicesPassword;
    }

    /** @return the lifetime of newly issued tokens */
    public Duration tokenLifetime() {
        return tokens.lifetime();
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
        return duration;
    }

    /** Configuration of a {@link GenesysSimulator}; every setting has a default, so {@code builder().build()} works. */
    public static final class Builder {

        private int port;
        private String cloudClientId = "cloud-client";
        private String cloudClientSecret = "cloud-secret";
        private String multicloudApiKey = "mc-api-key";
        private String multicloudClientId = "mc-client";
        private String multicloudClientSecret = "mc-secret";
        private Map<String, String> multicloudUsers = new LinkedHashMap<>(Map.of("agent1", "agent1-password"));
        private boolean defaultUsers = true;
        private String webServicesUsername = "gws-user";
        private String webServicesPassword = "gws-password";
        private Duration tokenLifetime = Duration.ofHours(1);
        private int rateLimitRequests = 300;
        private Duration rateLimitWindow = Duration.ofMinutes(1);

        private Builder() {
        }

        /** @param port the port to bind on 127.0.0.1; 0 (the default) picks a free one */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** The Genesys Cloud OAuth client (default {@code cloud-client} / {@code cloud-secret}). */
        public Builder cloudClient(String clientId, String clientSecret) {
            this.cloudClientId = Objects.requireNonNull(clientId, "clientId");
            this.cloudClientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** The {@code x-api-key} of the Multicloud paths (default {@code mc-api-key}). */
        public Builder multicloudApiKey(String apiKey) {
            this.multicloudApiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** The Multicloud OAuth client (default {@code mc-client} / {@code mc-secret}). */
        public Builder multicloudClient(String clientId, String clientSecret) {
            this.multicloudClientId = Objects.requireNonNull(clientId, "clientId");
            this.multicloudClientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /**
         * A Multicloud user for the password grant and the authorize endpoint. The first call replaces the default
         * user ({@code agent1} / {@code agent1-password}); further calls add users.
         */
        public Builder multicloudUser(String username, String password) {
            if (defaultUsers) {
                multicloudUsers.clear();
                defaultUsers = false;
            }
            multicloudUsers.put(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"));
            return this;
        }

        /** The Engage Web Services Basic-auth user (default {@code gws-user} / {@code gws-password}). */
        public Builder webServicesUser(String username, String password) {
            this.webServicesUsername = Objects.requireNonNull(username, "username");
            this.webServicesPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /** The lifetime of issued access tokens (default 1 hour); {@code expires_in} is it in whole seconds. */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = requirePositive(lifetime, "tokenLifetime");
            return this;
        }

        /** The per-token request budget of the API paths (default 300 per minute). */
        public Builder rateLimit(int requests, Duration window) {
            if (requests < 1) {
                throw new IllegalArgumentException("The rate limit must allow at least one request: " + requests);
            }
            this.rateLimitRequests = requests;
            this.rateLimitWindow = requirePositive(window, "window");
            return this;
        }

        public GenesysSimulator build() {
            return new GenesysSimulator(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.port = port;
            copy.cloudClientId = cloudClientId;
            copy.cloudClientSecret = cloudClientSecret;
            copy.multicloudApiKey = multicloudApiKey;
            copy.multicloudClientId = multicloudClientId;
            copy.multicloudClientSecret = multicloudClientSecret;
            copy.multicloudUsers = Collections.unmodifiableMap(new LinkedHashMap<>(multicloudUsers));
            copy.defaultUsers = defaultUsers;
            copy.webServicesUsername = webServicesUsername;
            copy.webServicesPassword = webServicesPassword;
            copy.tokenLifetime = tokenLifetime;
            copy.rateLimitRequests = rateLimitRequests;
            copy.rateLimitWindow = rateLimitWindow;
            return copy;
        }
    }
}
