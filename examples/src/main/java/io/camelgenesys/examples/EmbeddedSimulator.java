package io.camelgenesys.examples;

import java.time.Duration;

import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the genesys-simulator in-process when {@code genesys.simulator} is true (the default) and points both
 * components at it with the simulator's demo credentials. It runs before Camel Main binds the
 * {@code camel.component.*} properties, as override properties, so these win over anything configured for real
 * Genesys; with {@code genesys.simulator=false} nothing is started and those properties are used as they are.
 */
final class EmbeddedSimulator extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSimulator.class);

    private volatile GenesysSimulator simulator;

    GenesysSimulator simulator() {
        return simulator;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent pc = main.getCamelContext().getPropertiesComponent();
        if (!Boolean.parseBoolean(pc.resolveProperty("genesys.simulator").orElse("true"))) {
            LOG.info("genesys.simulator=false: using the Genesys endpoints and credentials of the"
                     + " camel.component.genesys-contacts.* and camel.component.genesys-stats.* properties");
            return;
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
        int seed = Integer.parseInt(pc.resolveProperty("genesys.simulator.seed-contacts").orElse("0"));
        if (seed > 0) {
            sim.externalContacts().seedContacts(seed);
        }
        // the simulator publishes statistics only when its generator runs (off by default, for tests)
        long interval = Long.parseLong(pc.resolveProperty("genesys.simulator.stats-interval").orElse("1000"));
        sim.statistics().setUpdateInterval(Duration.ofMillis(interval));

        // Genesys Cloud client credentials for genesys-contacts
        pc.addOverrideProperty("camel.component.genesys-contacts.base-url", sim.baseUrl());
        pc.addOverrideProperty("camel.component.genesys-contacts.client-id", "cloud-client");
        pc.addOverrideProperty("camel.component.genesys-contacts.client-secret", "cloud-secret");
        // Multicloud CX password grant for genesys-stats
        pc.addOverrideProperty("camel.component.genesys-stats.base-url", sim.baseUrl());
        pc.addOverrideProperty("camel.component.genesys-stats.api-key", "mc-api-key");
        pc.addOverrideProperty("camel.component.genesys-stats.client-id", "mc-client");
        pc.addOverrideProperty("camel.component.genesys-stats.client-secret", "mc-secret");
        pc.addOverrideProperty("camel.component.genesys-stats.username", "agent1");
        pc.addOverrideProperty("camel.component.genesys-stats.password", "agent1-password");
        LOG.info("Embedded genesys-simulator on {} (statistics every {} ms, {} seeded contacts);"
                 + " set genesys.simulator=false to use real Genesys", sim.baseUrl(), interval, seed);
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
