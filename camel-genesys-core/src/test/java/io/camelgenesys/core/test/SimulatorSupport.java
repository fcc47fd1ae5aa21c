package io.camelgenesys.core.test;

import io.camelgenesys.simulator.GenesysSimulator;

/**
 * Endpoint URIs for the simulator's demo credentials, so that every test names a platform the same way.
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
}
