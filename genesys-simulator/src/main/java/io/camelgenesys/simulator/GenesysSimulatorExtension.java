package io.camelgenesys.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: a simulator per test class, reset before each test.
 * <pre>{@code
 * @RegisterExtension
 * static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(
 *         GenesysSimulator.builder().tokenLifetime(Duration.ofSeconds(5)));
 *
 * @Test
 * void test() {
 *     String base = SIM.simulator().baseUrl();
 * }
 * }</pre>
 * Registered on a static field, the simulator starts before all tests of the class (and of its {@code @Nested}
 * classes) and stops after them; registered on an instance field, it starts and stops around each test.
 * {@link GenesysSimulator#reset()} runs before each test either way.
 */
public class GenesysSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private final GenesysSimulator simulator;
    /** How many (nested) test classes are using a static registration; 0 for an instance registration. */
    private int classScopes;

    /** A simulator with the default configuration. */
    public GenesysSimulatorExtension() {
        this(GenesysSimulator.builder());
    }

    public GenesysSimulatorExtension(GenesysSimulator.Builder builder) {
        this(builder.build());
    }

    public GenesysSimulatorExtension(GenesysSimulator simulator) {
        this.simulator = simulator;
    }

    public GenesysSimulator simulator() {
        return simulator;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        classScopes++;
        // a class that finds it stopped (the one before stopped it) starts on free ports: the ones it had may have
        // been taken meanwhile by any client socket of the machine
        simulator.releasePorts();
        simulator.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator.start();
        simulator.reset();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (classScopes == 0) {
            simulator.stop();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classScopes <= 0) {
            classScopes = 0;
            simulator.stop();
        }
    }
}
