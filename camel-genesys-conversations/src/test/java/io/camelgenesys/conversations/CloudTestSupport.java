package io.camelgenesys.conversations;

import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.simulator.CloudConversations;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Routes to genesys-conversations and genesys-users endpoints against the simulator. */
abstract class CloudTestSupport extends GenesysRouteTestSupport {

    static final String V2 = "/api/v2";

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    CloudConversations cloud() {
        return sim().cloudConversations();
    }

    /** A genesys-conversations or genesys-users URI with the simulator's credentials. */
    String uri(String component, String operation, String options) {
        return "genesys-" + component + ":" + operation + "?" + SimulatorSupport.cloud(sim())
               + (options.isEmpty() ? "" : "&" + options);
    }

    Exchange call(String component, String operation, String options, Object body) throws Exception {
        String from = route(uri(component, operation, options));
        return template.request(from, e -> e.getMessage().setBody(body));
    }

    <T> T body(String component, String operation, String options, Object body, Class<T> type) throws Exception {
        return template.requestBody(route(uri(component, operation, options)), body, type);
    }

    Throwable failure(String component, String operation, String options, Object body) throws Exception {
        String from = route(uri(component, operation, options));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, body));
        assertNotNull(e.getCause());
        return e.getCause();
    }
}
