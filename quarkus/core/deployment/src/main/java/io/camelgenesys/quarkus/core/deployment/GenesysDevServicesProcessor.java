package io.camelgenesys.quarkus.core.deployment;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelgenesys.quarkus.core.EmbeddedGenesysSimulator;
import io.camelgenesys.quarkus.core.GenesysSimulatorBinding;
import io.camelgenesys.quarkus.core.GenesysSimulatorRecorder;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import org.apache.camel.quarkus.core.deployment.main.spi.CamelMainListenerBuildItem;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Dev Services for camel-genesys: in dev and test mode, when a genesys-* component has no Genesys base URL or
 * credentials configured, the genesys-simulator is started in-process on a free port while the application is built,
 * and that component's {@code camel.component.<scheme>.*} properties point at it (as Dev Services configuration,
 * which the application's own properties override). It is reused while the configuration stays the same (dev-mode
 * restarts) and stopped with the application (the end of a test run, leaving dev mode).
 */
class GenesysDevServicesProcessor {

    static final String DEV_SERVICE = "camel-genesys";
    static final String SERVICE_NAME = "genesys-simulator";

    private static final Logger LOG = Logger.getLogger(GenesysDevServicesProcessor.class);

    /** The running Dev Service; static because it outlives one build (dev-mode restarts reuse it). */
    private static volatile RunningSimulator running;

    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
    DevServicesResultBuildItem devService(GenesysComponentsBuildItem components, GenesysBuildTimeConfig buildConfig,
                                          CuratedApplicationShutdownBuildItem shutdown) {
        GenesysBuildTimeConfig.DevServices config = buildConfig.devservices();
        Identity wanted = config.enabled()
                ? new Identity(unconfigured(components.getSchemes()), config.statisticsInterval().toMillis(),
                        config.seedContacts())
                : null;
        if (!config.enabled()) {
            LOG.debug("Dev Services for camel-genesys are disabled (quarkus.camel-genesys.devservices.enabled=false)");
        }
        RunningSimulator current = running;
        if (current != null && !current.identity().equals(wanted)) {
            // the configuration changed (dev mode): the next one is started afresh, or none at all
            running = null;
            current.close();
        }
        if (wanted == null || wanted.schemes().isEmpty()) {
            return null;
        }
        if (running == null) {
            EmbeddedGenesysSimulator simulator = EmbeddedGenesysSimulator.start(
                    Duration.ofMillis(wanted.statisticsIntervalMillis()), wanted.seedContacts());
            running = new RunningSimulator(wanted, simulator);
            // stopped with the application: the end of the test run, or leaving dev mode
            shutdown.addCloseTask(GenesysDevServicesProcessor::stop, true);
            LOG.infof("Dev Services for camel-genesys started the genesys-simulator on %s and pointed %s at it"
                      + " (camel.component.<scheme>.base-url and demo credentials). Configure a component's base-url"
                      + " or credentials to use a real Genesys for it, or turn this off with"
                      + " quarkus.camel-genesys.devservices.enabled=false.", simulator.baseUrl(), wanted.schemes());
        }
        String baseUrl = running.simulator().baseUrl();
        Map<String, String> properties = new HashMap<>(
                GenesysSimulatorBinding.componentProperties(wanted.schemes(), baseUrl));
        properties.put(BASE_URL_PROPERTY, baseUrl);
        return DevServicesResultBuildItem.discovered()
                .name(DEV_SERVICE)
                .description("genesys-simulator on " + baseUrl + " serving " + wanted.schemes())
                .config(properties)
                .build();
    }

    private static void stop() {
        RunningSimulator r = running;
        running = null;
        if (r != null) {
            r.close();
        }
    }

    /**
     * The simulator's base URL as a configuration property of its own, for tests and routes that drive the simulator
     * (its {@code /simulator/**} admin endpoints), whichever components it serves.
     */
    static final String BASE_URL_PROPERTY = "quarkus.camel-genesys.devservices.base-url";

    /** The schemes with no connection option configured, logging the ones left alone. */
    static List<String> unconfigured(List<String> schemes) {
        return GenesysSimulatorBinding.targets(schemes, ConfigProvider.getConfig().getPropertyNames(),
                (scheme, p) -> LOG.infof("Dev Services for camel-genesys leave %s alone: %s is configured", scheme, p));
    }

    /** The packaged-app demo: the same simulator, started by the application itself before Camel binds properties. */
    @BuildStep(onlyIf = IsNormal.class)
    @Record(ExecutionTime.STATIC_INIT)
    CamelMainListenerBuildItem packagedAppSimulator(GenesysComponentsBuildItem components,
                                                    GenesysBuildTimeConfig buildConfig,
                                                    CurateOutcomeBuildItem curate,
                                                    GenesysSimulatorRecorder recorder) {
        GenesysBuildTimeConfig.DevServices config = buildConfig.devservices();
        if (!config.inPackagedApp()) {
            return null;
        }
        boolean simulatorPresent = curate.getApplicationModel().getRuntimeDependencies().stream()
                .anyMatch(d -> GenesysCoreProcessor.GROUP_ID.equals(d.getGroupId())
                               && "genesys-simulator".equals(d.getArtifactId()));
        if (!simulatorPresent) {
            throw new IllegalStateException("quarkus.camel-genesys.devservices.in-packaged-app=true needs the"
                                            + " simulator at run time: add the dependency"
                                            + " io.camelgenesys:genesys-simulator to the application");
        }
        return new CamelMainListenerBuildItem(recorder.packagedAppSimulator(components.getSchemes(),
                config.statisticsInterval().toMillis(), config.seedContacts()));
    }

    /** What a running simulator was started for: a build wanting anything else gets a new one. */
    record Identity(List<String> schemes, long statisticsIntervalMillis, int seedContacts) {
    }

    record RunningSimulator(Identity identity, EmbeddedGenesysSimulator simulator) {
        void close() {
            simulator.close();
            LOG.infof("Dev Services for camel-genesys stopped the genesys-simulator on %s", simulator.baseUrl());
        }
    }
}
