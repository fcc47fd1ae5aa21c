package io.camelgenesys.quarkus.core.deployment;

import java.time.Duration;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Build-time configuration of the camel-genesys extensions. */
@ConfigMapping(prefix = "quarkus.camel-genesys")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface GenesysBuildTimeConfig {

    /** Dev Services: the genesys-simulator in place of a Genesys tenant. */
    DevServices devservices();

    interface DevServices {

        /**
         * Whether, in dev and test mode, the genesys-simulator is started in-process on a free port and every
         * genesys-* component that has no Genesys base URL or credentials configured is pointed at it.
         * {@code quarkus.devservices.enabled=false} turns it off too.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Also start the simulator in a packaged (prod-mode) application ({@code java -jar quarkus-run.jar}), where
         * Quarkus runs no Dev Services: for demos and offline trials such as the project's Quarkus example, never for
         * production. The application must then depend on {@code io.camelgenesys:genesys-simulator}.
         */
        @WithDefault("false")
        boolean inPackagedApp();

        /**
         * How often the simulator's statistics generator publishes an update of every subscribed statistic; 0 turns
         * it off.
         */
        @WithDefault("1s")
        Duration statisticsInterval();

        /** How many generated external contacts the simulator starts with. */
        @WithDefault("0")
        int seedContacts();
    }
}
