package io.camelgenesys.core.test;

import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@link GenesysRouteTestSupport} against a simulator with the default configuration, for the route tests that need
 * nothing else: the simulator starts before each test class that extends this and stops after it, and is reset
 * before each test (see {@link GenesysSimulatorExtension}). The classes take turns with the one instance (surefire
 * runs them one after another), each on ports the simulator takes free as the class starts. A test that needs another configuration (a token lifetime, a
 * rate limit from the start, TLS) registers its own extension on {@link GenesysRouteTestSupport} instead.
 */
public abstract class SimulatorRouteTestSupport extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }
}
