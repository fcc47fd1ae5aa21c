package io.camelgenesys.examples;

import java.util.Optional;

import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.main.Main;

/**
 * The camel-genesys examples as one Camel Main application: the CRM database sync ({@link CrmDatabaseSyncRoute}, with
 * its database {@link CrmDatabase}), the CRM file sync route ({@link CrmSyncRoute}, Java DSL), the UDM export of
 * yesterday's interactions ({@link UdmExportRoute}, Java DSL), yesterday's recordings of a queue
 * ({@link QueueRecordingsRoute}), the reconciliation scan and agent-state stream (YAML DSL,
 * {@code src/main/resources/camel/}), the SMS bridge on the Third-Party Messaging webhook ({@link SmsBridgeRoute}),
 * CRM cases turned into Open Media workitems ({@link CrmCasesRoute}) and agents' presence pushed by Genesys Cloud
 * notifications into a database table ({@link AgentPresenceRoute}).
 * <p>
 * By default it starts the genesys-simulator in-process and points the components at it ({@link SimulatorSetup}), or
 * at a standalone one when {@code genesys.simulator} is its URL;
 * with {@code genesys.simulator=false} the components use the Genesys endpoints and credentials of the
 * {@code camel.component.genesys-*} properties (application.properties, {@code -D} or environment variables).
 * It runs until stopped (Ctrl+C), or for {@code example.duration} seconds.
 */
public final class GenesysExamples {

    private final Main main = new Main();
    private final SimulatorSetup simulator = new SimulatorSetup();

    public GenesysExamples() {
        main.addMainListener(simulator);
        main.addMainListener(new CrmDatabase());
        main.configure().addRoutesBuilder(new CrmSyncRoute());
        main.configure().addRoutesBuilder(new CrmDatabaseSyncRoute());
        main.configure().addRoutesBuilder(new UdmExportRoute());
        main.configure().addRoutesBuilder(new QueueRecordingsRoute());
        main.configure().addRoutesBuilder(new SmsBridgeRoute());
        main.configure().addRoutesBuilder(new CrmCasesRoute());
        main.configure().addRoutesBuilder(new AgentPresenceRoute());
        main.configure().addRoutesBuilder(new SimulatedAgentRoute(simulator::simulator));
    }

    public Main main() {
        return main;
    }

    /** The embedded simulator while the application runs with {@code genesys.simulator=true}. */
    public Optional<GenesysSimulator> simulator() {
        return Optional.ofNullable(simulator.simulator());
    }

    public static void main(String[] args) throws Exception {
        new GenesysExamples().main().run(args);
    }
}
