package io.camelgenesys.core.test;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.simulator.GenesysSimulator;

/**
 * Endpoint URIs (or component configurations) for the simulator's demo credentials, so that every test names a
 * platform the same way.
 */
public final class SimulatorSupport {

    private SimulatorSupport() {
    }

    /** Genesys Cloud client credentials against the simulator. */
    public static String cloud(GenesysSimulator sim) {
        return "baseUrl=" + sim.baseUrl() + "&clientId=cloud-client&clientSecret=RAW(cloud-secret)";
    }

    /** Multicloud password grant against the simulator. */
    public static String multicloud(GenesysSimulator sim) {
        return "platform=multicloud&baseUrl=" + sim.baseUrl() + "&apiKey=RAW(mc-api-key)&clientId=mc-client"
               + "&clientSecret=RAW(mc-secret)&username=agent1&password=RAW(agent1-password)";
    }

    /** The same Multicloud credentials set once on a component's configuration, as the docs tell users to. */
    public static void multicloud(GenesysConfiguration configuration, GenesysSimulator sim) {
        configuration.setBaseUrl(sim.baseUrl());
        configuration.setApiKey("mc-api-key");
        configuration.setClientId("mc-client");
        configuration.setClientSecret("mc-secret");
        configuration.setUsername("agent1");
        configuration.setPassword("agent1-password");
    }
}
