package io.camelgenesys.quarkus.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The simulator in a packaged (prod-mode) application, only when {@code quarkus.camel-genesys.devservices.in-packaged-app}
 * is true: a demo or an offline trial started with {@code java -jar quarkus-run.jar}, where Quarkus runs no Dev
 * Services. Dev and test mode use the Dev Service instead (started by Quarkus before the application).
 */
@Recorder
public class GenesysSimulatorRecorder {

    private static final Logger LOG = Logger.getLogger(GenesysSimulatorRecorder.class);

    public RuntimeValue<MainListener> packagedAppSimulator(List<String> schemes, long statisticsIntervalMillis,
                                                           int seedContacts) {
        return new RuntimeValue<>(new PackagedAppSimulator(schemes, Duration.ofMillis(statisticsIntervalMillis),
                seedContacts));
    }

    /** Starts the simulator before Camel Main binds the component properties, stops it with the CamelContext. */
    static final class PackagedAppSimulator extends MainListenerSupport {

        private final List<String> schemes;
        private final Duration statisticsInterval;
        private final int seedContacts;

        PackagedAppSimulator(List<String> schemes, Duration statisticsInterval, int seedContacts) {
            this.schemes = List.copyOf(schemes);
            this.statisticsInterval = statisticsInterval;
            this.seedContacts = seedContacts;
        }

        @Override
        public void beforeConfigure(BaseMainSupport main) {
            List<String> targets = GenesysSimulatorBinding.targets(schemes, ConfigProvider.getConfig().getPropertyNames(),
                    (scheme, p) -> LOG.infof("%s is configured (%s): not pointed at the genesys-simulator", scheme, p));
            if (targets.isEmpty()) {
                return;
            }
            EmbeddedGenesysSimulator sim = EmbeddedGenesysSimulator.start(statisticsInterval, seedContacts);
            try {
                main.getCamelContext().addService(new StopWithContext(sim), true);
            } catch (Exception e) {
                sim.close();
                throw new IllegalStateException("Cannot attach the genesys-simulator to the CamelContext", e);
            }
            // override properties win over application.properties when Camel Main binds camel.component.*
            PropertiesComponent pc = main.getCamelContext().getPropertiesComponent();
            Map<String, String> properties = GenesysSimulatorBinding.componentProperties(targets, sim.baseUrl());
            properties.forEach(pc::addOverrideProperty);
            LOG.warnf("The genesys-simulator runs in this packaged application on %s and serves %s"
                      + " (quarkus.camel-genesys.devservices.in-packaged-app=true): a demo setting, never for"
                      + " production. Build without it, or configure camel.component.<scheme>.base-url and the"
                      + " credentials, to reach Genesys.", sim.baseUrl(), targets);
        }
    }

    /** Stops the simulator when the CamelContext stops, however the application ends. */
    static final class StopWithContext extends ServiceSupport {

        private final EmbeddedGenesysSimulator simulator;

        StopWithContext(EmbeddedGenesysSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        protected void doStop() {
            simulator.close();
        }
    }
}
