package io.camelgenesys.quarkus.core.deployment;

import java.util.List;

import io.camelgenesys.core.GenesysComponent;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A component with a Genesys of its own is left alone (camelCase option names count as well as kebab-case), and the
 * others still get the simulator.
 */
public class GenesysDevServicesConfiguredTest {

    private static final String OWN_GENESYS = "https://gapi-use1.genesyscloud.com";

    private static final CapturedLog LOG = CapturedLog.start(GenesysDevServicesConfiguredTest.class);

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(CapturedLog.class))
            .overrideConfigKey("camel.component.genesys-stats.baseUrl", OWN_GENESYS)
            .overrideConfigKey("camel.component.genesys-stats.api-key", "my-key")
            .setAfterAllCustomizer(() -> {
                List<String> log = LOG.stop();
                assertTrue(log.contains("Dev Services for camel-genesys leave genesys-stats alone:"
                                        + " camel.component.genesys-stats.api-key is configured"),
                        "a component left alone is logged with the property that configures it: " + log);
            });

    @Inject
    CamelContext context;

    @Test
    void onlyTheUnconfiguredComponentUsesTheSimulator() {
        String simulator = ConfigProvider.getConfig().getValue("quarkus.camel-genesys.devservices.base-url", String.class);
        assertEquals(simulator, context.getComponent("genesys-contacts", GenesysComponent.class).getConfiguration()
                .getBaseUrl());
        GenesysComponent stats = context.getComponent("genesys-stats", GenesysComponent.class);
        assertEquals(OWN_GENESYS, stats.getConfiguration().getBaseUrl());
        assertEquals("my-key", stats.getConfiguration().getApiKey());
        assertTrue(ConfigProvider.getConfig().getOptionalValue("camel.component.genesys-stats.client-id", String.class)
                .isEmpty(), "no simulator credential leaks into a configured component");
    }
}
