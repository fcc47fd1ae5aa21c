package io.camelgenesys.contacts;

import java.util.Properties;

import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Routes to genesys-contacts endpoints against the simulator. */
abstract class ContactsTestSupport extends GenesysRouteTestSupport {

    static final String EC = "/api/v2/externalcontacts";

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    /** A genesys-contacts URI on platform cloud with the simulator's credentials. */
    String contacts(String operation, String options) {
        return "genesys-contacts:" + operation + "?" + SimulatorSupport.cloud(sim()) + (options.isEmpty() ? "" : "&" + options);
    }

    /** Sends through a fresh route to the endpoint and returns the exchange (failed or not). */
    Exchange call(String operation, String options, Object body) throws Exception {
        String from = route(contacts(operation, options));
        return template.request(from, e -> e.getMessage().setBody(body));
    }

    /** The body of a successful call. */
    <T> T body(String operation, String options, Object body, Class<T> type) throws Exception {
        return template.requestBody(route(contacts(operation, options)), body, type);
    }

    /** The cause of a failed call. */
    Throwable failure(String operation, String options, Object body) throws Exception {
        String from = route(contacts(operation, options));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, body));
        assertNotNull(e.getCause());
        return e.getCause();
    }

    /**
     * Loads routes from a classpath file (YAML or XML DSL) whose endpoints take the simulator's URL and Genesys Cloud
     * credentials from the properties genesys.baseUrl, genesys.clientId and genesys.clientSecret.
     */
    void loadRoutes(String classpathResource) throws Exception {
        Properties props = new Properties();
        props.setProperty("genesys.baseUrl", sim().baseUrl());
        props.setProperty("genesys.clientId", sim().cloudClientId());
        props.setProperty("genesys.clientSecret", sim().cloudClientSecret());
        context.getPropertiesComponent().setOverrideProperties(props);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:" + classpathResource));
    }
}
