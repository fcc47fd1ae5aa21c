package io.camelgenesys.quarkus.core;

import java.time.Duration;

import io.camelgenesys.simulator.GenesysSimulator;

/**
 * The genesys-simulator as Dev Services run it: in this JVM, on a free port of 127.0.0.1, with the credentials of
 * {@link GenesysSimulatorBinding}, the statistics generator publishing every {@code statisticsInterval}, and
 * {@code seedContacts} external contacts to start with.
 */
public final class EmbeddedGenesysSimulator implements AutoCloseable {

    private final GenesysSimulator simulator;

    private EmbeddedGenesysSimulator(GenesysSimulator simulator) {
        this.simulator = simulator;
    }

    /** Starts a simulator; {@code statisticsInterval} zero or negative leaves the generator off. */
    public static EmbeddedGenesysSimulator start(Duration statisticsInterval, int seedContacts) {
        GenesysSimulator sim = GenesysSimulator.builder()
                .cloudClient(GenesysSimulatorBinding.CLIENT_ID, GenesysSimulatorBinding.CLIENT_SECRET)
                .multicloudClient(GenesysSimulatorBinding.CLIENT_ID, GenesysSimulatorBinding.CLIENT_SECRET)
                .multicloudApiKey(GenesysSimulatorBinding.API_KEY)
                .multicloudUser(GenesysSimulatorBinding.USERNAME, GenesysSimulatorBinding.PASSWORD)
                .webServicesUser(GenesysSimulatorBinding.USERNAME, GenesysSimulatorBinding.PASSWORD)
                .build();
        sim.start();
        try {
            if (seedContacts > 0) {
                sim.externalContacts().seedContacts(seedContacts);
            }
            if (statisticsInterval != null && !statisticsInterval.isNegative() && !statisticsInterval.isZero()) {
                sim.statistics().setUpdateInterval(statisticsInterval);
            }
        } catch (RuntimeException e) {
            sim.stop();
            throw e;
        }
        return new EmbeddedGenesysSimulator(sim);
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return simulator.baseUrl();
    }

    /** The running simulator (its stores, fault switchboard and statistics controls). */
    public GenesysSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
