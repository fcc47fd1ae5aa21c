package io.camelgenesys.quarkus.core;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;

/** Run-time configuration of the camel-genesys extensions. */
@ConfigMapping(prefix = "quarkus.camel-genesys")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface GenesysRuntimeConfig {

    /** What Dev Services set. */
    DevServices devservices();

    interface DevServices {

        /**
         * The base URL of the genesys-simulator that Dev Services started ({@code http://127.0.0.1:PORT}), for tests
         * and routes that drive it through its {@code /simulator/**} admin endpoints. Set by Dev Services, not by
         * the user.
         */
        Optional<String> baseUrl();
    }
}
