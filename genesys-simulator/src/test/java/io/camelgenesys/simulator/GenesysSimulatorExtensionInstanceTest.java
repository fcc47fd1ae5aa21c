package io.camelgenesys.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registered on an instance field, the extension runs one simulator per test and stops it afterwards. */
class GenesysSimulatorExtensionInstanceTest {

    static GenesysSimulator last;

    @RegisterExtension
    GenesysSimulatorExtension sim = new GenesysSimulatorExtension();

    @Test
    void startedAroundTheTest() {
        assertTrue(sim.simulator().isRunning());
        last = sim.simulator();
    }

    @AfterAll
    static void stoppedAfterwards() {
        assertFalse(last.isRunning());
    }
}
