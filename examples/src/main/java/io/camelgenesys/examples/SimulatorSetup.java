package io.camelgenesys.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.Messaging;
import io.camelgenesys.simulator.OpenMedia;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses what the components talk to, from {@code genesys.simulator}:
 * <ul>
 * <li>{@code true} (the default): starts the genesys-simulator in this JVM and points the components at it;</li>
 * <li>the URL of a running standalone simulator (e.g. {@code http://127.0.0.1:8080}): points the components at
 * it;</li>
 * <li>{@code false}: leaves the {@code camel.component.genesys-*} properties as configured, for real Genesys.</li>
 * </ul>
 * The simulator's demo credentials are set as override properties before Camel Main binds the
 * {@code camel.component.*} properties, so they win over anything configured for real Genesys.
 */
final class SimulatorSetup extends MainListenerSupport {

    static final String PROPERTY = "genesys.simulator";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorSetup.class);

    private volatile GenesysSimulator simulator;

    /** The embedded simulator, while it runs. */
    GenesysSimulator simulator() {
        return simulator;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent pc = main.getCamelContext().getPropertiesComponent();
        String mode = pc.resolveProperty(PROPERTY).orElse("true").trim();
        if (mode.equalsIgnoreCase("false")) {
            LOG.info("{}=false: using the Genesys endpoints and credentials of the camel.component.genesys-contacts.*"
                     + ", camel.component.genesys-stats.* and camel.component.genesys-udm.* properties", PROPERTY);
            return;
        }
        if (mode.startsWith("http://") || mode.startsWith("https://")) {
            useDemoCredentials(pc, mode);
            LOG.info("Using the genesys-simulator at {} with its demo credentials", mode);
            return;
        }
        if (!mode.equalsIgnoreCase("true")) {
            throw new IllegalArgumentException(PROPERTY + " must be true (start the simulator in this JVM), false (use"
                                               + " the camel.component.genesys-* properties) or the http(s) URL of a"
                                               + " running simulator, was '" + mode + "'");
        }
        GenesysSimulator sim = GenesysSimulator.builder().build();   // random free port, demo credentials
        sim.start();
        simulator = sim;
        try {
            main.getCamelContext().addService(new SimulatorService(), true);
        } catch (Exception e) {
            sim.stop();
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
        int seed = Integer.parseInt(pc.resolveProperty(PROPERTY + ".seed-contacts").orElse("0"));
        if (seed > 0) {
            sim.externalContacts().seedContacts(seed);
        }
        // the simulator publishes statistics only when its generator runs (off by default, for tests)
        long interval = Long.parseLong(pc.resolveProperty(PROPERTY + ".stats-interval").orElse("1000"));
        sim.statistics().setUpdateInterval(Duration.ofMillis(interval));
        List<String> agents = sim.cloudConversations().seedUsers(3);
        if (pc.resolveProperty("example.queue-id").orElse("").isBlank()) {
            pc.addOverrideProperty("example.queue-id", seedQueueRecordings(sim, agents));
        }
        // the agent presence route: these agents, whose presence a simulated supervisor changes through the API
        if (pc.resolveProperty("example.presence.agents").orElse("").isBlank()) {
            pc.addOverrideProperty("example.presence.agents", String.join(",", agents));
            pc.addOverrideProperty("example.presence.simulate", "true");
        }
        useDemoCredentials(pc, sim.baseUrl());
        // Digital Channels calls the SMS bridge's webhook on this application's HTTP server
        String webhook = "http://127.0.0.1:" + pc.resolveProperty("camel.server.port").orElse("8080").trim()
                         + pc.resolveProperty("example.sms.webhook-path").orElse("/genesys/sms").trim();
        sim.digitalChannels().messaging().setWebhookUrl(Messaging.DEFAULT_SMS_CHANNEL, webhook);
        LOG.info("Embedded genesys-simulator on {} (statistics every {} ms, {} seeded contacts);"
                 + " set {}=false to use real Genesys", sim.baseUrl(), interval, seed, PROPERTY);
    }

    /**
     * A queue of three agents with yesterday's calls (two of them recorded twice) and one of today's, for the
     * queue-recordings route; returns the queue id.
     */
    private static String seedQueueRecordings(GenesysSimulator sim, List<String> agents) {
        String queue = sim.cloudConversations().addQueue(agents);
        Instant yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        sim.cloudConversations().addConversation(agents.get(0), queue, yesterday.plusSeconds(9 * 3600), 48_000, 96_000);
        sim.cloudConversations().addConversation(agents.get(1), queue, yesterday.plusSeconds(14 * 3600), 64_000, 32_000);
        sim.cloudConversations().addConversation(agents.get(2), queue, yesterday.plusSeconds(16 * 3600));
        sim.cloudConversations().addConversation(agents.get(0), queue, Instant.now().minusSeconds(600), 10_000);
        return queue;
    }

    /** The simulator's defaults (see genesys-simulator/README.md, "Demo credentials"). */
    private static void useDemoCredentials(PropertiesComponent pc, String baseUrl) {
        // Genesys Cloud client credentials for genesys-contacts
        pc.addOverrideProperty("camel.component.genesys-contacts.base-url", baseUrl);
        pc.addOverrideProperty("camel.component.genesys-contacts.client-id", "cloud-client");
        pc.addOverrideProperty("camel.component.genesys-contacts.client-secret", "cloud-secret");
        // the same client for genesys-conversations and genesys-users
        for (String component : List.of("genesys-conversations", "genesys-users", "genesys-notifications")) {
            pc.addOverrideProperty("camel.component." + component + ".base-url", baseUrl);
            pc.addOverrideProperty("camel.component." + component + ".client-id", "cloud-client");
            pc.addOverrideProperty("camel.component." + component + ".client-secret", "cloud-secret");
        }
        // Multicloud CX password grant, one client and user for genesys-stats, genesys-udm (User Data Management) and
        // the Digital Channels components
        for (String scheme : List.of("genesys-stats", "genesys-udm", "genesys-messaging", "genesys-openmedia")) {
            String prefix = "camel.component." + scheme + ".";
            pc.addOverrideProperty(prefix + "base-url", baseUrl);
            pc.addOverrideProperty(prefix + "api-key", "mc-api-key");
            pc.addOverrideProperty(prefix + "client-id", "mc-client");
            pc.addOverrideProperty(prefix + "client-secret", "mc-secret");
            pc.addOverrideProperty(prefix + "username", "agent1");
            pc.addOverrideProperty(prefix + "password", "agent1-password");
        }
        // the simulator's SMS channel and open media service
        pc.addOverrideProperty("camel.component.genesys-messaging.contact-center-id", Messaging.DEFAULT_CONTACT_CENTER_ID);
        pc.addOverrideProperty("camel.component.genesys-messaging.channel-id", Messaging.DEFAULT_SMS_CHANNEL);
        pc.addOverrideProperty("camel.component.genesys-messaging.secret", Messaging.DEFAULT_SMS_SECRET);
        pc.addOverrideProperty("camel.component.genesys-openmedia.open-media-service", OpenMedia.DEFAULT_SERVICE);
    }

    /** Stops the simulator with the CamelContext, however the application is stopped. */
    private final class SimulatorService extends ServiceSupport {
        @Override
        protected void doStop() {
            GenesysSimulator sim = simulator;
            if (sim != null) {
                simulator = null;
                sim.stop();
            }
        }
    }
}
