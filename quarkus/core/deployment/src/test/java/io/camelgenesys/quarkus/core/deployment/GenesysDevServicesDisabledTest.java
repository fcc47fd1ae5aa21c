package io.camelgenesys.quarkus.core.deployment;

import io.camelgenesys.core.GenesysComponent;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quarkus.camel-genesys.devservices.enabled=false}: no simulator, the components keep their own settings. */
public class GenesysDevServicesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel-genesys.devservices.enabled", "false");

    @Inject
    CamelContext context;

    @Test
    void noSimulatorAndNoProperties() {
        assertTrue(ConfigProvider.getConfig().getOptionalValue("quarkus.camel-genesys.devservices.base-url", String.class)
                .isEmpty());
        for (String scheme : new String[] { "genesys-contacts", "genesys-conversations", "genesys-stats", "genesys-udm",
                "genesys-users",
                "genesys-interactions", "genesys-messaging", "genesys-openmedia", "genesys-securemail" }) {
            assertTrue(ConfigProvider.getConfig().getOptionalValue("camel.component." + scheme + ".base-url", String.class)
                    .isEmpty(), scheme);
            assertNull(context.getComponent(scheme, GenesysComponent.class).getConfiguration().getBaseUrl(), scheme);
        }
    }
}
